/**
 * JavaScript's `toLowerCase` (the engine's case folding, SPEC §4) as character pairs, for targets
 * that must spell it out: every code point whose lower case is one other code point, with that
 * code point. Two mappings are not pairs and are the targets' to handle: U+0130 lowercases to
 * "i" + U+0307, and Σ to σ or ς depending on its neighbours (`hasSigma` finds values it touches).
 * Built once, from `toLowerCase` itself over every code point that has a case.
 */

/** No code point above the Adlam block (U+1E9xx) has a lower-case mapping (a test checks the whole range). */
const LAST_CASED = 0x1ffff;
/** İ: it lowercases to two code points ("i" + U+0307), so it is no pair. */
export const DOTTED_CAPITAL_I = 0x130;

let pairs: readonly (readonly [from: number, to: number])[] | undefined;

export function lowercasePairs(): readonly (readonly [from: number, to: number])[] {
  if (pairs !== undefined) return pairs;
  const out: [number, number][] = [];
  for (let cp = 0; cp <= LAST_CASED; cp++) {
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp === DOTTED_CAPITAL_I) continue;
    const s = String.fromCodePoint(cp);
    const lower = s.toLowerCase();
    if (lower === s) continue;
    const to = lower.codePointAt(0) as number;
    if (String.fromCodePoint(to) !== lower) throw new Error(`unexpected multi-character lower case of U+${cp.toString(16)}`);
    out.push([cp, to]);
  }
  pairs = out;
  return out;
}

/** Whether a lower-cased value holds σ or ς, whose upper-case source folds by context. */
export function hasSigma(lowered: string): boolean {
  return lowered.includes("σ") || lowered.includes("ς");
}
