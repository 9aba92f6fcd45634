/**
 * The reference interpreter against the MongoDB 8.0 server's own expectations. Each test names the
 * server file its cases come from (repository mongodb/mongo unless said otherwise) and states
 * query, documents and the expected matches. Where mingo (the second engine of the tests) answers
 * differently, the test asserts both answers, so the departure stays documented.
 */
import fc from "fast-check";
import { Query } from "mingo";
import { describe, expect, test } from "vitest";
import { matchesMongo } from "./mongo-reference.js";

type Filter = Record<string, unknown>;

/** The indexes of `docs` that `filter` matches on the reference. */
const selected = (filter: Filter, docs: readonly unknown[]): number[] =>
  docs.flatMap((d, i) => (matchesMongo(filter, d) ? [i] : []));
const mingo = (filter: Filter, doc: unknown): boolean => new Query(filter).test(doc as Record<string, unknown>);

describe("null and missing (jstests/core/query/null_query_semantics.js, 8.0 version)", () => {
  // The documents of null_query_semantics.js that a JS record can hold (no BSON undefined).
  const docs = [
    { _id: "a_empty_subobject", a: {} },
    { _id: "a_null", a: null },
    { _id: "a_number", a: 4 },
    { _id: "a_subobject_b_not_null", a: { b: "hi" } },
    { _id: "a_subobject_b_null", a: { b: null } },
    { _id: "no_a" },
    { _id: "a_double_array", a: [[]] },
    { _id: "a_empty_array", a: [] },
    { _id: "a_object_array_all_b_nulls", a: [{ b: null }, { b: null }, {}] },
    { _id: "a_object_array_no_b_nulls", a: [{ b: 1 }, { b: 3 }, { b: "string" }] },
    { _id: "a_object_array_some_b_nulls", a: [{ b: null }, { b: 3 }, { b: null }] },
    { _id: "a_object_array_some_b_missing", a: [{ b: 3 }, {}] },
    { _id: "a_value_array_all_nulls", a: [null, null] },
    { _id: "a_value_array_no_nulls", a: [1, "string", 4] },
    { _id: "a_value_array_with_null", a: [1, "string", null, 4] },
  ];
  const ids = (filter: Filter): string[] => selected(filter, docs).map((i) => docs[i]?._id as string);

  test('{a: {$eq: null}} matches null, missing and arrays holding null', () => {
    expect(ids({ a: { $eq: null } })).toEqual(["a_null", "no_a", "a_value_array_all_nulls", "a_value_array_with_null"]);
  });

  test('{a: {$ne: null}} is the exact complement', () => {
    const all = docs.map((d) => d._id);
    const eq = ids({ a: { $eq: null } });
    expect(ids({ a: { $ne: null } })).toEqual(all.filter((id) => !eq.includes(id)));
  });

  test('{a: {$in: [null, 75]}} and {a: {$nin: [null, 75]}}', () => {
    expect(ids({ a: { $in: [null, 75] } })).toEqual(ids({ a: null }));
    expect(ids({ a: { $nin: [null, 75] } })).toEqual(ids({ a: { $ne: null } }));
  });

  test('{a: {$not: {$gte: null}}} selects what {a: {$ne: null}} selects', () => {
    expect(ids({ a: { $not: { $gte: null } } })).toEqual(ids({ a: { $ne: null } }));
  });

  test('{"a.b": {$eq: null}}: a scalar or null "a", a sub-object without b, or an array with an object lacking b', () => {
    // MongoDB 8.0 (and every version before it). SERVER-36681 changes this for 9.0, where the
    // empty and scalar-only arrays also match; jstests/noPassthrough keeps the 8.0 expectation
    // under internalQueryLegacyDottedPathNullSemantics.
    expect(ids({ "a.b": { $eq: null } })).toEqual([
      "a_empty_subobject", "a_null", "a_number", "a_subobject_b_null", "no_a",
      "a_object_array_all_b_nulls", "a_object_array_some_b_nulls", "a_object_array_some_b_missing",
    ]);
  });

  test('{"a.b": {$ne: null}} is the exact complement, arrays without objects included', () => {
    expect(ids({ "a.b": { $ne: null } })).toEqual([
      "a_subobject_b_not_null", "a_double_array", "a_empty_array", "a_object_array_no_b_nulls",
      "a_value_array_all_nulls", "a_value_array_no_nulls", "a_value_array_with_null",
    ]);
  });

  test('{"a.b": {$in: [null, 75]}}, $gte null and $lte null select what {"a.b": null} selects', () => {
    const eq = ids({ "a.b": null });
    expect(ids({ "a.b": { $in: [null, 75] } })).toEqual(eq);
    expect(ids({ "a.b": { $gte: null } })).toEqual(eq);
    expect(ids({ "a.b": { $lte: null } })).toEqual(eq);
  });

  test("mingo departs: $gte null and $lte null do not match a missing field for mingo", () => {
    expect(matchesMongo({ a: { $gte: null } }, {})).toBe(true);
    expect(matchesMongo({ a: { $lte: null } }, {})).toBe(true);
    expect(mingo({ a: { $gte: null } }, {})).toBe(false);
    expect(mingo({ a: { $lte: null } }, {})).toBe(false);
  });

  test("$gt null and $lt null select nothing", () => {
    expect(ids({ a: { $gt: null } })).toEqual([]);
    expect(ids({ a: { $lt: null } })).toEqual([]);
    expect(ids({ "a.b": { $gt: null } })).toEqual([]);
    expect(ids({ "a.b": { $lt: null } })).toEqual([]);
  });

  test('{"a.b": {$exists: false}}: missing only, never null', () => {
    expect(ids({ "a.b": { $exists: false } })).toEqual(["a_empty_subobject", "a_null", "a_number", "no_a", "a_double_array", "a_empty_array", "a_value_array_all_nulls", "a_value_array_no_nulls", "a_value_array_with_null"]);
  });

  test("$elemMatch with null needs an array (testElemMatchValue)", () => {
    expect(ids({ a: { $elemMatch: { $eq: null } } })).toEqual(["a_value_array_all_nulls", "a_value_array_with_null"]);
    expect(ids({ a: { $elemMatch: { $ne: null } } })).toEqual([
      "a_double_array", "a_object_array_all_b_nulls", "a_object_array_no_b_nulls", "a_object_array_some_b_nulls",
      "a_object_array_some_b_missing", "a_value_array_no_nulls", "a_value_array_with_null",
    ]);
  });

  test('dotted_path_in_null.js: {"a.b": {$in: [null]}} matches [{}] and [{}, {b: 5}], not [] nor [5, {b: 5}]', () => {
    // The 8.0 expectation [2, 4]; the 9.0 version of the file (SERVER-36681) expects [2, 3, 4, 5].
    const d = [{ _id: 1, a: [{ b: 5 }] }, { _id: 2, a: [{}] }, { _id: 3, a: [] }, { _id: 4, a: [{}, { b: 5 }] }, { _id: 5, a: [5, { b: 5 }] }];
    expect(selected({ "a.b": { $in: [null] } }, d).map((i) => d[i]?._id)).toEqual([2, 4]);
  });

  test("mingo departs: an object element lacking the field is not null there for mingo", () => {
    const rec = { a: [{ b: 3 }, {}] };
    for (const f of [{ "a.b": null }, { "a.b": { $in: [null] } }, { "a.b": { $gte: null } }, { "a.b": { $lte: null } }]) {
      expect(matchesMongo(f, rec)).toBe(true);
      expect(mingo(f, rec)).toBe(false);
    }
    expect(matchesMongo({ "a.b": null }, { a: [{}] })).toBe(true);
    expect(mingo({ "a.b": null }, { a: [{}] })).toBe(false);
  });

  test("undefined in a record is stored by the driver as null (ignoreUndefined: false)", () => {
    expect(matchesMongo({ a: null }, { a: undefined })).toBe(true);
    expect(matchesMongo({ a: { $exists: true } }, { a: undefined })).toBe(true);
  });
});

describe("paths through arrays (jstests/core/query/array/arrayfind10.js)", () => {
  test('{a: "foo"} opens one level of array only', () => {
    const d = [{ a: "foo" }, { a: ["foo"] }, { a: [["foo"]] }, { a: [[["foo"]]] }];
    expect(selected({ a: "foo" }, d)).toEqual([0, 1]);
  });

  test('{"a.b": "foo"} over arrays of objects, some without b', () => {
    const d = [
      { a: [{}, { b: "foo" }] }, { a: [{ b: "foo" }, {}] }, { a: [{ b: 123 }, { b: "foo" }] }, { a: [{ b: "foo" }, { b: 123 }] },
      { a: [{ b: "bar" }, { b: "foo" }] }, { a: [{ b: "bar" }, { b: "baz" }, { b: "foo" }] }, { a: [{ b: "bar" }, { b: "baz" }, { b: 123 }] },
    ];
    expect(selected({ "a.b": "foo" }, d)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('"a.b.c" through two arrays: $eq, $in, $size and $elemMatch agree', () => {
    const d = [{ a: [{ b: [{ c: [5, 7] }] }] }, { a: [{ b: [] }, { b: [{ c: [5, 7] }] }] }, { a: [{ b: [[{ c: 5 }]] }] }];
    for (const f of [{ "a.b.c": 5 }, { "a.b.c": { $eq: 5 } }, { "a.b.c": { $in: [5] } }, { "a.b.c": { $size: 2 } }, { "a.b.c": { $elemMatch: { $eq: 5 } } }]) {
      expect(selected(f, d)).toEqual([0, 1]);
    }
  });

  test("a path step opens one level: {a: [[{b: 1}]]} has no a.b, for $exists too", () => {
    const rec = { a: [[{ b: 1 }]] };
    expect(matchesMongo({ "a.b": 1 }, rec)).toBe(false);
    expect(matchesMongo({ "a.b": { $exists: true } }, rec)).toBe(false);
    expect(matchesMongo({ "a.b": { $exists: false } }, rec)).toBe(true);
    // mingo departs: it finds a.b inside the nested array for $exists.
    expect(mingo({ "a.b": { $exists: true } }, rec)).toBe(true);
  });

  test("exists9.js: an empty array exists; a.0 of an empty array does not; a.0 of {\"0\": 1} does", () => {
    expect(selected({ a: { $exists: true } }, [{}, { a: [] }])).toEqual([1]);
    expect(selected({ "a.0": { $exists: true } }, [{ a: { "0": 1 } }, { a: [] }])).toEqual([0]);
    expect(selected({ "a.b": { $exists: false } }, [{ a: {} }])).toEqual([0]);
  });

  test("paths read own fields only", () => {
    expect(matchesMongo({ "a.constructor": { $exists: true } }, { a: {} })).toBe(false);
    expect(matchesMongo({ toString: { $exists: true } }, {})).toBe(false);
    expect(matchesMongo({ "a.length": 0 }, { a: [] })).toBe(false);
  });
});

describe("numeric path segments (path.cpp: array offsets; arrayfind10.js)", () => {
  test('{"a.0": 42}: position 0 of an array and field "0" of an object', () => {
    expect(matchesMongo({ "a.0": 42 }, { a: [42] })).toBe(true);
    expect(matchesMongo({ "a.0": 42 }, { a: { "0": 42 } })).toBe(true);
    expect(matchesMongo({ "a.0": 42 }, { a: [7, 42] })).toBe(false);
  });

  test("a value reached by position is not opened: {\"a.0\": 42} does not match {a: [[42]]}", () => {
    expect(matchesMongo({ "a.0": 42 }, { a: [[42]] })).toBe(false);
    expect(matchesMongo({ "a.0": [42] }, { a: [[42]] })).toBe(true);
    // mingo departs: it opens the positional value.
    expect(mingo({ "a.0": 42 }, { a: [[42]] })).toBe(true);
  });

  test('a value reached as a field is opened: {a: {"0": [42]}} and {a: [{"0": [42]}]} match', () => {
    expect(matchesMongo({ "a.0": 42 }, { a: { "0": [42] } })).toBe(true);
    expect(matchesMongo({ "a.0": 42 }, { a: [{ "0": [42] }] })).toBe(true);
    // mingo departs on the array of objects: it takes only position 0, the object itself.
    expect(mingo({ "a.0": 42 }, { a: [{ "0": [42] }] })).toBe(false);
  });

  test('"a.0" on an array of objects: field "0" of every object AND element 0 by position', () => {
    expect(matchesMongo({ "a.0": { b: 1 } }, { a: [{ b: 1 }] })).toBe(true);
    expect(matchesMongo({ "a.0": 5 }, { a: [{ x: 1 }, { "0": 5 }] })).toBe(true);
    expect(matchesMongo({ "a.0.b": 1 }, { a: [{ b: 1 }] })).toBe(true);
    expect(matchesMongo({ "a.1.b": 1 }, { a: [{ b: 1 }] })).toBe(false);
  });

  test('"a.0.b" continues through the array found at position 0', () => {
    expect(matchesMongo({ "a.0.b": 1 }, { a: [[{ b: 1 }]] })).toBe(true);
    expect(matchesMongo({ "a.0.b": 1 }, { a: [[[{ b: 1 }]]] })).toBe(false);
  });

  test('"a.01" is not position 1', () => {
    expect(matchesMongo({ "a.01": 5 }, { a: [0, 5] })).toBe(false);
    expect(matchesMongo({ "a.01": 5 }, { a: { "01": 5 } })).toBe(true);
  });
});

describe("comparison and type brackets (jstests/core/query/array/arrayfind10.js)", () => {
  // array_comparison_correctness.js is not used: its helper returns the result array itself as
  // the expectation (both names point at one array), so its assertions cannot fail.

  test("mingo departs: no whole-array ordering", () => {
    expect(matchesMongo({ val: { $gt: [1] } }, { val: [2] })).toBe(true);
    expect(mingo({ val: { $gt: [1] } }, { val: [2] })).toBe(false);
  });

  test("arrayfind10.js: $eq/$lt/$gt [2] over nested arrays", () => {
    const d = ([
      [1], [1, 2], [2], [3], [[1]], [[2]], [[3]], [1, [[2]]], [3, [1]], [[1], 2], [[1], [2]], [[3], [1]],
    ] as unknown[]).map((a) => ({ a }));
    const pick = (xs: unknown[]): number[] => xs.map((x) => d.findIndex((r) => JSON.stringify(r.a) === JSON.stringify(x)));
    expect(selected({ a: { $eq: [2] } }, d)).toEqual(pick([[2], [[2]], [[1], [2]]]));
    expect(selected({ a: { $lt: [2] } }, d)).toEqual(pick([[1], [1, 2], [[1]], [1, [[2]]], [3, [1]], [[1], 2], [[1], [2]], [[3], [1]]]));
    expect(selected({ a: { $gt: [2] } }, d)).toEqual(pick([[3], [[1]], [[2]], [[3]], [1, [[2]]], [3, [1]], [[1], 2], [[1], [2]], [[3], [1]]]));
  });

  test("arrayfind10.js: counts for $eq/$lt/$lte/$gt/$gte against [2, 2], [1], [3], [1, 2, 3]", () => {
    const d = [[1], [1, 1], [1, 2], [1, 2, 3], [1, 3], [2], [2, 1], [2, 1, 3], [2, 2], [2, 3], [3, 1], [3, 2], [3, 3]].map((a) => ({ a }));
    const count = (op: string, v: unknown): number => selected({ a: { [op]: v } }, d).length;
    const table: [unknown, number[]][] = [[[2, 2], [1, 8, 9, 4, 5]], [[1], [1, 0, 1, 12, 13]], [[3], [0, 10, 10, 3, 3]], [[1, 2, 3], [1, 3, 4, 9, 10]]];
    for (const [v, [eq, lt, lte, gt, gte]] of table) {
      expect([count("$eq", v), count("$lt", v), count("$lte", v), count("$gt", v), count("$gte", v)]).toEqual([eq, lt, lte, gt, gte]);
    }
  });

  test('type brackets: "30" is not > 5, a date is not > 1, and missing never satisfies an ordering', () => {
    expect(matchesMongo({ a: { $gt: 5 } }, { a: "30" })).toBe(false);
    expect(matchesMongo({ a: { $gt: 1 } }, { a: new Date(5) })).toBe(false);
    expect(matchesMongo({ a: { $gt: new Date(0) } }, { a: new Date(5) })).toBe(true);
    expect(matchesMongo({ a: { $lt: 5 } }, {})).toBe(false);
    expect(matchesMongo({ a: { $gte: false } }, { a: true })).toBe(true);
    expect(matchesMongo({ a: { $gte: 0 } }, { a: false })).toBe(false);
  });

  test("objects compare field by field: type, then name, then value", () => {
    expect(matchesMongo({ a: { $gt: { x: 1 } } }, { a: { x: 2 } })).toBe(true);
    expect(matchesMongo({ a: { $gt: { x: 1 } } }, { a: { y: 0 } })).toBe(true);
    expect(matchesMongo({ a: { $gt: { x: 1 } } }, { a: { x: "a" } })).toBe(true);
    expect(matchesMongo({ a: { $lt: { x: 1, y: 1 } } }, { a: { x: 1 } })).toBe(true);
    expect(matchesMongo({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toBe(false);
    // The type of a field's value decides before its name (BSONElement::woCompare): an array
    // (canonical type 25) sorts below a boolean (40) whatever the names.
    expect(matchesMongo({ a: { $lt: { x: false } } }, { a: { y: [] } })).toBe(true);
  });

  test("equality against an array: an element, or the whole array", () => {
    expect(matchesMongo({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(matchesMongo({ a: [1, 2] }, { a: [[1, 2], 3] })).toBe(true);
    expect(matchesMongo({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(matchesMongo({ a: 1 }, { a: [3, 1] })).toBe(true);
    expect(matchesMongo({ a: 1 }, { a: 1.0 })).toBe(true);
  });
});

describe("strings compare by code point (the server's binary UTF-8 order)", () => {
  test('"\\uFFFF" < "😀" although its UTF-16 unit is larger', () => {
    expect(matchesMongo({ a: { $lt: "😀" } }, { a: "\uFFFF" })).toBe(true);
    expect(matchesMongo({ a: { $gt: "\uFFFF" } }, { a: "😀" })).toBe(true);
    expect(matchesMongo({ a: { $gt: "\uE000" } }, { a: "\u{10FFFD}" })).toBe(true);
    // mingo departs: it compares UTF-16 code units.
    expect(mingo({ a: { $lt: "😀" } }, { a: "\uFFFF" })).toBe(false);
  });

  test("prefixes sort first; case is not folded", () => {
    expect(matchesMongo({ a: { $lt: "ab" } }, { a: "a" })).toBe(true);
    expect(matchesMongo({ a: { $lt: "a" } }, { a: "B" })).toBe(true);
    expect(matchesMongo({ a: "A" }, { a: "a" })).toBe(false);
  });

  test("lone surrogates are stored as U+FFFD by the driver", () => {
    expect(matchesMongo({ a: "\uFFFD" }, { a: "\uD800" })).toBe(true);
  });
});

describe("$in, $nin, $all", () => {
  test("$in holds exactly when $eq holds for some listed value, through every path shape", () => {
    const recs = [{ a: [{ b: [{ c: 5 }] }] }, { a: { b: { c: [5] } } }, { a: [[{ b: { c: 5 } }]] }, { a: [{ b: {} }] }, {}];
    for (const v of [5, null, [5]]) {
      for (const r of recs) expect(matchesMongo({ "a.b.c": { $in: [v] } }, r)).toBe(matchesMongo({ "a.b.c": v }, r));
    }
  });

  test("$in with a regex matches strings, also inside arrays; $in [] matches nothing", () => {
    expect(matchesMongo({ a: { $in: [/^x/] } }, { a: ["yx", "xy"] })).toBe(true);
    expect(matchesMongo({ a: { $in: [/^x/] } }, { a: 5 })).toBe(false);
    expect(matchesMongo({ a: { $in: [] } }, { a: 5 })).toBe(false);
    expect(matchesMongo({ a: { $nin: [] } }, { a: 5 })).toBe(true);
  });

  test("null_query_semantics.js: {a: {$nin: [null, []]}} excludes null, missing, [] and [[]]", () => {
    const d = [{ a: null }, {}, { a: [] }, { a: [[]] }, { a: [null, null] }, { a: 4 }, { a: [1, "string", 4] }, { a: [{ b: 3 }, {}] }];
    expect(selected({ a: { $nin: [null, []] } }, d)).toEqual([5, 6, 7]);
  });

  test("$all is an $and of equalities; an empty $all matches nothing", () => {
    expect(matchesMongo({ a: { $all: [1, 2] } }, { a: [2, 3, 1] })).toBe(true);
    expect(matchesMongo({ a: { $all: [1, 2] } }, { a: [1] })).toBe(false);
    expect(matchesMongo({ a: { $all: [] } }, { a: [] })).toBe(false);
    expect(matchesMongo({ a: { $all: [{ $elemMatch: { $gt: 1 } }] } }, { a: [0, 2] })).toBe(true);
  });
});

describe("$elemMatch, $size, $type, $not, $nor", () => {
  test("$elemMatch value form tests each element itself, without opening nested arrays", () => {
    expect(matchesMongo({ a: { $elemMatch: { $gt: 5, $lt: 9 } } }, { a: [1, 7] })).toBe(true);
    expect(matchesMongo({ a: { $elemMatch: { $gt: 5, $lt: 9 } } }, { a: [1, 10] })).toBe(false);
    expect(matchesMongo({ a: { $elemMatch: { $gt: 5 } } }, { a: [[6]] })).toBe(false);
    // mingo departs: it opens the nested array.
    expect(mingo({ a: { $elemMatch: { $gt: 5 } } }, { a: [[6]] })).toBe(true);
  });

  test("$elemMatch object form: one element satisfies every condition; needs an array", () => {
    expect(matchesMongo({ a: { $elemMatch: { b: 1, c: 2 } } }, { a: [{ b: 1 }, { c: 2 }] })).toBe(false);
    expect(matchesMongo({ a: { $elemMatch: { b: 1, c: 2 } } }, { a: [{ b: 1, c: 2 }] })).toBe(true);
    expect(matchesMongo({ a: { $elemMatch: { b: 1 } } }, { a: { b: 1 } })).toBe(false);
    expect(matchesMongo({ a: { $elemMatch: { $or: [{ b: 1 }, { b: 2 }] } } }, { a: [{ b: 2 }] })).toBe(true);
  });

  test("$size counts the array at the path, not its elements", () => {
    expect(matchesMongo({ a: { $size: 0 } }, { a: [] })).toBe(true);
    expect(matchesMongo({ a: { $size: 1 } }, { a: [[1, 2]] })).toBe(true);
    expect(matchesMongo({ a: { $size: 2 } }, { a: [[1, 2]] })).toBe(false);
  });

  test("$type: arrays match 'array', numbers stored by the driver as int or double", () => {
    expect(matchesMongo({ a: { $type: "array" } }, { a: [] })).toBe(true);
    expect(matchesMongo({ a: { $type: "string" } }, { a: [1, "x"] })).toBe(true);
    expect(matchesMongo({ a: { $type: "int" } }, { a: 1 })).toBe(true);
    expect(matchesMongo({ a: { $type: "double" } }, { a: 1.5 })).toBe(true);
    expect(matchesMongo({ a: { $type: "number" } }, { a: 1 })).toBe(true);
    expect(matchesMongo({ a: { $type: "null" } }, {})).toBe(false);
  });

  test("$not and $nor are exact complements", () => {
    const recs = [{ a: 6 }, { a: [1, 6] }, { a: "x" }, {}, { a: null }];
    for (const r of recs) {
      expect(matchesMongo({ a: { $not: { $gt: 5 } } }, r)).toBe(!matchesMongo({ a: { $gt: 5 } }, r));
      expect(matchesMongo({ $nor: [{ a: { $gt: 5 } }, { a: "x" }] }, r)).toBe(!matchesMongo({ $or: [{ a: { $gt: 5 } }, { a: "x" }] }, r));
    }
  });

  test("$and / $or nest to any depth", () => {
    const f = { $or: [{ $and: [{ a: 1 }, { b: 2 }] }, { $nor: [{ c: { $exists: true } }] }] };
    expect(matchesMongo(f, { a: 1, b: 2, c: 0 })).toBe(true);
    expect(matchesMongo(f, { a: 1, c: 0 })).toBe(false);
    expect(matchesMongo(f, {})).toBe(true);
  });
});

describe("$regex as PCRE2 runs it (jstests/core/query/regex/)", () => {
  test("$ also matches before a final newline; \\z only at the very end", () => {
    expect(matchesMongo({ a: { $regex: "b$" } }, { a: "ab\n" })).toBe(true);
    expect(matchesMongo({ a: { $regex: "b\\z" } }, { a: "ab\n" })).toBe(false);
    expect(matchesMongo({ a: { $regex: "b\\z" } }, { a: "ab" })).toBe(true);
    // mingo departs: it runs JavaScript's RegExp, whose $ is the end only.
    expect(mingo({ a: { $regex: "b$" } }, { a: "ab\n" })).toBe(false);
  });

  test("$regex matches string elements of arrays, never numbers", () => {
    expect(matchesMongo({ a: { $regex: "^x" } }, { a: [1, "xy"] })).toBe(true);
    expect(matchesMongo({ a: { $regex: "1" } }, { a: 1 })).toBe(false);
    expect(matchesMongo({ a: /^x/ }, { a: ["yx"] })).toBe(false);
  });

  test('$options "i" folds case, astral characters are single characters', () => {
    expect(matchesMongo({ a: { $regex: "^straße$", $options: "i" } }, { a: "STRAẞE" })).toBe(true);
    expect(matchesMongo({ a: { $regex: "^.$" } }, { a: "😀" })).toBe(true);
    expect(matchesMongo({ a: { $regex: "^.$" } }, { a: "\n" })).toBe(false);
    expect(matchesMongo({ a: { $regex: "^\\s$" } }, { a: "\u00a0" })).toBe(false);
  });

  test("patterns outside the supported subset are refused, not guessed", () => {
    expect(() => matchesMongo({ a: { $regex: "(?<=a)b" } }, { a: "ab" })).toThrow(/outside the supported PCRE subset/);
    expect(() => matchesMongo({ a: { $regex: "\\w", $options: "i" } }, { a: "a" })).toThrow(/outside the supported PCRE subset/);
    expect(() => matchesMongo({ a: { $regex: "a", $options: "m" } }, { a: "a" })).toThrow(/not supported/);
    expect(() => matchesMongo({ a: { $regex: "[\\x{0}-\\x{d800}]" } }, { a: "a" })).toThrow(/surrogate/);
    expect(matchesMongo({ a: { $regex: "[\\x{0}-\\x{d7ff}\\x{e000}-\\x{10ffff}]" } }, { a: "a" })).toBe(true);
  });
});

describe("the reference refuses what it does not model", () => {
  test("unknown operators, empty $and, and non-plain values throw", () => {
    expect(() => matchesMongo({ a: { $where: "1" } }, {})).toThrow(/unsupported operator/);
    expect(() => matchesMongo({ $and: [] }, {})).toThrow(/non-empty array/);
    expect(() => matchesMongo({ a: 1 }, { a: new Map() })).toThrow(/plain object/);
    expect(() => matchesMongo({ $text: { $search: "x" } }, {})).toThrow(/top-level operator/);
  });
});

describe("where mingo follows the server, the reference agrees with it", () => {
  // Top-level fields holding scalars or arrays of scalars, strings below the surrogate range,
  // operators with scalar arguments: the common ground of the two engines.
  const scalar = fc.oneof(fc.constantFrom(0, 1, -1, 2.5, 10), fc.constantFrom("a", "b", "ab", "B", "", "é"), fc.boolean(), fc.constant(null));
  const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) });
  const record = fc.dictionary(fc.constantFrom("a", "b"), value, { maxKeys: 2, noNullPrototype: true });
  const condition: fc.Arbitrary<Filter> = fc.oneof(
    fc.record({ f: fc.constantFrom("a", "b"), op: fc.constantFrom("$eq", "$ne"), v: scalar }).map(({ f, op, v }) => ({ [f]: { [op]: v } })),
    // ($gte/$lte null on a missing field is a departure, tested above.)
    fc.record({ f: fc.constantFrom("a", "b"), op: fc.constantFrom("$gt", "$gte", "$lt", "$lte"), v: scalar.filter((v) => v !== null) }).map(({ f, op, v }) => ({ [f]: { [op]: v } })),
    fc.record({ f: fc.constantFrom("a", "b"), op: fc.constantFrom("$in", "$nin"), v: fc.array(scalar, { maxLength: 3 }) }).map(({ f, op, v }) => ({ [f]: { [op]: v } })),
    fc.record({ f: fc.constantFrom("a", "b"), v: fc.boolean() }).map(({ f, v }) => ({ [f]: { $exists: v } })),
  );
  const { filter } = fc.letrec<{ filter: Filter }>((tie) => ({
    filter: fc.oneof(
      { depthSize: "small" },
      { weight: 4, arbitrary: condition },
      { weight: 1, arbitrary: fc.record({ op: fc.constantFrom("$and", "$or", "$nor"), xs: fc.array(tie("filter"), { minLength: 1, maxLength: 3 }) }).map(({ op, xs }) => ({ [op]: xs })) },
    ),
  }));

  test("random filters × random records", () => {
    fc.assert(fc.property(filter, record, (f, r) => matchesMongo(f, r) === mingo(f, r)), { numRuns: 2000 });
  });
});
