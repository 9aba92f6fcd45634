import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { fromMixpeek } from "../../src/mixpeek/from-mixpeek.js";
import { toMixpeekRequest } from "../../src/mixpeek/request.js";
import { toMixpeek } from "../../src/mixpeek/to-mixpeek.js";
import { parse } from "../../src/syntax/parse.js";

/** The request body of SPEC §1, exactly as published. */
const SEED_BODY = `{
  "collections": ["collection_123", "my_collection_name"],
  "filters": {
    "case_sensitive": true,
    "AND": [{ "key": "name", "operator": "eq", "value": "John" },
            { "key": "age", "operator": "gte", "value": 30 }],
    "OR":  [{ "key": "status", "operator": "eq", "value": "active" },
            { "key": "role", "operator": "eq", "value": "admin" }],
    "NOR": [{ "key": "department", "operator": "eq", "value": "HR" },
            { "key": "location", "operator": "eq", "value": "remote" }]
  },
  "sort": { "field": "score", "direction": "desc" },
  "select": ["metadata.tags"],
  "return_urls": false
}`;

const SEED_TEXT =
  'from collection_123, my_collection_name where name = "John" and age >= 30 and (status = "active" or role = "admin") and not (department = "HR" or location = "remote") order by score desc select metadata.tags';

const q = (text: string) => {
  const r = parse(text);
  expect(r.diagnostics).toEqual([]);
  return r.query!;
};

describe("the seed body", () => {
  test("comes out of the seed text byte for byte", () => {
    const body = toMixpeek(q(SEED_TEXT), { caseSensitive: true, returnUrls: false });
    expect(JSON.stringify(body)).toBe(JSON.stringify(JSON.parse(SEED_BODY)));
  });

  test("decoding it and emitting it again gives it back exactly", () => {
    const seed = JSON.parse(SEED_BODY);
    expect(JSON.stringify(toMixpeek(fromMixpeek(seed), { returnUrls: false }))).toBe(JSON.stringify(seed));
  });

  test("the case clause in the text gives the same body", () => {
    const body = toMixpeek(q(`${SEED_TEXT} case sensitive`), { returnUrls: false });
    expect(JSON.stringify(body)).toBe(JSON.stringify(JSON.parse(SEED_BODY)));
  });

  test("the card's example query", () => {
    const body = toMixpeek(q('status = "active" or role = "admin" and not department = "HR" order by score desc'));
    expect(body).toEqual({
      filters: {
        OR: [
          { key: "status", operator: "eq", value: "active" },
          { AND: [{ key: "role", operator: "eq", value: "admin" }], NOR: [{ key: "department", operator: "eq", value: "HR" }] },
        ],
      },
      sort: { field: "score", direction: "desc" },
    });
  });
});

describe("every operator, both dialects", () => {
  const v1 = (key: string, operator: string, value: unknown) => ({ key, operator, value });
  test.each<[string, object]>([
    ["a = 1", { AND: [v1("a", "eq", 1)] }],
    ["a == 1", { AND: [v1("a", "eq", 1)] }],
    ["a != 1", { AND: [v1("a", "ne", 1)] }],
    ["a <> 1", { AND: [v1("a", "ne", 1)] }],
    ["a > 1", { AND: [v1("a", "gt", 1)] }],
    ["a >= 1", { AND: [v1("a", "gte", 1)] }],
    ["a < 1", { AND: [v1("a", "lt", 1)] }],
    ["a <= 1", { AND: [v1("a", "lte", 1)] }],
    ['a in [1, "x", null]', { AND: [v1("a", "in", [1, "x", null])] }],
    ["a not in [1]", { AND: [v1("a", "nin", [1])] }],
    ["a is null", { AND: [v1("a", "is_null", true)] }],
    ["a is not null", { AND: [v1("a", "is_null", false)] }],
    ["a exists", { AND: [v1("a", "exists", true)] }],
    ["a not exists", { AND: [v1("a", "exists", false)] }],
    ['a ~ "quick fox"', { AND: [v1("a", "text", "quick fox")] }],
    ["a between 1 and 5", { AND: [v1("a", "gte", 1), v1("a", "lte", 5)] }],
    ["not a = 1", { NOR: [v1("a", "eq", 1)] }],
    ["not (a = 1 or b = 2)", { NOR: [v1("a", "eq", 1), v1("b", "eq", 2)] }],
    ["a = 1 or b = 2", { OR: [v1("a", "eq", 1), v1("b", "eq", 2)] }],
    ["x = 0 and (a = 1 or b = 2) and (c = 3 or d = 4)", { AND: [v1("x", "eq", 0), { OR: [v1("c", "eq", 3), v1("d", "eq", 4)] }], OR: [v1("a", "eq", 1), v1("b", "eq", 2)] }],
    ["a between 1 and 2 or b = 3", { OR: [{ AND: [v1("a", "gte", 1), v1("a", "lte", 2)] }, v1("b", "eq", 3)] }],
    ["not not a = 1", { NOR: [{ NOR: [v1("a", "eq", 1)] }] }],
    ["metadata.tags = 1", { AND: [v1("metadata.tags", "eq", 1)] }],
  ])("v1: %s", (text, filters) => {
    expect(toMixpeek(q(text)).filters).toEqual(filters);
  });

  const v2 = (field: string, operator: string, value: unknown) => ({ field, operator, value });
  test.each<[string, object]>([
    ["a = 1", { AND: [v2("a", "eq", 1)] }],
    ["not a = 1", { NOT: [v2("a", "eq", 1)] }],
    ['a contains "x"', { AND: [v2("a", "contains", "x")] }],
    ['a not contains "x"', { NOT: [v2("a", "contains", "x")] }],
    ['a starts with "x"', { AND: [v2("a", "starts_with", "x")] }],
    ['a ends with "x"', { AND: [v2("a", "ends_with", "x")] }],
    ['b = 1 and a not ends with "x"', { AND: [v2("b", "eq", 1)], NOT: [v2("a", "ends_with", "x")] }],
    ["a matches /^ab+c$/", { AND: [v2("a", "regex", "^ab+c$")] }],
    ["a matches /^ab+c$/i", { AND: [v2("a", "regex", "(?i)^ab+c$")] }],
    ['a matches "^x"', { AND: [v2("a", "regex", "^x")] }],
    ['a ~ "w"', { AND: [v2("a", "text", "w")] }],
  ])("v2: %s", (text, filters) => {
    expect(toMixpeek(q(text), { dialect: "v2" }).filters).toEqual(filters);
  });

  test.each(['a contains "x"', 'a starts with "x"', 'a ends with "x"', "a matches /x/"])("v1 refuses %s, naming the operator and the dialect", (text) => {
    try {
      toMixpeek(q(text));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FilterQLError);
      const d = (e as FilterQLError).diagnostics[0];
      expect(d?.code).toBe("unsupported-by-dialect");
      expect(d?.message).toMatch(/^operator `(contains|starts_with|ends_with|regex)` is not in dialect v1$/);
      expect(d?.span).toMatchObject({ start: 0, end: text.length });
    }
  });

  test.each(["v1", "v2"] as const)("%s: more than one sort key is unsupported-by-dialect", (dialect) => {
    expect(() => toMixpeek(q("order by a, b desc"), { dialect })).toThrowError(/the request body takes one sort key/);
    try {
      toMixpeek(q("order by a, b desc"), { dialect });
    } catch (e) {
      expect((e as FilterQLError).diagnostics[0]).toMatchObject({ code: "unsupported-by-dialect", span: { start: 12, end: 18 } });
    }
  });
});

describe("options and clauses", () => {
  const now = new Date("2024-05-08T12:00:00.000Z");
  test("date math resolves against the clock option into ISO strings", () => {
    const body = toMixpeek(q("t > now - 7d and t <= now and u between now - 2h and now + 30m"), { now });
    expect(body.filters?.AND).toEqual([
      { key: "t", operator: "gt", value: "2024-05-01T12:00:00.000Z" },
      { key: "t", operator: "lte", value: "2024-05-08T12:00:00.000Z" },
      { key: "u", operator: "gte", value: "2024-05-08T10:00:00.000Z" },
      { key: "u", operator: "lte", value: "2024-05-08T12:30:00.000Z" },
    ]);
  });

  test("collections: the option wins over the from clause", () => {
    expect(toMixpeek(q("from a, b where x = 1")).collections).toEqual(["a", "b"]);
    expect(toMixpeek(q("from a, b where x = 1"), { collections: ["c"] }).collections).toEqual(["c"]);
  });

  test("case_sensitive: the option wins over the case clause; absent, it is left out", () => {
    expect(toMixpeek(q("x = 1 case insensitive")).filters).toEqual({ case_sensitive: false, AND: [{ key: "x", operator: "eq", value: 1 }] });
    expect(toMixpeek(q("x = 1 case insensitive"), { caseSensitive: true }).filters?.case_sensitive).toBe(true);
    expect(toMixpeek(q("x = 1")).filters).not.toHaveProperty("case_sensitive");
  });

  test("an empty query gives an empty body; keys come in the seed's order", () => {
    expect(toMixpeek(q(""))).toEqual({});
    expect(Object.keys(toMixpeek(q("from c x = 1 order by y select z"), { returnUrls: true }))).toEqual(["collections", "filters", "sort", "select", "return_urls"]);
  });

  test("toMixpeekRequest: a whole request ready for fetch", () => {
    const req = toMixpeekRequest(q("from c where x = 1 limit 25"), { apiKey: "sk_secret", namespace: "ns1", offsetFeatureId: "f_9" });
    expect(req).toEqual({
      method: "POST",
      path: "/features",
      query: { page_size: 25, offset_feature_id: "f_9" },
      headers: { Authorization: "Bearer sk_secret", "X-Namespace": "ns1" },
      body: { collections: ["c"], filters: { AND: [{ key: "x", operator: "eq", value: 1 }] } },
    });
    expect(toMixpeekRequest(q("x = 1")).query).toEqual({ page_size: 10 });
    expect(toMixpeekRequest(q("x = 1")).headers).toEqual({});
  });

  test("the API key never appears in an error", () => {
    try {
      toMixpeekRequest(q("order by a, b"), { apiKey: "sk_secret_123" });
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("sk_secret_123");
      expect(JSON.stringify((e as FilterQLError).diagnostics)).not.toContain("sk_secret_123");
    }
  });

  test("compile(...).toMixpeekRequest() uses the compile options; the call's options win", () => {
    const c = compile('x contains "y"', { dialect: "v2", pageSize: 25 });
    expect(c.toMixpeekRequest({ apiKey: "k", collections: ["c1"] })).toEqual({
      method: "POST",
      path: "/features",
      query: { page_size: 25 },
      headers: { Authorization: "Bearer k" },
      body: { collections: ["c1"], filters: { AND: [{ field: "x", operator: "contains", value: "y" }] } },
    });
    expect(compile("x = 1 limit 5", { pageSize: 25 }).toMixpeekRequest().query.page_size).toBe(5);
  });

  test("toMixpeek on a query that never went through compile still checks it", () => {
    expect(() => toMixpeek(q("x matches /a(/"), { dialect: "v2" })).toThrowError(/invalid regex/);
  });

  test("compile(...).toMixpeek() uses the compile options", () => {
    const c = compile("from c where x contains \"y\"", { dialect: "v2", caseSensitive: false });
    expect(c.toMixpeek()).toEqual({ collections: ["c"], filters: { case_sensitive: false, AND: [{ field: "x", operator: "contains", value: "y" }] } });
  });
});
