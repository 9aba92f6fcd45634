/** Options of `toSql` / `toSqlWhere` (SPEC §7). */
import type { ResolvedSchema, Schema } from "../check/schema.js";
import type { Limits } from "../options.js";
import { argumentError, expectClockAndCase, expectObject, expectSchemaOption, expectString } from "../arguments.js";

/** At the door of `toSql`/`toSqlWhere`: the options are required (a table and a storage mode live there). */
export function expectSqlOptions(fn: string, options: unknown): void {
  expectObject(fn, "options", options, "an options object");
  if (Array.isArray(options)) throw argumentError(fn, "options", "an options object", options);
  expectSchemaOption(fn, options as SqlOptions);
  expectClockAndCase(fn, options as SqlOptions);
  const { table, document, key, columns } = options as SqlOptions;
  // Names become quoted identifiers: an empty one would be `""`, which PostgreSQL refuses only
  // when the statement runs (or, for `.`, reads as the empty schema and table).
  if (table !== undefined) {
    expectString(fn, "options.table", table);
    const dot = table.indexOf(".");
    if (table === "" || dot === 0 || dot === table.length - 1) throw argumentError(fn, "options.table", "a table name (`name` or `schema.name`, neither part empty)", table);
  }
  for (const [name, value] of [["options.document", document], ["options.key", key]] as const) {
    if (value === undefined) continue;
    expectString(fn, name, value);
    if (value === "") throw argumentError(fn, name, "a non-empty column name", value);
  }
  if (columns !== null && typeof columns === "object") {
    for (const [path, column] of Object.entries(columns)) {
      if (column === "") throw argumentError(fn, `options.columns[${JSON.stringify(path)}]`, "a non-empty column name", column);
    }
  }
}

/** The limits are those of parsing (SPEC §6), applied to the query value before anything else. */
export interface SqlOptions extends Limits {
  /** The table, `name` or `schema.name`; quoted as identifiers. `toSql` needs it, or a query with `from <table>`. */
  readonly table?: string;
  /** Document mode: the `jsonb` column holding each record. */
  readonly document?: string;
  /** Column mode: the schema whose types give the columns' SQL types. */
  readonly schema?: Schema | ResolvedSchema;
  /** Column mode: field path → column name (default: the field's own path). */
  readonly columns?: Readonly<Record<string, string>>;
  /** 1-based page, as `run`; default 1. */
  readonly page?: number;
  /** Page size, as `run`: overrides the query's `limit`; default 10. */
  readonly pageSize?: number;
  /** The clock for date math; default the current time. */
  readonly now?: Date;
  /** Overrides the query's `case` clause. */
  readonly caseSensitive?: boolean;
  /** A unique column sorted last so pages are deterministic; default `"id"`. */
  readonly key?: string;
  /** `toSql` only: the statement that counts every match (`SELECT count(*) AS "total" …`) instead of one page. */
  readonly count?: boolean;
  /** `toSqlWhere` only: parameters are numbered from `paramOffset + 1`; default 0. */
  readonly paramOffset?: number;
}

/** A parameterized statement or condition: `text` holds `$1`, `$2`, … for `values`. */
export interface SqlStatement {
  readonly text: string;
  readonly values: unknown[];
}
