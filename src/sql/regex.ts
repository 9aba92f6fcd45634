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
import { FOLD_CASE, foldOrbit, MAX_RUNE, type Node, Op, parse } from "../engine/re2-tree.js";

/** PostgreSQL's largest bound in `{m,n}`. */
const PG_DUPMAX = 255;
const MAX_SOURCE = 64 * 1024;

export type TranslatedRegex = { ok: true; source: string } | { ok: false; message: string };

class Refused extends Error {}

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

/** A case-folded character: RE2's fold orbit as a bracket. */
function folded(cp: number): string {
  let out = foldCache.get(cp);
  if (out === undefined) {
    const orbit = foldOrbit(cp);
    out = orbit.length === 2 && orbit[0] === orbit[1] ? char(cp) : bracket(orbit);
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
