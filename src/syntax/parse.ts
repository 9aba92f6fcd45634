import type { Query } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Reporter } from "../diagnostics/reporter.js";
import { resolveLimits, type Limits, type ParseOptions } from "../options.js";
import { resolveSchema } from "../check/schema.js";
import { checkLimits } from "./guard.js";
import { descend } from "./descent.js";
import { withHabits } from "./habits/with-habits.js";
import { reportParserErrors } from "./parser-diagnostics.js";
import { recover } from "./recover.js";
import { postLex } from "./post-lex.js";
import { withSource } from "./source-text.js";
import { scan } from "./scan.js";
import { expectOptions, expectSchemaOption, expectString } from "../arguments.js";

export interface ParseResult {
  /** Present only when there are no errors. */
  readonly query?: Query;
  readonly diagnostics: Diagnostic[];
}

/** At most this many diagnostics from one text: past it, recovery only repeats itself. */
const MAX_DIAGNOSTICS = 20;

/**
 * Text → AST. Never throws on a string: every input string gets a query or diagnostics (lexer and
 * parser errors together, several where recovery makes that meaningful). A non-string is a
 * programming error, a `TypeError`.
 */
export function parse(text: string, options?: ParseOptions): ParseResult {
  expectString("parse", "text", text);
  expectOptions("parse", "options", options);
  expectSchemaOption("parse", options);
  const limits = resolveLimits("parse", options);
  const reporter = new Reporter(text);
  try {
    return parseText(text, options, limits, reporter, true);
  } catch (error) {
    // A bug must still come back as a value: this keeps the never-throws contract.
    reporter.error("syntax", `internal error while parsing: ${error instanceof Error ? error.message : String(error)}`, { start: 0, end: text.length });
    return { diagnostics: reporter.diagnostics };
  }
}

function parseText(text: string, options: ParseOptions | undefined, limits: Required<Limits>, reporter: Reporter, habits: boolean): ParseResult {
  if (text.length > limits.maxLength) {
    reporter.error("limit-exceeded", `the query is ${text.length} characters long; the limit is ${limits.maxLength}`, { start: limits.maxLength, end: text.length }, "raise `maxLength` in the options if this is intended");
    return { diagnostics: reporter.diagnostics };
  }
  const lexed = scan(text);
  for (const e of lexed.errors) reporter.error("syntax", e.message, { start: e.offset, end: e.offset + e.length });
  postLex(lexed.tokens, reporter);
  if (!checkLimits(lexed.tokens, limits, reporter)) return { diagnostics: cap(reporter.diagnostics) };

  // Only for text that failed: habits from other languages, with fixes (see habits/).
  const explained = (generic: Diagnostic[]): Diagnostic[] => {
    if (!habits) return generic;
    const reparse = (fixed: string) => parseText(fixed, options, limits, new Reporter(fixed), false);
    return withHabits({ text, tokens: lexed.tokens, errors: lexed.errors, schema: schemaOf(options), reparse }, generic);
  };

  // Valid, clean text: the hand-written descent, which builds the same nodes (descent.ts).
  const fast = descend(lexed.tokens);
  if (fast === undefined) {
    // The descent gave up: an error, or something the grammar's rules complain about. The
    // recovering descent says which, with every fault the grammar of record's recovery finds. The
    // descent gives up exactly where recovery finds a fault or a rule complains (a property test
    // holds the two to that), so no query comes from here; anything else is a bug, which `parse`
    // reports as an internal error.
    const { faults } = recover(lexed.tokens, reporter);
    reportParserErrors(faults, lexed.tokens, reporter, MAX_DIAGNOSTICS);
    if (!reporter.hasErrors) throw new Error("the fast descent gave up on text the recovering descent accepts");
  } else if (!reporter.hasErrors) {
    return { query: withSource(fast, text), diagnostics: reporter.diagnostics };
  }
  return { diagnostics: cap(sortByPosition(explained(reporter.diagnostics))) };
}

/** The schema for habit fixes; a bad schema is the checker's to report, so here it is ignored. */
function schemaOf(options: ParseOptions | undefined) {
  try {
    return resolveSchema(options?.schema);
  } catch {
    return undefined;
  }
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.span.start - b.span.start);
}

function cap(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.length > MAX_DIAGNOSTICS ? diagnostics.slice(0, MAX_DIAGNOSTICS) : diagnostics;
}
