/**
 * The pass between lexer and parser: decodes literals into token payloads, and turns the error
 * tokens (operators from other languages, unclosed quotes, bad escapes) into diagnostics while
 * substituting a token the parser accepts, so later, independent errors are still found.
 */
import type { Lexeme, TokenType } from "./tokens.js";
import type { Reporter } from "../diagnostics/reporter.js";
import { UNIT_MS } from "../ast/date-math.js";
import type { DurationUnit } from "../ast/nodes.js";
import { decodeString } from "./decode-string.js";
import { heldExactly } from "./held-exactly.js";
import * as T from "./tokens.js";

export interface DurationPayload {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export interface RegexPayload {
  readonly pattern: string;
  readonly flags: string;
}

const BAD_OPERATORS: Record<string, { token: TokenType; text: string }> = {
  "===": { token: T.Eq, text: "=" },
  "!==": { token: T.NotEq, text: "!=" },
  "=>": { token: T.Gte, text: ">=" },
  "=<": { token: T.Lte, text: "<=" },
  "=~": { token: T.Matches, text: "matches" },
  "&&": { token: T.And, text: "and" },
  "||": { token: T.Or, text: "or" },
  "!": { token: T.Not, text: "not" },
  ":": { token: T.Eq, text: "=" },
};

const MAX_DATE_MS = 8.64e15;

type Mutable<X> = { -readonly [K in keyof X]: X[K] };

function retype(token: Mutable<Lexeme>, type: TokenType): void {
  token.tokenType = type;
}

export function postLex(tokens: Lexeme[], reporter: Reporter): void {
  for (const token of tokens as Mutable<Lexeme>[]) {
    const type = token.tokenType;
    const start = token.startOffset;
    const image = token.image;
    if (type === T.Identifier) {
      // Most keywords are typed in lower case: look the word up as it is, and lower-case it
      // (an allocation) only when it has capitals.
      const keyword = image.length > 11 ? undefined : T.KEYWORD_BY_WORD.get(image) ?? (hasUpper(image) ? T.KEYWORD_BY_WORD.get(image.toLowerCase()) : undefined);
      if (keyword !== undefined) retype(token, keyword);
    } else if (type === T.StringLiteral || type === T.UnterminatedString) {
      const closed = type === T.StringLiteral;
      if (!closed) {
        reporter.error("syntax", "this string is never closed", { start, end: start + image.length }, `add the closing ${image[0]} before the end of the line`);
        retype(token, T.StringLiteral);
      }
      const decoded = decodeString(image, 1, closed ? image.length - 1 : image.length);
      if (decoded.ok) token.payload = decoded.value;
      else {
        reporter.error("syntax", decoded.message, { start: start + decoded.offset, end: start + decoded.offset + decoded.length }, 'JSON escapes are allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, and \\\'');
        // No value: the text has none (the habits must not read `'a\%'` as the empty string).
        token.payload = undefined;
      }
    } else if (type === T.BackQuoted || type === T.UnterminatedBackQuoted) {
      const closed = type === T.BackQuoted;
      const name = image.slice(1, closed ? -1 : undefined);
      if (!closed) {
        reporter.error("syntax", "this back-quoted name is never closed", { start, end: start + image.length }, "add the closing ` before the end of the line");
        retype(token, T.BackQuoted);
      } else if (name.length === 0) {
        reporter.error("syntax", "a back-quoted name may not be empty", { start, end: start + image.length });
      } else if (name.includes(".")) {
        reporter.error("syntax", "a back-quoted name may not contain `.`", { start, end: start + image.length }, "a body key could not tell it apart from a path; use separate segments: `a`.`b`");
      }
      token.payload = name;
    } else if (type === T.NumberLiteral) {
      const value = Number(image);
      if (!Number.isFinite(value)) reporter.error("syntax", `the number \`${image}\` is too large`, { start, end: start + image.length });
      else if (!heldExactly(image, value)) {
        reporter.warning("invalid-value", `the number \`${image}\` cannot be held exactly; it would be read as ${String(value)}`, { start, end: start + image.length }, `quote it if the field holds strings ("${image}"); otherwise use a number with fewer digits (whole numbers up to ${Number.MAX_SAFE_INTEGER} are exact)`);
      }
      token.payload = value;
    } else if (type === T.Duration) {
      const unit = image[image.length - 1] as DurationUnit;
      const amount = Number(image.slice(0, -1));
      if (amount * UNIT_MS[unit] > MAX_DATE_MS) reporter.error("syntax", `the duration \`${image}\` is out of range`, { start, end: start + image.length });
      token.payload = { amount, unit } satisfies DurationPayload;
    } else if (type === T.RegexLiteral) {
      const close = image.lastIndexOf("/");
      token.payload = { pattern: unescapeSlashes(image.slice(1, close)), flags: image.slice(close + 1) } satisfies RegexPayload;
    } else if (type === T.BadOperator) {
      const fix = BAD_OPERATORS[image];
      if (fix !== undefined) {
        reporter.error("syntax", `\`${image}\` is not an operator; did you mean \`${fix.text}\`?`, { start, end: start + image.length });
        retype(token, fix.token);
      }
    }
  }
}

function hasUpper(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/** In a regex literal `\/` stands for `/`; every other escape is the pattern's own. */
function unescapeSlashes(source: string): string {
  if (!source.includes("\\/")) return source;
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "\\" && i + 1 < source.length) {
      const n = source[i + 1] as string;
      out += n === "/" ? "/" : c + n;
      i++;
    } else out += c;
  }
  return out;
}
