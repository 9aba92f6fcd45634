/**
 * Remembers the text a query was parsed from, outside the AST (nodes stay plain data and
 * `parse(print(q))` still equals `q`), so later phases can give diagnostics a line and column.
 */
import type { QueryNode } from "../ast/nodes.js";

const texts = new WeakMap<QueryNode, string>();

export function rememberSource(query: QueryNode, text: string): void {
  texts.set(query, text);
}

/** The text `query` was parsed from; for a built or decoded query, its canonical printout is used by callers. */
export function sourceOf(query: QueryNode): string | undefined {
  return texts.get(query);
}
