/**
 * Reading a dot path from a record. Only own properties are read (never the prototype chain),
 * so `__proto__`, `constructor` or `toString` can never reach inherited data.
 *
 * `resolve` follows the MongoDB-style rules of the reference engine (mingo 7) exactly: through
 * an array, a non-index segment maps over the elements and collects the defined results; a
 * numeric segment indexes the array; the collected arrays are unwrapped as deep as the traversal
 * went. Comparisons (`eq`, `in`, `gt`, …) work on that resolved value, as Mongo's do.
 */
const hasOwn = Object.prototype.hasOwnProperty;

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** An own property of an object or an index of an array; undefined otherwise. */
export function ownGet(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) return isDigits(key) ? (value as unknown[])[Number(key)] : undefined;
  if (value instanceof Date || value instanceof RegExp) return undefined;
  return hasOwn.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The value at `segments` (mingo's `resolve` with `unwrapArray`). */
export function resolve(record: unknown, segments: readonly string[]): unknown {
  if (segments.length === 1) return ownGet(record, segments[0] as string);
  const state = { depth: 0 };
  const res = resolveFrom(record, segments, 0, state, false);
  if (Array.isArray(res) && state.depth > 0) {
    let arr: unknown[] = res;
    let d = state.depth;
    while (d-- > 0 && arr.length === 1 && Array.isArray(arr[0])) arr = arr[0] as unknown[];
    return arr;
  }
  return res;
}

/** `state.depth` counts the array traversals made; it drives unwrapping (and flattening) as in Mongo. */
function resolveFrom(start: unknown, segments: readonly string[], from: number, state: { depth: number }, nested: boolean): unknown {
  let value = start;
  for (let i = from; i < segments.length; i++) {
    const field = segments[i] as string;
    if (Array.isArray(value) && !isDigits(field)) {
      // An array met at the very start of a nested walk is returned whole (Mongo does not
      // traverse arrays of arrays implicitly).
      if (i === from && nested) break;
      state.depth++;
      const out: unknown[] = [];
      for (const item of value as unknown[]) {
        const v = resolveFrom(item, segments, i, state, true);
        if (v !== undefined) out.push(v);
      }
      return out;
    }
    value = ownGet(value, field);
    if (value === undefined) return undefined;
  }
  return value;
}

/**
 * The values a path reaches (Mongo's notion): through an intermediate array, every element's
 * value; the leaf value is given as is, even when it is an array. Used by the operators the
 * reference engine lacks (`contains`, `starts with`, `ends with`, `~`).
 */
export function reach(value: unknown, segments: readonly string[], i: number, emit: (v: unknown) => boolean): boolean {
  if (i === segments.length) return emit(value);
  const field = segments[i] as string;
  if (Array.isArray(value) && !isDigits(field)) {
    for (const item of value as unknown[]) {
      if (item !== null && typeof item === "object" && !Array.isArray(item) && reach(item, segments, i, emit)) return true;
    }
    return false;
  }
  const next = ownGet(value, field);
  return next === undefined ? false : reach(next, segments, i + 1, emit);
}

/** `exists`: whether the path is present (even as null), by the reference engine's rules. */
export function pathExists(record: unknown, segments: readonly string[]): boolean {
  if (segments.length === 1 || isDigits(segments[segments.length - 1] as string)) return resolve(record, segments) !== undefined;
  const graph = projectGraph(record, segments, 0);
  const parent = resolvePlain(graph, segments.slice(0, -1));
  return Array.isArray(parent) ? parent.some((v) => v !== undefined) : parent !== undefined;
}

/** The record pruned to one path, keeping array positions (mingo's `resolveGraph`, index-preserving). */
function projectGraph(obj: unknown, segments: readonly string[], i: number): unknown {
  const key = segments[i] as string;
  const last = i === segments.length - 1;
  if (Array.isArray(obj)) {
    if (isDigits(key)) {
      const arr = obj.slice() as unknown[];
      let v = ownGet(obj, key);
      if (!last) v = projectGraph(v, segments, i + 1);
      arr[Number(key)] = v;
      return arr;
    }
    return (obj as unknown[]).map((item) => projectGraph(item, segments, i));
  }
  let value = ownGet(obj, key);
  if (!last) value = projectGraph(value, segments, i + 1);
  if (value === undefined) return undefined;
  return { [key]: value };
}

/** Path resolution without unwrapping (mingo's plain `resolve`). */
function resolvePlain(record: unknown, segments: readonly string[]): unknown {
  return resolveFrom(record, segments, 0, { depth: 0 }, false);
}

/** Flattens nested arrays `depth` levels (mingo's `flatten`). */
export function flatten(xs: readonly unknown[], depth: number, out: unknown[] = []): unknown[] {
  for (const x of xs) {
    if (Array.isArray(x) && depth !== 0) flatten(x, Math.max(-1, depth - 1), out);
    else out.push(x);
  }
  return out;
}
