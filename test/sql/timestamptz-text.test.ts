/**
 * timestamptzText: PostgreSQL reads the text back to the same instant, from its earliest
 * timestamptz through JavaScript's latest, across year 0 (1 BC) and the years the engine reads
 * as dates (0000–9999, an offset taking them a day further either way).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { toInstant } from "../../src/engine/dates.js";
import { EARLIEST_TIMESTAMPTZ, timestamptzText } from "../../src/sql/timestamptz-text.js";
import { databases, ENGINES, type Database } from "../support/databases.js";

const LATEST_JS = 8.64e15;

let dbs: Database[] = [];
beforeAll(async () => {
  dbs = await databases();
  for (const db of dbs) await db.exec(`SET TIME ZONE 'UTC'`);
});
afterAll(async () => {
  for (const db of dbs) await db.close();
});

describe.each(ENGINES)("timestamptz text on %s", (engine) => {
  const db = () => dbs.find((d) => d.name === engine) as Database;
  /** The instant PostgreSQL reads from the text, in exact epoch milliseconds. */
  const readBack = async (text: string) => Number((await db().query<{ ms: string }>(`SELECT (extract(epoch FROM $1::timestamptz) * 1000)::text AS ms`, [text]))[0]?.ms);

  test.each([
    ["the earliest timestamptz", EARLIEST_TIMESTAMPTZ],
    ["1 BC (year 0)", Date.parse("0000-06-01T00:00:00.000Z")],
    ["2 BC (year -1), a millisecond before year 0", Date.parse("0000-01-01T00:00:00.000Z") - 1],
    ["AD 1", Date.parse("0001-01-01T00:00:00.000Z")],
    ["the epoch", 0],
    ["year 9999's last millisecond", Date.parse("9999-12-31T23:59:59.999Z")],
    ["year 10000", Date.parse("+010000-01-01T00:00:00.000Z")],
    ["JavaScript's latest instant", LATEST_JS],
    ["the engine's earliest date", toInstant("0000-01-01T00:00:00+23:59")],
    ["the engine's latest date", toInstant("9999-12-31T23:59:59.999-23:59")],
  ])("%s", async (_, t) => {
    expect(Number.isNaN(t)).toBe(false);
    expect(await readBack(timestamptzText(t))).toBe(t);
  });

  test("any millisecond from the earliest timestamptz to JavaScript's latest", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: EARLIEST_TIMESTAMPTZ, max: LATEST_JS }), async (t) => {
        expect(await readBack(timestamptzText(t))).toBe(t);
      }),
      { numRuns: 200 },
    );
  });

  test("EARLIEST_TIMESTAMPTZ is PostgreSQL's bound: a millisecond earlier is out of range", async () => {
    await expect(readBack(timestamptzText(EARLIEST_TIMESTAMPTZ - 1))).rejects.toThrow(/out of range/);
  });
});
