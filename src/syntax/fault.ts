/**
 * A syntax error as a parser finds it: the token it stopped at and what it expected there, in
 * the terms of Chevrotain's recognition exceptions. Both parsers produce these (recover.ts in the
 * library, chevrotain/parser.ts in the tests), and parser-diagnostics.ts turns them into words.
 */
import type { Lexeme, TokenType } from "./tokens.js";

export type FaultKind = "mismatch" | "no-viable" | "early-exit" | "not-all-input";

export interface Fault {
  /** The offending token; the end of input has a NaN offset. */
  readonly token: Lexeme;
  readonly kind: FaultKind;
  /** For a mismatch, the name of the token type that was required (all the diagnostics need). */
  readonly required?: string;
  /** The grammar rule that was being parsed. */
  readonly rule: string;
}

/** The end of input, as a token. */
export const EOF_TYPE: TokenType = { name: "EOF" };
