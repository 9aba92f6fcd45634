/**
 * Document mode: rows(toSql(q)) equal run(records, q) — the in-memory engine is the oracle —
 * on random records and random queries over every operator, with order by, paging and select,
 * on every engine available (PGlite always, the PostgreSQL server when FILTERQL_PG_URL is set).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { run } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { toSql } from "../../src/sql/to-sql.js";
import { databases, ENGINES, type Database } from "../support/databases.js";
import { load } from "./load-documents.js";
import { documentArb, documentQueryArb, type PagedQuery } from "../support/sql-arbitraries.js";

let dbs: Database[] = [];
beforeAll(async () => {
  dbs = await databases();
  for (const db of dbs) await db.exec(`CREATE TABLE records (id integer PRIMARY KEY, doc jsonb NOT NULL)`);
});
afterAll(async () => {
  for (const db of dbs) await db.close();
});

/** Compares one query; returns false when the query was refused (with an unsupported-by-dialect diagnostic). */
export async function same(db: Database, stored: readonly unknown[], { query, page, pageSize }: PagedQuery): Promise<boolean> {
  let statement;
  try {
    // `from records` names the table itself; otherwise the `table` option does.
    statement = toSql(query, { ...(query.collections.length > 0 ? {} : { table: "records" }), document: "doc", page, pageSize });
  } catch (error) {
    if (!(error instanceof FilterQLError)) throw error;
    expect(error.diagnostics.map((d) => d.code)).toContain("unsupported-by-dialect");
    return false;
  }
  const expected = run(stored, query, { page, pageSize });
  const rows = await db.query<{ doc: unknown }>(statement.text, statement.values);
  expect(rows.map((r) => r.doc), statement.text).toEqual(expected.results);
  const count = toSql(query, { ...(query.collections.length > 0 ? {} : { table: "records" }), document: "doc", count: true });
  const [total] = await db.query<{ total: string | number }>(count.text, count.values);
  expect(Number(total?.total)).toBe(expected.pagination.total);
  return true;
}

describe.each(ENGINES)("document mode on %s equals the in-memory engine", (engine) => {
  const db = () => dbs.find((d) => d.name === engine) as Database;

  test("random records × batches of random queries (every operator, not/and/or, order by, paging, select)", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(documentArb, { maxLength: 14 }), fc.array(documentQueryArb, { minLength: 10, maxLength: 10 }), async (records, queries) => {
        const stored = await load(db(), records);
        for (const q of queries) if (await same(db(), stored, q)) compared++;
      }),
      { numRuns: Number(process.env["FC_SQL_RUNS"] ?? 60) },
    );
    expect(compared).toBeGreaterThan(Number(process.env["FC_SQL_RUNS"] ?? 60) * 2);
  });
});
