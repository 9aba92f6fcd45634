/**
 * Whether PCRE, which backtracks, could take catastrophic time on a pattern (SPEC §6). Read on
 * re2js's simplified tree, which re2-to-pcre.ts writes out node for node, so what is checked is
 * what the server runs.
 *
 * The pattern is read as a position automaton (Glushkov): each character or class is a position,
 * and a step from one position to the next is an edge labelled by where it comes from — the
 * sequence that joins the two, or the repetition that loops back. Two edges leaving one place
 * whose target classes share a character are two ways to read the same text: a choice PCRE may
 * have to undo.
 * - Every unbounded repetition must be deterministic on its own: from its start and from each of
 *   its positions, the edges that stay inside it lead to disjoint classes. Then no text can be
 *   looped over in two ways, so the exponential blow-up of `(a+)+`, `(a|aa)*`, `(a?a)+` or
 *   `(a*|b)*` cannot happen (two loops on the same text from one position would need such a
 *   choice inside the smallest repetition holding both). `(foo|bar)+`, `(?:[a-z]+\s)+` and
 *   `(ab?)+` pass: each step can be taken one way only.
 * - At most MAX_OPEN_LOOPS (1) repetition may end in more than one place on the same text (a
 *   position in it with a choice between staying and leaving): each multiplies the work on a
 *   failing text by its length, and so does the search from every start position (`a.*b` is
 *   kept; `a.*b.*c` is not: cubic, seconds on a few thousand characters). An assertion after a
 *   repetition (`a*\z`) is such a choice too: PCRE retries every length of the repetition
 *   against it, so it is read as a position that any character may follow into.
 * - Apart from looping, the pattern may read one text in at most 1,024 ways, 64 with one open
 *   loop (MAX_WAYS_BY_OPEN_LOOPS): a run of optional parts can otherwise cost
 *   exponential time in the pattern's length (`a?a?…a?aa…a` doubles with every `a?`), while a
 *   counted repeat such as `.{0,30}x` (nested options) has only 31.
 */
import { FOLD_CASE, foldOrbit, MAX_RUNE, type Node, Op } from "../engine/re2-tree.js";

/**
 * Ways to read one text allowed in one pattern, not counting loops, by the number of open loops:
 * PCRE may try every way from every start position, and each open loop multiplies that by the
 * text's length.
 */
export const MAX_WAYS_BY_OPEN_LOOPS = [1 << 10, 1 << 6] as const;
const MAX_WAYS = MAX_WAYS_BY_OPEN_LOOPS[0];
/**
 * Repetitions allowed to end in more than one place on the same text. With the unanchored search
 * (every start position), one gives PCRE work of the square of the text's length on a failing
 * text; two, the cube (`a*a*\z` took 13 s on 4,001 characters in PCRE2 10.42).
 */
export const MAX_OPEN_LOOPS = MAX_WAYS_BY_OPEN_LOOPS.length - 1;
/** Sizes beyond which a pattern is not analysed (and refused). */
const MAX_POSITIONS = 4096;
const MAX_STEPS = 100_000;

interface Edge {
  readonly to: number;
  /** The sequence or repetition that makes the step. */
  readonly via: number;
  /** In how many ways the empty parts before it allow the step (capped past MAX_WAYS). */
  readonly count: number;
}

/** A position a part can end on, and in how many ways (capped past MAX_WAYS). */
interface End {
  readonly at: number;
  readonly count: number;
}

/**
 * A part of the pattern: its first steps, the positions it can end on, and how many ways (0, 1,
 * or 2 for "several") it can match the empty text. A step or end that the empty parts allow in
 * several ways carries that count, so it shows as a choice like any other. Counts, not copies:
 * copies of a list double at every part that matches the empty text two ways (`(?:^|\z)`).
 */
interface Part {
  readonly first: readonly Edge[];
  readonly last: readonly End[];
  readonly empties: number;
}

interface Loop {
  /** Its positions are the ids from..to-1 (positions are numbered left to right). */
  readonly from: number;
  readonly to: number;
  readonly first: readonly Edge[];
}

const NONE: Part = { first: [], last: [], empties: 0 };
const EMPTY: Part = { first: [], last: [], empties: 1 };
const NOT_NL = [0, 9, 11, MAX_RUNE];
const ANY = [0, MAX_RUNE];

class Automaton {
  readonly classes: (readonly number[])[] = [];
  readonly follow: Edge[][] = [];
  readonly loops: Loop[] = [];
  private sites = 1;
  /** The sites that are loops (their edges go back). */
  readonly loopSites = new Set<number>();
  private steps = 0;

  position(ranges: readonly number[]): Part {
    if (this.classes.length >= MAX_POSITIONS) throw new TooLarge();
    const id = this.classes.length;
    this.classes.push(ranges);
    this.follow.push([]);
    return { first: [{ to: id, via: 0, count: 1 }], last: [{ at: id, count: 1 }], empties: 0 };
  }

  join(a: Part, b: Part, via: number): void {
    this.steps += a.last.length * b.first.length;
    if (this.steps > MAX_STEPS) throw new TooLarge();
    for (const p of a.last) for (const e of b.first) (this.follow[p.at] as Edge[]).push({ to: e.to, via, count: capped(p.count * e.count) });
  }

  sequence(parts: readonly Part[]): Part {
    let acc = EMPTY;
    for (const part of parts) {
      this.join(acc, part, this.sites++);
      acc = {
        first: edges([...acc.first, ...times(acc.empties, part.first)]),
        last: ends([...times(part.empties, acc.last), ...part.last]),
        empties: Math.min(2, acc.empties * part.empties),
      };
    }
    return acc;
  }

  read(n: Node): Part {
    switch (n.op) {
      case Op.NO_MATCH: return NONE;
      case Op.LITERAL:
        return this.sequence(Array.from(n.runes, (cp) => this.position((n.flags & FOLD_CASE) !== 0 ? foldOrbit(cp) : [cp, cp])));
      case Op.CHAR_CLASS: return this.position(Array.from(n.runes));
      case Op.ANY_CHAR_NOT_NL: return this.position(NOT_NL);
      case Op.ANY_CHAR: return this.position(ANY);
      case Op.CAPTURE: return this.read(n.subs[0] as Node);
      case Op.CONCAT: return this.sequence(n.subs.map((s) => this.read(s)));
      case Op.ALTERNATE: {
        const parts = n.subs.map((s) => this.read(s));
        return { first: edges(parts.flatMap((p) => p.first)), last: ends(parts.flatMap((p) => p.last)), empties: Math.min(2, parts.reduce((k, p) => k + p.empties, 0)) };
      }
      // Skipping the part is one more way to match nothing.
      case Op.QUEST: {
        const body = this.read(n.subs[0] as Node);
        return { ...body, empties: Math.min(2, body.empties + 1) };
      }
      case Op.STAR:
      case Op.PLUS: {
        const from = this.classes.length;
        const body = this.read(n.subs[0] as Node);
        this.loopSites.add(this.sites);
        this.join(body, body, this.sites++);
        this.loops.push({ from, to: this.classes.length, first: body.first });
        return n.op === Op.STAR ? { ...body, empties: Math.min(2, body.empties + 1) } : body;
      }
      // An end anchor after a repetition is a choice PCRE must undo: where the repetition stops,
      // the anchor is tried and may fail. Read as a position any character may take, it makes
      // that choice visible; nothing reads past an end anchor, so no way is counted twice.
      // (The multi-line `$` never gets here: re2-to-pcre.ts refuses it first.)
      case Op.END_TEXT:
        return this.position(ANY);
      // Empty matches and other anchors consume nothing: for counting ways to read a text they
      // are steps that always succeed (which can only overstate the ways).
      default: return EMPTY;
    }
  }

  /**
   * At most how many paths read one text from these edges on, given that many from each target
   * (`ways`): the largest total over the targets whose classes share a character.
   */
  mostWays(edges: readonly Edge[], ways: readonly number[]): number {
    const events: [number, number][] = [];
    for (const e of edges) {
      const rs = this.classes[e.to] as readonly number[];
      const w = capped((ways[e.to] as number) * e.count);
      for (let i = 0; i + 1 < rs.length; i += 2) events.push([rs[i] as number, w], [(rs[i + 1] as number) + 1, -w]);
    }
    events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let most = 1;
    let sum = 0;
    for (const [, w] of events) {
      sum += w;
      most = Math.max(most, sum);
    }
    return Math.min(most, MAX_WAYS + 1);
  }

  /** Whether two of these edges lead to classes sharing a character. */
  overlaps(edges: readonly Edge[]): boolean {
    if (edges.some((e) => e.count > 1)) return true;
    if (edges.length < 2) return false;
    const ranges: [number, number][] = [];
    for (const e of edges) {
      const rs = this.classes[e.to] as readonly number[];
      for (let i = 0; i + 1 < rs.length; i += 2) ranges.push([rs[i] as number, rs[i + 1] as number]);
    }
    // Each class's own ranges are disjoint, so any overlap is between two edges.
    ranges.sort((x, y) => x[0] - y[0]);
    let reach = -1;
    for (const [lo, hi] of ranges) {
      if (lo <= reach) return true;
      reach = Math.max(reach, hi);
    }
    return false;
  }
}

class TooLarge extends Error {}

const capped = (n: number): number => Math.min(n, MAX_WAYS + 1);

/** The same steps merged, their counts added. */
function edges(list: readonly Edge[]): Edge[] {
  const merged = new Map<string, Edge>();
  for (const e of list) {
    const key = `${e.to} ${e.via}`;
    const seen = merged.get(key);
    merged.set(key, seen === undefined ? e : { ...e, count: capped(seen.count + e.count) });
  }
  return [...merged.values()];
}

/** The same ends merged, their counts added. */
function ends(list: readonly End[]): End[] {
  const merged = new Map<number, number>();
  for (const e of list) merged.set(e.at, capped((merged.get(e.at) ?? 0) + e.count));
  return [...merged].map(([at, count]) => ({ at, count }));
}

/** The steps or ends, each k times as many ways (k is 0, 1 or 2). */
function times<T extends { readonly count: number }>(k: number, xs: readonly T[]): readonly T[] {
  return k === 0 ? [] : k === 1 ? xs : xs.map((x) => ({ ...x, count: capped(x.count * k) }));
}

/** Why PCRE could backtrack catastrophically on the PCRE form of `tree`, or undefined. */
export function backtrackingRisk(tree: Node): string | undefined {
  const a = new Automaton();
  let start: Part;
  try {
    start = a.read(tree);
  } catch (error) {
    if (error instanceof TooLarge) return `a pattern too large to check for backtracking (over ${MAX_POSITIONS} characters and classes or ${MAX_STEPS} steps between them, once its repetitions are counted out)`;
    throw error;
  }
  const choice = a.follow.map((edges) => a.overlaps(edges));
  let open = 0;
  for (const loop of a.loops) {
    const inside = (e: Edge): boolean => e.to >= loop.from && e.to < loop.to;
    let ambiguous = a.overlaps(loop.first);
    for (let p = loop.from; p < loop.to && !ambiguous; p++) ambiguous = a.overlaps((a.follow[p] as Edge[]).filter(inside));
    if (ambiguous) return "a repetition of a group that can match the same text in more than one way (catastrophic backtracking in PCRE)";
    if (choice.slice(loop.from, loop.to).includes(true)) open++;
  }
  if (open > MAX_OPEN_LOOPS) return `more than ${MAX_OPEN_LOOPS} repetitions that can end in more than one place on the same text (backtracking in PCRE grows as a power of the text's length)`;
  // Without the loops' back edges the steps all go forward (to higher positions).
  const ways: number[] = [];
  for (let p = a.classes.length - 1; p >= 0; p--) ways[p] = a.mostWays((a.follow[p] as Edge[]).filter((e) => !a.loopSites.has(e.via)), ways);
  const allowed = MAX_WAYS_BY_OPEN_LOOPS[open as 0 | 1];
  if (a.mostWays(start.first, ways) > allowed) return `a pattern that can read one text in more than ${allowed} ways${open > 0 ? ` with ${open} repetition${open === 1 ? "" : "s"} that can end in more than one place` : ""}, each of which PCRE may try`;
  return undefined;
}
