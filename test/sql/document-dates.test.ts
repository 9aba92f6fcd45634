/**
 * Document mode with a `date` schema field: rows(toSql(q)) equal run(records, q) — comparisons,
 * `in`, `between` and date math compare instants, order by puts dates after booleans by instant —
 * on random records whose date field holds ISO strings (with offsets, date-only, impossible
 * dates), other strings, numbers, null, arrays and objects. A date-time without an offset has no
 * exact instant (local time in JavaScript): the statement then fails with that message, and only then.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { PathNode, ValueNode } from "../../src/ast/nodes.js";
import { check } from "../../src/check/check.js";
import { resolveSchema, type ResolvedSchema } from "../../src/check/schema.js";
import { LOCAL_TIME_ERROR } from "../../src/sql/date-instant.js";
import { ENGINES, type Database } from "../support/databases.js";
import { expressionArb, pagedQueryArb, predicateArb, type PagedQuery } from "../support/sql-arbitraries.js";
import { documentTable, load, sameAsEngine } from "./document-table.js";

const span = { start: 0, end: 0 };
const schema = resolveSchema({ d: "date", "e.at": "date", s: "string" }) as ResolvedSchema;
const NOW = new Date("2024-05-01T12:00:00.000Z");

const exact = ["2024-05-01T12:00:00.000Z", "2024-05-01", "2024-04-30T23:00:00-01:00", "2024-05-01T14:00+0200", "2023-01-01T00:00:00.5Z", "2024-05-08T12:00:00.000Z", "2024-02-31", "2024-05-01T24:00Z", "2024-13-01", "0000-01-01"];
const dateish = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...exact) },
  { weight: 2, arbitrary: fc.constantFrom("not a date", "", "2024", 5, 0, true, null) },
  { weight: 1, arbitrary: fc.constant("2024-05-01T12:00") },
);
const leaf = fc.oneof({ weight: 5, arbitrary: dateish }, { weight: 2, arbitrary: fc.array(dateish, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.record({ x: dateish }, { noNullPrototype: true }) });
const recordArb = fc.record(
  { d: leaf, e: fc.oneof(fc.record({ at: leaf }, { requiredKeys: [], noNullPrototype: true }), fc.array(fc.record({ at: leaf }, { requiredKeys: [], noNullPrototype: true }), { maxLength: 2 })), s: fc.constantFrom("a", "b") },
  { requiredKeys: [], noNullPrototype: true },
);

const path = (name: string): PathNode => ({ kind: "Path", span, segments: name.split(".") });
const lit = (v: string | number | boolean | null): ValueNode => ({ kind: "Literal", span, value: v });
const dateValue: fc.Arbitrary<ValueNode> = fc.oneof(
  fc.constantFrom(...exact.slice(0, 6), "2024-05-01T12:00:00Z").map(lit),
  fc.constant(lit(null)),
  fc.constantFrom("+" as const, "-" as const).chain((sign) => fc.constantFrom(0, 1, 7, 400).map((amount): ValueNode => ({ kind: "DateMath", span, offset: amount === 0 ? null : { sign, amount, unit: "d" } }))),
);
const dateFields = fc.constantFrom("d", "e.at").map(path);
const predicate = predicateArb(dateFields, dateValue, dateValue).filter((p) => p.kind !== "Match");
const queryArb = pagedQueryArb(expressionArb(predicate), fc.constantFrom("d", "e.at", "s").map(path), fc.constantFrom("d", "s").map(path));

const database = documentTable();

/** A date-time without an offset has no exact instant: the statement fails, and such a string must be in the data. */
async function same(db: Database, stored: readonly unknown[], q: PagedQuery): Promise<boolean> {
  if (check(q.query, { schema }).some((d) => d.severity === "error")) return false;
  return sameAsEngine(db, stored, q, {
    shared: { schema, now: NOW },
    failure: (error) => {
      expect(String(error)).toContain(LOCAL_TIME_ERROR);
      expect(JSON.stringify(stored)).toContain("2024-05-01T12:00\"");
    },
  });
}

describe.each(ENGINES)("document mode with date fields on %s equals the in-memory engine", (engine) => {
  const db = () => database(engine);

  test("random records × batches of random date queries (comparisons, in, between, date math, order by)", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { maxLength: 12 }), fc.array(queryArb, { minLength: 8, maxLength: 8 }), async (records, queries) => {
        const stored = await load(db(), records);
        for (const q of queries) if (await same(db(), stored, q)) compared++;
      }),
      { numRuns: Number(process.env["FC_SQL_RUNS"] ?? 60) },
    );
    expect(compared).toBeGreaterThan(Number(process.env["FC_SQL_RUNS"] ?? 60) * 2);
  });
});
