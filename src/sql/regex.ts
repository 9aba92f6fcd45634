/**
 * RE2 → PostgreSQL ARE, exactly or not at all. The pattern is parsed by re2js (its RE2Set keeps
 * the simplified syntax tree) and rewritten node by node into a form whose meaning does not
 * depend on PostgreSQL's flags, collation or newline mode: every character is written as a
 * `\uXXXX` / `\UXXXXXXXX` escape or a positive bracket of code point ranges, `.` becomes the
 * explicit range RE2 means, `\b` becomes ASCII look-arounds, `(?i)` becomes RE2's own case-fold
 * orbits. Only whether a match exists is asked, so greediness is irrelevant and dropped.
 * Anything else (line anchors of `(?m)`, look-behind, repeats above PostgreSQL's 255, huge
 * expansions) is refused with a message.
 */
import { requireRe2Module } from "../engine/load-re2.js";

interface Node {
  readonly op: number;
  readonly flags: number;
  readonly subs: readonly Node[];
  readonly runes: ArrayLike<number>;
  readonly min: number;
  readonly max: number;
}

// Loaded as the engine loads it: lazily in Node, statically in a browser bundle (see load-re2.ts).
const load = requireRe2Module;

/** re2js's `Regexp.Op` numbering. */
const Op = {
  NO_MATCH: 0, EMPTY_MATCH: 1, LITERAL: 2, CHAR_CLASS: 3, ANY_CHAR_NOT_NL: 4, ANY_CHAR: 5, BEGIN_LINE: 6, END_LINE: 7,
  BEGIN_TEXT: 8, END_TEXT: 9, WORD_BOUNDARY: 10, NO_WORD_BOUNDARY: 11, CAPTURE: 12, STAR: 13, PLUS: 14, QUEST: 15,
  REPEAT: 16, CONCAT: 17, ALTERNATE: 18,
} as const;
const FOLD_CASE = 1;
const MAX_RUNE = 0x10ffff;
/** PostgreSQL's largest bound in `{m,n}`. */
const PG_DUPMAX = 255;
const MAX_SOURCE = 64 * 1024;

export type TranslatedRegex = { ok: true; source: string } | { ok: false; message: string };

class Refused extends Error {}

function parse(pattern: string, caseInsensitive: boolean): Node {
  const { RE2Set, RE2JS } = load();
  const set = new RE2Set(RE2Set.UNANCHORED, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0) as unknown as { add(p: string): number; regexps: Node[] };
  set.add(pattern);
  return set.regexps[0] as Node;
}

function hex(cp: number): string {
  return cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, "0")}` : `\\U${cp.toString(16).padStart(8, "0")}`;
}

/** One code point, escaped unless it is an ASCII letter or digit. */
function char(cp: number): string {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? String.fromCharCode(cp) : hex(cp);
}

/** A positive bracket of [lo, hi] pairs. NUL cannot occur in PostgreSQL text, so it is left out. */
function bracket(runes: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < runes.length; i += 2) {
    const lo = Math.max(runes[i] as number, 1);
    const hi = Math.min(runes[i + 1] as number, MAX_RUNE);
    if (lo > hi) continue;
    parts.push(lo === hi ? char(lo) : `${char(lo)}-${char(hi)}`);
  }
  return parts.length === 0 ? NEVER : `[${parts.join("")}]`;
}

/** Matches nothing: a look-ahead for `a` followed by `b`. */
const NEVER = "(?=a)b";
const WORD = "[0-9A-Za-z_]";

const foldCache = new Map<number, string>();

/**
 * RE2's case-fold orbit of one rune, as RE2 itself expands `(?i)[x\x{10FFFF}]` (the second,
 * caseless rune keeps the parser from turning a one-rune class back into a literal).
 */
function folded(cp: number): string {
  let out = foldCache.get(cp);
  if (out === undefined) {
    const node = parse(`[\\x{${cp.toString(16)}}\\x{10ffff}]`, true);
    const runes = Array.from(node.runes);
    if (cp !== MAX_RUNE && runes.length >= 2 && runes[runes.length - 1] === MAX_RUNE) {
      if (runes[runes.length - 2] === MAX_RUNE) runes.length -= 2;
      else runes[runes.length - 1] = MAX_RUNE - 1;
    }
    out = node.op === Op.CHAR_CLASS ? bracket(runes) : char(cp);
    foldCache.set(cp, out);
  }
  return out;
}

function emptyWidth(n: Node): boolean {
  return n.op >= Op.BEGIN_LINE && n.op <= Op.NO_WORD_BOUNDARY;
}

function emit(n: Node): string {
  switch (n.op) {
    case Op.NO_MATCH: return NEVER;
    case Op.EMPTY_MATCH: return "(?:)";
    case Op.LITERAL: {
      let s = "";
      for (let i = 0; i < n.runes.length; i++) {
        const cp = n.runes[i] as number;
        if (cp === 0) return NEVER;
        s += (n.flags & FOLD_CASE) !== 0 ? folded(cp) : char(cp);
      }
      return s;
    }
    case Op.CHAR_CLASS: return bracket(n.runes);
    case Op.ANY_CHAR_NOT_NL: return `[${hex(1)}-${hex(9)}${hex(11)}-${hex(MAX_RUNE)}]`;
    case Op.ANY_CHAR: return `[${hex(1)}-${hex(MAX_RUNE)}]`;
    case Op.BEGIN_TEXT: return "\\A";
    case Op.END_TEXT: return "\\Z";
    case Op.WORD_BOUNDARY: return `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
    case Op.NO_WORD_BOUNDARY: return `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;
    case Op.CAPTURE: return `(?:${emit(only(n))})`;
    case Op.STAR: return `${quantified(n)}*`;
    case Op.PLUS: return `${quantified(n)}+`;
    case Op.QUEST: return `${quantified(n)}?`;
    case Op.REPEAT: {
      if (n.min > PG_DUPMAX || n.max > PG_DUPMAX) throw new Refused(`a repeat count above ${PG_DUPMAX} (PostgreSQL's limit)`);
      return `${quantified(n)}{${n.min},${n.max < 0 ? "" : n.max}}`;
    }
    case Op.CONCAT: return n.subs.map(emit).join("");
    case Op.ALTERNATE: return `(?:${n.subs.map(emit).join("|")})`;
    case Op.BEGIN_LINE:
    case Op.END_LINE:
      throw new Refused("line anchors of multi-line mode `(?m)`");
    default:
      throw new Refused("look-behind");
  }
}

function only(n: Node): Node {
  return n.subs[0] as Node;
}

function quantified(n: Node): string {
  const sub = only(n);
  if (emptyWidth(sub)) throw new Refused("a repeated assertion");
  return `(?:${emit(sub)})`;
}

/** The PostgreSQL ARE with exactly the matches of RE2 `pattern` (as `find`), or why there is none. */
export function translateRegex(pattern: string, caseInsensitive: boolean): TranslatedRegex {
  let tree: Node;
  try {
    tree = parse(pattern, caseInsensitive);
  } catch (error) {
    return { ok: false, message: `invalid regex: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const source = emit(tree);
    if (source.length > MAX_SOURCE) return { ok: false, message: "the pattern expands beyond 64 KiB in PostgreSQL syntax" };
    return { ok: true, source };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: `PostgreSQL has no exact equivalent of ${error.message}` };
    throw error;
  }
}
