/**
 * Results as a plain-text table. Every cell goes through `visible()`, so control characters in
 * the data (escape sequences, bells, carriage returns) are shown, never sent to the terminal.
 * Columns are measured in terminal columns (`displayWidth`), not UTF-16 units.
 */
import { visible } from "../diagnostics/format-diagnostics.js";
import { displayValue } from "../engine/path.js";
import { jsonText } from "./json-text.js";
import { displayWidth, padToWidth, truncateToWidth } from "../diagnostics/display-width.js";

const MAX_WIDTH = 32;

const MAX_COLUMNS = 6;

/**
 * The columns to show: the `select` paths, or else the first fields of the rows followed by the
 * `order by` keys, so an ordered result shows what it is ordered by.
 */
export function columnsFor(rows: readonly unknown[], select: readonly (readonly string[])[], orderBy: readonly (readonly string[])[] = []): string[][] {
  if (select.length > 0) return select.map((s) => [...s]);
  const sortKeys = orderBy.map((p) => p.join("."));
  const room = Math.max(1, MAX_COLUMNS - sortKeys.length);
  const keys: string[] = [];
  for (const row of rows.slice(0, 20)) {
    if (row === null || typeof row !== "object") continue;
    for (const k of Object.keys(row)) if (!keys.includes(k) && !sortKeys.includes(k) && keys.length < room) keys.push(k);
  }
  return [...keys.map((k) => [k]), ...orderBy.filter((p, i) => sortKeys.indexOf(p.join(".")) === i).map((p) => [...p])];
}

function cell(value: unknown): string {
  const text = value === undefined ? "" : typeof value === "string" ? value : jsonText(value) ?? String(value);
  return truncateToWidth(visible(text), MAX_WIDTH);
}

/** The narrowest a column is cut to when the table must fit the terminal. */
const MIN_WIDTH = 6;

/**
 * The table, fitted to `width` terminal columns when given: the widest columns are cut first
 * (their cells end in `…`), none below MIN_WIDTH; a table that still does not fit is left to wrap.
 */
export function renderTable(rows: readonly unknown[], columns: readonly (readonly string[])[], width = Infinity): string {
  const header = columns.map((c) => visible(c.join(".")));
  const body = rows.map((row) => columns.map((c) => cell(displayValue(row, c))));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i] as string))));
  let total = widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
  while (total > width) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] as number) <= MIN_WIDTH) break;
    widths[widest] = (widths[widest] as number) - 1;
    total--;
  }
  const line = (cells: readonly string[]) => cells.map((c, i) => padToWidth(truncateToWidth(c, widths[i] as number), widths[i] as number)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
