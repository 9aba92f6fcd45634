import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, test } from "vitest";
import { sqlDoc } from "../../scripts/sql-doc.js";
import { root } from "../support/cli.js";

describe("docs/sql.md stays true", () => {
  test("it is the library's current output (run `npm run docs`)", () => {
    expect(readFileSync(join(root, "docs", "sql.md"), "utf8")).toBe(sqlDoc());
  });

  test("every statement in its operator table runs on PostgreSQL", async () => {
    const doc = sqlDoc();
    const db = new PGlite();
    await db.exec(`CREATE TABLE people (id integer PRIMARY KEY, name text, age bigint, score double precision, verified boolean, created timestamptz, tags text[], city text, "profile.city" text, doc jsonb)`);
    await db.exec(`INSERT INTO people (id, name, age, tags, doc) VALUES (1, 'Ada', 36, '{vip}', '{"name": "Ada", "age": 36, "created": "2026-01-02T00:00:00Z", "items": [{"price": 1}]}')`);
    const rows = [...doc.matchAll(/^\| `([^`]+)` \| (.*) \| (.*) \|$/gm)];
    expect(rows.length).toBeGreaterThan(20);
    let ran = 0;
    const { toSqlWhere } = await import("../../src/sql/to-sql.js");
    const { parse } = await import("../../src/syntax/parse.js");
    for (const [, text] of rows) {
      for (const options of [{ schema: { name: "string", age: "integer", score: "number", verified: "boolean", created: "date", tags: "string[]", "profile.city": "string" } as const, columns: { "profile.city": "city" } }, { document: "doc" }, { document: "doc", schema: { created: "date" } as const }]) {
        let st;
        try {
          st = toSqlWhere(parse(text as string).query!, options);
        } catch {
          continue;
        }
        await db.query(`SELECT id FROM people WHERE ${st.text}`, st.values);
        ran++;
      }
    }
    await db.close();
    expect(ran).toBeGreaterThan(40);
  });
});
