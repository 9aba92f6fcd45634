import type { Diagnostic } from "./diagnostic.js";
import { formatDiagnostics } from "./format-diagnostics.js";
import { expectArray, expectString } from "../arguments.js";

/** Thrown by `compile`, `fromMixpeek` and the body emitter; carries every diagnostic. */
export class FilterQLError extends Error {
  override readonly name = "FilterQLError";
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], text?: string) {
    expectArray("new FilterQLError", "diagnostics", diagnostics, "an array of diagnostics");
    if (text !== undefined) expectString("new FilterQLError", "text", text);
    const first = diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
    super(first === undefined ? "invalid query" : text === undefined ? plainMessage(first) : formatDiagnostics(text, [first]));
    this.diagnostics = diagnostics;
  }
}

function plainMessage(d: Diagnostic): string {
  const where = d.path === undefined ? `${d.span.line}:${d.span.column}` : d.path;
  return `${d.severity}[${d.code}]: ${d.message} (at ${where})${d.hint === undefined ? "" : `; ${d.hint}`}`;
}
