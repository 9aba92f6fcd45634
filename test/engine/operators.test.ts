import { describe, expect, test } from "vitest";
import { compile, filter } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";

const pick = (records: object[], text: string, options = {}) => {
  const closures = filter(records, text, { ...options, codegen: false });
  const generated = filter(records, text, options);
  expect(generated).toEqual(closures);
  return generated;
};

describe("string operators", () => {
  const records = [
    { id: 1, name: "John Smith", tags: ["red", "blue"], items: [{ name: "apple" }, { name: "kiwi" }] },
    { id: 2, name: "jane doe", tags: ["green"], items: [{ name: "banana" }] },
    { id: 3, name: 42, tags: "redish" },
    { id: 4 },
  ];
  const ids = (text: string, options = {}) => pick(records, text, options).map((r) => (r as { id: number }).id);

  test.each<[string, number[]]>([
    ['name contains "Smith"', [1]],
    ['name contains "smith"', []],
    ['tags contains "red"', [1, 3]],
    ['tags contains "re"', [3]],
    ['items.name contains "an"', [2]],
    ['name not contains "o"', [3, 4]],
    ['name starts with "J"', [1]],
    ['tags starts with "gr"', [2]],
    ['name ends with "doe"', [2]],
    ['items.name ends with "wi"', [1]],
    ["name matches /^j/", [2]],
    ["name matches /^j/i", [1, 2]],
    ['name matches "Sm.th$"', [1]],
    ["tags matches /^b/", [1]],
    ["name not matches /^j/", [1, 3, 4]],
  ])("%s", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  test.each<[string, number[]]>([
    ['name = "john smith"', [1]],
    ['name != "JOHN SMITH"', [2, 3, 4]],
    ['name in ["JANE DOE"]', [2]],
    ['name not in ["JANE DOE"]', [1, 3, 4]],
    ['name contains "SMITH"', [1]],
    ['tags contains "RED"', [1, 3]],
    ['name starts with "JANE"', [2]],
    ['name ends with "SMITH"', [1]],
    ["name matches /^JOHN/", [1]],
  ])("case insensitive: %s", (text, expected) => {
    expect(ids(`${text} case insensitive`)).toEqual(expected);
    expect(ids(text, { caseSensitive: false })).toEqual(expected);
  });

  test("the caseSensitive option wins over the case clause", () => {
    expect(ids('name = "john smith" case insensitive', { caseSensitive: true })).toEqual([]);
    expect(ids('name = "john smith" case sensitive', { caseSensitive: false })).toEqual([1]);
  });

  test("case folding does not change ordering comparisons", () => {
    expect(ids('name > "a" case insensitive')).toEqual([2]);
  });
});

describe("full-text ~", () => {
  const records = [
    { id: 1, body: "The quick brown fox jumps" },
    { id: 2, body: "A QUICK fox, brown-ish" },
    { id: 3, body: "quickly foxes" },
    { id: 4, body: ["lazy dog", "quick brown fox"] },
    { id: 5, body: "Ünïcode wörds 123 fox" },
  ];
  const ids = (text: string) => pick(records, text).map((r) => (r as { id: number }).id);
  test.each<[string, number[]]>([
    ['body ~ "quick fox"', [1, 2, 4]],
    ['body ~ "fox quick"', [1, 2, 4]],
    ['body ~ "brown"', [1, 2, 4]],
    ['body ~ "quick"', [1, 2, 4]],
    ['body ~ "WÖRDS 123"', [5]],
    ['body ~ "ish"', [2]],
    ['body ~ ""', [1, 2, 3, 4, 5]],
  ])("%s", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe("dates", () => {
  const now = new Date("2024-05-08T12:00:00.000Z");
  const records = [
    { id: 1, created: "2024-05-07T00:00:00Z" },
    { id: 2, created: "2024-04-01" },
    { id: 3, created: new Date("2024-05-08T11:00:00Z") },
    { id: 4, created: "not a date" },
    { id: 5 },
  ];
  const schema = { created: "date" } as const;
  const ids = (text: string, options = {}) => pick(records, text, { now, ...options }).map((r) => (r as { id: number }).id);

  test("with a date schema, ISO strings, Date objects and date math compare as instants", () => {
    expect(ids("created > now - 7d", { schema })).toEqual([1, 3]);
    expect(ids('created >= "2024-05-07T00:00:00.000+00:00"', { schema })).toEqual([1, 3]);
    expect(ids('created = "2024-04-01T00:00:00Z"', { schema })).toEqual([2]);
    expect(ids('created between "2024-04-01" and "2024-05-07T00:00:00Z"', { schema })).toEqual([1, 2]);
    expect(ids('created in ["2024-04-01T00:00:00.000Z"]', { schema })).toEqual([2]);
  });

  test("without a schema, date math is its ISO string (as in the body), so only strings compare", () => {
    expect(ids("created > now - 7d")).toEqual([1, 4]);
  });

  test("the clock is injectable", () => {
    expect(ids("created > now - 1h", { schema, now: new Date("2024-05-08T11:30:00Z") })).toEqual([3]);
  });
});

describe("errors at compile time", () => {
  test("an invalid regex is a FilterQLError", () => {
    expect(() => compile("x matches /a(/")).toThrow(FilterQLError);
  });
  test("a catastrophic pattern answers (a backtracking engine would not finish before the test timeout)", () => {
    const evil = { x: `${"a".repeat(50_000)}!` };
    expect(compile("x matches /^(a+)+$/").test(evil)).toBe(false);
    expect(compile("x matches /^(a+)+!$/").test(evil)).toBe(true);
  });
});
