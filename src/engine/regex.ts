/**
 * Regular expressions run on RE2 (re2js): linear time on every input, so no pattern can be
 * catastrophic. Patterns with backreferences or lookaround are refused with a diagnostic.
 */
import { RE2JS } from "re2js";

export type CompiledRegex = { ok: true; regex: RE2JS } | { ok: false; message: string };

export const SUPPORTED_FLAGS = "i";

export function compileRegex(pattern: string, caseInsensitive: boolean): CompiledRegex {
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
