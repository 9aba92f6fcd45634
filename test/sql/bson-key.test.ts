/**
 * The bytea sort key of a jsonb value orders values exactly as the engine's compareValues
 * (MongoDB's BSON order): random nested values — arrays in arrays, objects with index-like and
 * other names in every order, numbers at the edges of the doubles, strings by code point.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { run } from "../../src/compile.js";
import { compareValues } from "../../src/engine/sort.js";
import { toSql } from "../../src/sql/to-sql.js";
import { parse } from "../../src/syntax/parse.js";
import { bsonKey } from "../../src/sql/bson-key.js";
import { ENGINES } from "../support/databases.js";
import { documentTable, load } from "./document-table.js";

const scalar = fc.oneof(
  fc.constantFrom(0, 1, -1, 1.5, -2.5, 1e21, -1e21, -1e-7, 5e-324, -5e-324, 1.7976931348623157e308, 0.1, 0.30000000000000004),
  fc.constantFrom("", "a", "ab", "b", "\u0001", "😀", "\uffff", "é", "x\u0000"),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("x", "y", "0", "1", "10", "01", "ab", "4294967294", "4294967295", "__proto__"), tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
}));

const database = documentTable();

describe.each(ENGINES)("the BSON sort key on %s", (engine) => {
  const db = () => database(engine);

  test("orders jsonb values as the engine orders the same values read back", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 2, maxLength: 8 }), async (values) => {
        // jsonb cannot hold U+0000 in a string: such values are not data PostgreSQL can store.
        fc.pre(!JSON.stringify(values).includes("\\u0000"));
        const json = JSON.stringify(values);
        const [row] = await db().query<{ d: unknown[] }>(`SELECT $1::jsonb AS d`, [json]);
        const stored = row?.d as unknown[];
        const rows = await db().query<{ i: number }>(`SELECT i::int - 1 AS i FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, i) ORDER BY ${bsonKey("d")}, i`, [json]);
        const want = stored.map((_, i) => i).sort((a, b) => compareValues(stored[a], stored[b]) || a - b);
        expect(rows.map((r) => r.i), json).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  test("order by on object values: BSON's order (value type, then name, then value), not jsonb's", async () => {
    // jsonb puts strings before numbers and compares names before values; BSON is the other way round.
    const stored = await load(db(), [{ n: { a: "s" } }, { n: { a: 5, b: 1 } }, { n: { a: 5 } }, { n: { b: null } }, { n: [[2], { a: 1 }] }, { n: { "10": 1, x: 2 } }, { n: { x: 1, "9": 3 } }]);
    for (const text of ["order by n", "order by n desc"]) {
      const query = parse(text).query!;
      const statement = toSql(query, { table: "records", document: "doc" });
      const rows = await db().query<{ doc: unknown }>(statement.text, statement.values);
      expect(rows.map((r) => r.doc), text).toEqual(run(stored, query).results);
    }
    expect(run(stored, parse("order by n").query!).results[0]).toEqual({ n: { b: null } });
  });

  test("equal values give equal keys (1 and 1.0); an array that is a prefix of another sorts first", async () => {
    const rows = await db().query<{ a: boolean; b: boolean }>(
      `SELECT ${bsonKey(`'{"x": [1, {"y": "a"}]}'::jsonb`)} = ${bsonKey(`'{"x": [1.0, {"y": "a"}]}'::jsonb`)} AS a, ${bsonKey(`'[1, 2]'::jsonb`)} < ${bsonKey(`'[1, 2, null]'::jsonb`)} AS b`,
    );
    expect(rows[0]).toEqual({ a: true, b: true });
  });
});
