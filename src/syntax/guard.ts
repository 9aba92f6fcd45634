/**
 * Limits checked on the token stream before the parser runs, so the parser never recurses
 * deeper than `maxDepth` and never builds a tree past the other limits. One linear pass with an
 * explicit stack: 100,000 `(` or 50,000 `not`s cost a loop, not a stack overflow.
 */
import type { Lexeme, TokenType } from "./tokens.js";
import type { Reporter } from "../diagnostics/reporter.js";
import * as T from "./tokens.js";

export interface GuardLimits {
  readonly maxDepth: number;
  readonly maxPredicates: number;
  readonly maxListItems: number;
}

/** Tokens after which a `not` or a field name begins a new operand. */
const OPERAND_START = new Set<TokenType>([T.LParen, T.And, T.Or, T.Not, T.Where]);
const VALUE_TOKENS = new Set<TokenType>([T.StringLiteral, T.NumberLiteral, T.True, T.False, T.Null, T.RegexLiteral, T.Now]);

/** Returns false (after reporting) when a limit is exceeded and the parser must not run. */
export function checkLimits(tokens: readonly Lexeme[], limits: GuardLimits, reporter: Reporter): boolean {
  const bases: number[] = [];
  let base = 0;
  let pendingNots = 0;
  let predicates = 0;
  let listItems = -1;
  let prev: TokenType | undefined;
  for (const token of tokens) {
    const type = token.tokenType;
    const atOperand = prev === undefined || OPERAND_START.has(prev) || (prev === T.Not && pendingNots > 0);
    const span = { start: token.startOffset, end: token.startOffset + token.image.length };
    if (type === T.Not && atOperand) {
      pendingNots++;
      if (base + pendingNots > limits.maxDepth) return exceeded(reporter, depthMessage(limits.maxDepth), span);
    } else if (type === T.LParen) {
      bases.push(base);
      base += pendingNots + 1;
      pendingNots = 0;
      if (base > limits.maxDepth) return exceeded(reporter, depthMessage(limits.maxDepth), span);
    } else if (type === T.RParen) {
      base = bases.pop() ?? 0;
      pendingNots = 0;
    } else if ((type === T.Identifier || type === T.BackQuoted) && atOperand) {
      pendingNots = 0;
      if (++predicates > limits.maxPredicates) {
        return exceeded(reporter, `the query has more than ${limits.maxPredicates} conditions (the limit)`, span);
      }
    } else if (type === T.LBracket) {
      listItems = 0;
    } else if (type === T.RBracket) {
      listItems = -1;
    } else if (listItems >= 0 && VALUE_TOKENS.has(type)) {
      if (++listItems > limits.maxListItems) {
        return exceeded(reporter, `this list has more than ${limits.maxListItems} values (the limit)`, span);
      }
    } else if (type !== T.Not) {
      pendingNots = 0;
    }
    prev = type;
  }
  return true;
}

function depthMessage(max: number): string {
  return `the query nests deeper than ${max} levels (the limit counts every \`(\` and every \`not\`)`;
}

function exceeded(reporter: Reporter, message: string, span: { start: number; end: number }): false {
  reporter.error("limit-exceeded", message, span, "raise the limit in the options if this is intended");
  return false;
}
