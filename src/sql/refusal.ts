/**
 * What the SQL emitters report: a construct PostgreSQL cannot express exactly
 * (`unsupported-by-dialect`) or a value it cannot hold. Collected in a Reporter, thrown once.
 */
import type { Span } from "../ast/nodes.js";
import type { Reporter } from "../diagnostics/reporter.js";

export class Refusals {
  constructor(readonly reporter: Reporter) {}

  unsupported(what: string, span: Span, hint?: string): void {
    this.reporter.error("unsupported-by-dialect", `${what} cannot be expressed exactly in PostgreSQL`, span, hint);
  }

  /** Text PostgreSQL cannot store: NUL characters and unpaired surrogates (text is UTF-8 there). */
  text(value: string, span: Span, what: string): void {
    if (value.includes("\u0000")) this.reporter.error("unsupported-by-dialect", `${what} holds a NUL character (\\u0000), which PostgreSQL text cannot hold`, span);
    else if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
      this.reporter.error("unsupported-by-dialect", `${what} holds an unpaired surrogate, which PostgreSQL text (UTF-8) cannot hold`, span);
    }
  }

  number(value: number, span: Span): void {
    if (!Number.isFinite(value)) this.reporter.error("unsupported-by-dialect", `${value} cannot be held by PostgreSQL's numeric and jsonb types`, span);
  }
}
