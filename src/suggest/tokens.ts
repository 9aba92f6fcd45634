/**
 * tokens(text): the text's tokens classified for syntax highlighting (editors, the REPL).
 * Never throws; characters the lexer cannot read come back as `error` tokens.
 */
import type { Lexeme, TokenType } from "../syntax/tokens.js";
import { Reporter } from "../diagnostics/reporter.js";
import { postLex } from "../syntax/post-lex.js";
import { scan } from "../syntax/scan.js";
import * as T from "../syntax/tokens.js";
import { expectString } from "../arguments.js";

export type TokenKind = "keyword" | "field" | "operator" | "string" | "number" | "regex" | "punctuation" | "error";

export interface Token {
  readonly type: TokenKind;
  readonly start: number;
  readonly end: number;
}

const KIND: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ["Identifier", "field"], ["BackQuoted", "field"],
  ["StringLiteral", "string"], ["NumberLiteral", "number"], ["Duration", "number"], ["RegexLiteral", "regex"],
  ["EqEq", "operator"], ["Eq", "operator"], ["NotEq", "operator"], ["Lte", "operator"], ["Lt", "operator"],
  ["Gte", "operator"], ["Gt", "operator"], ["Tilde", "operator"], ["Minus", "operator"], ["Plus", "operator"],
  ["LParen", "punctuation"], ["RParen", "punctuation"], ["LBracket", "punctuation"], ["RBracket", "punctuation"],
  ["Comma", "punctuation"], ["Dot", "punctuation"],
  ["BadOperator", "error"], ["UnterminatedString", "error"], ["UnterminatedBackQuoted", "error"],
]);

export interface ToolTokens {
  /** Tokens as the parser sees them: keywords retyped, literals decoded, error tokens substituted. */
  readonly tokens: Lexeme[];
  /** Each token's type as scanned, before post-lex substituted parseable tokens for the error ones. */
  readonly scanned: readonly TokenType[];
  /** Character runs no token could start. */
  readonly errors: readonly { start: number; end: number }[];
}

const ERROR_TOKENS: ReadonlySet<TokenType> = new Set([T.BadOperator, T.UnterminatedString, T.UnterminatedBackQuoted]);

/** True when the scanner read this token as one of the error kinds (an unclosed string, `===`, …). */
export function wasError(scanned: TokenType | undefined): boolean {
  return scanned !== undefined && ERROR_TOKENS.has(scanned);
}

/** Lexes and post-lexes like the parser, keeping what tools need that post-lex replaces. */
export function lexForTools(text: string): ToolTokens {
  const lexed = scan(text);
  const scanned = lexed.tokens.map((t) => t.tokenType);
  postLex(lexed.tokens, new Reporter(text));
  return { tokens: lexed.tokens, scanned, errors: lexed.errors.map((e) => ({ start: e.offset, end: e.offset + e.length })) };
}

export function tokens(text: string): Token[] {
  expectString("tokens", "text", text);
  const { tokens: lexed, scanned, errors } = lexForTools(text);
  const out: Token[] = lexed.map((t, i) => {
    const start = t.startOffset;
    const end = start + t.image.length;
    if (wasError(scanned[i])) return { type: "error", start, end };
    // A number right after a `.` is a position step of a path (`items.0`).
    if (t.tokenType === T.NumberLiteral && lexed[i - 1]?.tokenType === T.Dot) return { type: "field", start, end };
    const type = T.KEYWORD_BY_WORD.has(t.tokenType.name.toLowerCase()) && t.tokenType !== T.Identifier ? "keyword" : KIND.get(t.tokenType.name) ?? "error";
    return { type, start, end };
  });
  for (const e of errors) out.push({ type: "error", start: e.start, end: e.end });
  return out.sort((a, b) => a.start - b.start);
}
