/**
 * tokens(text): the text's tokens classified for syntax highlighting (editors, the REPL).
 * Never throws; characters the lexer cannot read come back as `error` tokens.
 */
import type { IToken } from "chevrotain";
import { Reporter } from "../diagnostics/reporter.js";
import { postLex } from "../syntax/post-lex.js";
import { scan } from "../syntax/scan.js";
import * as T from "../syntax/tokens.js";

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

/** Lexes and retypes keywords; also returns the lexer's unreadable character runs. */
export function lexForTools(text: string): { tokens: IToken[]; errors: { start: number; end: number }[] } {
  const lexed = scan(text);
  const originalTypes = lexed.tokens.map((t) => t.tokenType);
  postLex(lexed.tokens, new Reporter(text));
  // Keep the error kinds visible to tools: post-lex substitutes parseable tokens for them.
  lexed.tokens.forEach((t, i) => {
    const original = originalTypes[i];
    if (original === T.BadOperator || original === T.UnterminatedString || original === T.UnterminatedBackQuoted) (t as { payload?: unknown }).payload = { error: original.name };
  });
  return { tokens: lexed.tokens, errors: lexed.errors.map((e) => ({ start: e.offset, end: e.offset + e.length })) };
}

export function tokens(text: string): Token[] {
  if (typeof text !== "string") return [];
  const { tokens: lexed, errors } = lexForTools(text);
  const out: Token[] = lexed.map((t) => {
    const start = t.startOffset;
    const end = start + t.image.length;
    const payload = t.payload as { error?: string } | undefined;
    if (payload !== null && typeof payload === "object" && "error" in payload) return { type: "error", start, end };
    const type = T.KEYWORD_BY_WORD.has(t.tokenType.name.toLowerCase()) && t.tokenType !== T.Identifier ? "keyword" : KIND.get(t.tokenType.name) ?? "error";
    return { type, start, end };
  });
  for (const e of errors) out.push({ type: "error", start: e.start, end: e.end });
  return out.sort((a, b) => a.start - b.start);
}
