import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { inferSchema } from "../../src/check/infer-schema.js";
import { resolveSchema, type ResolvedSchema } from "../../src/check/schema.js";
import { exampleQuery } from "../../src/cli/example-query.js";
import { compile } from "../../src/compile.js";

const inferred = (records: unknown[]) => resolveSchema(inferSchema(records)) as ResolvedSchema;

describe("the REPL's example query comes from the loaded data", () => {
  test.each([
    [[{ city: "Lagos", pop: 15 }, { city: "Lima", pop: 10 }], 'city = "Lagos" order by pop desc'],
    [[{ ok: true, at: "2024-05-01" }], "ok = true order by at desc"],
    [[{ n: 3 }], "n >= 3"],
    [[{ order: "x", "first name": "Ann" }], '`first name` = "Ann"'],
    [[{ tags: ["a"] }], undefined],
    [[], undefined],
  ])("%j → %s", (records, expected) => {
    expect(exampleQuery(inferred(records), records)).toBe(expected);
  });

  test("an enum value of the schema is preferred", () => {
    const records = [{ name: "Ann", status: "pending" }];
    const schema = resolveSchema({ name: "string", status: { type: "string", enum: ["active", "pending"] } }) as ResolvedSchema;
    expect(exampleQuery(schema, records)).toBe('status = "pending"');
  });

  test("any data: the example compiles against the inferred schema and matches a record", () => {
    const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const record = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(scalar, fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), scalar, { maxKeys: 3 })), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const schema = inferred(records);
        const example = exampleQuery(schema, records);
        if (example === undefined) return;
        const compiled = compile(example, { schema });
        if (compiled.query.filter !== null) expect(compiled.filter(records).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
