/**
 * Token definitions. Keywords are case-insensitive. The lexer reads every word as an
 * `Identifier`, and the post-lex pass retypes those whose lowercase form is a keyword: one map
 * lookup per word instead of trying 27 keyword patterns, and `order_id` can never split into
 * `order` + `_id`. Keyword tokens therefore have no pattern of their own.
 *
 * The definitions are plain objects in the shape Chevrotain reads (`name`, `PATTERN`, `LABEL`),
 * not made by its `createToken`: the library reads text with its own scanner and parsers, so
 * Chevrotain stays out of its bundles, while the grammar of record (chevrotain/) builds its lexer
 * and parser from these same objects (Chevrotain completes them in place when it does).
 */
/** A token type, in the shape Chevrotain reads, so the grammar of record can use these very objects. */
export interface TokenType {
  name: string;
  PATTERN?: RegExp | { exec(text: string, offset: number): RegExpExecArray | null };
  LABEL?: string;
  GROUP?: string;
  LINE_BREAKS?: boolean;
  START_CHARS_HINT?: string[];
  /** Set by Chevrotain when it builds a lexer or parser over the type. */
  tokenTypeIdx?: number;
}

/** A scanned token: where, its text, its type, and what the post-lex pass decoded from it. */
export interface Lexeme {
  image: string;
  startOffset: number;
  endOffset: number;
  tokenType: TokenType;
  payload?: unknown;
}

const IDENT_STICKY = /[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]*/uy;

/** True when `name` can be written without back-quotes (reserved words aside). */
export function isPlainIdentifier(name: string): boolean {
  IDENT_STICKY.lastIndex = 0;
  const m = IDENT_STICKY.exec(name);
  return m !== null && m[0].length === name.length;
}

/** A token definition; `pattern` is what Chevrotain's lexer (the scanner's reference) matches. */
function token(name: string, pattern: NonNullable<TokenType["PATTERN"]>, label?: string): TokenType {
  return label === undefined ? { name, PATTERN: pattern } : { name, PATTERN: pattern, LABEL: label };
}

export const Identifier = token(
  "Identifier",
  {
    exec: (text: string, offset: number) => {
      IDENT_STICKY.lastIndex = offset;
      return IDENT_STICKY.exec(text);
    },
  },
  "a name",
);

function keyword(word: string, name: string): TokenType {
  return { name, LABEL: word };
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

/** Skipped by the lexer (chevrotain/lexer.ts marks it so). */
export const WhiteSpace = token("WhiteSpace", /[ \t\r\n\f\v\u00a0\ufeff\u2028\u2029]+/);

/**
 * Operators from other languages. The parser never accepts them; the post-lex pass reports
 * each with the operator meant and substitutes it, so one typo does not hide later errors.
 */
export const BadOperator = token("BadOperator", /===|!==|=>|=<|=~|&&|\|\||!(?!=)|:/);

export const EqEq = token("EqEq", /==/, "==");
export const Eq = token("Eq", /=/, "=");
export const NotEq = token("NotEq", /!=|<>/, "!=");
export const Lte = token("Lte", /<=/, "<=");
export const Lt = token("Lt", /</, "<");
export const Gte = token("Gte", />=/, ">=");
export const Gt = token("Gt", />/, ">");
export const Tilde = token("Tilde", /~/, "~");
export const LParen = token("LParen", /\(/, "(");
export const RParen = token("RParen", /\)/, ")");
export const LBracket = token("LBracket", /\[/, "[");
export const RBracket = token("RBracket", /]/, "]");
export const Comma = token("Comma", /,/, ",");
export const Dot = token("Dot", /\./, ".");
export const Minus = token("Minus", /-/, "-");
export const Plus = token("Plus", /\+/, "+");

/** JSON string syntax in either quote style; escapes are decoded (and checked) after lexing. */
export const StringLiteral = token("StringLiteral", /"(?:[^"\\\r\n]|\\[^\r\n])*"|'(?:[^'\\\r\n]|\\[^\r\n])*'/, "a string");
/** A string missing its closing quote: reported by the post-lex pass. */
export const UnterminatedString = token("UnterminatedString", /"(?:[^"\\\r\n]|\\[^\r\n])*\\?|'(?:[^'\\\r\n]|\\[^\r\n])*\\?/);
export const RegexLiteral = token("RegexLiteral", /\/(?:[^/\\\r\n]|\\[^\r\n])+\/[A-Za-z]*/, "a regex");
export const BackQuoted = token("BackQuoted", /`[^`\r\n]*`/, "a back-quoted name");
export const UnterminatedBackQuoted = token("UnterminatedBackQuoted", /`[^`\r\n]*/);
/** `7d`, `2h`: only meaningful after `now +` / `now -`. */
export const Duration = token("Duration", /\d+[smhdw]/, "a duration");
export const NumberLiteral = token("NumberLiteral", /(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/, "a number");

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

