/** Identifiers are always quoted (`"a""b"`), so no name is ever read as SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `table` or `schema.table` (split at the first dot). */
export function quoteTable(name: string): string {
  const dot = name.indexOf(".");
  return dot < 0 ? quoteIdent(name) : `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}`;
}
