/**
 * The document-mode test table on every engine: `records (id, doc jsonb)`, opened before a test
 * file's tests and closed after them, loaded with records, and one query compared with the
 * in-memory engine (rows and total).
 */
import { afterAll, beforeAll, expect } from "vitest";
import { run, type CompileOptions } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import type { SqlOptions } from "../../src/sql/options.js";
import { toSql } from "../../src/sql/to-sql.js";
import { databases, type Database } from "../support/databases.js";
import type { PagedQuery } from "../support/sql-arbitraries.js";

/** Registers the table's lifetime on the calling test file; gives each engine's database by name. */
export function documentTable(): (engine: string) => Database {
  let dbs: Database[] = [];
  beforeAll(async () => {
    dbs = await databases();
    for (const db of dbs) await db.exec(`CREATE TABLE records (id integer PRIMARY KEY, doc jsonb NOT NULL)`);
  });
  afterAll(async () => {
    for (const db of dbs) await db.close();
  });
  return (engine) => dbs.find((d) => d.name === engine) as Database;
}

/** Loads records into the table and gives them back as stored (jsonb orders object keys its own way). */
export async function load(db: Database, records: readonly unknown[]): Promise<unknown[]> {
  await db.exec(`DELETE FROM records`);
  if (records.length > 0) {
    await db.query(`INSERT INTO records (id, doc) SELECT i - 1, d FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, i)`, [JSON.stringify(records)]);
  }
  return (await db.query<{ doc: unknown }>(`SELECT doc FROM records ORDER BY id`)).map((r) => r.doc);
}

export interface Comparison {
  /** Options for both sides: the schema, the clock. */
  readonly shared?: Pick<SqlOptions & CompileOptions, "schema" | "now">;
  /** The statement may fail when it runs: checks the error; the query is then not compared. */
  readonly failure?: (error: unknown) => void;
}

/**
 * rows(toSql(q)) and its count equal run(stored, q). False when the query was not compared: refused
 * when the statement is built (`unsupported-by-dialect`), or failed as `failure` expects.
 */
export async function sameAsEngine(db: Database, stored: readonly unknown[], { query, page, pageSize }: PagedQuery, { shared = {}, failure }: Comparison = {}): Promise<boolean> {
  // `from records` names the table itself; otherwise the `table` option does.
  const options = { ...(query.collections.length > 0 ? {} : { table: "records" }), document: "doc", ...shared };
  let statement, count;
  try {
    statement = toSql(query, { ...options, page, pageSize });
    count = toSql(query, { ...options, count: true });
  } catch (error) {
    if (!(error instanceof FilterQLError)) throw error;
    expect(error.diagnostics.map((d) => d.code)).toContain("unsupported-by-dialect");
    return false;
  }
  const expected = run(stored, query, { page, pageSize, ...shared });
  let rows, total;
  try {
    rows = await db.query<{ doc: unknown }>(statement.text, statement.values);
    [total] = await db.query<{ total: string | number }>(count.text, count.values);
  } catch (error) {
    if (failure === undefined) throw error;
    failure(error);
    return false;
  }
  expect(rows.map((r) => r.doc), statement.text).toEqual(expected.results);
  expect(Number(total?.total)).toBe(expected.pagination.total);
  return true;
}
