/**
 * The table a `toSql` statement reads: the `table` option, else the query's `from` clause when it
 * names one collection. A statement reads one table, so a `from` naming several collections is
 * refused; a `from` naming another table than the option is an error rather than a silent choice.
 * (`toSqlWhere` gives a condition only: the caller's statement names the table, and `from` is not read.)
 */
import type { QueryNode, Span } from "../ast/nodes.js";
import type { Reporter } from "../diagnostics/reporter.js";
import { scan } from "../syntax/scan.js";
import * as T from "../syntax/tokens.js";
import type { Lexeme } from "../syntax/tokens.js";

/** Whether neither the `table` option nor a `from` clause names a table: toSql cannot be asked then. */
export function namesNoTable(query: QueryNode, option: string | undefined): boolean {
  return (option === undefined || option === "") && query.collections.length === 0;
}

export function tableOf(query: QueryNode, option: string | undefined, text: string, reporter: Reporter): string | undefined {
  const from = query.collections;
  const span = fromSpan(text);
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

/** The `from` clause in the query's text (it comes first): `from` through its last collection name. */
function fromSpan(text: string): Span {
  const { tokens } = scan(text);
  const first = tokens[0];
  if (first === undefined || first.image.toLowerCase() !== "from") return { start: 0, end: Math.min(text.length, 4) };
  let last = first;
  for (let i = 1; i < tokens.length; i += 2) {
    const name = tokens[i] as Lexeme;
    if (name.tokenType !== T.Identifier && name.tokenType !== T.BackQuoted && name.tokenType !== T.StringLiteral) break;
    last = name;
    if (tokens[i + 1]?.tokenType !== T.Comma) break;
  }
  return { start: first.startOffset, end: last.startOffset + last.image.length };
}
