/**
 * The diagnostics the grammar of record gives a text: the scanner's errors, then Chevrotain's
 * recovering parse (its faults and its actions' complaints) put in words by the library's own
 * wording, in text order. What `parse` says, habits aside, must be exactly this.
 */
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { Reporter } from "../../src/diagnostics/reporter.js";
import { parseWithChevrotain } from "../../src/syntax/chevrotain/parser.js";
import { reportParserErrors } from "../../src/syntax/parser-diagnostics.js";
import { postLex } from "../../src/syntax/post-lex.js";
import { scan } from "../../src/syntax/scan.js";

export function grammarDiagnostics(text: string): Diagnostic[] {
  const reporter = new Reporter(text);
  const lexed = scan(text);
  for (const e of lexed.errors) reporter.error("syntax", e.message, { start: e.offset, end: e.offset + e.length });
  postLex(lexed.tokens, reporter);
  const { faults } = parseWithChevrotain(lexed.tokens, reporter, true);
  reportParserErrors(faults, lexed.tokens, reporter, Infinity);
  return reporter.diagnostics.sort((a, b) => a.span.start - b.span.start);
}
