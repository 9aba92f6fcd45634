/**
 * Stable multi-key sort in MongoDB's type order: empty array < missing/null < numbers < strings
 * < objects < arrays < booleans < dates. An array sorts by its least element ascending and its
 * greatest descending. Keys are extracted once per record, never inside the comparator; a first
 * page is taken by bounded top-k selection instead of sorting everything.
 */
import type { OrderKeyNode } from "../ast/nodes.js";
import type { ResolvedSchema } from "../check/schema.js";
import { dateInstant, toInstant } from "./dates.js";
import { compareCodePoints } from "./code-point-order.js";
import { isPlainObject, MISSING, someValue } from "./path.js";
import { chainedComparator, columnComparator, columnKind, plainFieldName, stableOrder, type IndexCompare } from "./sort-order.js";

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

/**
 * Total order over values (SPEC §4's type order, then within a type). Arrays element by element
 * and objects field by field (the values' types, then the names, then the values), as BSON
 * compares them, to any depth: nested containers are walked with an explicit stack, so a value
 * nested 100,000 levels deep sorts as exactly as a flat one (the SQL sort key is exact at any
 * depth too). A value compares equal to itself without a walk; should both sides be cyclic (no
 * JSON value is), the walk stops where each side meets a container it is already inside, and
 * those two compare equal.
 */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  return ra === ARRAY || ra === OBJECT ? compareContainers(a as object, b as object) : compareScalars(ra, a, b);
}

const OBJECT = 4;
const ARRAY = 5;

/** Two values of the same rank that are no containers. */
function compareScalars(r: number, a: unknown, b: unknown): number {
  switch (r) {
    case 2: {
      const x = a as number, y = b as number;
      return x < y ? -1 : x > y ? 1 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : Number.isNaN(y) ? 1 : 0;
    }
    case 3: return compareCodePoints(a as string, b as string);
    case 6: return Number(a) - Number(b);
    case 7: return dateInstant(a as Date) - dateInstant(b as Date);
    default: return 0;
  }
}

/** Two arrays, or two objects, compared member by member; one frame per level of nesting. */
interface Frame {
  readonly a: Record<string, unknown>;
  readonly b: Record<string, unknown>;
  /** The objects' own names; undefined for arrays (compared by position). */
  readonly ka: readonly string[] | undefined;
  readonly kb: readonly string[] | undefined;
  readonly n: number;
  readonly rest: number;
  i: number;
}

/** Past this many open levels, containers on the path are remembered, to tell a cycle. */
const CYCLE_WATCH = 1000;

function frame(a: object, b: object): Frame {
  if (Array.isArray(a)) {
    const xs = a as unknown[], ys = b as unknown[];
    return { a: xs as unknown as Record<string, unknown>, b: ys as unknown as Record<string, unknown>, ka: undefined, kb: undefined, n: Math.min(xs.length, ys.length), rest: xs.length - ys.length, i: 0 };
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  return { a: a as Record<string, unknown>, b: b as Record<string, unknown>, ka, kb, n: Math.min(ka.length, kb.length), rest: ka.length - kb.length, i: 0 };
}

function compareContainers(a: object, b: object): number {
  if (a === b) return 0;
  const stack: Frame[] = [frame(a, b)];
  let openA: Set<object> | undefined;
  let openB: Set<object> | undefined;
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as Frame;
    if (f.i >= f.n) {
      if (f.rest !== 0) return f.rest;
      stack.pop();
      openA?.delete(f.a);
      openB?.delete(f.b);
      continue;
    }
    const i = f.i++;
    let x: unknown, y: unknown;
    if (f.ka === undefined || f.kb === undefined) {
      x = f.a[i];
      y = f.b[i];
    } else {
      const na = f.ka[i] as string, nb = f.kb[i] as string;
      x = f.a[na];
      y = f.b[nb];
      const tc = rank(x) - rank(y);
      if (tc !== 0) return tc;
      const kc = compareCodePoints(na, nb);
      if (kc !== 0) return kc;
    }
    const rx = rank(x), ry = rank(y);
    if (rx !== ry) return rx - ry;
    if (rx !== ARRAY && rx !== OBJECT) {
      const c = compareScalars(rx, x, y);
      if (c !== 0) return c;
      continue;
    }
    if (x === y) continue;
    if (stack.length >= CYCLE_WATCH) {
      if (openA === undefined || openB === undefined) {
        openA = new Set(stack.map((s) => s.a));
        openB = new Set(stack.map((s) => s.b));
      }
      if (openA.has(x as object) && openB.has(y as object)) continue;
      openA.add(x as object);
      openB.add(y as object);
    }
    stack.push(frame(x as object, y as object));
  }
  return 0;
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
 * the least ascending or the greatest descending. An empty array sorts before null. Made once per
 * key: the walk's visitor is not rebuilt per record.
 */
function sortValueOf(key: OrderKeyNode, isDate: boolean): (record: unknown) => unknown {
  const segments = key.field.segments;
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
  const visit = (v: unknown, open: boolean): boolean => {
    if (v === MISSING) consider(null);
    else if (!open || !Array.isArray(v)) consider(v);
    else if (v.length === 0) consider(EMPTY_ARRAY);
    else for (const e of v as unknown[]) consider(e);
    return false;
  };
  return (record) => {
    best = NONE;
    someValue(record, segments, visit);
    return best === NONE ? null : best;
  };
}

const NONE = Symbol("no value");

/**
 * Sort keys, extracted once: one column per `order by` key, indexed by record position.
 * Sorting then moves record indices and compares column entries: no path walks in the comparator.
 */
function columns(records: readonly unknown[], spec: SortSpec): unknown[][] {
  return spec.keys.map((key) => {
    const isDate = spec.schema?.isDate(key.field.segments) === true;
    try {
      return column(records, key, isDate, sortValueOf(key, isDate));
    } catch {
      // A getter or proxy trap threw on the way: read again, each record on its own, and a record
      // whose read throws sorts as if the field were missing (a filter never matches it there).
      const sortValue = sortValueOf(key, isDate);
      return column(records, key, isDate, (r) => {
        try {
          return sortValue(r);
        } catch {
          return null;
        }
      }, true);
    }
  });
}

function column(records: readonly unknown[], key: OrderKeyNode, isDate: boolean, sortValue: (record: unknown) => unknown, guarded = false): unknown[] {
  const col = new Array<unknown>(records.length);
  const name = plainFieldName(key.field.segments);
  if (name === undefined || isDate || guarded) {
    for (let i = 0; i < records.length; i++) col[i] = sortValue(records[i]);
    return col;
  }
  // A plain record's field is a plain read (missing and null alike sort as null); an array, or
  // a record that is not plain, takes the walk.
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (!isPlainObject(r)) {
      col[i] = sortValue(r);
      continue;
    }
    const v = (r as Record<string, unknown>)[name];
    col[i] = v === undefined || v === null ? null : Array.isArray(v) ? sortValue(r) : v;
  }
  return col;
}

/**
 * Compares records by the key columns, then by position (`ties: "position"`, for top-k) or not at
 * all (`ties: "equal"`, for a stable sort that keeps its input's order). Generated as one function
 * over the bound columns where `new Function` is allowed (no user text reaches its source);
 * otherwise the per-key closures, with identical results.
 */
function indexComparator(cols: readonly (readonly unknown[])[], signs: readonly number[], codegen: boolean, ties: Ties): IndexCompare {
  return (codegen ? generatedComparator(cols, signs, ties) : undefined) ?? closureComparator(cols, signs, ties);
}

type Ties = "position" | "equal";

function closureComparator(cols: readonly (readonly unknown[])[], signs: readonly number[], ties: Ties): IndexCompare {
  const keys = chainedComparator(cols, signs, compareValues);
  return ties === "equal" ? keys : (a, b) => keys(a, b) || a - b;
}

function generatedComparator(cols: readonly (readonly unknown[])[], signs: readonly number[], ties: Ties): IndexCompare | undefined {
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
      args.push(columnComparator(col, sign, compareValues));
      lines.push(`x = ${name}(a, b); if (x !== 0) return x;`);
    }
  });
  try {
    return new Function(...params, `"use strict"; return function compare(a, b) { let x, y; ${lines.join(" ")} return ${ties === "position" ? "a - b" : "0"}; };`)(...args) as IndexCompare;
  } catch {
    return undefined;
  }
}

/** All records, sorted (stable). */
export function sortRecords<T>(records: readonly T[], spec: SortSpec): T[] {
  if (spec.keys.length === 0) return records.slice();
  const signs = signsOf(spec);
  const chain = (cols: readonly (readonly unknown[])[], runSigns: readonly number[]) => indexComparator(cols, runSigns, spec.codegen ?? true, "equal");
  return stableOrder(columns(records, spec), signs, compareValues, chain).map((i) => records[i] as T);
}

function signsOf(spec: SortSpec): number[] {
  return spec.keys.map((key) => (key.direction === "desc" ? -1 : 1));
}

/** The first `k` records in sorted order, by a bounded max-heap of indices: O(n log k). */
export function topK<T>(records: readonly T[], spec: SortSpec, k: number): T[] {
  if (spec.keys.length === 0) return records.slice(0, k);
  if (k <= 0) return [];
  if (k * 4 >= records.length) return sortRecords(records, spec).slice(0, k);
  const cmp = indexComparator(columns(records, spec), signsOf(spec), spec.codegen ?? true, "position");
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
