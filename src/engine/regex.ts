/**
 * Regular expressions run on RE2 (re2js): linear time on every input, so no pattern can be
 * catastrophic. Patterns with backreferences or lookaround are refused with a diagnostic.
 * How the engine is loaded differs between Node and browsers: see load-re2.ts.
 */
import type { RE2JS as RE2JSClass } from "re2js";
import { loadRe2, requireRe2 } from "./load-re2.js";
import { prescreenRegex } from "./regex-prescreen.js";

export type CompiledRegex = { ok: true; regex: RE2JSClass } | { ok: false; message: string };

export const SUPPORTED_FLAGS = "i";

export function compileRegex(pattern: string, caseInsensitive: boolean): CompiledRegex {
  return compileWith(requireRe2(), pattern, caseInsensitive);
}

function compileWith(RE2JS: typeof RE2JSClass, pattern: string, caseInsensitive: boolean): CompiledRegex {
  try {
    return { ok: true, regex: RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0) };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    return { ok: false, message };
  }
}

type RegexVerdict = { ok: true } | { ok: false; message: string };

const verdicts = new Map<string, RegexVerdict>();

/**
 * Whether RE2 accepts a pattern (for the checker). Where the engine is not loaded (a browser
 * bundle without evaluation), what RE2 certainly refuses is found without it (regex-prescreen.ts)
 * and the engine's own parse reports anything subtler when the query is compiled.
 */
export function checkRegex(pattern: string): RegexVerdict {
  const engine = loadRe2();
  if (engine !== undefined) {
    // An editor re-checks the same patterns on every keystroke; RE2's parse is the costly part.
    let verdict = verdicts.get(pattern);
    if (verdict === undefined) {
      const compiled = compileWith(engine, pattern, false);
      verdict = compiled.ok ? { ok: true } : compiled;
      if (verdicts.size >= 256) verdicts.clear();
      verdicts.set(pattern, verdict);
    }
    return verdict;
  }
  const refused = prescreenRegex(pattern);
  return refused === undefined ? { ok: true } : { ok: false, message: refused };
}

/** The flags a regex literal may carry are `i` only (SPEC §2). */
export function badFlags(flags: string): string[] {
  return [...new Set(flags)].filter((f) => !SUPPORTED_FLAGS.includes(f));
}
