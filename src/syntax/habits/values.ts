/**
 * Habits in values: bare words, unquoted dates, thousands separators, a stray `.`, typographic
 * quotes, a quote inside a string, duration words, list commas; and a reserved word standing
 * where a field name goes.
 */
import type { TokenType } from "../tokens.js";
import type { ScanError } from "../scan.js";
import * as T from "../tokens.js";
import type { Habit } from "./habit.js";
import { replace, single, type Finding, type Match, type Source } from "./source.js";
import { bareWord, dateAt } from "./value-text.js";

const BEFORE_VALUE: ReadonlySet<TokenType> = new Set([T.Eq, T.EqEq, T.NotEq, T.Gt, T.Gte, T.Lt, T.Lte, T.Tilde, T.Contains, T.With, T.Between, T.Matches]);

/** True when token i stands where a value goes. */
function valuePosition(s: Source, i: number): boolean {
  const before = s.type(i - 1);
  if (before === undefined) return false;
  if (BEFORE_VALUE.has(before)) return s.image(i - 1) !== ":";
  if (before === T.LBracket || before === T.Comma) return s.inList(i);
  return before === T.And && s.is(i - 3, T.Between);
}

/** `status = active` → `status = "active"` (the enum's closest value, with a schema). */
function bare(s: Source, i: number): Match | undefined {
  if (!valuePosition(s, i)) return undefined;
  const word = bareWord(s, i);
  return word === undefined ? undefined : single(s, i, word.next, word.finding);
}

/** `created > 2024-01-01` → `created > "2024-01-01"`. */
function unquotedDate(s: Source, i: number): Match | undefined {
  if (!valuePosition(s, i)) return undefined;
  const date = dateAt(s, i);
  return date === undefined ? undefined : single(s, i, date.next, date.finding);
}

const GROUPED = /\d{1,3}(?:(,)\d{3}(?:,\d{3})*|_\d{3}(?:_\d{3})*)(?:\.\d+)?(?![\d,_])/y;

/** `score > 1,000` → `score > 1000` (outside a list, where `,` separates items). */
function thousands(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.NumberLiteral) || !valuePosition(s, i) || s.inList(i)) return undefined;
  GROUPED.lastIndex = s.start(i);
  const m = GROUPED.exec(s.text);
  if (m === null) return undefined;
  const start = s.start(i);
  const end = start + m[0].length;
  const plain = m[0].replace(/[,_]/g, "");
  return {
    findings: [{ start, end, message: `numbers are written without separators: \`${m[0]}\` is \`${plain}\``, hint: `write \`${plain}\``, fix: replace(`write ${plain}`, start, end, plain) }],
    from: start,
    to: end,
    next: s.tokenAt(end),
  };
}

const VALUE_END: ReadonlySet<TokenType> = new Set([T.StringLiteral, T.NumberLiteral, T.True, T.False, T.Null, T.RParen, T.RBracket, T.Duration, T.Now, T.RegexLiteral]);

/** A `.` after a value (`age = 30.`, a sentence's full stop), and `.5` for `0.5`. */
function strayDot(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.Dot)) return undefined;
  const start = s.start(i);
  if (s.is(i + 1, T.NumberLiteral) && s.touching(i) && valuePosition(s, i)) {
    const n = s.image(i + 1);
    return single(s, i, i + 2, { start, end: s.end(i + 1), message: `a number starts with a digit: \`.${n}\` is \`0.${n}\``, hint: `write \`0.${n}\``, fix: replace(`write 0.${n}`, start, start, "0") });
  }
  const before = s.type(i - 1);
  if (before === undefined || !VALUE_END.has(before) || (s.touching(i) && !s.is(i + 1, T.And, T.Or))) return undefined;
  const after = s.is(i - 1, T.NumberLiteral) && start === s.end(i - 1);
  return single(s, i, i + 1, {
    start,
    end: s.end(i),
    message: after ? `\`${s.image(i - 1)}.\` is not a number` : "a query does not end with `.`",
    hint: after ? `write \`${s.image(i - 1)}\` or a fraction such as \`${s.image(i - 1)}.5\`` : "remove the `.`",
    fix: replace("remove the .", start, s.end(i), ""),
  });
}

const CLOSING: Record<string, string> = { "“": "”", "„": "“", "”": "”", "‘": "’", "‚": "’", "’": "’", "«": "»", "»": "«", "‹": "›" };

/** `name = “Ada”` → `name = "Ada"`: quotes pasted from a word processor. */
function typographicQuotes(s: Source, error: ScanError): Match | undefined {
  const open = s.text[error.offset] as string;
  const close = CLOSING[open];
  if (close === undefined) return undefined;
  const lineEnd = s.text.slice(error.offset).search(/[\r\n]/);
  const limit = lineEnd < 0 ? s.text.length : error.offset + lineEnd;
  let at = -1;
  for (let k = error.offset + 1; k < limit && at < 0; k++) {
    const c = s.text[k] as string;
    // A closing ’ followed by a letter is an apostrophe (“it’s”), not the end of the string.
    if ((c === close || (open === "„" && c === "”")) && !(close === "’" && /\p{L}/u.test(s.text[k + 1] ?? ""))) at = k;
  }
  if (at < 0) return undefined;
  const content = s.text.slice(error.offset + 1, at);
  const quoted = JSON.stringify(content);
  const start = error.offset;
  const end = at + 1;
  return {
    findings: [{
      start,
      end,
      message: `\`${open}\` and \`${s.text[at]}\` are typographic quotes; a string is written between straight quotes`,
      hint: `write \`${quoted}\` (word processors and chat apps replace " as you type)`,
      fix: replace(`write ${quoted}`, start, end, quoted),
    }],
    from: start,
    to: end,
    next: s.tokenAt(end),
  };
}

/** `status = 'it's'`: the quote inside the word ends the string early. */
function quoteInside(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.StringLiteral) || !s.touching(i) || !s.is(i + 1, T.Identifier)) return undefined;
  const quote = s.image(i)[0] as string;
  const at = s.end(i + 1);
  if (s.text[at] !== quote) return undefined;
  const raw = s.text.slice(s.start(i) + 1, at);
  if (raw.includes("\\")) return undefined;
  const start = s.start(i);
  const end = at + 1;
  const quoted = JSON.stringify(raw);
  const other = quote === "'" ? '"' : "'";
  const canSwap = !raw.includes(other);
  return {
    findings: [{
      start,
      end,
      message: `the \`${quote}\` in \`${raw}\` ends the string early`,
      hint: `escape it as \`\\${quote}\`${canSwap ? `, or quote with ${other}: \`${other}${raw}${other}\`` : ""}`,
      fix: replace(`write ${quoted}`, start, end, quoted),
    }],
    from: start,
    to: end,
    next: s.tokenAt(end),
  };
}

const UNITS: Record<string, string> = { s: "s", sec: "s", secs: "s", second: "s", seconds: "s", m: "m", min: "m", mins: "m", minute: "m", minutes: "m", h: "h", hr: "h", hrs: "h", hour: "h", hours: "h", d: "d", day: "d", days: "d", w: "w", wk: "w", wks: "w", week: "w", weeks: "w" };
const DATE_MATH = /now\s*(\(\s*\))?(?:\s*([+-])\s*(interval\s*)?(['"]?)\s*(\d+)\s*([a-z]+)\s*\4)?/iy;

/** `now()`, `now-7days`, `now() - interval '7 days'` → `now - 7d`. */
function duration(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.Now)) return undefined;
  DATE_MATH.lastIndex = s.start(i);
  const m = DATE_MATH.exec(s.text);
  if (m === null) return undefined;
  const [whole, parens, sign, interval, quote, amount, unitWord] = m;
  const word = unitWord?.toLowerCase();
  const unit = word === undefined ? undefined : UNITS[word];
  // Nothing to rewrite: plain `now`, or `now - 7d` already (the sign's group left out gives no quote at all).
  if (parens === undefined && interval === undefined && (quote ?? "") === "" && (word === undefined || word.length === 1)) return undefined;
  const start = s.start(i);
  const end = start + whole.length;
  const months = word !== undefined && /^(months?|mons?|mos?|years?|yrs?|y)$/.test(word);
  if (word !== undefined && unit === undefined && !months) return undefined;
  const text = sign === undefined ? "now" : `now ${sign} ${amount ?? ""}${unit ?? ""}`;
  const finding: Finding = {
    start,
    end,
    message: months ? "durations go up to weeks: `s`, `m`, `h`, `d`, `w`" : `\`${whole}\` is written \`${text}\``,
    hint: months ? "count months or years in days or weeks, e.g. `now - 30d`; or compare with a date: `\"2024-01-01\"`" : "`now` takes no parentheses; a duration is a number and one letter: `s m h d w`",
    ...(months ? {} : { fix: replace(`write ${text}`, start, end, text) }),
  };
  return { findings: [finding], from: start, to: end, next: s.tokenAt(end) };
}

const ITEM: ReadonlySet<TokenType> = new Set([T.StringLiteral, T.NumberLiteral, T.True, T.False, T.Null]);

/** `["a" "b"]` → `["a", "b"]`: found at the second item (a bare word there is quoted too). */
function missingComma(s: Source, j: number): Match | undefined {
  const before = s.type(j - 1);
  const type = s.type(j);
  if (before === undefined || type === undefined || !s.inList(j) || !s.inList(j - 1)) return undefined;
  if (!(ITEM.has(before) || before === T.Identifier) || !(ITEM.has(type) || type === T.Minus || type === T.Identifier)) return undefined;
  const at = s.end(j - 1);
  const word = s.is(j, T.Identifier) ? bareWord(s, j) : undefined;
  const finding: Finding = {
    start: at,
    end: s.start(j),
    message: `a \`,\` is missing between \`${s.image(j - 1)}\` and \`${s.image(j)}\``,
    hint: "list items are separated by commas: `[\"a\", \"b\"]`",
    fix: replace("add ,", at, at, ","),
  };
  return { findings: word === undefined ? [finding] : [finding, word.finding], from: at, to: s.end(j), next: word?.next ?? j + 1 };
}

/** True when a clause (`order by`, `select`, `limit N`, `case …`) surely starts at token i. */
function clauseStarts(s: Source, i: number): boolean {
  return (s.is(i, T.Order) && s.is(i + 1, T.By)) || (s.is(i, T.Limit) && s.is(i + 1, T.NumberLiteral)) || (s.is(i, T.Case) && s.is(i + 1, T.Sensitive, T.Insensitive)) || (s.is(i, T.Select) && s.is(i + 1, T.Identifier, T.BackQuoted));
}

/** `[1, 2,]`, `select a, b,` → the last `,` goes. */
function trailingComma(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.Comma)) return undefined;
  const next = s.type(i + 1);
  if (!(next === undefined || next === T.RBracket || clauseStarts(s, i + 1))) return undefined;
  return single(s, i, i + 1, {
    start: s.start(i),
    end: s.end(i),
    message: next === T.RBracket ? "a list does not end with `,`" : "a `,` must be followed by another item",
    hint: "remove the last `,`",
    fix: replace("remove ,", s.start(i), s.end(i), ""),
  });
}

const NAME_FOLLOWERS: ReadonlySet<TokenType> = new Set([T.Eq, T.EqEq, T.NotEq, T.Gt, T.Gte, T.Lt, T.Lte, T.Dot, T.In, T.Between, T.Is, T.Exists, T.Contains, T.Starts, T.Ends, T.Matches, T.Tilde]);

/** True when token i is `select`, `order by`'s `by`, or a `,` between their fields. */
function inFieldList(s: Source, i: number): boolean {
  let j = i;
  while (j > 0 && i - j < 64 && s.is(j, T.Comma, T.Identifier, T.BackQuoted, T.Dot, T.Asc, T.Desc)) j--;
  return s.is(j, T.Select, T.By) && (j === i || s.is(i, T.Comma));
}

/** `order = 1`: a reserved word where a field name goes is back-quoted. */
function reservedAsField(s: Source, i: number): Match | undefined {
  const type = s.type(i);
  if (type === undefined || !T.KEYWORD_TOKENS.includes(type as never) || !/^[a-z]+$/i.test(s.image(i))) return undefined;
  const after = s.type(i + 1);
  const fieldStart = s.conditionStart(i) || s.is(i - 1, T.Dot);
  const fieldEnd = after !== undefined && (NAME_FOLLOWERS.has(after) || (after === T.Not && s.is(i + 2, T.In, T.Exists, T.Contains, T.Starts, T.Ends, T.Matches)));
  const listed = inFieldList(s, i - 1) && (after === undefined || after === T.Comma || after === T.Asc || after === T.Desc);
  if (!(fieldStart && fieldEnd) && !listed) return undefined;
  if (type === T.Order && after === T.By) return undefined;
  const word = s.image(i);
  const start = s.start(i);
  return single(s, i, i + 1, {
    start,
    end: s.end(i),
    message: `\`${word.toLowerCase()}\` is a reserved word, so it cannot stand as a field name`,
    hint: `\`${word.toLowerCase()}\` is a reserved word; to use it as a field name, write it between back-quotes: \`\` \`${word}\` \`\``,
    fix: replace("back-quote the name", start, s.end(i), `\`${word}\``),
  });
}

export const VALUE_HABITS: readonly Habit[] = [
  { id: "typographic-quotes", from: "values", example: "name = “Ada”", means: 'name = "Ada"', on: "character", recognise: typographicQuotes },
  { id: "reserved-word-as-field", from: "values", example: "order = 1", means: "`order` = 1", on: "token", recognise: reservedAsField },
  { id: "duration-words", from: "values", example: "created > now() - interval '7 days'", means: "created > now - 7d", on: "token", recognise: duration },
  { id: "unquoted-date", from: "values", example: "created > 2024-01-01", means: 'created > "2024-01-01"', on: "token", recognise: unquotedDate },
  { id: "thousands-separator", from: "values", example: "score > 1,000", means: "score > 1000", on: "token", recognise: thousands },
  { id: "stray-dot", from: "values", example: "age = 30.", means: "age = 30", on: "token", recognise: strayDot },
  { id: "quote-inside-string", from: "values", example: "name = 'it's'", means: 'name = "it\'s"', on: "token", recognise: quoteInside },
  { id: "missing-comma", from: "values", example: 'status in ["active" "pending"]', means: 'status in ["active", "pending"]', on: "token", recognise: missingComma },
  { id: "trailing-comma", from: "values", example: 'status in ["active", "pending",]', means: 'status in ["active", "pending"]', on: "token", recognise: trailingComma },
  { id: "bare-word", from: "values", example: "status = active", means: 'status = "active"', on: "token", recognise: bare },
];
