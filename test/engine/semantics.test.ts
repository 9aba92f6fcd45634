/**
 * SPEC §4, rule by rule, as a MongoDB 8.0 server answers: each case is a query (the test's
 * title), records, and the positions of the records the server returns. Every case runs through
 * all four evaluation paths (generated code, closures, and the record index over each), without
 * a schema and with one where the field types allow it.
 */
import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import type { Schema } from "../../src/check/schema.js";
import { answers, EVALUATION_PATHS } from "../support/evaluation-paths.js";

type Case = readonly [query: string, records: readonly unknown[], matching: readonly number[]];

function expectMatches([query, records, matching]: Case, schema?: Schema): void {
  const expected = matching.map((i) => records[i]);
  const got = answers(query, records, schema === undefined ? {} : { schema });
  for (const path of EVALUATION_PATHS) expect({ path, matches: got[path] }).toEqual({ path, matches: expected });
}

/** The records of `records` not at `matching`: what the negated query must return. */
function complement(records: readonly unknown[], matching: readonly number[]): number[] {
  return records.map((_, i) => i).filter((i) => !matching.includes(i));
}

const missingInArrays = [
  { a: [{ b: 3 }, {}] },
  { a: [{}] },
  { a: [] },
  { a: [5] },
  { a: [5, { b: 5 }] },
  { a: { b: null } },
  { a: 5 },
  {},
  { a: null },
  { a: [{ b: [] }] },
  { a: [{ b: [null] }] },
  { a: [[{}]] },
];

describe("an object element that lacks the next field counts as null; scalars and empty arrays as nothing", () => {
  const nulls = [0, 1, 5, 6, 7, 8, 10];
  test.each<Case>([
    ["a.b = null", missingInArrays, nulls],
    ["a.b is null", missingInArrays, nulls],
    ["a.b in [null]", missingInArrays, nulls],
    ["a.b in [null, 5]", missingInArrays, [...nulls, 4].sort((x, y) => x - y)],
    ["a.b >= null", missingInArrays, nulls],
    ["a.b <= null", missingInArrays, nulls],
    ["a.b != null", missingInArrays, complement(missingInArrays, nulls)],
    ["a.b is not null", missingInArrays, complement(missingInArrays, nulls)],
    ["a.b not in [null]", missingInArrays, complement(missingInArrays, nulls)],
    ["a.b not in [null, 5]", missingInArrays, complement(missingInArrays, [...nulls, 4])],
    ["a.b > null", missingInArrays, []],
    ["a.b < null", missingInArrays, []],
    ["a.b exists", missingInArrays, [0, 4, 5, 9, 10]],
    ["a.b not exists", missingInArrays, complement(missingInArrays, [0, 4, 5, 9, 10])],
    ["a.b.c = null", [{ a: [{ b: [{ c: 1 }, {}] }] }, { a: [{ b: [{ c: 1 }] }] }, { a: [{ b: 1 }] }], [0, 2]],
  ])("%s", (...c) => expectMatches(c));
});

describe("a path step opens one level of array", () => {
  const records = [{ a: [[{ b: 1 }]] }, { a: [{ b: 1 }] }, { a: { b: [1] } }, { a: { b: [[1]] } }, { a: [{ b: [1] }] }, { a: [{ b: [[1]] }] }];
  test.each<Case>([
    ["a.b = 1", records, [1, 2, 4]],
    ["a.b in [1, 2]", records, [1, 2, 4]],
    ["a.b >= 1", records, [1, 2, 4]],
    ["a.b exists", records, [1, 2, 3, 4, 5]],
    ["a.b != 1", records, [0, 3, 5]],
    ["a = 1", [{ a: [1] }, { a: [[1]] }, { a: 1 }], [0, 2]],
    ["a.b.c = 1", [{ a: [{ b: [{ c: 1 }] }] }, { a: [[{ b: { c: 1 } }]] }, { a: [{ b: [[{ c: 1 }]] }] }], [0]],
  ])("%s", (...c) => expectMatches(c));
});

describe("numeric steps: a position of an array, and the field of that name of each object element", () => {
  const records = [{ a: [42] }, { a: { "0": [42] } }, { a: [{ "0": [42] }] }, { a: [[42]] }, { a: [1, 42] }, { a: { "0": 42 } }, { a: 42 }, { a: [] }];
  test.each<Case>([
    ["a.0 = 42", records, [0, 1, 2, 5]],
    ["a.`0` = 42", records, [0, 1, 2, 5]],
    ["a.1 = 42", records, [4]],
    ["a.0 in [42]", records, [0, 1, 2, 5]],
    ["a.0 exists", records, [0, 1, 2, 3, 4, 5]],
    ["a.0 is null", records, [6]],
    ["a.0 = null", [{ a: [{}] }, { a: [null] }, { a: [] }, { a: [1] }], [0, 1]],
    ["a.0.b = 1", [{ a: [{ b: 1 }] }, { a: [{ b: [1] }] }, { a: { "0": { b: 1 } } }, { a: [{ c: 1 }, { b: 1 }] }], [0, 1, 2]],
    ["a.0 > 5", [{ a: [6] }, { a: [[6]] }, { a: [1, 6] }, { a: { "0": [1, 6] } }], [0, 3]],
  ])("%s", (...c) => expectMatches(c));

  test("with a schema, a position of an array field has the element's type", () => {
    expectMatches(["tags.0 = \"vip\"", [{ tags: ["vip", "new"] }, { tags: ["new", "vip"] }], [0]], { tags: "string[]" });
    expectMatches(["items.0.price > 5", [{ items: [{ price: 6 }] }, { items: [{ price: 1 }, { price: 9 }] }], [0]], { items: "object[]", "items.price": "number" });
  });
});

describe("in holds exactly when = holds for some listed value", () => {
  const records = [{ a: [{ b: [{ c: 5 }] }] }, { a: { b: [5, 6] } }, { a: [{ b: { c: [5] } }] }, { a: [{ b: [[{ c: 5 }]] }] }, { a: [{}, { b: { c: 6 } }] }];
  test.each<Case>([
    ["a.b.c in [5]", records, [0, 2]],
    ["a.b.c = 5", records, [0, 2]],
    // `{a: {b: [5, 6]}}`: the step `c` into [5, 6] meets only scalars, so nothing: not null either.
    ["a.b.c in [5, null]", records, [0, 2, 4]],
    ["a.b.c = 5 or a.b.c = null", records, [0, 2, 4]],
  ])("%s", (...c) => expectMatches(c));
});

describe("ordering: within a type, strings by code point; null only as = null", () => {
  const strings = [{ a: "\uFFFF" }, { a: "😀" }, { a: "\uE000" }, { a: "z" }, { a: ["😀", "a"] }, { a: "\uD83D" }];
  test.each<Case>([
    ['a < "😀"', strings, [0, 2, 3, 4, 5]],
    ['a > "\uFFFF"', strings, [1, 4, 5]],
    ['a >= "\uE000"', strings, [0, 1, 2, 4, 5]],
    // Each bound may hold on a different element of an array (between is >= and <=).
    ['a between "\uE000" and "\uFFFF"', strings, [0, 2, 4]],
    ["a > 5", [{ a: "30" }, { a: 30 }, { a: [1, "9"] }, { a: true }, {}], [1]],
    ["a >= null", [{}, { a: null }, { a: [null] }, { a: 1 }, { a: [] }], [0, 1, 2]],
    ["a > null", [{}, { a: null }, { a: [null] }, { a: 1 }], []],
  ])("%s", (...c) => expectMatches(c));

  test("with a string schema, generated code and the index use code-point order too", () => {
    expectMatches(['a < "😀"', strings.slice(0, 4), [0, 2, 3]], { a: "string" });
    expectMatches(['a > "\uFFFF"', strings.slice(0, 4), [1]], { a: "string" });
  });

  test("order by sorts strings by code point", () => {
    const records = [{ a: "\uFFFF" }, { a: "😀" }, { a: "\uE000" }, { a: "z" }];
    expect(compile("order by a").run(records).results).toEqual([{ a: "z" }, { a: "\uE000" }, { a: "\uFFFF" }, { a: "😀" }]);
    expect(compile("order by a desc").run(records).results).toEqual([{ a: "😀" }, { a: "\uFFFF" }, { a: "\uE000" }, { a: "z" }]);
  });

  test("order by a path through objects that lack it: the missing element sorts as null", () => {
    const records = [{ id: 1, a: [{ b: 1 }, {}] }, { id: 2, a: [{ b: 0 }] }, { id: 3, a: [] }, { id: 4, a: [{ b: 2 }] }];
    expect(compile("order by a.b select id").run(records).results).toEqual([{ id: 1 }, { id: 3 }, { id: 2 }, { id: 4 }]);
    expect(compile("order by a.b desc select id").run(records).results).toEqual([{ id: 4 }, { id: 1 }, { id: 2 }, { id: 3 }]);
  });
});

describe("the string operators walk paths by the same rules", () => {
  const records = [{ a: [{ b: "vip" }, {}] }, { a: [[{ b: "vip" }]] }, { a: { b: ["vip", "new"] } }, { a: [{ b: [["vip"]] }] }, { a: ["vip"] }, { a: { "0": "vip" } }];
  test.each<Case>([
    ['a.b contains "vi"', records, [0]],
    ['a.b contains "vip"', records, [0, 2]],
    ['a.b starts with "vi"', records, [0, 2]],
    ['a.b ends with "ip"', records, [0, 2]],
    ["a.b matches /^v/", records, [0, 2]],
    ['a.b ~ "VIP"', records, [0, 2]],
    ['a.0 starts with "v"', records, [4, 5]],
    ['a.b not contains "vi"', records, [1, 2, 3, 4, 5]],
  ])("%s", (...c) => expectMatches(c));

  test("case-insensitive equality and dates through arrays of objects", () => {
    const people = [{ p: [{ n: "ADA" }, {}] }, { p: [{ n: "Bob" }] }];
    const got = answers('p.n = "ada" case insensitive', people);
    for (const path of EVALUATION_PATHS) expect({ path, m: got[path] }).toEqual({ path, m: [people[0]] });
    const events = [{ e: [{ at: "2024-05-01T00:00:00Z" }, {}] }, { e: [{ at: "2023-01-01" }] }, { e: [] }];
    const later = answers('e.at > "2024-01-01"', events, { schema: { "e.at": "date" } });
    for (const path of EVALUATION_PATHS) expect({ path, m: later[path] }).toEqual({ path, m: [events[0]] });
  });
});

describe("order by compares documents as BSON does", () => {
  test("field by field: the value's type first, then the name, then the value", () => {
    const records = [{ id: 0, n: { x: false } }, { id: 1, n: { y: [] } }, { id: 2, n: { x: 1 } }, { id: 3, n: { w: 1 } }];
    // Types: number (w, x: 1) < array (y) < boolean (x: false); among the numbers, w before x.
    expect(compile("order by n select id").run(records).results).toEqual([{ id: 3 }, { id: 2 }, { id: 1 }, { id: 0 }]);
  });
});
