import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { inferSchema } from "../../src/check/infer-schema.js";
import { compile } from "../../src/compile.js";
import { absentValues } from "../../src/cli/absent-values.js";
import { inferredSchema, withoutEnums } from "../../src/cli/inferred-schema.js";

const people = [
  { id: 1, profile: { city: "Paris" }, tags: ["a", "b"] },
  { id: 2, profile: { city: "Berlin" }, tags: ["a"] },
  { id: 3, profile: { city: "Paris" }, tags: ["b"] },
  { id: 4, profile: { city: "Berlin" }, tags: ["a", "b"] },
];

function warnings(text: string, records: readonly unknown[] = people): string[] {
  const { checking, described } = inferredSchema(records);
  const compiled = compile(text, { schema: checking });
  return absentValues(compiled.query, text, described).map((d) => `${d.severity} ${d.message} @${d.span.start} ${d.hint ?? ""}`);
}

describe("a schema inferred from the records: enums for completion, never a refusal", () => {
  test('profile.city in ["London", "Paris"]: runs, finds the Paris records, and warns of London', () => {
    const text = 'profile.city in ["London", "Paris"]';
    const { checking, described } = inferredSchema(people);
    expect(described.lookup(["profile", "city"])?.enum).toEqual(["Berlin", "Paris"]);
    expect(checking.lookup(["profile", "city"])).toMatchObject({ base: "string" });
    expect(checking.lookup(["profile", "city"])?.enum).toBeUndefined();
    // The enum on its own refuses the query: that is what the REPL and the playground no longer do.
    expect(() => compile(text, { schema: inferSchema(people) })).toThrow('"London" is not one of the values of `profile.city`');
    const compiled = compile(text, { schema: checking });
    expect(compiled.run(people).results.map((r) => (r as { id: number }).id)).toEqual([1, 3]);
    expect(warnings(text)).toEqual(['warning no record has "London" in `profile.city` @17 the records hold "Berlin", "Paris"']);
  });

  test('profile.city = "Pariss" or tags != "c": a near miss is named; an element of an array field counts', () => {
    expect(warnings('profile.city = "Pariss" or tags != "c"')).toEqual([
      'warning no record has "Pariss" in `profile.city` @15 did you mean "Paris"? the records hold "Berlin", "Paris"',
      'warning no record has "c" in `tags` @35 the records hold "a", "b"',
    ]);
  });

  test('profile.city = "paris" case insensitive: no warning; case sensitive (the default), one', () => {
    expect(warnings('profile.city = "paris" case insensitive')).toEqual([]);
    expect(warnings('profile.city = "paris"')).toHaveLength(1);
  });

  test("ordering, matching and held values: no warning", () => {
    expect(warnings('profile.city > "London" or profile.city starts with "L" or profile.city in ["Paris", "Berlin"] or profile.city = null')).toEqual([]);
  });

  test("every record counts, not a first sample: a value only record 1,001 holds is no miss", () => {
    const many = [...Array.from({ length: 1000 }, (_, i) => ({ c: i % 2 === 0 ? "x" : "y" })), { c: "z" }, { c: "z" }];
    expect(inferredSchema(many).described.lookup(["c"])?.enum).toEqual(["x", "y", "z"]);
    expect(warnings('c = "z"', many)).toEqual([]);
  });

  test("withoutEnums keeps each field's type and sortable, and only drops enums", () => {
    expect(withoutEnums({ a: "string", b: { type: "string[]", enum: ["x"] }, c: { type: "integer", sortable: false, enum: [1] } })).toEqual({ a: "string", b: "string[]", c: { type: "integer", sortable: false } });
  });

  test("property: any string value compiles against the inferred schema, and is warned of exactly when no record holds it", () => {
    const value = fc.constantFrom("red", "green", "blue", "Red", "", "é", "re d");
    fc.assert(
      fc.property(fc.array(fc.record({ colour: value }), { minLength: 1, maxLength: 30 }), fc.array(value, { minLength: 1, maxLength: 3 }), (records, asked) => {
        const text = `colour in [${asked.map((v) => JSON.stringify(v)).join(", ")}]`;
        const { checking, described } = inferredSchema(records);
        const compiled = compile(text, { schema: checking });
        const held = new Set(records.map((r) => r.colour));
        expect(compiled.run(records).pagination.total).toBe(records.filter((r) => asked.includes(r.colour)).length);
        const warned = absentValues(compiled.query, text, described).map((d) => text.slice(d.span.start, d.span.end));
        const isEnum = described.lookup(["colour"])?.enum !== undefined;
        expect(warned).toEqual(isEnum ? asked.filter((v) => !held.has(v)).map((v) => JSON.stringify(v)) : []);
      }),
    );
  });
});
