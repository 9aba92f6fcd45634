/**
 * Values as a MongoDB 8.0 server sees them, for the reference interpreter (mongo-reference.ts).
 * Shares no code with src/: it is the oracle the library is checked against.
 *
 * A record is first turned into what the official Node driver (js-bson, default options) would
 * store: `undefined` becomes null (the driver's `ignoreUndefined: false`), strings with lone
 * surrogates become well-formed (UTF-8 encoding writes U+FFFD), arrays and plain objects are
 * copied, Date stays a date, RegExp stays a BSON regex. Anything else is refused with an error:
 * the reference never guesses.
 */

export type BsonValue = null | number | string | boolean | Date | BsonRegex | BsonValue[] | BsonDoc;
export interface BsonDoc {
  readonly [key: string]: BsonValue;
}
export interface BsonRegex {
  readonly regex: string;
  readonly flags: string;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function isDoc(v: unknown): v is BsonDoc {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !isRegex(v) && !(v instanceof RegExp);
}

const regexMark = Symbol("bson regex");
export function isRegex(v: unknown): v is BsonRegex {
  return typeof v === "object" && v !== null && hasOwn.call(v, regexMark);
}
function bsonRegex(regex: string, flags: string): BsonRegex {
  return Object.freeze({ regex, flags, [regexMark]: true }) as BsonRegex;
}

/** UTF-8 encoding (what js-bson writes) turns each lone surrogate into U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** What the driver would store for `value`. */
export function toBson(value: unknown): BsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "number":
    case "boolean":
      return value;
    case "string":
      return wellFormed(value);
    case "object": {
      if (Array.isArray(value)) return value.map(toBson);
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new Error("reference: invalid Date");
        return new Date(value.getTime());
      }
      if (value instanceof RegExp) return bsonRegex(value.source, value.flags);
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new Error("reference: not a plain object");
      const out: Record<string, BsonValue> = {};
      // Object.keys order is the order js-bson writes the fields in.
      for (const key of Object.keys(value)) {
        Object.defineProperty(out, key, { value: toBson((value as Record<string, unknown>)[key]), enumerable: true, writable: false, configurable: false });
      }
      return out;
    }
    default:
      throw new Error(`reference: no BSON form for a ${typeof value}`);
  }
}

/** An own field of a document (never the prototype chain). */
export function ownField(doc: BsonDoc, key: string): BsonValue | undefined {
  return hasOwn.call(doc, key) ? doc[key] : undefined;
}

/**
 * BSON canonical type order (bsontypes.h `canonicalizeBSONType`): missing and undefined 0, null 5,
 * numbers 10, strings 15, objects 20, arrays 25, booleans 40, dates 45, regexes 50.
 */
export function canonicalType(v: BsonValue | undefined): number {
  if (v === undefined) return 0;
  if (v === null) return 5;
  if (typeof v === "number") return 10;
  if (typeof v === "string") return 15;
  if (typeof v === "boolean") return 40;
  if (v instanceof Date) return 45;
  if (isRegex(v)) return 50;
  if (Array.isArray(v)) return 25;
  return 20;
}

/** Unicode code point order, which is the byte order of UTF-8 (the server's binary string order). */
export function compareStrings(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

function compareNumbers(a: number, b: number): number {
  // NaN equals NaN and sorts below every other number (compareElementValues for doubles).
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function entries(v: BsonDoc | BsonValue[]): [string, BsonValue][] {
  return Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.keys(v).map((k) => [k, v[k] as BsonValue]);
}

/**
 * BSONElement::woCompare over values: canonical type first; then, for documents and arrays,
 * field by field in order (type, then field name, then value), the shorter one first.
 */
export function compareValues(a: BsonValue | undefined, b: BsonValue | undefined): number {
  const ta = canonicalType(a);
  const tb = canonicalType(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a === undefined || a === null || b === undefined || b === null) return 0;
  if (typeof a === "number") return compareNumbers(a, b as number);
  if (typeof a === "string") return compareStrings(a, b as string);
  if (typeof a === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Date) return compareNumbers(a.getTime(), (b as Date).getTime());
  if (isRegex(a)) {
    const r = b as BsonRegex;
    return compareStrings(a.regex, r.regex) || compareStrings(a.flags, r.flags);
  }
  const ea = entries(a as BsonDoc | BsonValue[]);
  const eb = entries(b as BsonDoc | BsonValue[]);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
    const [ka, va] = ea[i] as [string, BsonValue];
    const [kb, vb] = eb[i] as [string, BsonValue];
    const t = canonicalType(va) - canonicalType(vb);
    if (t !== 0) return t < 0 ? -1 : 1;
    const k = compareStrings(ka, kb);
    if (k !== 0) return k;
    const v = compareValues(va, vb);
    if (v !== 0) return v;
  }
  return ea.length === eb.length ? 0 : ea.length < eb.length ? -1 : 1;
}

/**
 * The BSON type a JS value is stored as. js-bson writes an integer-valued number within the int32
 * range (and not -0) as "int", every other number as "double".
 */
export function bsonTypeName(v: BsonValue): string {
  if (v === null) return "null";
  if (typeof v === "number") return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 && !Object.is(v, -0) ? "int" : "double";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Date) return "date";
  if (isRegex(v)) return "regex";
  if (Array.isArray(v)) return "array";
  return "object";
}
