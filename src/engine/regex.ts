/**
 * Regular expressions run on RE2 (re2js): linear time on every input, so no pattern can be
 * catastrophic. Patterns with backreferences or lookaround are refused with a diagnostic.
 *
 * re2js is loaded on first use, synchronously through its CommonJS build: its Unicode tables
 * cost ~10 ms to load, which most queries (no `matches`) never need to pay at start-up.
 */
import { createRequire } from "node:module";
import type { RE2JS as RE2JSClass } from "re2js";

type RE2JSStatic = typeof RE2JSClass;

let engine: RE2JSStatic | undefined;

function re2(): RE2JSStatic {
  engine ??= (createRequire(import.meta.url)("re2js") as { RE2JS: RE2JSStatic }).RE2JS;
  return engine;
}

export type CompiledRegex = { ok: true; regex: RE2JSClass } | { ok: false; message: string };

export const SUPPORTED_FLAGS = "i";

export function compileRegex(pattern: string, caseInsensitive: boolean): CompiledRegex {
  const RE2JS = re2();
  try {
    return { ok: true, regex: RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0) };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    return { ok: false, message };
  }
}

/** The flags a regex literal may carry are `i` only (SPEC §2). */
export function badFlags(flags: string): string[] {
  return [...new Set(flags)].filter((f) => !SUPPORTED_FLAGS.includes(f));
}
