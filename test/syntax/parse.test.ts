import { describe, expect, test } from "vitest";
import { parse } from "../../src/syntax/parse.js";
import type { ExprNode, QueryNode } from "../../src/ast/nodes.js";
import { stripSpans } from "../support/strip-spans.js";

function query(text: string): QueryNode {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  if (result.query === undefined) throw new Error("no query");
  return stripSpans(result.query);
}

function filter(text: string): ExprNode {
  const f = query(text).filter;
  if (f === null) throw new Error("no filter");
  return f;
}

const p = (...segments: string[]) => ({ kind: "Path", segments });
const lit = (value: unknown) => ({ kind: "Literal", value });

describe("comparisons", () => {
  test.each([
    ['a = 1', "eq"], ['a == 1', "eq"], ['a != 1', "ne"], ['a <> 1', "ne"],
    ['a > 1', "gt"], ['a >= 1', "gte"], ['a < 1', "lt"], ['a <= 1', "lte"],
  ])("%s", (text, op) => {
    expect(filter(text)).toEqual({ kind: "Compare", op, field: p("a"), value: lit(1) });
  });
});

describe("values", () => {
  test.each<[string, unknown]>([
    ['x = "double"', "double"],
    ["x = 'single'", "single"],
    ['x = "esc \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9"', 'esc " \\ / \b \f \n \r \t é'],
    ["x = 'it\\'s'", "it's"],
    ['x = "ünïcödé 😀"', "ünïcödé 😀"],
    ["x = -12.5e2", -1250],
    ["x = 0", 0],
    ["x = -0", 0],
    ["x = true", true],
    ["x = FALSE", false],
    ["x = null", null],
  ])("%s", (text, value) => {
    expect(filter(text)).toMatchObject({ kind: "Compare", value: lit(value) });
  });

  test.each<[string, unknown]>([
    ["t > now", null],
    ["t > now - 7d", { sign: "-", amount: 7, unit: "d" }],
    ["t < NOW + 2h", { sign: "+", amount: 2, unit: "h" }],
    ["t >= now-30m", { sign: "-", amount: 30, unit: "m" }],
    ["t >= now - 1w", { sign: "-", amount: 1, unit: "w" }],
    ["t >= now + 10s", { sign: "+", amount: 10, unit: "s" }],
  ])("%s", (text, offset) => {
    expect(filter(text)).toMatchObject({ value: { kind: "DateMath", offset } });
  });
});

describe("paths", () => {
  test.each<[string, string[]]>([
    ["metadata.tags = 1", ["metadata", "tags"]],
    ["`order` = 1", ["order"]],
    ["`first name`.x = 1", ["first name", "x"]],
    ["café.naïve_1 = 1", ["café", "naïve_1"]],
    ["order_id = 1", ["order_id"]],
    ["$meta._id = 1", ["$meta", "_id"]],
    ["日本 = 1", ["日本"]],
  ])("%s", (text, segments) => {
    expect(filter(text)).toMatchObject({ field: p(...segments) });
  });
});

describe("word operators", () => {
  test("a in [1, \"b\", null]", () => {
    expect(filter('a in [1, "b", null]')).toEqual({ kind: "In", negated: false, field: p("a"), values: [lit(1), lit("b"), lit(null)] });
  });
  test("a not in []", () => {
    expect(filter("a not in []")).toEqual({ kind: "In", negated: true, field: p("a"), values: [] });
  });
  test("a between 1 and 5", () => {
    expect(filter("a between 1 and 5")).toEqual({ kind: "Between", field: p("a"), low: lit(1), high: lit(5) });
  });
  test.each<[string, string, boolean]>([
    ["a is null", "IsNull", false],
    ["a IS NOT NULL", "IsNull", true],
    ["a exists", "Exists", false],
    ["a not exists", "Exists", true],
  ])("%s", (text, kind, negated) => {
    expect(filter(text)).toEqual({ kind, negated, field: p("a") });
  });
  test.each<[string, string, boolean, unknown]>([
    ['a contains "x"', "contains", false, lit("x")],
    ["a contains 3", "contains", false, lit(3)],
    ['a not contains "x"', "contains", true, lit("x")],
    ['a starts with "x"', "starts_with", false, lit("x")],
    ['a not starts with "x"', "starts_with", true, lit("x")],
    ['a ends with "x"', "ends_with", false, lit("x")],
    ['a not ends with "x"', "ends_with", true, lit("x")],
    ["a matches /^a+b$/i", "regex", false, { kind: "Regex", pattern: "^a+b$", flags: "i" }],
    ['a not matches "^x"', "regex", true, lit("^x")],
    ["a matches /a\\/b/", "regex", false, { kind: "Regex", pattern: "a/b", flags: "" }],
  ])("%s", (text, op, negated, value) => {
    expect(filter(text)).toEqual({ kind: "Match", op, negated, field: p("a"), value });
  });
  test('body ~ "quick fox"', () => {
    expect(filter('body ~ "quick fox"')).toEqual({ kind: "Text", field: p("body"), value: lit("quick fox") });
  });
});

describe("boolean structure and precedence", () => {
  test('status = "active" or role = "admin" and not department = "HR"', () => {
    const f = filter('status = "active" or role = "admin" and not department = "HR"');
    expect(f).toMatchObject({
      kind: "Or",
      operands: [
        { kind: "Compare", field: p("status") },
        { kind: "And", operands: [{ kind: "Compare", field: p("role") }, { kind: "Not", operand: { kind: "Compare", field: p("department") } }] },
      ],
    });
  });
  test("a = 1 and (b = 2 and (c = 3)) flattens into one and", () => {
    const f = filter("a = 1 and (b = 2 and (c = 3))");
    expect(f.kind).toBe("And");
    expect(f.kind === "And" && f.operands.length).toBe(3);
  });
  test("(a = 1 or b = 2) or c = 3 flattens into one or", () => {
    const f = filter("(a = 1 or b = 2) or c = 3");
    expect(f.kind === "Or" && f.operands.length).toBe(3);
  });
  test("not not a = 1 keeps both nots", () => {
    expect(filter("not not a = 1")).toMatchObject({ kind: "Not", operand: { kind: "Not", operand: { kind: "Compare" } } });
  });
  test("not (a = 1 or b = 2)", () => {
    expect(filter("not (a = 1 or b = 2)")).toMatchObject({ kind: "Not", operand: { kind: "Or" } });
  });
  test("a between 1 and 2 and b = 3", () => {
    expect(filter("a between 1 and 2 and b = 3")).toMatchObject({ kind: "And", operands: [{ kind: "Between" }, { kind: "Compare" }] });
  });
  test("keywords are case-insensitive: A = 1 AnD NOT b = 2 oR c = 3", () => {
    expect(filter("A = 1 AnD NOT b = 2 oR c = 3")).toMatchObject({ kind: "Or", operands: [{ kind: "And" }, { kind: "Compare" }] });
  });
  test("whitespace is free and a query may span lines", () => {
    expect(filter("a = 1\n  and\tb = 2\r\n  or c = 3")).toMatchObject({ kind: "Or" });
  });
});

describe("clauses", () => {
  test("from collection_123, my_collection_name where a = 1", () => {
    expect(query("from collection_123, my_collection_name where a = 1")).toMatchObject({ collections: ["collection_123", "my_collection_name"], filter: { kind: "Compare" } });
  });
  test('from "my-coll", `order` a = 1 (where is optional)', () => {
    expect(query('from "my-coll", `order` a = 1')).toMatchObject({ collections: ["my-coll", "order"] });
  });
  test("order by score desc, name, age asc", () => {
    expect(query("order by score desc, name, age asc").orderBy).toEqual([
      { kind: "OrderKey", field: p("score"), direction: "desc" },
      { kind: "OrderKey", field: p("name"), direction: "asc" },
      { kind: "OrderKey", field: p("age"), direction: "asc" },
    ]);
  });
  test("select metadata.tags, name", () => {
    expect(query("select metadata.tags, name").select).toEqual([p("metadata", "tags"), p("name")]);
  });
  test("limit 25", () => {
    expect(query("limit 25").limit).toBe(25);
  });
  test("case sensitive / case insensitive", () => {
    expect(query("a = 1 case sensitive").caseSensitive).toBe(true);
    expect(query("a = 1 CASE INSENSITIVE").caseSensitive).toBe(false);
    expect(query("a = 1").caseSensitive).toBe(null);
  });
  test("the empty query matches everything", () => {
    expect(query("")).toEqual({ kind: "Query", collections: [], filter: null, orderBy: [], select: [], limit: null, caseSensitive: null });
    expect(query("   \n ")).toMatchObject({ filter: null });
  });
  test("all clauses together", () => {
    const q = query('from c where a = 1 order by b desc select c.d limit 5 case insensitive');
    expect(q).toMatchObject({ collections: ["c"], orderBy: [{ direction: "desc" }], select: [p("c", "d")], limit: 5, caseSensitive: false });
  });
});

describe("spans", () => {
  test("every node's span covers its own text", () => {
    const text = 'name = "John" and (age >= 30 or not tags contains "x") order by score desc';
    const result = parse(text);
    const q = result.query as QueryNode;
    const f = q.filter;
    expect(f?.kind).toBe("And");
    if (f?.kind !== "And") return;
    const [first, second] = f.operands;
    expect(text.slice(first?.span.start, first?.span.end)).toBe('name = "John"');
    expect(text.slice(second?.span.start, second?.span.end)).toBe('age >= 30 or not tags contains "x"');
    if (first?.kind !== "Compare") throw new Error("expected a comparison");
    expect(text.slice(first.field.span.start, first.field.span.end)).toBe("name");
    expect(text.slice(first.value.span.start, first.value.span.end)).toBe('"John"');
    const key = q.orderBy[0];
    expect(text.slice(key?.span.start, key?.span.end)).toBe("score desc");
  });
});
