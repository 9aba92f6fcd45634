/**
 * Document mode: rows(toSql(q)) equal run(records, q) — the in-memory engine is the oracle —
 * on random records and random queries over every operator, with order by, paging and select,
 * on every engine available (PGlite always, the PostgreSQL server when FILTERQL_PG_URL is set).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ENGINES } from "../support/databases.js";
import { documentTable, load, sameAsEngine } from "./document-table.js";
import { documentArb, documentQueryArb } from "../support/sql-arbitraries.js";

const database = documentTable();

describe.each(ENGINES)("document mode on %s equals the in-memory engine", (engine) => {
  const db = () => database(engine);

  test("random records × batches of random queries (every operator, not/and/or, order by, paging, select)", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(documentArb, { maxLength: 14 }), fc.array(documentQueryArb, { minLength: 10, maxLength: 10 }), async (records, queries) => {
        const stored = await load(db(), records);
        for (const q of queries) if (await sameAsEngine(db(), stored, q)) compared++;
      }),
      { numRuns: Number(process.env["FC_SQL_RUNS"] ?? 60) },
    );
    expect(compared).toBeGreaterThan(Number(process.env["FC_SQL_RUNS"] ?? 60) * 2);
  });
});
