/**
 * Token definitions. Keywords are case-insensitive. The lexer reads every word as an
 * `Identifier`, and the post-lex pass retypes those whose lowercase form is a keyword: one map
 * lookup per word instead of trying 27 keyword patterns, and `order_id` can never split into
 * `order` + `_id`. Keyword tokens therefore have no pattern of their own (`Lexer.NA`).
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

const IDENT_START = /[\p{L}\p{Nl}_$]/u;
const IDENT_STICKY = /[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]*/uy;

/** True when `name` can be written without back-quotes (reserved words aside). */
export function isPlainIdentifier(name: string): boolean {
  IDENT_STICKY.lastIndex = 0;
  const m = IDENT_STICKY.exec(name);
  return m !== null && m[0].length === name.length;
}

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

export const Identifier = createToken({
  name: "Identifier",
  label: "a name",
  pattern: {
    exec: (text: string, offset: number) => {
      IDENT_STICKY.lastIndex = offset;
      return IDENT_STICKY.exec(text);
    },
  },
  start_chars_hint: identifierStartHint(),
  line_breaks: false,
});

function keyword(word: string, name: string): TokenType {
  return createToken({ name, pattern: Lexer.NA, label: word });
}

export const Insensitive = keyword("insensitive", "Insensitive");
export const Sensitive = keyword("sensitive", "Sensitive");
export const In = keyword("in", "In");
export const Is = keyword("is", "Is");
export const Order = keyword("order", "Order");
export const Or = keyword("or", "Or");
export const And = keyword("and", "And");
export const Asc = keyword("asc", "Asc");
export const Not = keyword("not", "Not");
export const Now = keyword("now", "Now");
export const Null = keyword("null", "Null");
export const True = keyword("true", "True");
export const False = keyword("false", "False");
export const Exists = keyword("exists", "Exists");
export const Ends = keyword("ends", "Ends");
export const Between = keyword("between", "Between");
export const By = keyword("by", "By");
export const Contains = keyword("contains", "Contains");
export const Case = keyword("case", "Case");
export const Starts = keyword("starts", "Starts");
export const Select = keyword("select", "Select");
export const With = keyword("with", "With");
export const Matches = keyword("matches", "Matches");
export const Desc = keyword("desc", "Desc");
export const Limit = keyword("limit", "Limit");
export const From = keyword("from", "From");
export const Where = keyword("where", "Where");

export const KEYWORD_TOKENS = [
  Insensitive, Sensitive, In, Is, Order, Or, And, Asc, Not, Now, Null, True, False, Exists, Ends,
  Between, By, Contains, Case, Starts, Select, With, Matches, Desc, Limit, From, Where,
] as const;

/** Reserved words (SPEC §2): a field with one of these names must be back-quoted. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(KEYWORD_TOKENS.map((t) => t.name.toLowerCase()));

/** Lowercase word → keyword token, for the post-lex retyping. */
export const KEYWORD_BY_WORD: ReadonlyMap<string, TokenType> = new Map(KEYWORD_TOKENS.map((t) => [t.name.toLowerCase(), t]));

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v\u00a0\ufeff\u2028\u2029]+/, group: Lexer.SKIPPED, line_breaks: true });

/**
 * Operators from other languages. The parser never accepts them; the post-lex pass reports
 * each with the operator meant and substitutes it, so one typo does not hide later errors.
 */
export const BadOperator = createToken({ name: "BadOperator", pattern: /===|!==|=>|=<|=~|&&|\|\||!(?!=)|:/ });

export const EqEq = createToken({ name: "EqEq", pattern: /==/, label: "==" });
export const Eq = createToken({ name: "Eq", pattern: /=/, label: "=" });
export const NotEq = createToken({ name: "NotEq", pattern: /!=|<>/, label: "!=" });
export const Lte = createToken({ name: "Lte", pattern: /<=/, label: "<=" });
export const Lt = createToken({ name: "Lt", pattern: /</, label: "<" });
export const Gte = createToken({ name: "Gte", pattern: />=/, label: ">=" });
export const Gt = createToken({ name: "Gt", pattern: />/, label: ">" });
export const Tilde = createToken({ name: "Tilde", pattern: /~/, label: "~" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "(" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: ")" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "[" });
export const RBracket = createToken({ name: "RBracket", pattern: /]/, label: "]" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "," });
export const Dot = createToken({ name: "Dot", pattern: /\./, label: "." });
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "-" });
export const Plus = createToken({ name: "Plus", pattern: /\+/, label: "+" });

/** JSON string syntax in either quote style; escapes are decoded (and checked) after lexing. */
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"|'(?:[^'\\\r\n]|\\[^\r\n])*'/, label: "a string" });
/** A string missing its closing quote: reported by the post-lex pass. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?|'(?:[^'\\\r\n]|\\[^\r\n])*\\?/ });
export const RegexLiteral = createToken({ name: "RegexLiteral", pattern: /\/(?:[^/\\\r\n]|\\[^\r\n])+\/[A-Za-z]*/, label: "a regex" });
export const BackQuoted = createToken({ name: "BackQuoted", pattern: /`[^`\r\n]*`/, label: "a back-quoted name" });
export const UnterminatedBackQuoted = createToken({ name: "UnterminatedBackQuoted", pattern: /`[^`\r\n]*/ });
/** `7d`, `2h`: only meaningful after `now +` / `now -`. */
export const Duration = createToken({ name: "Duration", pattern: /\d+[smhdw]/, label: "a duration" });
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/, label: "a number" });

/** What the lexer matches, in priority order. */
export const LEXER_TOKENS: TokenType[] = [
  WhiteSpace,
  BadOperator,
  EqEq, Eq, NotEq, Lte, Lt, Gte, Gt, Tilde,
  LParen, RParen, LBracket, RBracket, Comma, Dot, Minus, Plus,
  StringLiteral, UnterminatedString, RegexLiteral, BackQuoted, UnterminatedBackQuoted,
  Duration, NumberLiteral,
  Identifier,
];

/** The parser's vocabulary: everything the lexer makes, plus the keywords. */
export const ALL_TOKENS: TokenType[] = [...LEXER_TOKENS, ...KEYWORD_TOKENS];

/** The lexer's message for a run of characters no token can start (shared with the scanner). */
export function unexpectedCharacters(text: string, offset: number, length: number): string {
  return `unexpected character ${describeChar(text.slice(offset, offset + length))}`;
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `\`${ch}\``;
}

/**
 * Chevrotain's lexer for these definitions: the reference the hand-written scanner (scan.ts) is
 * tested against. It is not built at load time; parsing uses the scanner.
 */
export function createLexer(skipValidations: boolean): Lexer {
  return new Lexer(LEXER_TOKENS, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  skipValidations,
  errorMessageProvider: {
    buildUnexpectedCharactersMessage: unexpectedCharacters,
    buildUnableToPopLexerModeMessage: () => "internal lexer mode error",
  },
  });
}

export { EOF as EOFType } from "chevrotain";
