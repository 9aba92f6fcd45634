/**
 * Turns a parser's faults into plain-words diagnostics: what was expected, after which token,
 * and for brackets where the unclosed one was opened. Habits from other languages (habits/) then
 * replace the diagnostics they explain.
 */
import type { Lexeme } from "./tokens.js";
import type { Reporter } from "../diagnostics/reporter.js";
import type { Fault } from "./fault.js";
import * as T from "./tokens.js";
import { whatFollows } from "./what-follows.js";

/** What each rule stands for, in a user's words. */
const RULE_WORDS: Record<string, string> = {
  query: "a condition, `order by`, `select`, `limit` or `case`",
  fromClause: "a collection name",
  collection: "a collection name",
  orExpr: "a condition",
  andExpr: "a condition",
  notExpr: "a condition (a field name, `not` or `(`)",
  predicate: "an operator (`=`, `!=`, `<`, `>`, `in`, `between`, `is`, `exists`, `contains`, `starts with`, `ends with`, `matches`, `~`)",
  negatable: "`in`, `exists`, `contains`, `starts with`, `ends with` or `matches`",
  comparator: "a comparison operator",
  path: "a field name",
  segment: "a field name",
  value: "a value (a string, a number, `true`, `false`, `null` or `now`)",
  dateMath: "a duration such as `7d`",
  list: "a list such as `[1, 2]`",
  orderClause: "a field to sort by",
  orderKey: "a field to sort by",
  selectClause: "a field to select",
  limitClause: "a whole number",
  caseClause: "`sensitive` or `insensitive`",
};

const TOKEN_WORDS: Record<string, string> = {
  RParen: "`)`",
  RBracket: "`]`",
  LBracket: "`[`",
  By: "`by`",
  With: "`with`",
  And: "`and`",
  Null: "`null`",
  NumberLiteral: "a whole number",
  Duration: "a duration such as `7d`",
  Identifier: "a field name",
};

function describeToken(token: Lexeme): string {
  const image = token.image.length > 30 ? `${token.image.slice(0, 27)}...` : token.image;
  return `\`${image}\``;
}

function isEof(token: Lexeme): boolean {
  return token.tokenType.name === "EOF" || Number.isNaN(token.startOffset);
}

/**
 * Reports the faults, at most `limit` of them: faults come in text order, and past the limit a
 * diagnostic would be capped anyway, while each costs a walk over the tokens.
 */
export function reportParserErrors(faults: readonly Fault[], tokens: readonly Lexeme[], reporter: Reporter, limit: number): void {
  const seen = new Set<number>();
  for (const info of faults) {
    if (seen.size >= limit) break;
    const token = info.token;
    const eof = isEof(token);
    const at = eof ? reporter.text.length : token.startOffset;
    if (seen.has(at)) continue; // recovery can report one spot twice
    seen.add(at);
    const span = eof ? { start: at, end: at } : { start: at, end: at + token.image.length };
    const prev = previousToken(tokens, at);
    const found = eof ? "" : `, found ${describeToken(token)}`;

    if (info.required === "RParen") {
      const open = unclosed(tokens, at, T.LParen, T.RParen);
      const where = open === undefined ? "" : ` opened at ${reporter.position(open.startOffset)}`;
      reporter.error("syntax", eof ? `\`(\`${where} is never closed` : `expected \`)\` to close \`(\`${where}${found}`, span);
      continue;
    }
    if (info.required === "RBracket" && eof) {
      const open = unclosed(tokens, at, T.LBracket, T.RBracket);
      const where = open === undefined ? "" : ` opened at ${reporter.position(open.startOffset)}`;
      reporter.error("syntax", `\`[\`${where} is never closed`, span);
      continue;
    }
    if (info.kind === "not-all-input") {
      if (token.tokenType === T.RParen) reporter.error("syntax", "`)` has no matching `(`", span);
      else if (token.tokenType === T.RBracket) reporter.error("syntax", "`]` has no matching `[`", span);
      else {
        const after = prev === undefined ? "" : ` after ${describeToken(prev)}`;
        const next = whatFollows(tokensBefore(tokens, at), token);
        reporter.error("syntax", `unexpected ${describeToken(token)}${after}; expected ${next.expected}`, span, next.hint);
      }
      continue;
    }
    const what = expectation(info);
    const after = prev === undefined ? "" : ` after ${describeToken(prev)}`;
    reporter.error("syntax", `expected ${what}${after}${found}`, span);
  }
}

function expectation(info: Fault): string {
  if (info.required !== undefined) {
    const word = TOKEN_WORDS[info.required];
    if (word !== undefined) return word;
  }
  return RULE_WORDS[info.rule] ?? "something else";
}

function tokensBefore(tokens: readonly Lexeme[], offset: number): readonly Lexeme[] {
  let n = 0;
  while (n < tokens.length && (tokens[n] as Lexeme).startOffset < offset) n++;
  return tokens.slice(0, n);
}

function previousToken(tokens: readonly Lexeme[], offset: number): Lexeme | undefined {
  let prev: Lexeme | undefined;
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    prev = t;
  }
  return prev;
}

/** The innermost opening bracket still open at `offset`. */
function unclosed(tokens: readonly Lexeme[], offset: number, open: unknown, close: unknown): Lexeme | undefined {
  const stack: Lexeme[] = [];
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    if (t.tokenType === open) stack.push(t);
    else if (t.tokenType === close) stack.pop();
  }
  return stack[stack.length - 1];
}
