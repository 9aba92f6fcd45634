/**
 * Query → PostgreSQL (SPEC §7): `toSql` gives one parameterized SELECT (WHERE, ORDER BY with the
 * key column last, LIMIT/OFFSET paged exactly as `run`), `toSqlWhere` the condition alone.
 * Values only ever travel as `$n` parameters; names only as quoted identifiers.
 */
import { clockOf } from "../ast/date-math.js";
import { checkedPaging, expectQuery } from "../arguments.js";
import { acceptQuery } from "../check/accept-query.js";
import type { QueryNode } from "../ast/nodes.js";
import { checkQuery } from "../check/check.js";
import { resolveSchema } from "../check/schema.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { Reporter } from "../diagnostics/reporter.js";
import { textOf } from "../emit/print.js";
import { ColumnEmitter, columnOrder } from "./column.js";
import { condition } from "./condition.js";
import type { EmitContext } from "./context.js";
import { DocumentEmitter } from "./document.js";
import { documentOrder } from "./document-order.js";
import { documentSelect } from "./document-select.js";
import { expectSqlOptions, type SqlOptions, type SqlStatement } from "./options.js";
import { Params } from "./params.js";
import { quoteIdent, quoteTable } from "./quote.js";
import { Refusals } from "./refusal.js";
import { namesNoTable, tableOf } from "./table.js";

export type { SqlOptions, SqlStatement };

interface Prepared {
  readonly ctx: EmitContext;
  readonly emitter: ColumnEmitter | DocumentEmitter;
  readonly reporter: Reporter;
  readonly text: string;
}

function prepare(query: QueryNode, options: SqlOptions, offset: number): Prepared {
  const text = textOf(query);
  const schema = resolveSchema(options.schema);
  const diagnostics = checkQuery(query, schema);
  if (hasErrors(diagnostics)) throw new FilterQLError(diagnostics, text);
  if (options.document === undefined && schema === undefined) throw new TypeError("toSql needs a storage mode: `document` (a jsonb column) or `schema` (typed columns)");
  const reporter = new Reporter(text);
  const now = clockOf(query, options.now, () => text);
  const ctx: EmitContext = {
    params: new Params(offset),
    refusals: new Refusals(reporter),
    now,
    caseInsensitive: !(options.caseSensitive ?? query.caseSensitive ?? true),
    schema,
  };
  if (options.document !== undefined) ctx.refusals.text(options.document, query.span, "this column name");
  const emitter = options.document !== undefined ? new DocumentEmitter(ctx, quoteIdent(options.document)) : new ColumnEmitter(ctx, options.columns ?? {});
  return { ctx, emitter, reporter, text };
}

function finish(p: Prepared): void {
  if (p.reporter.hasErrors) throw new FilterQLError(p.reporter.diagnostics, p.text);
}

/** The query's condition alone (`TRUE` without a filter), numbered from `paramOffset + 1`. Throws `FilterQLError` on what PostgreSQL cannot express exactly. */
export function toSqlWhere(query: QueryNode, options: SqlOptions): SqlStatement {
  expectQuery("toSqlWhere", "query", query);
  expectSqlOptions("toSqlWhere", options);
  acceptQuery("toSqlWhere", "query", query, options);
  const offset = options.paramOffset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`paramOffset must be a whole number of 0 or more, not ${offset}`);
  const p = prepare(query, options, offset);
  const text = query.filter === null ? "TRUE" : condition(query.filter, true, p.emitter);
  finish(p);
  return { text, values: p.ctx.params.values };
}

/** One SELECT for the query's page (or, with `count: true`, the number of matches). Throws `FilterQLError` on what PostgreSQL cannot express exactly. */
export function toSql(query: QueryNode, options: SqlOptions): SqlStatement {
  expectQuery("toSql", "query", query);
  expectSqlOptions("toSql", options);
  acceptQuery("toSql", "query", query, options);
  if (namesNoTable(query, options.table)) throw new TypeError("toSql needs a `table`, or a query with `from <table>`");
  const { pageSize, page } = checkedPaging("toSql", options.pageSize ?? query.limit ?? 10, options.page);
  const p = prepare(query, options, 0);
  const { ctx, emitter } = p;
  const table = tableOf(query, options.table, p.text, p.reporter);
  for (const name of [table ?? "", options.key ?? "id"]) ctx.refusals.text(name, query.span, "this table or column name");
  const from = `FROM ${quoteTable(table ?? "")}`;
  const where = query.filter === null ? "" : ` WHERE ${condition(query.filter, true, emitter)}`;
  if (options.count === true) {
    finish(p);
    return { text: `SELECT count(*) AS "total" ${from}${where}`, values: ctx.params.values };
  }
  let columns: string;
  let joins: string[] = [];
  let order: string[];
  if (emitter instanceof DocumentEmitter) {
    columns = `${query.select.length === 0 ? emitter.doc : documentSelect(emitter.doc, query.select, ctx.params)} AS "doc"`;
    const o = documentOrder(query.orderBy, emitter);
    joins = o.joins;
    order = o.terms;
  } else {
    columns = query.select.length === 0 ? "*" : query.select.map((s) => emitter.column(s)?.sql ?? "NULL").join(", ");
    order = query.orderBy.flatMap((k) => {
      const col = emitter.column(k.field);
      return col === undefined ? [] : columnOrder(col, k.direction);
    });
  }
  order.push(quoteIdent(options.key ?? "id"));
  const limit = ctx.params.add(pageSize, "bigint");
  const offset = ctx.params.add((page - 1) * pageSize, "bigint");
  finish(p);
  const joined = joins.length === 0 ? "" : ` ${joins.join(" ")}`;
  return { text: `SELECT ${columns} ${from}${joined}${where} ORDER BY ${order.join(", ")} LIMIT ${limit} OFFSET ${offset}`, values: ctx.params.values };
}
