/**
 * How the parsers read a token, in one place: the fast descent (descent.ts), the recovering
 * descent (recover.ts), the grammar of record (chevrotain/parser.ts) and the habits (habits/).
 * The helpers take the least of a token they need, which the scanner's `Lexeme` and Chevrotain's
 * `IToken` both have, so this module never loads Chevrotain.
 */
import type { CompareOp, Span } from "../ast/nodes.js";
import * as T from "./tokens.js";

/** A token type as any of the parsers holds it: ours, or Chevrotain's completion of the same object. */
export interface TypeLike {
  readonly name: string;
}

/** What of a token the helpers read. */
export interface TokenLike {
  readonly tokenType: TypeLike;
  readonly image: string;
  readonly startOffset: number;
  readonly payload?: unknown;
}

/** cmp := "=" | "==" | "!=" | "<>" | ">" | ">=" | "<" | "<=" — each comparator token's operator. */
export const COMPARATORS: ReadonlyMap<T.TokenType, CompareOp> = new Map([
  [T.Eq, "eq"], [T.EqEq, "eq"], [T.NotEq, "ne"], [T.Gt, "gt"], [T.Gte, "gte"], [T.Lt, "lt"], [T.Lte, "lte"],
]);

/** The operator of a comparator token of any parser's typing (looked up by identity); else undefined. */
export function comparatorOf(type: TypeLike): CompareOp | undefined {
  return (COMPARATORS as ReadonlyMap<TypeLike, CompareOp>).get(type);
}

/** A name as written: an identifier's image, or the decoded text of a back-quoted name or string. */
export function nameOf(token: TokenLike): string {
  return token.tokenType === T.Identifier ? token.image : String(token.payload ?? "");
}

/** The value of a string, `true`, `false` or `null` token. */
export function scalarOf(token: TokenLike): string | boolean | null {
  const type = token.tokenType;
  // A string that failed to decode has no payload; its error is reported, and "" stands in.
  return type === T.StringLiteral ? ((token.payload as string | undefined) ?? "") : type === T.True ? true : type === T.False ? false : null;
}

/** From the start of `first` to the end of `last`. */
export function spanOver(first: TokenLike, last: TokenLike): Span {
  return { start: first.startOffset, end: last.startOffset + last.image.length };
}

/** The span of one token. */
export function tokenSpan(token: TokenLike): Span {
  return spanOver(token, token);
}
