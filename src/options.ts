import type { ResolvedSchema, Schema } from "./check/schema.js";

/** Limits of SPEC §6. Every one is an option; past it, a `limit-exceeded` diagnostic. */
export interface Limits {
  /** Nesting depth: every `(` and every prefix `not` from the root to a predicate. Default 64. */
  readonly maxDepth?: number;
  /** Predicates in one query (or conditions in one body). Default 1,024. */
  readonly maxPredicates?: number;
  /** Values in one `in` list. Default 1,024. */
  readonly maxListItems?: number;
  /** Length of the query text in UTF-16 code units. Default 65,536 (64 KiB). */
  readonly maxLength?: number;
}

export interface ParseOptions extends Limits {
  /**
   * Used only when the text has errors: a bare word where an enum field's value goes is fixed
   * to the enum's closest value, and a bare word is quoted only where the field takes text.
   */
  readonly schema?: Schema | ResolvedSchema;
}

export const DEFAULT_LIMITS: Required<Limits> = {
  maxDepth: 64,
  maxPredicates: 1024,
  maxListItems: 1024,
  maxLength: 64 * 1024,
};

export function resolveLimits(options: Limits | undefined): Required<Limits> {
  return {
    maxDepth: options?.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxPredicates: options?.maxPredicates ?? DEFAULT_LIMITS.maxPredicates,
    maxListItems: options?.maxListItems ?? DEFAULT_LIMITS.maxListItems,
    maxLength: options?.maxLength ?? DEFAULT_LIMITS.maxLength,
  };
}
