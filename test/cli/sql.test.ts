import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, test } from "vitest";
import { run } from "../../src/compile.js";
import { cli, root } from "../support/cli.js";

const sample = JSON.parse(readFileSync(join(root, "sample", "data.json"), "utf8")) as Record<string, unknown>[];

describe("filterql compile --to sql", () => {
  test("document mode: the printed statement runs on PostgreSQL and gives run's page", async () => {
    const query = 'status = "active" and tags contains "vip" order by score desc select name, score';
    const r = cli(["compile", query, "--to", "sql", "--table", "people", "--document", "data", "--page-size", "3", "--page", "2"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const st = JSON.parse(r.stdout) as { text: string; values: unknown[] };
    expect(st.text).toMatch(/^SELECT .* AS "doc" FROM "people" .*LIMIT \$\d+::bigint OFFSET \$\d+::bigint$/);
    const db = new PGlite();
    await db.exec(`CREATE TABLE people (id integer PRIMARY KEY, data jsonb)`);
    await db.query(`INSERT INTO people SELECT i - 1, d FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, i)`, [JSON.stringify(sample)]);
    const rows = (await db.query<{ doc: unknown }>(st.text, st.values)).rows.map((x) => x.doc);
    await db.close();
    expect(rows).toEqual(run(sample, query, { page: 2, pageSize: 3 }).results);
    expect(rows.length).toBeGreaterThan(0);
  });

  test("column mode from --schema", () => {
    const r = cli(["compile", 'status = "active" order by name', "--to", "sql", "--table", "app.people", "--schema", "sample/schema.json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      text: `SELECT * FROM "app"."people" WHERE "status" = $1::text ORDER BY "name" COLLATE "C" ASC NULLS FIRST, "id" LIMIT $2::bigint OFFSET $3::bigint`,
      values: ["active", 10, 0],
    });
  });

  test("without --table, the query's from names the table", () => {
    const r = cli(["compile", "from people where age > 3", "--to", "sql", "--document", "doc"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).text).toContain('FROM "people" WHERE');
  });

  test.each([
    [["compile", "a = 1", "--to", "sql", "--document", "doc"], "--to sql needs a table: --table T, or a query that starts with `from <table>`"],
    [["compile", "a = 1", "--to", "sql", "--table", "t"], "--to sql needs --document COL"],
    [["compile", "from a where x = 1", "--to", "sql", "--table", "b", "--document", "doc"], "`from a` names another table than the `table` option (`b`)"],
    [["compile", "a = 1", "--to", "cobol"], "--to takes mixpeek, sql or mongo, not 'cobol'"],
  ])("%j: %s", (args, message) => {
    const r = cli(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });

  test("what PostgreSQL cannot express exactly is a diagnostic with a caret, exit 1", () => {
    const r = cli(["compile", 'bio ~ "quick fox"', "--to", "sql", "--table", "t", "--document", "doc"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("unsupported-by-dialect");
    expect(r.stderr).toContain("^");
  });
});
