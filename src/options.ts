import type { ResolvedSchema, Schema } from "./check/schema.js";
import { checkedWhole } from "./arguments.js";

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

/** Frozen: every call without limits of its own shares it. */
export const DEFAULT_LIMITS: Readonly<Required<Limits>> = Object.freeze({
  maxDepth: 64,
  maxPredicates: 1024,
  maxListItems: 1024,
  maxLength: 64 * 1024,
});

/**
 * The deepest nesting `maxDepth` may allow. Parsing, checking and every target recurse once or
 * more per level, so a deeper limit would let a query overflow the call stack instead of getting
 * a `limit-exceeded` diagnostic. On Node's default stack the first stage to overflow (the
 * recovering parse of broken text such as `((…(a = 1 b)…))`) does so past 850 levels; this
 * leaves room for the caller's own frames and smaller stacks (worker threads, browsers).
 */
export const MAX_DEPTH_CEILING = 500;

/**
 * The limits a call asked for, defaults filled in. Each must be a whole number of 0 or more; the
 * counting limits may be `Infinity` (no limit), `maxDepth` stays at or below `MAX_DEPTH_CEILING`.
 * A wrong one is a programming error: a TypeError or RangeError naming `fn` and the option.
 */
export function resolveLimits(fn: string, options: Limits | undefined): Required<Limits> {
  // Most calls pass no limits: the frozen defaults, with nothing to check (parse is a hot path).
  if (options === undefined || (options.maxDepth === undefined && options.maxPredicates === undefined && options.maxListItems === undefined && options.maxLength === undefined)) return DEFAULT_LIMITS;
  const limit = (name: keyof Limits, max: number): number => {
    const value: unknown = options?.[name];
    return value === undefined ? DEFAULT_LIMITS[name] : checkedWhole(fn, `options.${name}`, value, 0, max);
  };
  return {
    maxDepth: limit("maxDepth", MAX_DEPTH_CEILING),
    maxPredicates: limit("maxPredicates", Number.POSITIVE_INFINITY),
    maxListItems: limit("maxListItems", Number.POSITIVE_INFINITY),
    maxLength: limit("maxLength", Number.POSITIVE_INFINITY),
  };
}
