/**
 * Chevrotain's lexer for the token definitions in tokens.ts: the reference that the hand-written
 * scanner (scan.ts) is tested against, token for token. The library never builds it.
 */
import { Lexer } from "chevrotain";
import * as T from "../tokens.js";

const IDENT_START = /[\p{L}\p{Nl}_$]/u;

/**
 * Chevrotain's lexer buckets first characters by code: codes up to 255 one by one, higher codes
 * by `255 + floor(code / 255)`. A hint with one character of every bucket keeps Unicode
 * identifiers on the lexer's fast path.
 */
function identifierStartHint(): string[] {
  const hint = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$"];
  for (let c = 0xaa; c <= 0xff; c++) if (IDENT_START.test(String.fromCharCode(c))) hint.push(String.fromCharCode(c));
  for (let bucket = 1; bucket <= Math.floor(0xffff / 255); bucket++) hint.push(String.fromCharCode(Math.max(256, bucket * 255)));
  return hint;
}

export function createLexer(skipValidations: boolean): Lexer {
  // What only Chevrotain's lexer reads: the identifier's custom pattern hints, and the skipped group.
  T.Identifier.START_CHARS_HINT = identifierStartHint();
  T.Identifier.LINE_BREAKS = false;
  T.WhiteSpace.GROUP = Lexer.SKIPPED;
  T.WhiteSpace.LINE_BREAKS = true;
  return new Lexer(T.LEXER_TOKENS, {
    positionTracking: "onlyOffset",
    ensureOptimizations: true,
    skipValidations,
    errorMessageProvider: {
      buildUnexpectedCharactersMessage: T.unexpectedCharacters,
      buildUnableToPopLexerModeMessage: () => "internal lexer mode error",
    },
  });
}
