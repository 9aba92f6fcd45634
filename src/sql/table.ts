/**
 * The table a `toSql` statement reads: the `table` option, else the query's `from` clause when it
 * names one collection. A statement reads one table, so a `from` naming several collections is
 * refused; a `from` naming another table than the option is an error rather than a silent choice.
 * (`toSqlWhere` gives a condition only: the caller's statement names the table, and `from` is not read.)
 */
import type { QueryNode, Span } from "../ast/nodes.js";
import type { Reporter } from "../diagnostics/reporter.js";

export function tableOf(query: QueryNode, option: string | undefined, text: string, reporter: Reporter): string | undefined {
  const from = query.collections;
  const span = fromSpan(query, text);
  if (from.length > 1) {
    reporter.error("unsupported-by-dialect", `\`from\` names ${from.length} collections; a PostgreSQL statement reads one table`, span, "query one collection at a time (`from users`), or union the statements yourself");
    return undefined;
  }
  const named = from[0];
  if (option === undefined || option === "") return named;
  if (named !== undefined && named !== option && option.slice(option.indexOf(".") + 1) !== named) {
    reporter.error("invalid-value", `\`from ${named}\` names another table than the \`table\` option (\`${option}\`)`, span, "leave out one of them, or make them agree (`table: \"app.users\"` agrees with `from users`)");
  }
  return option;
}

/** The `from` clause in the query's text (it comes first), as far as the filter or the next clause. */
function fromSpan(query: QueryNode, text: string): Span {
  const start = Math.max(0, text.search(/\bfrom\b/i));
  const next = [query.filter?.span.start, query.orderBy[0]?.span.start, query.select[0]?.span.start].find((s): s is number => s !== undefined && s > start);
  const clause = text.slice(start, next ?? text.length).replace(/\s*(\bwhere\b|\border\s+by\b|\bselect\b|\blimit\b|\bcase\b)?\s*$/i, "");
  return { start, end: start + Math.max(clause.length, 4) };
}
