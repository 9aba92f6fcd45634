/**
 * The hot-path lexer: a hand-written scanner that produces exactly the tokens (and error runs)
 * that Chevrotain's lexer produces from the definitions in tokens.ts — a property test compares
 * the two on random input — at a quarter of the cost. The priorities are the definitions' order:
 * first match wins, operators from other languages before the real ones, a duration before a
 * number. Characters no token can start are grouped into one error per run, as Chevrotain does.
 */
import type { Lexeme, TokenType } from "./tokens.js";
import * as T from "./tokens.js";

export interface ScanError {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface ScanResult {
  readonly tokens: Lexeme[];
  readonly errors: ScanError[];
}

const STRING_BODY = { '"': /"(?:[^"\\\r\n]|\\[^\r\n])*"/y, "'": /'(?:[^'\\\r\n]|\\[^\r\n])*'/y } as const;
const UNTERMINATED = { '"': /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/y, "'": /'(?:[^'\\\r\n]|\\[^\r\n])*\\?/y } as const;
const REGEX = /\/(?:[^/\\\r\n]|\\[^\r\n])+\/[A-Za-z]*/y;
const BACKQUOTED = /`[^`\r\n]*`/y;
const UNTERMINATED_BACKQUOTED = /`[^`\r\n]*/y;
const DURATION = /\d+[smhdw]/y;
const NUMBER = /(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]*/uy;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex - at : 0;
}

/** The token starting at `at`, as [type, length], or undefined when none can start there. */
function match(text: string, at: number): [TokenType, number] | undefined {
  const c = text[at] as string;
  const next = text[at + 1];
  switch (c) {
    case "=":
      if (next === "=") return text[at + 2] === "=" ? [T.BadOperator, 3] : [T.EqEq, 2];
      if (next === ">" || next === "<" || next === "~") return [T.BadOperator, 2];
      return [T.Eq, 1];
    case "!":
      if (next === "=") return text[at + 2] === "=" ? [T.BadOperator, 3] : [T.NotEq, 2];
      return [T.BadOperator, 1];
    case "&":
      return next === "&" ? [T.BadOperator, 2] : undefined;
    case "|":
      return next === "|" ? [T.BadOperator, 2] : undefined;
    case ":":
      return [T.BadOperator, 1];
    case "<":
      return next === ">" ? [T.NotEq, 2] : next === "=" ? [T.Lte, 2] : [T.Lt, 1];
    case ">":
      return next === "=" ? [T.Gte, 2] : [T.Gt, 1];
    case "~": return [T.Tilde, 1];
    case "(": return [T.LParen, 1];
    case ")": return [T.RParen, 1];
    case "[": return [T.LBracket, 1];
    case "]": return [T.RBracket, 1];
    case ",": return [T.Comma, 1];
    case ".": return [T.Dot, 1];
    case "-": return [T.Minus, 1];
    case "+": return [T.Plus, 1];
    case '"':
    case "'": {
      const n = sticky(STRING_BODY[c], text, at);
      return n > 0 ? [T.StringLiteral, n] : [T.UnterminatedString, sticky(UNTERMINATED[c], text, at)];
    }
    case "/": {
      const n = sticky(REGEX, text, at);
      return n > 0 ? [T.RegexLiteral, n] : undefined;
    }
    case "`": {
      const n = sticky(BACKQUOTED, text, at);
      return n > 0 ? [T.BackQuoted, n] : [T.UnterminatedBackQuoted, sticky(UNTERMINATED_BACKQUOTED, text, at)];
    }
    default: {
      const code = c.charCodeAt(0);
      if (code >= 48 && code <= 57) {
        const d = sticky(DURATION, text, at);
        return d > 0 ? [T.Duration, d] : [T.NumberLiteral, sticky(NUMBER, text, at)];
      }
      const n = sticky(IDENTIFIER, text, at);
      return n > 0 ? [T.Identifier, n] : undefined;
    }
  }
}

export function scan(text: string): ScanResult {
  const tokens: Lexeme[] = [];
  const errors: ScanError[] = [];
  let at = 0;
  let errorStart = -1;
  const length = text.length;
  while (at < length) {
    if (isSpace(text.charCodeAt(at))) {
      if (errorStart >= 0) errorStart = flush(text, errorStart, at, errors);
      at++;
      while (at < length && isSpace(text.charCodeAt(at))) at++;
      continue;
    }
    const m = match(text, at);
    if (m === undefined) {
      if (errorStart < 0) errorStart = at;
      at++;
      continue;
    }
    if (errorStart >= 0) errorStart = flush(text, errorStart, at, errors);
    const [type, n] = m;
    const image = text.slice(at, at + n);
    tokens.push({ image, startOffset: at, endOffset: at + n - 1, tokenType: type, payload: undefined } as Lexeme);
    at += n;
  }
  if (errorStart >= 0) flush(text, errorStart, at, errors);
  return { tokens, errors };
}

function flush(text: string, start: number, end: number, errors: ScanError[]): number {
  errors.push({ offset: start, length: end - start, message: T.unexpectedCharacters(text, start, end - start) });
  return -1;
}
