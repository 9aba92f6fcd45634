/**
 * Hostile strings as values and as field, column and table names: every statement runs, and
 * equals the in-memory answer. Values travel only as parameters; names only quoted; the jsonpath
 * of document mode is itself one parameter whose literals are JSON strings.
 */
import fc from "fast-check";
import { queryNode, type QueryClauses } from "../../src/ast/build.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExprNode, PathNode, QueryNode } from "../../src/ast/nodes.js";
import { run } from "../../src/compile.js";
import { toSql } from "../../src/sql/to-sql.js";
import { quoteIdent } from "../../src/sql/quote.js";
import { databases, ENGINES, type Database } from "../support/databases.js";

const span = { start: 0, end: 0 };
const hostile = fc.oneof(
  fc.constantFrom(`"`, `'`, `\\`, `$1`, `$2::text`, `%`, `_`, `a%b_c`, `" || true || "`, `') OR 1=1 --`, `$.a ? (@ == 1)`, `@`, `*`, `[0]`, `like_regex`, `é`, `😀`, `İ`, `\n`, `""`, `\\"`, `/* */`, `;DROP TABLE t;`, `x"."y`, "lax $", "strict $"),
  fc.string({ unit: fc.constantFrom("'", '"', "\\", "$", "%", "_", "@", "?", "(", ")", "|", "&", "!", "=", "a", "é", "😀", " ", ".", "-", "*") , maxLength: 8 }),
);

const path = (segments: string[]): PathNode => ({ kind: "Path", span, segments });
const q = (filter: ExprNode | null, extra: QueryClauses = {}): QueryNode => queryNode({ filter, ...extra });

const predicateArb = (names: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.record({ name: names, value: hostile, op: fc.constantFrom("eq" as const, "ne" as const, "gt" as const, "lte" as const) }).map(({ name, value, op }): ExprNode => ({ kind: "Compare", span, op, field: path([name]), value: { kind: "Literal", span, value } })),
    fc.record({ name: names, values: fc.array(hostile, { maxLength: 3 }), negated: fc.boolean() }).map(({ name, values, negated }): ExprNode => ({ kind: "In", span, negated, field: path([name]), values: values.map((value) => ({ kind: "Literal", span, value })) })),
    fc.record({ name: names, value: hostile, op: fc.constantFrom("contains" as const, "starts_with" as const, "ends_with" as const), negated: fc.boolean() }).map(({ name, value, op, negated }): ExprNode => ({ kind: "Match", span, op, negated, field: path([name]), value: { kind: "Literal", span, value } })),
    fc.record({ name: names, negated: fc.boolean() }).map(({ name, negated }): ExprNode => ({ kind: "IsNull", span, negated, field: path([name]) })),
  );

let dbs: Database[] = [];
beforeAll(async () => {
  dbs = await databases();
});
afterAll(async () => {
  for (const db of dbs) await db.close();
});

describe.each(ENGINES)("hostile strings on %s", (engine) => {
  const db = () => dbs.find((d) => d.name === engine) as Database;

  test("document mode: hostile field names, values, table and column names", async () => {
    const table = `t"; DROP TABLE x; --`;
    const column = `d'o"c`;
    await db().exec(`CREATE TABLE ${quoteIdent(table)} (id integer PRIMARY KEY, ${quoteIdent(column)} jsonb NOT NULL)`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(hostile, { minLength: 1, maxLength: 3 }), fc.array(hostile, { maxLength: 4 }), async (names, values) => {
        const records = values.map((v, i) => ({ [names[i % names.length] as string]: v, [names[(i + 1) % names.length] as string]: [v, i] }));
        await db().exec(`DELETE FROM ${quoteIdent(table)}`);
        for (const [i, r] of records.entries()) await db().query(`INSERT INTO ${quoteIdent(table)} VALUES ($1, $2::jsonb)`, [i, JSON.stringify(r)]);
        const stored = (await db().query<{ d: unknown }>(`SELECT ${quoteIdent(column)} AS d FROM ${quoteIdent(table)} ORDER BY id`)).map((r) => r.d);
        const names$ = fc.constantFrom(...names);
        for (const filter of fc.sample(predicateArb(names$), 8)) {
          const query = q(filter, { orderBy: [{ kind: "OrderKey", span, field: path([names[0] as string]), direction: "desc" }], select: [path([names[0] as string])] });
          const st = toSql(query, { table, document: column, key: "id", pageSize: 50 });
          // Neither a value nor a field name is ever part of the SQL text (short strings could occur by chance).
          for (const s of [...names, ...values]) if (s.length >= 4 && !/^\$\d/.test(s)) expect(st.text).not.toContain(s);
          const rows = await db().query<{ doc: unknown }>(st.text, st.values);
          expect(rows.map((r) => r.doc)).toEqual(run(stored, query, { pageSize: 50 }).results);
        }
      }),
      { numRuns: 25 },
    );
  });

  test("column mode: hostile column names (through `columns`) and values", async () => {
    await fc.assert(
      fc.asyncProperty(hostile.filter((s) => s.length > 0), fc.array(fc.option(hostile, { nil: null }), { maxLength: 5 }), async (column, values) => {
        await db().exec(`DROP TABLE IF EXISTS "c t"; CREATE TABLE "c t" (id integer PRIMARY KEY, ${quoteIdent(column)} text)`);
        for (const [i, v] of values.entries()) await db().query(`INSERT INTO "c t" VALUES ($1, $2)`, [i, v]);
        const records = values.map((v, id) => (v === null ? { id } : { id, f: v }));
        for (const filter of fc.sample(predicateArb(fc.constant("f")), 8)) {
          const options = { table: "c t", schema: { f: "string" as const }, columns: { f: column }, pageSize: 50 };
          const st = toSql(q(filter), options);
          const rows = await db().query<{ id: number }>(st.text, st.values);
          expect(rows.map((r) => r.id)).toEqual(run(records, q(filter), { pageSize: 50, schema: options.schema }).results.map((r) => (r as { id: number }).id));
        }
      }),
      { numRuns: 25 },
    );
  });
});
