/**
 * Case-insensitive mode folds with `toLowerCase` (SPEC §4), which is not the case folding of a
 * `$regex` with option "i" (PCRE folds `ſ` with `s`, `toLowerCase` does not; `İ` lowercases to two
 * characters). So the MongoDB form never uses "i" for it: every character of the lowercased value
 * becomes the class of the characters whose lowercase it is, spelled out code point by code point,
 * in a case-sensitive pattern. That is exact because `toLowerCase` maps each character on its own
 * except for two cases, handled here: `İ` (U+0130) lowercases to "i" + U+0307, and a capital
 * sigma lowercases to σ or ς depending on its neighbours — values holding σ or ς are refused.
 */
import { DOTTED_CAPITAL_I, hasSigma, lowercasePairs } from "../engine/lowercase-pairs.js";
import { literal } from "./pcre-literal.js";

const COMBINING_DOT = 0x307;
const SMALL_I = 0x69;

let inverse: Map<number, number[]> | undefined;

/** For each lowercase character, the other characters that lowercase to it alone. */
function inverseLowercase(): Map<number, number[]> {
  if (inverse !== undefined) return inverse;
  const map = new Map<number, number[]>();
  for (const [from, to] of lowercasePairs()) {
    const list = map.get(to);
    if (list === undefined) map.set(to, [from]);
    else list.push(from);
  }
  inverse = map;
  return map;
}

/**
 * The pattern for one character of a lowercased value: itself (a lowercased character lowercases
 * to itself) and every character lowercasing to it.
 */
function charClass(cp: number, extra: readonly number[] = []): string {
  const members = [cp, ...(inverseLowercase().get(cp) ?? []), ...extra];
  if (members.length === 1) return literal(members[0] as number);
  return `[${members.map(literal).join("")}]`;
}

export interface FoldEnds {
  /** The match may begin inside a field character (contains, ends with). */
  readonly openStart: boolean;
  /** The match may end inside a field character (contains, starts with). */
  readonly openEnd: boolean;
}

/**
 * A case-sensitive PCRE pattern matching exactly the strings `s` with `s.toLowerCase()` equal to
 * `value.toLowerCase()` (or, with open ends, those whose lowercase has it at that end). Undefined
 * when the value holds a sigma (its lowercase depends on the surrounding text).
 */
export function foldedPattern(value: string, ends: FoldEnds): string | undefined {
  const lowered = value.toLowerCase();
  if (hasSigma(lowered)) return undefined;
  const cps = Array.from(lowered, (c) => c.codePointAt(0) as number);
  let out = "";
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] as number;
    const first = i === 0;
    const last = i === cps.length - 1;
    if (cp === SMALL_I && cps[i + 1] === COMBINING_DOT) {
      // "i" + U+0307 is also what one `İ` lowercases to.
      out += `(?:${charClass(SMALL_I)}${charClass(COMBINING_DOT)}|${literal(DOTTED_CAPITAL_I)})`;
      i++;
    } else if (cp === SMALL_I && last && ends.openEnd) {
      // The first half of an `İ` whose U+0307 lies past the end of the match.
      out += charClass(SMALL_I, [DOTTED_CAPITAL_I]);
    } else if (cp === COMBINING_DOT && first && ends.openStart) {
      // The second half of an `İ` whose "i" lies before the match.
      out += charClass(COMBINING_DOT, [DOTTED_CAPITAL_I]);
    } else out += charClass(cp);
  }
  return out;
}
