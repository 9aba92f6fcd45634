import { describe, expect, test } from "vitest";
import { inferSchema } from "../../src/check/infer-schema.js";
import { compile } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";

describe("inferSchema", () => {
  const records = [
    { id: 1, name: "Ada", score: 1.5, ok: true, created: "2024-05-01T10:00:00Z", day: "2024-05-01", tags: ["a", "b"], status: "active", profile: { city: "Paris", zip: 75001 }, items: [{ p: 1 }], mixed: 1 },
    { id: 2, name: "Bob", score: 2, ok: false, created: "2024-05-02T10:00:00Z", day: "2024-05-02", tags: [], status: "active", profile: { city: "Lima", zip: 15001 }, items: [{ p: 2.5 }], mixed: "x" },
    { id: 3, name: "Cy", score: 3, ok: true, created: new Date(0), day: "2024-05-03", tags: ["c"], status: "inactive", profile: { city: "Oslo", zip: 150 }, items: [], mixed: null },
    { id: 4, name: "Di", score: null, ok: null, created: null, day: "2024-05-04", status: "inactive", profile: { city: null, zip: 1 } },
  ];
  const schema = inferSchema(records);

  test("scalar types; integers and numbers merge to number", () => {
    expect(schema).toMatchObject({ id: "integer", name: "string", score: "number", ok: "boolean", mixed: "any" });
  });
  test("ISO strings and Date objects are dates", () => {
    expect(schema).toMatchObject({ created: "date", day: "date" });
  });
  test("arrays, nested objects as dot paths, arrays of objects", () => {
    expect(schema).toMatchObject({ tags: "string[]", profile: "object", "profile.city": "string", "profile.zip": "integer", items: "object[]", "items.p": "number" });
  });
  test("a small set of repeated strings becomes an enum; names do not", () => {
    expect(schema["status"]).toEqual({ type: "string", enum: ["active", "inactive"] });
    expect(schema["name"]).toBe("string");
  });
  test("the inferred schema checks queries", () => {
    expect(() => compile('status = "gone"', { schema })).toThrow(FilterQLError);
    expect(() => compile("profile.zipp = 1", { schema })).toThrow(/did you mean `profile.zip`\?/);
    expect(compile('status = "active" and profile.zip > 100 and created > now - 1d', { schema }).filter(records)).toEqual([]);
  });
  test("a field seen as an array in any record is typed as an array, and its queries find those records", () => {
    const mixed = [{ id: 1, tags: ["a", "b"], n: [5, 7] }, { id: 2, tags: "a", n: 3 }, { id: 3, tags: "c", n: 1 }];
    const inferred = inferSchema(mixed);
    expect(inferred).toMatchObject({ tags: "string[]", n: "integer[]" });
    for (const q of ['tags = "a"', 'tags in ["b"]', "n > 4", 'tags starts with "b"', 'tags != "a"', 'tags contains "a"']) {
      expect(compile(q, { schema: inferred }).filter(mixed).map((r) => r.id), q).toEqual(compile(q).filter(mixed).map((r) => r.id));
    }
  });
  test("ignores non-object records and keys with dots", () => {
    expect(inferSchema([null, 1, "x", [1], { "a.b": 1, c: 1 }])).toEqual({ c: "integer" });
  });
});

describe("FilterQLError", () => {
  test("name, message (the formatted first error) and every diagnostic", () => {
    try {
      compile("nmae = 1 and age > true", { schema: { name: "string", age: "integer" } });
      expect.unreachable();
    } catch (e) {
      const err = e as FilterQLError;
      expect(err).toBeInstanceOf(Error);
      expect(err.name).toBe("FilterQLError");
      expect(err.diagnostics.map((d) => d.code)).toEqual(["unknown-field", "type-mismatch"]);
      expect(err.message).toBe(["error[unknown-field]: unknown field `nmae`", " --> 1:1", "  |", "1 | nmae = 1 and age > true", "  | ^^^^", "  = hint: did you mean `name`?"].join("\n"));
    }
  });
});
