import { applyEdits } from "./apply-fixes.js";
import type { Diagnostic } from "./diagnostic.js";
import { displayWidth } from "./display-width.js";
import { LineIndex } from "./line-index.js";
import { expectDiagnostics, expectString } from "../arguments.js";

/**
 * Renders diagnostics the way rustc and Elm do: the code and message, the position, the source
 * line with a gutter, carets under the span, the hint, and the whole query as its fix would make it. Control characters in the source are
 * shown as `␀`-style pictures so a terminal is never driven by query text. Carets are placed by
 * terminal columns, not UTF-16 units, so they stay under the span after `山田` or `👩‍💻`.
 */
export function formatDiagnostics(text: string, diagnostics: readonly Diagnostic[]): string {
  expectString("formatDiagnostics", "text", text);
  expectDiagnostics("formatDiagnostics", "diagnostics", diagnostics);
  const index = new LineIndex(text);
  return diagnostics.map((d) => formatOne(index, d)).join("\n\n");
}

function formatOne(index: LineIndex, d: Diagnostic): string {
  const out = [`${d.severity}[${d.code}]: ${visible(d.message)}`];
  const span = index.span(d.span);
  const line = index.lineOf(span.start);
  const where = d.path === undefined ? `${line + 1}:${span.start - index.lineStart(line) + 1}` : d.path === "" ? "(the body itself)" : d.path;
  const gutter = String(line + 1).length;
  const pad = " ".repeat(gutter);
  out.push(`${pad}--> ${where}`);
  if (index.text.length > 0 || d.path === undefined) {
    const whole = index.lineText(line);
    const start = span.start - index.lineStart(line);
    const { source, col, shown } = windowed(whole, start, Math.max(start, Math.min(span.end - index.lineStart(line), whole.length)));
    const end = Math.max(col, Math.min(col + (span.end - span.start), shown));
    const width = Math.max(1, displayWidth(visible(source.slice(col, end))));
    out.push(`${pad} |`);
    out.push(`${line + 1} | ${visible(source)}`);
    out.push(`${pad} | ${" ".repeat(displayWidth(visible(source.slice(0, col))))}${"^".repeat(width)}`);
  }
  if (d.hint !== undefined) out.push(`${pad} = hint: ${visible(d.hint)}`);
  if (d.fix !== undefined) out.push(`${pad} = fix: ${visible(applyEdits(index.text, d.fix.edits).replace(/\r?\n/g, " "))}`);
  return out.join("\n");
}

/** Lines longer than this many characters are shown as a window around the span. */
const LONG_LINE = 120;
/** How much of a long line is kept on each side of the span. */
const CONTEXT = 40;

/**
 * The part of a long source line around `[start, end)`, with `…` where it was cut, the span's
 * start in it, and where the line's text in it ends: a frame that a terminal would wrap puts the
 * carets under nothing.
 */
function windowed(line: string, start: number, end: number): { source: string; col: number; shown: number } {
  if (line.length <= LONG_LINE) return { source: line, col: start, shown: line.length };
  let from = Math.max(0, start - CONTEXT);
  // A span too long to show whole is shown from its start.
  let to = Math.min(line.length, Math.max(Math.min(end, start + LONG_LINE - 2 * CONTEXT), start + 1) + CONTEXT);
  // Never between the halves of a surrogate pair.
  if (from > 0 && isLowSurrogate(line.charCodeAt(from))) from--;
  if (to < line.length && isLowSurrogate(line.charCodeAt(to))) to++;
  const head = from > 0 ? "…" : "";
  // `shown`: where the line's own text ends in the window (a closing `…` gets no caret).
  return { source: `${head}${line.slice(from, to)}${to < line.length ? "…" : ""}`, col: head.length + start - from, shown: head.length + to - from };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Replaces C0 controls and DEL with their Unicode control pictures, tabs with a space. */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === "\t" ? " " : String.fromCharCode(c === "\u007f" ? 0x2421 : 0x2400 + c.charCodeAt(0))));
}
