/**
 * `matches` patterns are RE2 syntax; MongoDB runs PCRE2. The pattern is parsed by RE2 itself
 * (re2js's simplified tree, engine/re2-tree.ts) and written out node by node in a form whose
 * meaning does not depend on PCRE's options or Unicode tables; what has no such form is refused
 * (the caller turns the refusal into an `unsupported-by-dialect` diagnostic).
 * - Every character is written as `\x{…}` or a plain ASCII letter/digit, and every class as a
 *   bracket of code point ranges — RE2's own expansion of `\d`, `\s`, `\w`, `\pL`, `[[:alpha:]]`,
 *   negations — so PCRE's `\s` (which adds \v), its `\w` and its Unicode tables never come in.
 * - Case folding (`i`, `(?i)`) is RE2's: a folded character is the bracket of its RE2 fold orbit
 *   (`[Kk\x{212a}]`), and folded classes arrive folded. The pattern is run without `$options`,
 *   since PCRE's folding differs (it does not fold `\w`, and its orbits are its own).
 * - `$` and `\z` are written `\z` (PCRE's `$` also matches before a final newline); `^` and `\A`
 *   are `^`; `.` is `[^\x{a}]` and `(?s:.)` the full range, whatever PCRE's newline setting.
 * - Greediness is dropped: only whether a match exists is asked. For the same reason an optional
 *   part (`X*`, `X?`) at either end of an unanchored pattern is left out: `.*a.*b` matches where
 *   `a.*b` does, and PCRE is spared backtracking into it.
 * Refused: `\b`, `\B` (PCRE's word characters are not RE2's under `i`), the line anchors of
 * `(?m)`, forms longer than the server takes, and patterns PCRE could backtrack on
 * catastrophically (SPEC §6, backtracking.ts).
 */
import { FOLD_CASE, foldOrbit, MAX_RUNE, type Node, Op, parse } from "../engine/re2-tree.js";
import { backtrackingRisk } from "./backtracking.js";
import { literal } from "./pcre-literal.js";

export type Translation = { ok: true; pattern: string } | { ok: false; reason: string };

class Refusal {
  constructor(readonly reason: string) {}
}

/**
 * The server refuses longer patterns ("pattern string is longer than the limit set by the
 * application": jstests/core/query/regex/regex_max_pattern_length.js fails at 32,767).
 */
export const MAX_PATTERN_LENGTH = 32_000;
const TOO_LONG = `a PCRE form longer than the ${MAX_PATTERN_LENGTH} characters the server takes (classes and counted repetitions are written out)`;

interface Piece {
  readonly text: string;
  /** Can take a quantifier as it is (one character, a bracket, a group). */
  readonly atom: boolean;
  /** An alternation, to be grouped inside a sequence. */
  readonly alternation: boolean;
}

const atom = (text: string): Piece => ({ text, atom: true, alternation: false });
/** Matches nothing: the complement of every character. */
const NEVER = atom(`[^${literal(0)}-${literal(MAX_RUNE)}]`);

const SURROGATES: readonly [number, number] = [0xd800, 0xdfff];

/**
 * A bracket of [lo, hi] pairs (a lone character as itself). PCRE2 in UTF mode refuses a
 * surrogate written as `\x{…}`, and no server string holds one, so range ends move off them.
 */
function bracket(runes: ArrayLike<number>): Piece {
  const ends: string[] = [];
  let only: number | undefined;
  for (let i = 0; i + 1 < runes.length; i += 2) {
    let lo = runes[i] as number;
    let hi = runes[i + 1] as number;
    if (lo >= SURROGATES[0] && lo <= SURROGATES[1]) lo = SURROGATES[1] + 1;
    if (hi >= SURROGATES[0] && hi <= SURROGATES[1]) hi = SURROGATES[0] - 1;
    if (lo > hi) continue;
    only = ends.length === 0 && lo === hi ? lo : undefined;
    ends.push(lo === hi ? literal(lo) : `${literal(lo)}-${literal(hi)}`);
  }
  if (ends.length === 0) return NEVER;
  return atom(only !== undefined && ends.length === 1 ? literal(only) : `[${ends.join("")}]`);
}

function grouped(p: Piece): string {
  return p.atom ? p.text : `(?:${p.text})`;
}

function sequence(pieces: readonly Piece[]): Piece {
  if (pieces.length === 1) return pieces[0] as Piece;
  const text = pieces.map((p) => (p.alternation ? `(?:${p.text})` : p.text)).join("");
  if (text.length > MAX_PATTERN_LENGTH) throw new Refusal(TOO_LONG);
  return { text, atom: false, alternation: false };
}

function repeated(n: Node, quantifier: string): Piece {
  return { text: `${grouped(emit(n.subs[0] as Node))}${quantifier}`, atom: false, alternation: false };
}

function emit(n: Node): Piece {
  switch (n.op) {
    case Op.NO_MATCH: return NEVER;
    case Op.EMPTY_MATCH: return atom("(?:)");
    case Op.LITERAL:
      return sequence(Array.from(n.runes, (cp) => bracket((n.flags & FOLD_CASE) !== 0 ? foldOrbit(cp) : [cp, cp])));
    case Op.CHAR_CLASS: return bracket(n.runes);
    case Op.ANY_CHAR_NOT_NL: return atom(`[^${literal(0xa)}]`);
    case Op.ANY_CHAR: return atom(`[${literal(0)}-${literal(MAX_RUNE)}]`);
    // Not atoms: PCRE takes no quantifier on an assertion, so a repeated one is grouped.
    case Op.BEGIN_TEXT: return { text: "^", atom: false, alternation: false };
    case Op.END_TEXT: return { text: "\\z", atom: false, alternation: false };
    case Op.CAPTURE: return emit(n.subs[0] as Node);
    case Op.STAR: return repeated(n, "*");
    case Op.PLUS: return repeated(n, "+");
    case Op.QUEST: return repeated(n, "?");
    case Op.CONCAT: return sequence(n.subs.map(emit));
    case Op.ALTERNATE: return { text: n.subs.map((s) => emit(s).text).join("|"), atom: false, alternation: true };
    case Op.WORD_BOUNDARY: throw new Refusal("the escape \\b (PCRE's word characters are not RE2's)");
    case Op.NO_WORD_BOUNDARY: throw new Refusal("the escape \\B (PCRE's word characters are not RE2's)");
    case Op.BEGIN_LINE:
    case Op.END_LINE:
      throw new Refusal("the line anchors of multi-line mode (?m)");
    // Look-behind (not enabled in the engine) and counted repeats (expanded by the simplifier).
    default:
      throw new Refusal("a construct this rewrite does not read");
  }
}

const optional = (n: Node): boolean => n.op === Op.STAR || n.op === Op.QUEST || n.op === Op.EMPTY_MATCH || (n.op === Op.CAPTURE && optional(n.subs[0] as Node));

/**
 * The pattern less the optional parts at its ends. A search only asks whether some position
 * matches: `Y* R` matches somewhere exactly when `R` does (from where `Y*` ends), and `R Y?`
 * exactly when `R` does. An anchor at an end (`^.*a`, `a.*\z`) is no optional part, so it stays.
 */
function withoutOptionalEnds(tree: Node): Node {
  const top = tree.op === Op.CAPTURE ? (tree.subs[0] as Node) : tree;
  if (top.op !== Op.CONCAT) return optional(top) ? { ...top, op: Op.EMPTY_MATCH, subs: [] } : tree;
  let from = 0;
  let to = top.subs.length;
  while (from < to && optional(top.subs[from] as Node)) from++;
  while (to > from && optional(top.subs[to - 1] as Node)) to--;
  return from === 0 && to === top.subs.length ? tree : { ...top, subs: top.subs.slice(from, to) };
}

/** The PCRE form (to run without options) of an RE2 pattern, `caseless` for flag `i`, or why there is none. */
export function re2ToPcre(pattern: string, caseless: boolean): Translation {
  let tree: Node;
  try {
    tree = parse(pattern, caseless);
  } catch (error) {
    return { ok: false, reason: `an invalid pattern (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    const searched = withoutOptionalEnds(tree);
    const text = emit(searched).text;
    if (text.length > MAX_PATTERN_LENGTH) return { ok: false, reason: TOO_LONG };
    const risk = backtrackingRisk(searched);
    return risk === undefined ? { ok: true, pattern: text } : { ok: false, reason: risk };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}
