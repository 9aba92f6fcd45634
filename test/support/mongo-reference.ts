/**
 * A reference interpreter of MongoDB 8.0 server query semantics: `matchesMongo(filter, record)`
 * says whether `find(filter)` on a server would return `record` (as stored by the official Node
 * driver). It is written straight from the server's documented rules and from its source of
 * truth for them, the path walker `src/mongo/db/matcher/path.cpp` (BSONElementIterator) and the
 * expectations in `jstests/core/query/`. Slow and obvious on purpose; it shares no code with
 * src/, because it is the oracle the library is checked against.
 *
 * How a leaf operator meets a path (PathMatchExpression::matches): the path yields a list of
 * elements, and the operator holds when it holds for ANY of them. The list (see `elementsAt`):
 * - documents are walked field by field (own fields only); a field that is absent, or a scalar
 *   met before the path ends, yields one MISSING element;
 * - an array met before the path ends is traversed one level: each document element continues
 *   the rest of the path; when the next segment is a number N, element N is ALSO taken by
 *   position (as is, if the path ends there; opened further otherwise); scalar elements and
 *   nested arrays not selected by position yield nothing; an array whose elements yield nothing
 *   yields nothing at all (MongoDB 8.0; see `nullThroughArrays` in the tests);
 * - an array at the end of the path yields each element, then the array itself (comparisons),
 *   or only the array itself ($elemMatch, $size).
 * A negation ($ne, $nin, $not, $nor, `$exists: false`) is the exact complement of its positive.
 */
import type { BsonDoc, BsonRegex, BsonValue } from "./mongo-reference-values.js";
import { bsonTypeName, canonicalType, compareValues, isDoc, isRegex, ownField, toBson } from "./mongo-reference-values.js";
import { pcreToRegExp } from "./mongo-reference-regex.js";

/** An element a path yields: a value, or MISSING (the server's EOO). */
type Element = BsonValue | typeof MISSING;
const MISSING = Symbol("missing");

type LeafArrays = "traverse" | "whole";

const isDigits = (s: string): boolean => /^[0-9]+$/.test(s);

/** The elements `path` yields in `doc` (getFieldDottedOrArray + BSONElementIterator). */
function elementsAt(doc: BsonDoc, path: readonly string[], leaf: LeafArrays): Element[] {
  let current: BsonDoc = doc;
  for (let i = 0; i < path.length; i++) {
    const value = ownField(current, path[i] as string);
    const last = i === path.length - 1;
    if (value === undefined) return [MISSING];
    if (Array.isArray(value)) {
      if (last) return leaf === "traverse" ? [...value, value] : [value];
      return arrayElements(value, path.slice(i + 1), leaf);
    }
    if (last) return [value];
    if (!isDoc(value)) return [MISSING];
    current = value;
  }
  return [current];
}

/** The elements the rest of a path yields through the array `array` (path not ending here). */
function arrayElements(array: readonly BsonValue[], rest: readonly string[], leaf: LeafArrays): Element[] {
  const next = rest[0] as string;
  const out: Element[] = [];
  array.forEach((item, index) => {
    const byPosition = isDigits(next) && next === String(index);
    if (isDoc(item)) {
      // Field `next` of the document element ...
      out.push(...elementsAt(item, rest, leaf));
      // ... and, when `next` is its index, the element itself by position.
      if (byPosition) out.push(...(rest.length === 1 ? [item] : elementsAt(item, rest.slice(1), leaf)));
    } else if (byPosition) {
      // A value reached by position is taken as it is when the path ends there.
      if (rest.length === 1) out.push(item);
      else if (Array.isArray(item)) out.push(...arrayElements(item, rest.slice(1), leaf));
    }
  });
  return out;
}

// ---- comparisons (ComparisonMatchExpression::matchesSingleElement) ----

type CompareOp = "$eq" | "$gt" | "$gte" | "$lt" | "$lte";

function compares(op: CompareOp, e: Element, rhs: BsonValue): boolean {
  const left = e === MISSING ? undefined : e;
  const lt = canonicalType(left);
  const rt = canonicalType(rhs);
  if (lt !== rt) {
    // Missing (canonical 0) against null (canonical 5): equal for $eq, $lte, $gte only.
    if (lt + rt === 5) return op === "$eq" || op === "$lte" || op === "$gte";
    return false;
  }
  if (op !== "$eq" && typeof left === "number" && typeof rhs === "number" && (Number.isNaN(left) || Number.isNaN(rhs))) {
    const both = Number.isNaN(left) && Number.isNaN(rhs);
    return (op === "$lte" || op === "$gte") && both;
  }
  const c = compareValues(left, rhs);
  switch (op) {
    case "$eq":
      return c === 0;
    case "$gt":
      return c > 0;
    case "$gte":
      return c >= 0;
    case "$lt":
      return c < 0;
    case "$lte":
      return c <= 0;
  }
}

function regexMatches(re: BsonRegex, e: Element): boolean {
  if (typeof e === "string") return pcreToRegExp(re.regex, re.flags).test(e);
  // A stored regex matches a $regex with the same pattern and flags.
  return isRegex(e) && e.regex === re.regex && e.flags === re.flags;
}

/** $in: null in the list matches missing; a regex matches strings; the rest by equality. */
function inList(list: readonly BsonValue[], e: Element): boolean {
  return list.some((x) => (isRegex(x) ? regexMatches(x, e) : compares("$eq", e, x)));
}

const TYPE_ALIASES: Record<string, readonly string[]> = {
  double: ["double"], string: ["string"], object: ["object"], array: ["array"], bool: ["bool"], date: ["date"],
  null: ["null"], regex: ["regex"], int: ["int"], long: ["long"], decimal: ["decimal"], number: ["double", "int", "long", "decimal"],
};
const TYPE_CODES: Record<number, string> = { 1: "double", 2: "string", 3: "object", 4: "array", 8: "bool", 9: "date", 10: "null", 11: "regex", 16: "int", 18: "long", 19: "decimal" };

function typeMatches(spec: BsonValue, e: Element): boolean {
  if (e === MISSING) return false;
  const specs = Array.isArray(spec) ? spec : [spec];
  const actual = bsonTypeName(e);
  return specs.some((s) => {
    const name = typeof s === "number" ? TYPE_CODES[s] : typeof s === "string" ? s : undefined;
    const names = name === undefined ? undefined : TYPE_ALIASES[name];
    if (names === undefined) throw new Error(`reference: unknown $type ${JSON.stringify(s)}`);
    return names.includes(actual);
  });
}

// ---- operators ----

/** Where an operator looks: a path in a document, or one given element ($elemMatch's value form). */
type Source = (leaf: LeafArrays) => Element[];

const pathSource = (doc: BsonDoc, path: readonly string[]): Source => (leaf) => elementsAt(doc, path, leaf);
const oneElement = (e: Element): Source => () => [e];

/** An operator object: every `$op` must hold. */
function operatorsHold(ops: BsonDoc, source: Source): boolean {
  const keys = Object.keys(ops);
  if (keys.includes("$options") && !keys.includes("$regex")) throw new Error("reference: $options without $regex");
  return keys.every((op) => op === "$options" || operatorHolds(op, ops[op] as BsonValue, ops, source));
}

function operatorHolds(op: string, arg: BsonValue, ops: BsonDoc, source: Source): boolean {
  const any = (test: (e: Element) => boolean, leaf: LeafArrays = "traverse"): boolean => source(leaf).some(test);
  switch (op) {
    case "$eq":
      return any((e) => (isRegex(arg) ? isRegex(e) && compareValues(e, arg) === 0 : compares("$eq", e, arg)));
    case "$ne":
      return !operatorHolds("$eq", arg, ops, source);
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      if (isRegex(arg)) throw new Error(`reference: ${op} with a regex`);
      return any((e) => compares(op, e, arg));
    case "$in":
      if (!Array.isArray(arg)) throw new Error("reference: $in needs an array");
      return any((e) => inList(arg, e));
    case "$nin":
      return !operatorHolds("$in", arg, ops, source);
    case "$exists":
      return any((e) => e !== MISSING) === Boolean(arg);
    case "$not":
      if (isRegex(arg)) return !any((e) => regexMatches(arg, e));
      if (!isDoc(arg) || Object.keys(arg).length === 0 || !Object.keys(arg).every((k) => k.startsWith("$"))) throw new Error("reference: $not needs a regex or an operator object");
      return !operatorsHold(arg, source);
    case "$regex": {
      const options = ops["$options"];
      if (options !== undefined && typeof options !== "string") throw new Error("reference: $options must be a string");
      const re = isRegex(arg) ? arg : typeof arg === "string" ? { regex: arg, flags: options ?? "" } : undefined;
      if (re === undefined) throw new Error("reference: $regex needs a string or a regex");
      if (isRegex(arg) && options !== undefined) throw new Error("reference: a regex object and $options");
      return any((e) => regexMatches(re, e));
    }
    case "$elemMatch":
      if (!isDoc(arg)) throw new Error("reference: $elemMatch needs an object");
      return any((e) => Array.isArray(e) && e.some((item) => elemMatches(arg, item)), "whole");
    case "$all":
      if (!Array.isArray(arg)) throw new Error("reference: $all needs an array");
      // {$all: [x, y]} is {$and: [{f: x}, {f: y}]}; an empty $all matches nothing.
      return arg.length > 0 && arg.every((x) => (isDoc(x) && Object.keys(x)[0] === "$elemMatch" ? operatorsHold(x, source) : conditionHolds(x, source)));
    case "$size":
      if (typeof arg !== "number" || !Number.isInteger(arg) || arg < 0) throw new Error("reference: $size needs a non-negative integer");
      return any((e) => Array.isArray(e) && e.length === arg, "whole");
    case "$type":
      return any((e) => typeMatches(arg, e));
    default:
      throw new Error(`reference: unsupported operator ${op}`);
  }
}

const LOGICAL = new Set(["$and", "$or", "$nor"]);

/**
 * $elemMatch on one array element. An object whose first key is an operator (not $and/$or/$nor)
 * is the value form: its operators apply to the element itself, with no further traversal.
 * Otherwise it is a query over the element as a document (arrays included, as BSON objects).
 */
function elemMatches(sub: BsonDoc, item: BsonValue): boolean {
  const first = Object.keys(sub)[0];
  if (first !== undefined && first.startsWith("$") && !LOGICAL.has(first)) return operatorsHold(sub, oneElement(item));
  if (Array.isArray(item)) return documentMatches(sub, Object.fromEntries(item.map((v, i) => [String(i), v])) as BsonDoc);
  return isDoc(item) && documentMatches(sub, item);
}

/** The value of a field in a filter: a regex, an operator object, or a value to equal. */
function conditionHolds(cond: BsonValue, source: Source): boolean {
  if (isRegex(cond)) return source("traverse").some((e) => regexMatches(cond, e));
  if (isDoc(cond)) {
    const keys = Object.keys(cond);
    const dollar = keys.filter((k) => k.startsWith("$"));
    if (dollar.length > 0 && dollar.length === keys.length) return operatorsHold(cond, source);
    if (keys.length > 0 && keys[0]?.startsWith("$")) throw new Error("reference: operators mixed with fields");
  }
  return operatorHolds("$eq", cond, {}, source);
}

function documentMatches(filter: BsonDoc, doc: BsonDoc): boolean {
  return Object.keys(filter).every((key) => {
    const cond = filter[key] as BsonValue;
    if (LOGICAL.has(key)) {
      if (!Array.isArray(cond) || cond.length === 0 || !cond.every(isDoc)) throw new Error(`reference: ${key} needs a non-empty array of objects`);
      const results = (cond as BsonDoc[]).map((f) => documentMatches(f, doc));
      return key === "$and" ? results.every(Boolean) : key === "$or" ? results.some(Boolean) : !results.some(Boolean);
    }
    if (key.startsWith("$")) throw new Error(`reference: unsupported top-level operator ${key}`);
    return conditionHolds(cond, pathSource(doc, key.split(".")));
  });
}

/** Whether a MongoDB 8.0 server's `find(filter)` returns `record`. */
export function matchesMongo(filter: Record<string, unknown>, record: unknown): boolean {
  const f = toBson(filter);
  const doc = toBson(record);
  if (!isDoc(f) || !isDoc(doc)) throw new Error("reference: filter and record must be documents");
  return documentMatches(f, doc);
}
