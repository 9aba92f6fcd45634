import type { Diagnostic, DiagnosticCode, Fix, Severity, Span } from "./diagnostic.js";
import { LineIndex } from "./line-index.js";

/** Collects diagnostics for one text, deriving line/column only when something is reported. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private index: LineIndex | undefined;

  constructor(readonly text: string) {}

  report(severity: Severity, code: DiagnosticCode, message: string, span: Span, hint?: string, fix?: Fix): void {
    this.index ??= new LineIndex(this.text);
    const d: Diagnostic = { severity, code, message, span: this.index.span(span) };
    this.diagnostics.push(hint === undefined && fix === undefined ? d : { ...d, ...(hint === undefined ? {} : { hint }), ...(fix === undefined ? {} : { fix }) });
  }

  error(code: DiagnosticCode, message: string, span: Span, hint?: string, fix?: Fix): void {
    this.report("error", code, message, span, hint, fix);
  }

  warning(code: DiagnosticCode, message: string, span: Span, hint?: string): void {
    this.report("warning", code, message, span, hint);
  }

  /** "1:5"-style position of an offset, for messages that point elsewhere. */
  position(offset: number): string {
    this.index ??= new LineIndex(this.text);
    const s = this.index.span({ start: offset, end: offset });
    return `${s.line}:${s.column}`;
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }
}
