/**
 * Equality and `in` are served by indexes: a btree in column mode, a `jsonb_path_ops` GIN index
 * in document mode — under a generic plan (the parameters unknown to the planner), with
 * sequential scans discouraged so the planner shows what it can use.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "../../src/syntax/parse.js";
import { toSql } from "../../src/sql/to-sql.js";
import type { SqlOptions } from "../../src/sql/options.js";
import { databases, ENGINES, type Database } from "../support/databases.js";

let dbs: Database[] = [];
beforeAll(async () => {
  dbs = await databases();
  for (const db of dbs) {
    await db.exec(`
      CREATE TABLE people (id integer PRIMARY KEY, name text, age bigint, tags text[], score double precision, created timestamptz);
      CREATE INDEX people_name ON people (name);
      CREATE INDEX people_age ON people (age);
      CREATE INDEX people_tags ON people USING gin (tags);
      CREATE INDEX people_score ON people (score);
      CREATE INDEX people_created ON people (created);
      CREATE TABLE docs (id integer PRIMARY KEY, doc jsonb NOT NULL);
      CREATE INDEX docs_doc ON docs USING gin (doc jsonb_path_ops);
      INSERT INTO people SELECT g, 'n' || g, g % 90, ARRAY['t' || (g % 7)], g / 7.0, timestamptz '2024-01-01 00:00:00.0005+00' + g * interval '1 hour' FROM generate_series(1, 2000) AS g;
      INSERT INTO docs SELECT g, jsonb_build_object('name', 'n' || g, 'age', g % 90, 'tags', jsonb_build_array('t' || (g % 7))) FROM generate_series(1, 2000) AS g;
      ANALYZE people; ANALYZE docs;
      SET enable_seqscan = off;
      SET plan_cache_mode = force_generic_plan;
    `);
  }
});
afterAll(async () => {
  for (const db of dbs) await db.close();
});

const literal = (v: unknown) => `'${String(v).replace(/'/g, "''")}'`;

/**
 * The generic plan of the query's count statement, as EXPLAIN prints it. (The page statement's
 * `ORDER BY id LIMIT n` lets the planner prefer walking the primary key on a small table.)
 */
async function plan(db: Database, text: string, options: SqlOptions): Promise<string> {
  const st = toSql(parse(text).query!, { ...options, count: true });
  await db.exec(`DEALLOCATE ALL`);
  await db.exec(`PREPARE fql_p AS ${st.text}`);
  const rows = await db.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE fql_p(${st.values.map(literal).join(", ")})`);
  return JSON.stringify(rows[0]?.["QUERY PLAN"]);
}

const columnMode: SqlOptions = { table: "people", schema: { name: "string", age: "integer", tags: "string[]", score: "number", created: "date" } };
const documentMode: SqlOptions = { table: "docs", document: "doc" };

describe.each(ENGINES)("indexes on %s", (engine) => {
  const db = () => dbs.find((d) => d.name === engine) as Database;

  test.each([
    ['name = "n5"', "people_name"],
    ['name in ["n5", "n6"]', "people_name"],
    ["age = 42", "people_age"],
    ["age in [1, 2, 3]", "people_age"],
    ['tags = "t3"', "people_tags"],
    ['tags in ["t3", "t4"]', "people_tags"],
    // A date is compared at the millisecond as a range on the column itself, and > on a number is bounded below NaN:
    // the same btree serves them.
    ['created = "2024-01-05T10:00:00Z"', "people_created"],
    ['created in ["2024-01-05T10:00:00Z", "2024-02-01T00:00:00Z"]', "people_created"],
    ['created > "2024-03-20T00:00:00Z"', "people_created"],
    ["score > 280", "people_score"],
  ])("column mode: %s uses %s", async (text, index) => {
    expect(await plan(db(), text, columnMode)).toContain(`"Index Name":"${index}"`);
  });

  test.each([['name = "n5"'], ['name in ["n5", "n6"]'], ["age = 42"], ["age in [1, 2, 3]"], ['tags = "t3"'], ['name = "n5" and age = 5']])("document mode: %s uses the GIN index", async (text) => {
    expect(await plan(db(), text, documentMode)).toContain(`"Index Name":"docs_doc"`);
  });

  test("the negative forms stay correct rather than indexed: name != \"n5\" keeps every other row", async () => {
    const st = toSql(parse('name != "n5"').query!, { ...columnMode, pageSize: 5000 });
    expect((await db().query(st.text, st.values)).length).toBe(1999);
  });
});
