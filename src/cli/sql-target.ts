/** `compile --to sql` and the REPL's `.sql`: the PostgreSQL statement for a compiled query. */
import type { ResolvedSchema } from "../check/schema.js";
import type { SqlOptions, SqlStatement } from "../sql/options.js";
import { positiveInt, str, type OptionSpec, type Parsed } from "./args.js";
import { CliError } from "./cli-error.js";

export const SQL_FLAGS: OptionSpec = { table: { type: "string" }, document: { type: "string" }, key: { type: "string" }, page: { type: "string" }, "page-size": { type: "string" } };

/** `[--key K] [--page N] [--page-size N]`: what `--to sql` and `--to mongo` both take. */
export function pagingOptions(values: Parsed["values"]): { key?: string; page?: number; pageSize?: number } {
  const key = str(values, "key");
  const page = positiveInt(values, "page");
  const pageSize = positiveInt(values, "page-size");
  return { ...(key === undefined ? {} : { key }), ...(page === undefined ? {} : { page }), ...(pageSize === undefined ? {} : { pageSize }) };
}

/**
 * The toSql options from `[--table T] (--document COL | --schema F) [--key K] [--page N] [--page-size N]`.
 * Without `--table`, the query's `from` names the table (the caller checks that one of them does).
 */
export function sqlOptions(values: Parsed["values"], schema: ResolvedSchema | undefined): SqlOptions {
  const table = str(values, "table");
  const document = str(values, "document");
  for (const flag of ["table", "document", "key"]) {
    const name = str(values, flag);
    if (name !== undefined && (name === "" || (flag === "table" && (name.startsWith(".") || name.endsWith("."))))) throw new CliError(`--${flag} needs a name, not '${name}'.`);
  }
  if (document === undefined && schema === undefined) throw new CliError("--to sql needs --document COL (records in a jsonb column) or --schema F (typed columns).");
  return {
    ...(table === undefined ? {} : { table }),
    ...(document === undefined ? { schema } : { document }),
    ...pagingOptions(values),
  } as SqlOptions;
}

/** The statement as a reader wants it: the SQL text, then its parameters numbered. */
export function formatStatement(st: SqlStatement): string {
  const values = st.values.map((v, i) => `  $${i + 1} = ${JSON.stringify(v)}`);
  return `${st.text}\n${values.length === 0 ? "" : `${values.join("\n")}\n`}`;
}
