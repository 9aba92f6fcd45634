import { describe, expect, test } from "vitest";
import { check } from "../../src/check/check.js";
import type { Schema } from "../../src/check/schema.js";
import { resolveSchema } from "../../src/check/schema.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { formatDiagnostics } from "../../src/diagnostics/format-diagnostics.js";
import { parse } from "../../src/syntax/parse.js";

const schema: Schema = {
  name: "string",
  status: { type: "string", enum: ["active", "inactive", "pending"] },
  age: "integer",
  score: "number",
  active: "boolean",
  created: "date",
  tags: "string[]",
  counts: "number[]",
  metadata: "object",
  "profile.city": "string",
  "profile.zip": { type: "string", sortable: false },
  items: "object[]",
  "items.price": "number",
  blob: "any",
};

function diagnose(text: string, s: Schema | null = schema) {
  const parsed = parse(text);
  expect(parsed.diagnostics).toEqual([]);
  return check(parsed.query!, s === null ? {} : { schema: s });
}

describe("check: clean queries", () => {
  test.each([
    'name = "x" and status in ["active", "pending"] and age >= 30 and score < 1.5',
    'active = true and created > now - 7d and created <= "2024-05-01T10:00:00Z"',
    'tags contains "x" and counts contains 3 and name contains "j" and name starts with "J" and name ~ "john smith"',
    "metadata.anything.deep = 1 and blob > 3 and blob contains 1",
    'profile.city = "Paris" and items.price between 1 and 5 order by score desc, name select name, profile',
    "profile exists and name matches /^j/i and tags is not null",
  ])("%s", (text) => {
    expect(diagnose(text)).toEqual([]);
  });
});

describe("check: diagnostics", () => {
  test.each<[string, string, string, string | undefined]>([
    ["nmae = 1", "unknown-field", "unknown field `nmae`", "did you mean `name`?"],
    ["profile.ctiy = 1", "unknown-field", "unknown field `profile.ctiy`", "did you mean `profile.city`?"],
    ["zzzzzzzz = 1", "unknown-field", "unknown field `zzzzzzzz`", undefined],
    ["active > true", "type-mismatch", "`active` is a boolean; ordering comparisons need numbers, strings or dates", undefined],
    ["metadata < 3", "type-mismatch", "`metadata` is an object; ordering comparisons need numbers, strings or dates", undefined],
    ["items between 1 and 2", "type-mismatch", "`items` is an object[]; ordering comparisons need numbers, strings or dates", undefined],
    ['age contains 3', "type-mismatch", "`contains` needs a string or a list; `age` is an integer", undefined],
    ['age starts with "1"', "type-mismatch", "`starts with` needs a string field; `age` is an integer", undefined],
    ['score ~ "x"', "type-mismatch", "`~` needs a string field; `score` is a number", undefined],
    ["age matches /1/", "type-mismatch", "`matches` needs a string field; `age` is an integer", undefined],
    ['age = "thirty"', "type-mismatch", '`age` is an integer, but "thirty" is a string', undefined],
    ['name = 3', "type-mismatch", "`name` is a string, but 3 is a number", undefined],
    ['score in [1, "2"]', "type-mismatch", '`score` is a number, but "2" is a string', undefined],
    ['score between 1 and "9"', "type-mismatch", '`score` is a number, but "9" is a string', undefined],
    ["score > now", "type-mismatch", "`now` is a date; `score` is a number", undefined],
    ["score > null", "type-mismatch", "`null` cannot be ordered; use `is null`", undefined],
    ['status = "archived"', "invalid-value", '"archived" is not one of the values of `status`', 'allowed: "active", "inactive", "pending"'],
    ['status in ["active", "gone"]', "invalid-value", '"gone" is not one of the values of `status`', 'allowed: "active", "inactive", "pending"'],
    ['created > "last week"', "invalid-value", '"last week" is not an ISO-8601 date', 'write dates like "2024-05-01" or "2024-05-01T10:00:00Z", or use `now - 7d`'],
    // A long value is cut in the message (by code points: 😀 stays whole); the frame shows where it is.
    [`age = "${"😀".repeat(100)}"`, "type-mismatch", `\`age\` is an integer, but "${"😀".repeat(39)}…${"😀".repeat(9)}" is a string`, undefined],
    ["order by profile.zip", "not-sortable", "`profile.zip` is not sortable", "the schema marks it `sortable: false`"],
    ["order by metadata", "not-sortable", "`metadata` is an object and cannot be sorted", undefined],
    ["select nmae", "unknown-field", "unknown field `nmae`", "did you mean `name`?"],
  ])("%s", (text, code, message, hint) => {
    const [d, ...rest] = diagnose(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: "error", code, message });
    expect(d?.hint).toBe(hint);
  });

  test("a literal of the wrong type against an enum field is one diagnostic, not two", () => {
    expect(diagnose("status = 3").map((d) => d.code)).toEqual(["type-mismatch"]);
  });

  test("a fraction against an integer field is a warning, not an error", () => {
    const [d] = diagnose("age = 1.5");
    expect(d).toMatchObject({ severity: "warning", code: "invalid-value" });
  });

  test("every diagnostic is collected, not just the first, each with its span", () => {
    const text = 'nmae = 1 and active > true and status = "gone" order by profile.zip select zzz';
    const all = diagnose(text);
    expect(all.map((d) => d.code)).toEqual(["unknown-field", "type-mismatch", "invalid-value", "not-sortable", "unknown-field"]);
    expect(text.slice(all[0]!.span.start, all[0]!.span.end)).toBe("nmae");
    expect(text.slice(all[2]!.span.start, all[2]!.span.end)).toBe('"gone"');
  });

  test("diagnostics on a later line carry that line (the checker knows the source text)", () => {
    const text = 'name = "x"\n  and nmae = 1';
    const [d] = diagnose(text);
    expect(d?.span).toMatchObject({ line: 2, column: 7 });
    expect(formatDiagnostics(text, [d!])).toBe(
      ["error[unknown-field]: unknown field `nmae`", " --> 2:7", "  |", "2 |   and nmae = 1", "  |       ^^^^", "  = hint: did you mean `name`?"].join("\n"),
    );
  });
});

describe("check without a schema: the schema-free checks", () => {
  test.each<[string, string, string]>([
    ["x matches /a(/", "invalid-value", "invalid regex: missing closing ): `a(`"],
    ["x matches /(a)\\1/", "invalid-value", "invalid regex: invalid escape sequence: `\\1`"],
    ["x matches /a/g", "invalid-value", "regex flag `g` not supported"],
    ['x matches "["', "invalid-value", "invalid regex: missing closing ]: `[`"],
    ["x contains now", "type-mismatch", "date math cannot be used with this operator"],
  ])("%s", (text, code, message) => {
    expect(diagnose(text, null)[0]).toMatchObject({ code, message });
  });

  test("anything else passes", () => {
    expect(diagnose('anything.at.all = 1 and x ~ "y" and z > now - 1d', null)).toEqual([]);
  });
});

describe("schema validation", () => {
  test("an unknown type name is a FilterQLError naming the entry", () => {
    try {
      resolveSchema({ name: "strnig" } as unknown as Schema);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FilterQLError);
      const err = e as FilterQLError;
      expect(err.name).toBe("FilterQLError");
      expect(err.diagnostics[0]).toMatchObject({ code: "invalid-value", message: "unknown type `strnig` for `name`", path: "/name" });
    }
  });

  test.each([
    [{ a: { type: "blob" } }, "/a/type"],
    [{ a: { type: "string", enum: "x" } }, "/a/enum"],
    [{ a: { type: "string", sortable: "no" } }, "/a/sortable"],
    [{ a: 5 }, "/a"],
  ])("bad entry %j", (bad, path) => {
    expect(() => resolveSchema(bad as unknown as Schema)).toThrow(FilterQLError);
    try {
      resolveSchema(bad as unknown as Schema);
    } catch (e) {
      expect((e as FilterQLError).diagnostics[0]?.path).toBe(path);
    }
  });
});

describe("schema entries no query could use are refused, each naming its path and JSON pointer", () => {
  const refusals = (schema: unknown) => {
    try {
      resolveSchema(schema as Schema);
    } catch (e) {
      expect(e).toBeInstanceOf(FilterQLError);
      return (e as FilterQLError).diagnostics.map((d) => [d.path, d.message]);
    }
    return [];
  };

  test('{"": "string", "a..b": "integer"}: paths with an empty name', () => {
    expect(refusals({ "": "string", "a..b": "integer", ".c": "string", "d.": "string" })).toEqual([
      ["/", "the schema has an empty path, which no query can name"],
      ["/a..b", "the schema path `a..b` has an empty name, which no query can write"],
      ["/.c", "the schema path `.c` has an empty name, which no query can write"],
      ["/d.", "the schema path `d.` has an empty name, which no query can write"],
    ]);
  });

  test("a name with a back quote or a line break cannot be back-quoted", () => {
    expect(refusals({ "a`b": "string", "x.line\nbreak": "string", "a/b~c": "string" })).toEqual([
      ["/a`b", 'the schema path "a`b" has a name with a back quote or a line break, which no query can write'],
      ["/x.line\nbreak", 'the schema path "x.line\\nbreak" has a name with a back quote or a line break, which no query can write'],
    ]);
  });

  test("enum values the field's type never holds", () => {
    expect(refusals({ role: { type: "string", enum: ["admin", 1] } })).toEqual([["/role/enum/1", "`enum` of `role` lists 1, which a string field never holds"]]);
    expect(refusals({ n: { type: "integer", enum: [1, 2.5] } })).toEqual([["/n/enum/1", "`enum` of `n` lists 2.5, which an integer field never holds"]]);
    expect(refusals({ tags: { type: "string[]", enum: [true] } })).toEqual([["/tags/enum/0", "`enum` of `tags` lists true, which a string[] field never holds"]]);
    expect(refusals({ o: { type: "object", enum: ["x"] } })).toEqual([["/o/enum/0", "`enum` of `o` lists \"x\", but an object's values cannot be listed"]]);
    expect(refusals({ s: { type: "string", enum: ["a", "b"] }, n: { type: "number", enum: [1.5, 2] }, b: { type: "boolean", enum: [true] }, x: { type: "any", enum: [1, "a", null] } })).toEqual([]);
  });

  test('{"a": "integer", "a.b": "string"}: a field that holds scalars has no sub-fields', () => {
    expect(refusals({ a: "integer", "a.b": "string", "a.b.c": "string" })).toEqual([
      ["/a.b", '`a.b` is below `a`, which is an integer and has no fields'],
      ["/a.b.c", '`a.b.c` is below `a.b`, which is a string and has no fields'],
    ]);
    expect(refusals({ tags: "string[]", "tags.x": "string" })).toEqual([["/tags.x", "`tags.x` is below `tags`, which is a string[] and has no fields"]]);
    expect(refusals({ items: "object[]", "items.price": "number", meta: "object", "meta.a": "string", blob: "any", "blob.x": "string" })).toEqual([]);
  });
});

describe("objects in the schema", () => {
  test("an object with declared sub-fields is closed; an opaque object or any is open", () => {
    const s: Schema = { profile: "object", "profile.city": "string", meta: "object", blob: "any" };
    const codes = (text: string) => check(parse(text).query!, { schema: s }).map((d) => [d.code, d.hint]);
    expect(codes("profile.ctiy = 1")).toEqual([["unknown-field", "did you mean `profile.city`?"]]);
    expect(codes('profile.city = "x" and meta.anything.deep = 1 and blob.x.y = 2')).toEqual([]);
  });
});
