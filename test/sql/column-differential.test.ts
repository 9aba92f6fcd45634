/**
 * Column mode: rows(toSql(q)) equal run(records, q) on typed columns where SQL NULL stands for
 * null and missing alike — each record randomly leaves a field out or sets it to null, and the
 * answers must not depend on which. A nested field lives in a renamed column (`columns`).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PathNode, PredicateNode, ValueNode } from "../../src/ast/nodes.js";
import { check } from "../../src/check/check.js";
import { resolveSchema, type ResolvedSchema } from "../../src/check/schema.js";
import { run } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { toSql } from "../../src/sql/to-sql.js";
import { databases, ENGINES, type Database } from "../support/databases.js";
import { expressionArb, pagedQueryArb, predicateArb, strings, type PagedQuery } from "../support/sql-arbitraries.js";

const span = { start: 0, end: 0 };
const schema = resolveSchema({ s: "string", i: "integer", n: "number", bo: "boolean", d: "date", tags: "string[]", nums: "integer[]", "profile.city": "string" }) as ResolvedSchema;
const columns = { "profile.city": "city" };
const NOW = new Date("2024-05-01T12:00:00.000Z");

const dates = ["2024-05-01T12:00:00.000Z", "2024-04-30T00:00:00.000Z", "2023-01-01T00:00:00.500Z", "2024-05-08T12:00:00.000Z"];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
const str = fc.constantFrom(...strings);
const int = fc.constantFrom(0, 1, 2, -1, 10, 123456789);
const num = fc.constantFrom(0, 1, 1.5, -2.25, 10, 1e21);

const recordArb = fc.record(
  {
    s: maybe(str), i: maybe(int), n: maybe(num), bo: maybe(fc.boolean()), d: maybe(fc.constantFrom(...dates)),
    tags: maybe(fc.array(maybe(str), { maxLength: 3 })), nums: maybe(fc.array(maybe(int), { maxLength: 3 })),
    profile: fc.oneof(fc.record({ city: maybe(str) }, { requiredKeys: [] }), fc.constant(null)),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const lit = (v: string | number | boolean | null): ValueNode => ({ kind: "Literal", span, value: v });
const path = (name: string): PathNode => ({ kind: "Path", span, segments: name.split(".") });
const typed = (name: string, values: fc.Arbitrary<string | number | boolean | null>) => predicateArb(fc.constant(path(name)), maybe(values).map(lit), str.map(lit), { exists: false });
const dateValue: fc.Arbitrary<ValueNode> = fc.oneof(
  fc.constantFrom(...dates, "2024-05-01", "2024-05-01T12:00:00Z", "not a date").map(lit),
  fc.constantFrom("+" as const, "-" as const).chain((sign) => fc.constantFrom(0, 1, 7).map((amount): ValueNode => ({ kind: "DateMath", span, offset: amount === 0 ? null : { sign, amount, unit: "d" } }))),
);
const predicate: fc.Arbitrary<PredicateNode> = fc.oneof(
  typed("s", str), typed("profile.city", str), typed("tags", str), typed("i", int), typed("nums", int), typed("n", num), typed("bo", fc.boolean()),
  predicateArb(fc.constant(path("d")), dateValue, str.map(lit), { exists: false }).filter((p) => p.kind !== "Match"),
);
const queryArb = pagedQueryArb(expressionArb(predicate), fc.constantFrom("s", "i", "n", "bo", "d", "tags", "nums", "profile.city").map(path), fc.constantFrom("s", "i", "d", "tags", "profile.city").map(path));

let dbs: Database[] = [];
beforeAll(async () => {
  dbs = await databases();
  for (const db of dbs) {
    await db.exec(`SET TIME ZONE 'UTC'; CREATE TABLE people (id integer PRIMARY KEY, s text, i bigint, n double precision, bo boolean, d timestamptz, tags text[], nums bigint[], city text)`);
  }
});
afterAll(async () => {
  for (const db of dbs) await db.close();
});

async function load(db: Database, records: readonly unknown[]): Promise<void> {
  await db.exec(`DELETE FROM people`);
  const arr = (f: string, t: string) => `CASE WHEN jsonb_typeof(r->'${f}') = 'array' THEN ARRAY(SELECT x::${t} FROM jsonb_array_elements_text(r->'${f}') AS x) END`;
  await db.query(
    `INSERT INTO people SELECT i - 1, r->>'s', (r->>'i')::bigint, (r->>'n')::double precision, (r->>'bo')::boolean, (r->>'d')::timestamptz, ${arr("tags", "text")}, ${arr("nums", "bigint")}, r->'profile'->>'city' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, i)`,
    [JSON.stringify(records)],
  );
}

/** A column's value as the engine's record holds it: instants for dates, numbers for bigints, null for missing. */
function normal(v: unknown, isDate: boolean): unknown {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map((x) => normal(x, isDate));
  if (v instanceof Date) return v.getTime();
  if (isDate && typeof v === "string") return Date.parse(v);
  if (typeof v === "bigint" || (typeof v === "string" && /^-?\d+$/.test(v))) return Number(v);
  return v;
}

async function same(db: Database, records: readonly Record<string, unknown>[], { query, page, pageSize }: PagedQuery): Promise<boolean> {
  if (check(query, { schema }).some((d) => d.severity === "error")) return false;
  let statement;
  try {
    statement = toSql(query, { table: "people", schema, columns, page, pageSize, now: NOW });
  } catch (error) {
    if (!(error instanceof FilterQLError)) throw error;
    expect(error.diagnostics.map((d) => d.code)).toContain("unsupported-by-dialect");
    return false;
  }
  const expected = run(records, query, { page, pageSize, schema, now: NOW });
  // Read rows as JSON: one decoding of arrays, bigints and NULL elements on every driver.
  const rows = (await db.query<{ r: Record<string, unknown> }>(`SELECT to_jsonb(fql_row) AS r FROM (${statement.text}) AS fql_row`, statement.values)).map((x) => x.r);
  if (query.select.length === 0) {
    expect(rows.map((r) => r["id"]), statement.text).toEqual(expected.results.map((r) => (r as { id: number }).id));
  } else {
    const got = rows.map((r) => query.select.map((p) => normal(r[columns[p.segments.join(".") as keyof typeof columns] ?? p.segments.join(".")], p.segments[0] === "d")));
    const want = expected.results.map((r) => query.select.map((p) => normal(p.segments.reduce<unknown>((o, s) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[s] : undefined), r), p.segments[0] === "d")));
    expect(got, statement.text).toEqual(want);
  }
  const count = toSql(query, { table: "people", schema, columns, count: true, now: NOW });
  const [total] = await db.query<{ total: string | number }>(count.text, count.values);
  expect(Number(total?.total)).toBe(expected.pagination.total);
  return true;
}

describe.each(ENGINES)("column mode on %s equals the in-memory engine", (engine) => {
  const db = () => dbs.find((d) => d.name === engine) as Database;

  test("random rows (null and missing alike) × batches of random typed queries", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { maxLength: 14 }), fc.array(queryArb, { minLength: 10, maxLength: 10 }), async (raw, queries) => {
        const records = raw.map((r, id) => ({ id, ...r }));
        await load(db(), records);
        for (const q of queries) if (await same(db(), records, q)) compared++;
      }),
      { numRuns: Number(process.env["FC_SQL_RUNS"] ?? 60) },
    );
    expect(compared).toBeGreaterThan(Number(process.env["FC_SQL_RUNS"] ?? 60) * 2);
  });
});
