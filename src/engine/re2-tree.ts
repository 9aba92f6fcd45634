/**
 * RE2's own reading of a pattern, for the targets that rewrite it into another regex dialect
 * (PostgreSQL, MongoDB's PCRE). re2js's `RE2Set` keeps the parsed and simplified syntax tree:
 * classes (`\d`, `\pL`, `[[:alpha:]]`, negations) arrive as sorted code point ranges, case-folded
 * classes already hold RE2's fold orbits, `\Q…\E` is a literal, and counted repeats are expanded
 * (`a{2,}` → `aa+`, `a{0,2}` → `(?:aa?)?`). Rewriting that tree leaves no RE2 syntax unread.
 */
import { requireRe2Module } from "./load-re2.js";

/** A node of re2js's simplified syntax tree (`Regexp`), as far as the rewriters read it. */
export interface Node {
  readonly op: number;
  readonly flags: number;
  readonly subs: readonly Node[];
  /** A literal's characters, or a class as [lo, hi] pairs. */
  readonly runes: ArrayLike<number>;
  readonly min: number;
  readonly max: number;
}

/** re2js's `Regexp.Op` numbering. */
export const Op = {
  NO_MATCH: 0, EMPTY_MATCH: 1, LITERAL: 2, CHAR_CLASS: 3, ANY_CHAR_NOT_NL: 4, ANY_CHAR: 5, BEGIN_LINE: 6, END_LINE: 7,
  BEGIN_TEXT: 8, END_TEXT: 9, WORD_BOUNDARY: 10, NO_WORD_BOUNDARY: 11, CAPTURE: 12, STAR: 13, PLUS: 14, QUEST: 15,
  REPEAT: 16, CONCAT: 17, ALTERNATE: 18,
} as const;

/** A literal's flag: it matches every character of each of its characters' fold orbits. */
export const FOLD_CASE = 1;
export const MAX_RUNE = 0x10ffff;

/**
 * The tree of `pattern` as the engine reads it (`caseInsensitive`: flag `i`). Loaded as the
 * engine loads it: lazily in Node, statically in a browser bundle (see load-re2.ts). Throws on a
 * pattern RE2 refuses.
 */
export function parse(pattern: string, caseInsensitive: boolean): Node {
  const { RE2Set, RE2JS } = requireRe2Module();
  const set = new RE2Set(RE2Set.UNANCHORED, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0) as unknown as { add(p: string): number; regexps: Node[] };
  set.add(pattern);
  return set.regexps[0] as Node;
}

const orbits = new Map<number, readonly number[]>();

/**
 * RE2's case-fold orbit of one character as [lo, hi] pairs, as RE2 itself expands
 * `(?i)[x\x{10FFFF}]` (the second, caseless character keeps the parser from turning a one-rune
 * class back into a literal; it is taken out again).
 */
export function foldOrbit(cp: number): readonly number[] {
  let out = orbits.get(cp);
  if (out === undefined) {
    const node = parse(`[\\x{${cp.toString(16)}}\\x{10ffff}]`, true);
    const runes = Array.from(node.runes);
    if (cp !== MAX_RUNE && runes.length >= 2 && runes[runes.length - 1] === MAX_RUNE) {
      if (runes[runes.length - 2] === MAX_RUNE) runes.length -= 2;
      else runes[runes.length - 1] = MAX_RUNE - 1;
    }
    out = node.op === Op.CHAR_CLASS ? runes : [cp, cp];
    orbits.set(cp, out);
  }
  return out;
}
