/**
 * Lint from `parse` + `check`: every diagnostic underlined over exactly its span, the hint under
 * the message, and a quick fix — the diagnostic's own `fix` when it has one, otherwise the
 * "did you mean `x`?" hint applied to the span. Re-lints when the schema changes.
 */
import type { Action, Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import type { EditorState, StateField } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { check, parse, path, print, type Diagnostic, type Fix, type ParseOptions, type Query, type Schema, type Span } from "../index.js";
import { resolvedSchema } from "./schema-field.js";

export interface QueryResult {
  readonly query?: Query;
  readonly diagnostics: Diagnostic[];
}

/** Parse and (when it parsed) check: what lint shows and what `onSubmit` receives. */
export function analyse(state: EditorState, schemaField: StateField<Schema | undefined>, parseOptions: ParseOptions): QueryResult {
  const text = state.doc.toString();
  const schema = resolvedSchema(state, schemaField);
  // The schema lets the parser's fixes for broken text follow the field types (no `age > "thirty"`).
  const parsed = parse(text, schema === undefined ? parseOptions : { ...parseOptions, schema });
  if (parsed.query === undefined) return parsed;
  return { query: parsed.query, diagnostics: [...parsed.diagnostics, ...check(parsed.query, schema === undefined ? {} : { schema })] };
}

export function editorDiagnostics(state: EditorState, schemaField: StateField<Schema | undefined>, parseOptions: ParseOptions): EditorDiagnostic[] {
  const length = state.doc.length;
  return analyse(state, schemaField, parseOptions).diagnostics.map((d) => {
    const from = Math.min(d.span.start, length);
    const to = Math.min(Math.max(d.span.end, from), length);
    const actions = quickFixes(d, { start: from, end: to });
    return {
      from,
      to,
      severity: d.severity,
      source: d.code,
      message: d.hint === undefined ? d.message : `${d.message}\n${d.hint}`,
      ...(actions.length === 0 ? {} : { actions }),
    };
  });
}

/** The quick fixes of a diagnostic shown over `shown` (its span, clamped to the text). */
export function quickFixes(d: Diagnostic, shown: Span = d.span): Action[] {
  const fix = d.fix;
  if (fix !== undefined) return [{ name: fix.title, apply: (view, from, to) => applyEdits(view, shown, { start: from, end: to }, fix.edits) }];
  const meant = /did you mean `([^`]+)`\?/.exec(d.hint ?? "")?.[1];
  if (meant === undefined || d.code !== "unknown-field") return [];
  // The schema path as the language writes it (back-quotes where a segment needs them).
  const text = print(path(meant.split(".")));
  return [{ name: `use ${text}`, apply: (view, from, to) => applyEdits(view, shown, { start: from, end: to }, [{ start: d.span.start, end: d.span.end, text }]) }];
}

/**
 * Edits are offsets into the text the diagnostic was made for; CodeMirror hands the action the
 * diagnostic's range mapped through the edits made since (lint waits `lintDelay` after typing),
 * so each offset moves as the end of the range it lies beyond moved.
 */
function applyEdits(view: EditorView, shown: Span, now: Span, edits: Fix["edits"]): void {
  const length = view.state.doc.length;
  const changes = edits.map((e) => ({ from: moved(e.start, shown, now, length), to: moved(e.end, shown, now, length), insert: e.text }));
  view.dispatch({ changes, userEvent: "input.complete" });
}

/** An offset of the linted text in the current one, where the range `shown` now stands at `now`. */
function moved(offset: number, shown: Span, now: Span, length: number): number {
  const at = offset <= shown.start ? offset + now.start - shown.start : offset >= shown.end ? offset + now.end - shown.end : Math.min(now.start + offset - shown.start, now.end);
  return Math.max(0, Math.min(at, length));
}
