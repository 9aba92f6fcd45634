/**
 * Stable multi-key sort in MongoDB's type order: empty array < missing/null < numbers < strings
 * < objects < arrays < booleans < dates. An array sorts by its least element ascending and its
 * greatest descending. Keys are extracted once per record, never inside the comparator; a first
 * page is taken by bounded top-k selection instead of sorting everything.
 */
import type { OrderKeyNode } from "../ast/nodes.js";
import type { ResolvedSchema } from "../check/schema.js";
import { toInstant } from "./dates.js";
import { resolve } from "./path.js";

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
    case 3: return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
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
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const kc = (ka[i] as string) < (kb[i] as string) ? -1 : (ka[i] as string) > (kb[i] as string) ? 1 : 0;
        if (kc !== 0) return kc;
        const c = compareValues((a as Record<string, unknown>)[ka[i] as string], (b as Record<string, unknown>)[kb[i] as string]);
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
}

/** The value a record sorts by for one key. */
function sortValue(record: unknown, key: OrderKeyNode, isDate: boolean): unknown {
  let v = resolve(record, key.field.segments);
  if (Array.isArray(v)) {
    if (v.length === 0) return EMPTY_ARRAY;
    let best: unknown = v[0];
    for (let i = 1; i < v.length; i++) {
      const c = compareValues(v[i], best);
      if (key.direction === "asc" ? c < 0 : c > 0) best = v[i];
    }
    v = best;
  }
  if (isDate && typeof v === "string") {
    const t = toInstant(v);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return v;
}

interface Keyed<T> {
  readonly record: T;
  readonly index: number;
  readonly keys: unknown[];
}

function comparator(spec: SortSpec): (a: Keyed<unknown>, b: Keyed<unknown>) => number {
  const signs = spec.keys.map((k) => (k.direction === "asc" ? 1 : -1));
  return (a, b) => {
    for (let i = 0; i < signs.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i]);
      if (c !== 0) return c * (signs[i] as number);
    }
    return a.index - b.index;
  };
}

function extract<T>(records: readonly T[], spec: SortSpec): Keyed<T>[] {
  const dates = spec.keys.map((k) => spec.schema?.lookup(k.field.segments)?.base === "date");
  return records.map((record, index) => ({ record, index, keys: spec.keys.map((k, i) => sortValue(record, k, dates[i] as boolean)) }));
}

/** All records, sorted (stable). */
export function sortRecords<T>(records: readonly T[], spec: SortSpec): T[] {
  if (spec.keys.length === 0) return records.slice();
  return extract(records, spec).sort(comparator(spec)).map((k) => k.record);
}

/** The first `k` records in sorted order, by a bounded max-heap: O(n log k) instead of O(n log n). */
export function topK<T>(records: readonly T[], spec: SortSpec, k: number): T[] {
  if (spec.keys.length === 0) return records.slice(0, k);
  if (k <= 0) return [];
  if (k * 4 >= records.length) return sortRecords(records, spec).slice(0, k);
  const cmp = comparator(spec);
  const dates = spec.keys.map((key) => spec.schema?.lookup(key.field.segments)?.base === "date");
  const heap: Keyed<T>[] = [];
  const keyOf = (record: T, index: number): Keyed<T> => ({ record, index, keys: spec.keys.map((key, i) => sortValue(record, key, dates[i] as boolean)) });
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i] as Keyed<T>, heap[p] as Keyed<T>) <= 0) break;
      [heap[i], heap[p]] = [heap[p] as Keyed<T>, heap[i] as Keyed<T>];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l] as Keyed<T>, heap[m] as Keyed<T>) > 0) m = l;
      if (r < heap.length && cmp(heap[r] as Keyed<T>, heap[m] as Keyed<T>) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as Keyed<T>, heap[i] as Keyed<T>];
      i = m;
    }
  };
  for (let i = 0; i < records.length; i++) {
    const item = keyOf(records[i] as T, i);
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (cmp(item, heap[0] as Keyed<T>) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(cmp).map((x) => x.record);
}
