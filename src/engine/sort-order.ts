/**
 * The order of a multi-key sort, as record positions: stable passes, least significant key first.
 * Which keys are counted is decided first:
 *
 * - A key with few distinct values (departments, ages, scores) is a counting sort: each value
 *   gets its rank once, then records are placed in one linear pass. No comparisons per record.
 * - A run of consecutive keys that cannot be counted is ONE comparison sort with a comparator
 *   that looks at the run's later columns only on ties (`order by name, id` is one sort, not two):
 *   numbers by subtraction, strings by code point, anything else by the full MongoDB order.
 *
 * Each pass is stable and keeps the previous passes' order among its ties, which is exactly
 * the order of comparing key by key and then by position.
 */

import { compareCodePoints, hasHighUnits } from "./code-point-order.js";

/** A total order on sort values (MongoDB's, see sort.ts). */
export type ValueOrder = (a: unknown, b: unknown) => number;

/** One key's comparison of two records, by their positions in the key's column. */
export type IndexCompare = (a: number, b: number) => number;

/** The comparison of records by several columns in turn, 0 where all of them tie (no position tie-break). */
export type ChainedCompare = (cols: readonly (readonly unknown[])[], signs: readonly number[]) => IndexCompare;

/** Past this many distinct values a key is comparison-sorted instead of counted. */
const MAX_COUNTED = 4096;

/**
 * `chain` makes the comparator of a run of uncounted keys; by default the per-column closures
 * (sort.ts passes its generated form where `new Function` is allowed).
 */
export function stableOrder(
  cols: readonly (readonly unknown[])[],
  signs: readonly number[],
  order: ValueOrder,
  chain: ChainedCompare = (cs, ss) => chainedComparator(cs, ss, order),
): number[] {
  const n = cols[0]?.length ?? 0;
  let perm: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const counted = cols.map((col, j) => countedRanks(col, signs[j] as number, order));
  for (let j = cols.length - 1; j >= 0;) {
    const ranks = counted[j];
    if (ranks !== undefined) {
      perm = countingPass(perm, ranks);
      j--;
      continue;
    }
    let first = j;
    while (first > 0 && counted[first - 1] === undefined) first--;
    // Array.prototype.sort is stable: ties keep the order the less significant passes left.
    perm.sort(chain(cols.slice(first, j + 1), signs.slice(first, j + 1)));
    j = first - 1;
  }
  return perm;
}

/** A counted key: each position's value id, each id's rank (equal values share one), and how many ranks there are. */
interface Ranks {
  readonly idOf: Int32Array;
  readonly rankOf: Int32Array;
  readonly count: number;
}

/** The ranks of a column's values, or undefined when the column has too many distinct values to count. */
function countedRanks(col: readonly unknown[], sign: number, order: ValueOrder): Ranks | undefined {
  const n = col.length;
  const limit = Math.min(MAX_COUNTED, n >> 2);
  const ids = new Map<unknown, number>();
  const distinct: unknown[] = [];
  const idOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = col[i];
    let id = ids.get(v);
    if (id === undefined) {
      if (distinct.length >= limit) return undefined;
      id = distinct.length;
      ids.set(v, id);
      distinct.push(v);
    }
    idOf[i] = id;
  }
  // Rank the distinct values; values that compare equal (null and missing, equal dates) share a rank.
  const byValue = distinct.map((_, i) => i).sort((a, b) => sign * order(distinct[a], distinct[b]));
  const rankOf = new Int32Array(distinct.length);
  let rank = 0;
  for (let k = 0; k < byValue.length; k++) {
    if (k > 0 && order(distinct[byValue[k - 1] as number], distinct[byValue[k] as number]) !== 0) rank++;
    rankOf[byValue[k] as number] = rank;
  }
  return { idOf, rankOf, count: rank + 1 };
}

/** A stable counting sort of `perm` by precomputed ranks. */
function countingPass(perm: readonly number[], { idOf, rankOf, count }: Ranks): number[] {
  const n = perm.length;
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) (starts[(rankOf[idOf[i] as number] as number) + 1] as number)++;
  for (let r = 1; r < starts.length; r++) starts[r] = (starts[r] as number) + (starts[r - 1] as number);
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const i = perm[k] as number;
    const r = rankOf[idOf[i] as number] as number;
    out[starts[r] as number] = i;
    starts[r] = (starts[r] as number) + 1;
  }
  return out;
}

/** The per-column comparators in turn: a later column is looked at only where the earlier ones tie. */
export function chainedComparator(cols: readonly (readonly unknown[])[], signs: readonly number[], order: ValueOrder): IndexCompare {
  const keys = cols.map((col, j) => columnComparator(col, signs[j] as number, order));
  if (keys.length === 1) return keys[0] as IndexCompare;
  if (keys.length === 2) {
    const [first, second] = keys as [IndexCompare, IndexCompare];
    return (a, b) => first(a, b) || second(a, b);
  }
  return (a, b) => {
    for (const k of keys) {
      const c = k(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * What a column holds, for comparing it directly: only finite numbers, only strings where `<`
 * is code-point order (no unit from U+D800 up), only strings, or anything else.
 */
export type ColumnKind = "number" | "string" | "code-points" | "mixed";

export function columnKind(col: readonly unknown[]): ColumnKind {
  let numbers = true;
  let strings = true;
  let high = false;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    // Finite only: subtraction orders them, where Infinity - Infinity would be NaN, not a tie.
    if (typeof v !== "number" || !Number.isFinite(v)) numbers = false;
    if (typeof v !== "string") strings = false;
    else if (!high && hasHighUnits(v)) high = true;
    if (!numbers && !strings) return "mixed";
  }
  return numbers ? "number" : high ? "code-points" : "string";
}

/** The comparison of a column's entries by position: numbers by subtraction, strings by code point, the rest by `order`. */
export function columnComparator(col: readonly unknown[], sign: number, order: ValueOrder): IndexCompare {
  const kind = columnKind(col);
  if (kind === "number") {
    const nums = Float64Array.from(col as number[]);
    return sign > 0 ? (a, b) => (nums[a] as number) - (nums[b] as number) : (a, b) => (nums[b] as number) - (nums[a] as number);
  }
  if (kind === "string" || kind === "code-points") {
    const strs = col as readonly string[];
    const cmp = kind === "string" ? unitCompare : compareCodePoints;
    return sign > 0 ? (a, b) => cmp(strs[a] as string, strs[b] as string) : (a, b) => cmp(strs[b] as string, strs[a] as string);
  }
  return (a, b) => sign * order(col[a], col[b]);
}

function unitCompare(x: string, y: string): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * The field name of a one-segment path that a plain object cannot inherit: for such a record,
 * `record[name]` is exactly its own property (what `resolve` reads), with no own-property check.
 */
export function plainFieldName(segments: readonly string[]): string | undefined {
  const name = segments[0];
  return segments.length === 1 && name !== undefined && !(name in Object.prototype) ? name : undefined;
}
