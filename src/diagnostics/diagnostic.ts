/** The one diagnostic type shared by every phase: parser, checker, body codec, engine. */

export type Severity = "error" | "warning";

export type DiagnosticCode =
  | "syntax"
  | "unknown-field"
  | "type-mismatch"
  | "invalid-value"
  | "not-sortable"
  | "unsupported-by-dialect"
  | "limit-exceeded";

/** `start`/`end` are 0-based offsets into the text; `line`/`column` are 1-based. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: SourceSpan;
  readonly hint?: string;
  /** JSON pointer into a decoded body (`/filters/AND/2/operator`), for `fromMixpeek`. */
  readonly path?: string;
  /** A machine-applicable correction: only when the text it gives is sure to be what was meant. */
  readonly fix?: Fix;
}

/** Replace `text[start, end)` by `text`; offsets into the original text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Edits that never overlap; applying all of them gives the text the diagnostic suggests. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** Offsets only: what AST nodes carry. Line and column are derived when a diagnostic is made. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export const NO_SPAN: Span = { start: 0, end: 0 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
