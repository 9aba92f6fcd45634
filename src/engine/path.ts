/**
 * The values a dot path reaches in a record, as a MongoDB 8.0 server finds them (SPEC §4).
 * Every operator is a test of these values, so this one walk is where the server's path rules
 * live:
 *
 * - Only own properties are read (never the prototype chain), so `__proto__`, `constructor` or
 *   `toString` can never reach inherited data.
 * - A step through an array opens that one array: each object element takes the step; scalar
 *   elements, nested arrays and empty arrays contribute nothing (`{a: [[{b: 1}]]}` has no `a.b`).
 * - Where the path ends early — a missing field, or a step into a scalar or null — the walk
 *   reaches MISSING, which `= null` and `is null` accept. An object element that lacks the
 *   field counts as MISSING there (`a.b = null` matches `{a: [{b: 3}, {}]}`).
 * - A numeric step (`a.0`) on an array is both position 0 and the field `"0"` of each object
 *   element. A value reached by position is compared as it is: the visitor is told not to open it.
 *   A scalar reached by position before the path ends leads nowhere (not even to MISSING).
 * - At the end of the path, a value reached as a field that is an array is opened one level by
 *   the operators (any element may satisfy them); the walk itself does not do that.
 */
const hasOwn = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;

/** What the walk reports where the path ends before its last step. */
export const MISSING: unique symbol = Symbol("missing");

/**
 * A test of one reached value. `open` is false for a value reached by position, which must be
 * compared as it is, and true otherwise. Return true to stop the walk (the record matches).
 */
export type Visit = (value: unknown, open: boolean) => boolean;

/** A path step that also indexes arrays: ASCII digits only, as the server reads them. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Whether the path step at index `i` can index an array: canonical digits after the first step
 * (`"01"` is a field name, never position 1, and the first step reads a document's field).
 */
export function isPosition(segment: string, i: number): boolean {
  return i > 0 && isDigits(segment) && segment.length < 10 && String(Number(segment)) === segment;
}

/** Whether a path may continue into `value` as into a document (a Date or RegExp is a scalar). */
function isDocument(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
}

/** Whether `visit` holds for some value the path reaches (MISSING included). */
export function someValue(record: unknown, segments: readonly string[], visit: Visit): boolean {
  // Through documents, a loop; the first array met hands the rest of the walk to `from`.
  let value = record;
  for (let i = 0; i < segments.length; i++) {
    if (isArray(value)) return from(value, segments, i, visit, true);
    if (!isDocument(value)) return visit(MISSING, true);
    const step = segments[i] as string;
    value = hasOwn.call(value, step) ? value[step] : undefined;
    if (value === undefined) return visit(MISSING, true);
  }
  return visit(value, true);
}

/** The walk from `value`, the value after `segments[0..i)`. */
function from(value: unknown, segments: readonly string[], i: number, visit: Visit, open: boolean): boolean {
  if (i === segments.length) return visit(value, open);
  const step = segments[i] as string;
  if (isArray(value)) {
    if (isDigits(step) && hasOwn.call(value, step)) {
      // By position: taken as it is where the path ends; further on, only into a document or array.
      const element: unknown = value[Number(step)];
      if (i + 1 === segments.length ? visit(element, false) : (isDocument(element) || isArray(element)) && from(element, segments, i + 1, visit, false)) return true;
    }
    for (const element of value as unknown[]) {
      if (isDocument(element) && field(element, step, segments, i, visit)) return true;
    }
    return false;
  }
  if (isDocument(value)) return field(value, step, segments, i, visit);
  return visit(MISSING, true);
}

function field(doc: Record<string, unknown>, step: string, segments: readonly string[], i: number, visit: Visit): boolean {
  const next = hasOwn.call(doc, step) ? doc[step] : undefined;
  return next === undefined ? visit(MISSING, true) : from(next, segments, i + 1, visit, true);
}

/** Calls `each` for every value the path reaches (MISSING included), with the same rules. */
export function forEachValue(record: unknown, segments: readonly string[], each: (value: unknown, open: boolean) => void): void {
  someValue(record, segments, (value, open) => {
    each(value, open);
    return false;
  });
}

/** An own property of a plain object (or an index of an array); undefined otherwise. For display. */
function ownGet(value: unknown, key: string): unknown {
  if (isArray(value)) return isDigits(key) && hasOwn.call(value, key) ? (value as unknown[])[Number(key)] : undefined;
  if (!isDocument(value)) return undefined;
  return hasOwn.call(value, key) ? value[key] : undefined;
}

/**
 * The value to show for a path in a table: the value at the path when it walks only objects,
 * or the list of values it reaches through arrays (MISSING left out).
 */
export function displayValue(record: unknown, segments: readonly string[]): unknown {
  let value = record;
  for (let i = 0; i < segments.length; i++) {
    if (isArray(value)) {
      const out: unknown[] = [];
      forEachValue(value, segments.slice(i), (v) => {
        if (v !== MISSING) out.push(v);
      });
      return out;
    }
    value = ownGet(value, segments[i] as string);
    if (value === undefined) return undefined;
  }
  return value;
}

/**
 * An object whose prototype is Object.prototype: its fields that Object.prototype lacks are its
 * own. Tested through `__proto__`, which V8 inlines (`Object.getPrototypeOf` is a call); an own
 * `__proto__` key, even a throwing getter, makes it not plain.
 */
export function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  try {
    return (value as { __proto__?: unknown }).__proto__ === Object.prototype;
  } catch {
    return false;
  }
}
