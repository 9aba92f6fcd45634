import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { toSql, toSqlWhere } from "../../src/sql/to-sql.js";
import { parse } from "../../src/syntax/parse.js";
import { cli } from "../support/cli.js";

const q = (text: string) => parse(text).query!;
const schema = { a: "integer" } as const;

describe("toSql refuses empty names up front, naming the option", () => {
  test.each([
    [{ table: "t", document: "" }, "toSql: `options.document` must be a non-empty column name, not the string \"\""],
    [{ table: "t", document: "doc", key: "" }, "toSql: `options.key` must be a non-empty column name, not the string \"\""],
    [{ table: "", document: "doc" }, "toSql: `options.table` must be a table name (`name` or `schema.name`, neither part empty), not the string \"\""],
    [{ table: ".", document: "doc" }, "toSql: `options.table` must be a table name (`name` or `schema.name`, neither part empty), not the string \".\""],
    [{ table: "app.", document: "doc" }, "toSql: `options.table` must be a table name (`name` or `schema.name`, neither part empty), not the string \"app.\""],
    [{ table: ".users", document: "doc" }, "toSql: `options.table` must be a table name (`name` or `schema.name`, neither part empty), not the string \".users\""],
    [{ table: "t", schema, columns: { a: "" } }, "toSql: `options.columns[\"a\"]` must be a non-empty column name, not the string \"\""],
    [{ table: "t", document: 3 }, "toSql: `options.document` must be a string, not number 3"],
    [{ table: "t", document: "doc", key: 3 }, "toSql: `options.key` must be a string, not number 3"],
  ])("%j", (options, message) => {
    expect(() => toSql(q("from t a = 1"), options as never)).toThrow(new TypeError(message));
  });

  test("toSqlWhere and Compiled.toSql check the same options", () => {
    expect(() => toSqlWhere(q("a = 1"), { document: "" })).toThrow(new TypeError("toSqlWhere: `options.document` must be a non-empty column name, not the string \"\""));
    expect(() => compile("a = 1").toSql({ table: ".", document: "doc" })).toThrow(new TypeError("Compiled.toSql: `options.table` must be a table name (`name` or `schema.name`, neither part empty), not the string \".\""));
  });

  test("names that are not empty are quoted as before", () => {
    expect(toSql(q("a = 1"), { table: "app.users", document: "doc", key: "k" }).text).toMatch(/^SELECT "doc" AS "doc" FROM "app"\."users" .* ORDER BY "k" LIMIT/);
  });

  test("filterql compile --to sql says which flag is empty (exit 1, not an internal error)", () => {
    for (const [flag, value] of [["--document", ""], ["--table", "."], ["--key", ""]] as const) {
      const args = ["compile", "a = 1", "--to", "sql", "--table", "t", "--document", "doc", flag, value];
      const r = cli(args);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`filterql: ${flag} needs a name, not '${value}'.\n`);
    }
  });
});
