/**
 * Results as a plain-text table. Every cell goes through `visible()`, so control characters in
 * the data (escape sequences, bells, carriage returns) are shown, never sent to the terminal.
 */
import { visible } from "../diagnostics/format-diagnostics.js";
import { displayValue } from "../engine/path.js";

const MAX_WIDTH = 32;

export function columnsFor(rows: readonly unknown[], select: readonly (readonly string[])[]): string[][] {
  if (select.length > 0) return select.map((s) => [...s]);
  const keys: string[] = [];
  for (const row of rows.slice(0, 20)) {
    if (row === null || typeof row !== "object") continue;
    for (const k of Object.keys(row)) if (!keys.includes(k) && keys.length < 6) keys.push(k);
  }
  return keys.map((k) => [k]);
}

function cell(value: unknown): string {
  const text = value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  const shown = visible(text);
  return shown.length > MAX_WIDTH ? `${shown.slice(0, MAX_WIDTH - 1)}…` : shown;
}

export function renderTable(rows: readonly unknown[], columns: readonly (readonly string[])[]): string {
  const header = columns.map((c) => visible(c.join(".")));
  const body = rows.map((row) => columns.map((c) => cell(displayValue(row, c))));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
