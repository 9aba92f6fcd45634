/** Reading a value where one stands, as FilterQL text, and the bare-word finding shared by several habits. */
import { closest } from "../../check/closest.js";
import type { BaseType, FieldInfo } from "../../check/schema.js";
import * as T from "../tokens.js";
import { replace, type Finding, type Source } from "./source.js";

export interface ValueText {
  /** The value as FilterQL text (a bare word comes back quoted). */
  readonly text: string;
  readonly next: number;
  /** Present when the value was written without its quotes (a bare word, a date): the finding that says so. */
  readonly bare?: Finding;
}

/**
 * The value at token i: a literal, date math, or a bare word (quoted, with its finding). `field` is
 * the field the value is for, where the caller knows it better than the tokens before the value
 * show (after a word that is not a FilterQL operator, such as `has`).
 */
export function valueAt(s: Source, i: number, field = s.fieldFor(i)): ValueText | undefined {
  const payload = s.tokens[i]?.payload;
  if (s.is(i, T.StringLiteral) && typeof payload === "string") return { text: JSON.stringify(payload), next: i + 1 };
  const date = dateAt(s, i);
  if (date !== undefined) return { text: date.quoted, next: date.next, bare: date.finding };
  if (s.is(i, T.NumberLiteral, T.True, T.False, T.Null, T.RegexLiteral)) return { text: s.image(i).toLowerCase(), next: i + 1 };
  if (s.is(i, T.Minus) && s.is(i + 1, T.NumberLiteral) && s.touching(i)) return { text: s.slice(i, i + 2), next: i + 2 };
  if (s.is(i, T.Now)) {
    const offset = s.is(i + 1, T.Plus, T.Minus) && s.is(i + 2, T.Duration);
    return { text: offset ? `now ${s.image(i + 1)} ${s.image(i + 2)}` : "now", next: offset ? i + 3 : i + 1 };
  }
  const bare = bareWord(s, i, false, field);
  return bare === undefined ? undefined : { text: bare.quoted, next: bare.next, bare: bare.finding };
}

const DATE = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:.-])/y;

/** An unquoted date at token i (`2024-01-01`, lexed as numbers): the string it means, and the finding. */
export function dateAt(s: Source, i: number): { quoted: string; next: number; finding: Finding } | undefined {
  if (!s.is(i, T.NumberLiteral)) return undefined;
  DATE.lastIndex = s.start(i);
  const m = DATE.exec(s.text);
  if (m === null) return undefined;
  const start = s.start(i);
  const end = start + m[0].length;
  const quoted = JSON.stringify(m[0].includes("T") || !m[0].includes(" ") ? m[0] : m[0].replace(" ", "T"));
  const finding = { start, end, message: `the date \`${m[0]}\` needs quotes`, hint: `dates are ISO-8601 strings: \`${quoted}\`; \`now - 7d\` counts back from today`, fix: replace(`quote: ${quoted}`, start, end, quoted) };
  return { quoted, next: s.tokenAt(end), finding };
}

/**
 * A bare word where a value goes (`status = active`): the string it most likely means. With a
 * schema enum, the enum's closest value; words that run on (`John Smith`) make one string.
 * The quoting fix is offered only where a string can stand: for a field of another type (`age >
 * thirty`) the finding says what the field takes, and has no fix.
 */
export function bareWord(s: Source, i: number, oneWord = false, field = s.fieldFor(i)): { quoted: string; next: number; finding: Finding } | undefined {
  // `b.c` is a path, not a word to quote (quoting `b` would leave `"b".c`).
  if (!s.is(i, T.Identifier) || s.is(i + 1, T.Dot)) return undefined;
  let next = i + 1;
  if (!s.inList(i) && !oneWord) while (s.is(next, T.Identifier) && next - i < 8) next++;
  const words = s.slice(i, next);
  const options = enumStrings(field);
  const exact = options?.includes(words) === true;
  const near = options === undefined || exact ? undefined : closest(words, options, true);
  const value = near ?? words;
  const quoted = JSON.stringify(value);
  const start = s.start(i);
  const end = s.end(next - 1);
  const message = `\`${words}\` is a bare word; a text value is written in quotes`;
  const other = field === undefined ? undefined : notText(field);
  if (other !== undefined) return { quoted, next, finding: { start, end, message, hint: other } };
  const allowed = options === undefined || field === undefined ? "" : `; \`${field.path}\` takes ${options.map((o) => JSON.stringify(o)).join(", ")}`;
  // A word near no allowed value: the allowed values (quoting it would fix only where the enum is not read).
  const proposes = near === undefined && (options === undefined || exact);
  const hint = near !== undefined ? `the closest allowed value is \`${quoted}\`${allowed}` : !proposes ? allowed.slice(2) : `write it as a string: \`${quoted}\`${allowed}`;
  return { quoted, next, finding: { start, end, message, hint, proposes, fix: replace(`quote: ${quoted}`, start, end, quoted), guessed: true } };
}

const TAKES: Record<Exclude<BaseType, "string" | "any">, string> = {
  integer: "write a number",
  number: "write a number",
  boolean: "write `true` or `false`",
  date: 'write a date in quotes, such as `"2024-05-01"`, or `now - 7d`',
  object: "compare one of its fields",
};

/** What a field that holds no text takes, as a hint; undefined when a string can stand. */
function notText(field: FieldInfo): string | undefined {
  if (field.base === "string" || field.base === "any") return undefined;
  const kind = field.array ? `a list of ${field.base === "integer" ? "integers" : `${field.base}s`}` : `${/^[aeiou]/.test(field.base) ? "an" : "a"} ${field.base}`;
  return `\`${field.path}\` is ${kind}: ${TAKES[field.base]}`;
}

function enumStrings(field: FieldInfo | undefined): string[] | undefined {
  const values = field?.enum?.filter((v): v is string => typeof v === "string");
  return values === undefined || values.length === 0 ? undefined : values;
}
