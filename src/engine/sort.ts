/**
 * Stable multi-key sort in MongoDB's type order: empty array < missing/null < numbers < strings
 * < objects < arrays < booleans < dates. An array sorts by its least element ascending and its
 * greatest descending. Keys are extracted once per record, never inside the comparator; a first
 * page is taken by bounded top-k selection instead of sorting everything.
 */
import type { OrderKeyNode } from "../ast/nodes.js";
import type { ResolvedSchema } from "../check/schema.js";
import { toInstant } from "./dates.js";
import { compareCodePoints, hasHighUnits } from "./code-point-order.js";
import { forEachValue, MISSING } from "./path.js";
import { isPlainObject, plainFieldName, stableOrder } from "./sort-order.js";

const EMPTY_ARRAY = Symbol("empty array");

function rank(v: unknown): number {
  if (v === EMPTY_ARRAY) return 0;
  if (v === undefined || v === null) return 1;
  switch (typeof v) {
    case "number": return 2;
    case "string": return 3;
    case "boolean": return 6;
    case "object": return Array.isArray(v) ? 5 : v instanceof Date ? 7 : 4;
    default: return 8;
  }
}

/** Total order over values (SPEC §4's type order, then within a type). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 2: {
      const x = a as number, y = b as number;
      return x < y ? -1 : x > y ? 1 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : Number.isNaN(y) ? 1 : 0;
    }
    case 3: return compareCodePoints(a as string, b as string);
    case 6: return Number(a) - Number(b);
    case 7: return (a as Date).getTime() - (b as Date).getTime();
    case 5: {
      const xs = a as unknown[], ys = b as unknown[];
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const c = compareValues(xs[i], ys[i]);
        if (c !== 0) return c;
      }
      return xs.length - ys.length;
    }
    case 4: {
      const ka = Object.keys(a as object), kb = Object.keys(b as object);
      // Field by field as BSON compares documents: the values' types, then the names, then the values.
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const x = (a as Record<string, unknown>)[ka[i] as string];
        const y = (b as Record<string, unknown>)[kb[i] as string];
        const tc = rank(x) - rank(y);
        if (tc !== 0) return tc;
        const kc = compareCodePoints(ka[i] as string, kb[i] as string);
        if (kc !== 0) return kc;
        const c = compareValues(x, y);
        if (c !== 0) return c;
      }
      return ka.length - kb.length;
    }
    default: return 0;
  }
}

export interface SortSpec {
  readonly keys: readonly OrderKeyNode[];
  readonly schema: ResolvedSchema | undefined;
  /** Generate the comparator with `new Function` (default true). */
  readonly codegen?: boolean;
}

/**
 * The value a record sorts by for one key: of every value the path reaches (path.ts), with an
 * array reached as a field standing for its elements and a place where the path ends for null,
 * the least ascending or the greatest descending. An empty array sorts before null.
 */
function sortValue(record: unknown, key: OrderKeyNode, isDate: boolean): unknown {
  const segments = key.field.segments;
  if (segments.length === 1 && record !== null && typeof record === "object" && !Array.isArray(record)) {
    // The common case, a scalar at a top-level field: no walk.
    const name = segments[0] as string;
    const v = hasOwn.call(record, name) ? (record as Record<string, unknown>)[name] : undefined;
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) && !(isDate && typeof v === "string")) return v;
  }
  const ascending = key.direction === "asc";
  let best: unknown = NONE;
  const consider = (x: unknown): void => {
    if (isDate && typeof x === "string") {
      const t = toInstant(x);
      if (!Number.isNaN(t)) x = new Date(t);
    }
    if (best === NONE) best = x;
    else {
      const c = compareValues(x, best);
      if (ascending ? c < 0 : c > 0) best = x;
    }
  };
  forEachValue(record, segments, (v, open) => {
    if (v === MISSING) consider(null);
    else if (!open || !Array.isArray(v)) consider(v);
    else if (v.length === 0) consider(EMPTY_ARRAY);
    else for (const e of v as unknown[]) consider(e);
  });
  return best === NONE ? null : best;
}

const NONE = Symbol("no value");
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Sort keys, extracted once: one column per `order by` key, indexed by record position.
 * Sorting then moves record indices and compares column entries: no path walks in the comparator.
 */
function columns(records: readonly unknown[], spec: SortSpec): unknown[][] {
  return spec.keys.map((key) => {
    const isDate = spec.schema?.lookup(key.field.segments)?.base === "date";
    const col = new Array<unknown>(records.length);
    const name = plainFieldName(key.field.segments);
    if (name === undefined || isDate) {
      for (let i = 0; i < records.length; i++) col[i] = sortValue(records[i], key, isDate);
      return col;
    }
    // A plain record's own field is a plain read; anything else (missing, an array) takes the walk.
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const v = isPlainObject(r) ? (r as Record<string, unknown>)[name] : undefined;
      col[i] = v === undefined || v === null || Array.isArray(v) ? sortValue(r, key, isDate) : v;
    }
    return col;
  });
}

type IndexCompare = (a: number, b: number) => number;

/**
 * One key's comparison of records `a` and `b` (indices). A column that holds only numbers (no
 * NaN) or only strings below U+D800 compares directly; any other column uses the full MongoDB order.
 */
function columnComparator(col: unknown[], sign: number): IndexCompare {
  const kind = columnKind(col);
  if (kind === "number") {
    const nums = Float64Array.from(col as number[]);
    return sign > 0 ? (a, b) => (nums[a] as number) - (nums[b] as number) : (a, b) => (nums[b] as number) - (nums[a] as number);
  }
  if (kind === "string") {
    const strs = col as string[];
    return (a, b) => {
      const x = strs[a] as string;
      const y = strs[b] as string;
      return x === y ? 0 : x < y ? -sign : sign;
    };
  }
  return (a, b) => sign * compareValues(col[a], col[b]);
}

/**
 * Compares records by the key columns, then by position (stable). Generated as one function over
 * the bound columns where `new Function` is allowed (no user text reaches its source); otherwise
 * the per-key closures, with identical results.
 */
function indexComparator(cols: readonly unknown[][], spec: SortSpec): IndexCompare {
  const signs = cols.map((_, j) => (spec.keys[j]?.direction === "desc" ? -1 : 1));
  return ((spec.codegen ?? true) ? generatedComparator(cols, signs) : undefined) ?? closureComparator(cols, signs);
}

function closureComparator(cols: readonly unknown[][], signs: readonly number[]): IndexCompare {
  const keys = cols.map((col, j) => columnComparator(col, signs[j] as number));
  return (a, b) => {
    for (const k of keys) {
      const c = k(a, b);
      if (c !== 0) return c;
    }
    return a - b;
  };
}

function generatedComparator(cols: readonly unknown[][], signs: readonly number[]): IndexCompare | undefined {
  const params: string[] = [];
  const args: unknown[] = [];
  const lines: string[] = [];
  cols.forEach((col, j) => {
    const name = `c${j}`;
    params.push(name);
    const sign = signs[j] as number;
    const kind = columnKind(col);
    if (kind === "number") {
      args.push(Float64Array.from(col as number[]));
      lines.push(sign > 0 ? `x = ${name}[a] - ${name}[b]; if (x !== 0) return x;` : `x = ${name}[b] - ${name}[a]; if (x !== 0) return x;`);
    } else if (kind === "string") {
      args.push(col);
      lines.push(`x = ${name}[a]; y = ${name}[b]; if (x !== y) return x < y ? ${-sign} : ${sign};`);
    } else {
      args.push(columnComparator(col, sign));
      lines.push(`x = ${name}(a, b); if (x !== 0) return x;`);
    }
  });
  try {
    return new Function(...params, `"use strict"; return function compare(a, b) { let x, y; ${lines.join(" ")} return a - b; };`)(...args) as IndexCompare;
  } catch {
    return undefined;
  }
}

function columnKind(col: readonly unknown[]): "number" | "string" | "mixed" {
  let numbers = true;
  let strings = true;
  for (const v of col) {
    if (typeof v !== "number" || Number.isNaN(v)) numbers = false;
    // Strings where `<` and code-point order could part take the full comparison.
    if (typeof v !== "string" || (strings && hasHighUnits(v))) strings = false;
    if (!numbers && !strings) return "mixed";
  }
  return numbers ? "number" : "string";
}

/** All records, sorted (stable). */
export function sortRecords<T>(records: readonly T[], spec: SortSpec): T[] {
  if (spec.keys.length === 0) return records.slice();
  const signs = spec.keys.map((key) => (key.direction === "desc" ? -1 : 1));
  return stableOrder(columns(records, spec), signs, compareValues).map((i) => records[i] as T);
}

/** The first `k` records in sorted order, by a bounded max-heap of indices: O(n log k). */
export function topK<T>(records: readonly T[], spec: SortSpec, k: number): T[] {
  if (spec.keys.length === 0) return records.slice(0, k);
  if (k <= 0) return [];
  if (k * 4 >= records.length) return sortRecords(records, spec).slice(0, k);
  const cmp = indexComparator(columns(records, spec), spec);
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i] as number, heap[p] as number) <= 0) break;
      [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l] as number, heap[m] as number) > 0) m = l;
      if (r < heap.length && cmp(heap[r] as number, heap[m] as number) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (let i = 0; i < records.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (cmp(i, heap[0] as number) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(cmp).map((i) => records[i] as T);
}
