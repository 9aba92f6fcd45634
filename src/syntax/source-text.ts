/**
 * Remembers the text a query was parsed from, so later phases (the checker, the body emitter)
 * can give diagnostics a line and column. The parsed root is a `ParsedQuery`: the same fields
 * as any `QueryNode`, plus the text in a private field — invisible to equality checks, JSON and
 * spreads (nodes stay plain data, `parse(print(q))` still equals `q`), and far cheaper per parse
 * than a WeakMap entry or a defined property.
 */
import type { ExprNode, OrderKeyNode, PathNode, QueryNode, Span } from "../ast/nodes.js";

class ParsedQuery implements QueryNode {
  readonly kind = "Query";
  readonly span: Span;
  readonly collections: readonly string[];
  readonly filter: ExprNode | null;
  readonly orderBy: readonly OrderKeyNode[];
  readonly select: readonly PathNode[];
  readonly limit: number | null;
  readonly caseSensitive: boolean | null;
  readonly #source: string;

  constructor(q: QueryNode, source: string) {
    this.span = q.span;
    this.collections = q.collections;
    this.filter = q.filter;
    this.orderBy = q.orderBy;
    this.select = q.select;
    this.limit = q.limit;
    this.caseSensitive = q.caseSensitive;
    this.#source = source;
  }

  static sourceOf(q: QueryNode): string | undefined {
    return #source in q ? (q as ParsedQuery).#source : undefined;
  }
}

/** The query, carrying the text it was parsed from. */
export function withSource(query: QueryNode, text: string): QueryNode {
  return new ParsedQuery(query, text);
}

/** The text `query` was parsed from, if it was parsed (a built or decoded query has none). */
export function sourceOf(query: QueryNode): string | undefined {
  return ParsedQuery.sourceOf(query);
}
