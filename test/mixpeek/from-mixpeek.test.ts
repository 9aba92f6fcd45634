import { describe, expect, test } from "vitest";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { print } from "../../src/emit/print.js";
import { parse } from "../../src/syntax/parse.js";
import { fromMixpeek } from "../../src/mixpeek/from-mixpeek.js";
import { toMixpeek } from "../../src/mixpeek/to-mixpeek.js";

function errorsOf(body: unknown, dialect: "v1" | "v2" = "v1") {
  try {
    fromMixpeek(body, { dialect });
  } catch (e) {
    expect(e).toBeInstanceOf(FilterQLError);
    return (e as FilterQLError).diagnostics.map((d) => [d.path, d.code, d.message]);
  }
  throw new Error("expected a FilterQLError");
}

describe("fromMixpeek decodes", () => {
  test("the canonical shape and(or(OR), AND…, not(or(NOR)))", () => {
    const body = {
      filters: {
        AND: [{ key: "a", operator: "eq", value: 1 }, { key: "b", value: "x" }],
        OR: [{ key: "c", operator: "gt", value: 2 }, { key: "d", operator: "exists", value: true }],
        NOR: [{ key: "e", operator: "in", value: [1, 2] }],
      },
    };
    expect(print(fromMixpeek(body))).toBe('(c > 2 or d exists) and a = 1 and b = "x" and not e in [1, 2]');
  });

  test("operator defaults to eq", () => {
    expect(print(fromMixpeek({ filters: { AND: [{ key: "a", value: 1 }] } }))).toBe("a = 1");
  });

  test("regex (?i) prefix becomes the i flag; patterns a literal cannot hold stay strings", () => {
    const body = (value: string) => ({ filters: { AND: [{ field: "a", operator: "regex", value }] } });
    expect(print(fromMixpeek(body("(?i)^ab"), { dialect: "v2" }))).toBe("a matches /^ab/i");
    expect(print(fromMixpeek(body("a/b"), { dialect: "v2" }))).toBe("a matches /a\\/b/");
    expect(print(fromMixpeek(body("a\\/b"), { dialect: "v2" }))).toBe('a matches "a\\\\/b"');
    expect(print(fromMixpeek(body("line\nbreak"), { dialect: "v2" }))).toBe('a matches "line\\nbreak"');
  });

  test("v2 uses field and NOT", () => {
    expect(print(fromMixpeek({ filters: { NOT: [{ field: "a", operator: "starts_with", value: "x" }] } }, { dialect: "v2" }))).toBe('not a starts with "x"');
  });

  test("collections, sort, select and case_sensitive", () => {
    const q = fromMixpeek({ collections: ["c1"], filters: { case_sensitive: false }, sort: { field: "s", direction: "desc" }, select: ["a.b"], return_urls: true });
    expect(print(q)).toBe("from c1 order by s desc select a.b case insensitive");
  });
});

describe("fromMixpeek is strict: every problem, with its JSON pointer", () => {
  test("unknown keys, operators, wrong value types, bad items", () => {
    const body = JSON.parse(`{
      "filters": {
        "AND": [
          { "key": "a", "operator": "bogus", "value": 1 },
          { "key": "b", "operator": "in", "value": 3 },
          { "key": "c", "operator": "eq", "value": {"x": 1} },
          5,
          { "weird": true },
          { "key": "d", "operator": "exists", "value": "yes" },
          { "key": "e", "operator": "eq", "value": 1, "extra": 2 },
          { "key": "f", "operator": "eq" },
          { "key": 7, "operator": "eq", "value": 1 },
          { "key": "g..h", "operator": "eq", "value": 1 }
        ],
        "NOT": []
      },
      "sort": { "field": "s", "direction": "up" },
      "select": "a",
      "__proto__": { "polluted": true }
    }`);
    expect(errorsOf(body)).toEqual([
      ["/__proto__", "invalid-value", "unknown key `__proto__` in the body"],
      ["/filters/NOT", "invalid-value", "unknown key `NOT` in a group"],
      ["/filters/AND/0/operator", "invalid-value", "unknown operator `bogus`"],
      ["/filters/AND/1/value", "type-mismatch", "`in` needs a list, not a number"],
      ["/filters/AND/2/value", "type-mismatch", "expected a string, number, boolean or null, not an object"],
      ["/filters/AND/3", "type-mismatch", "a list item must be a condition or a group, not a number"],
      ["/filters/AND/4", "invalid-value", "this item is neither a condition nor a group"],
      ["/filters/AND/5/value", "type-mismatch", "`exists` needs true or false, not a string"],
      ["/filters/AND/6/extra", "invalid-value", "unknown key `extra` in a condition"],
      ["/filters/AND/7", "invalid-value", "the condition has no `value`"],
      ["/filters/AND/8/key", "type-mismatch", "`key` must be a string, not a number"],
      ["/filters/AND/9/key", "invalid-value", '"g..h" is not a field path'],
      ["/sort/direction", "invalid-value", 'sort direction must be "asc" or "desc", not "up"'],
      ["/select", "type-mismatch", "expected a list of strings, not a string"],
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  test("a v2 operator in v1 is unsupported-by-dialect; v1 keys in v2 are named", () => {
    expect(errorsOf({ filters: { AND: [{ key: "a", operator: "contains", value: "x" }] } })).toEqual([
      ["/filters/AND/0/operator", "unsupported-by-dialect", "operator `contains` is not in dialect v1"],
    ]);
    expect(errorsOf({ filters: { AND: [{ key: "a", value: 1 }], NOR: [] } }, "v2")).toEqual([
      ["/filters/NOR", "invalid-value", "unknown key `NOR` in a group"],
      ["/filters/AND/0/key", "invalid-value", "dialect v2 names the field `field`, not `key`"],
    ]);
  });

  test("a nested group's differing case_sensitive is reported", () => {
    expect(errorsOf({ filters: { case_sensitive: true, AND: [{ key: "a", value: 1 }], OR: [{ key: "b", value: 1 }, { case_sensitive: false, AND: [{ key: "c", value: 1 }] }] } })).toEqual([
      ["/filters/OR/1/case_sensitive", "invalid-value", "this group's `case_sensitive: false` differs from the query's"],
    ]);
  });

  test("an empty nested group, a non-object body", () => {
    expect(errorsOf({ filters: { AND: [{ key: "a", value: 1 }, {}] } })).toEqual([["/filters/AND/1", "invalid-value", "this item is neither a condition nor a group"]]);
    expect(errorsOf({ filters: { AND: [{ key: "a", value: 1 }, { OR: [] }] } })).toEqual([["/filters/AND/1", "invalid-value", "an empty group"]]);
    expect(errorsOf([1])).toEqual([["", "type-mismatch", "the body must be an object, not a list"]]);
  });

  test("decoding enforces the depth limit without recursing past it", () => {
    let group: Record<string, unknown> = { AND: [{ key: "a", value: 1 }] };
    for (let i = 0; i < 10_000; i++) group = { AND: [{ key: "a", value: 1 }, group] };
    const diagnostics = errorsOf({ filters: group });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.[1]).toBe("limit-exceeded");
  });

  test("decoding enforces the condition and list limits", () => {
    const many = Array.from({ length: 1025 }, (_, i) => ({ key: `f${i}`, value: i }));
    expect(errorsOf({ filters: { AND: many } })[0]?.[1]).toBe("limit-exceeded");
    expect(errorsOf({ filters: { AND: [{ key: "a", operator: "in", value: Array.from({ length: 1025 }, (_, i) => i) }] } })[0]?.[1]).toBe("limit-exceeded");
  });

  test("a field named __proto__ is data", () => {
    const q = fromMixpeek(JSON.parse('{"filters":{"AND":[{"key":"__proto__.x","operator":"eq","value":1}]}}'));
    expect(print(q)).toBe("__proto__.x = 1");
    expect(toMixpeek(q)).toEqual({ filters: { AND: [{ key: "__proto__.x", operator: "eq", value: 1 }] } });
  });
});

describe("decoding counts depth as the parser does", () => {
  const q = (text: string) => parse(text);
  test.each([
    ["64 nots", `${"not ".repeat(64)}a = 1`],
    ["32 × not (…)", `${"not (b = 1 or ".repeat(32)}a = 1${")".repeat(32)}`],
    ["64 alternating and/or parens", `${"b = 1 and (c = 1 or ".repeat(64)}a = 1${")".repeat(64)}`],
  ])("a query at the depth limit (%s) decodes; wrapped in not (…), it does not", (_, text) => {
    const parsed = q(text);
    expect(parsed.diagnostics).toEqual([]);
    const body = toMixpeek(parsed.query!);
    expect(toMixpeek(fromMixpeek(body))).toEqual(body);
    expect(q(`not (${text})`).diagnostics[0]?.code).toBe("limit-exceeded");
    const deeper = parse(`not (${text})`, { maxDepth: 1000 }).query!;
    // The body emitter holds a query value to the same limits: the raised one must be given again.
    expect(() => toMixpeek(deeper)).toThrow(/limit-exceeded/);
    const deeperBody = toMixpeek(deeper, { maxDepth: 1000 });
    expect(errorsOf(deeperBody)[0]?.[1]).toBe("limit-exceeded");
  });
});

describe("a number past the doubles' range", () => {
  test("1e400 (read by JSON.parse as Infinity) is said to be too large, at its pointer, in a condition and in a list", () => {
    expect(errorsOf(JSON.parse('{"filters":{"AND":[{"key":"a","value":1e400}]}}'))).toEqual([
      ["/filters/AND/0/value", "type-mismatch", "the number is too large (Infinity); a value must be a finite number"],
    ]);
    expect(errorsOf(JSON.parse('{"filters":{"AND":[{"key":"a","operator":"in","value":[1, -1e400]}]}}'))).toEqual([
      ["/filters/AND/0/value/1", "type-mismatch", "the number is too large (-Infinity); a value must be a finite number"],
    ]);
    expect(errorsOf({ filters: { AND: [{ key: "a", value: NaN }] } })).toEqual([["/filters/AND/0/value", "type-mismatch", "the number is NaN; a value must be a finite number"]]);
  });
});
