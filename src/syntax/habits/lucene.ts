/** Habits from Lucene and KQL: `field:value`, ranges, wildcards, `_exists_`, `-` for not. */
import * as T from "../tokens.js";
import type { Habit } from "./habit.js";
import { replace, type Match, type Source } from "./source.js";
import { bareWord, valueAt } from "./value-text.js";

type TermKind = "value" | "range" | "wildcard" | "exists" | "compare" | "group";

interface Term {
  readonly kind: TermKind;
  /** The FilterQL condition. */
  readonly text: string;
  /** Offset just past the term (a trailing `*` is no token). */
  readonly end: number;
  readonly next: number;
  readonly message: string;
  /** True when a value in `text` was read from a bare word (see Finding.guessed). */
  readonly guessed?: boolean;
  /** Why `text` cannot be offered as a fix: a bare word where the field takes no text. */
  readonly unsure?: string;
}

const STAR = /\s*\*/y;

/** Source text for a message, shortened. */
function quoteShort(text: string): string {
  return `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
}

/** Length of a `*` (after optional spaces) at `offset`, or 0. */
function star(s: Source, offset: number): number {
  STAR.lastIndex = offset;
  return STAR.test(s.text) ? STAR.lastIndex - offset : 0;
}

/** A Lucene term starting at token i: `field:value`, `field:[a TO b]`, `field:>5`, `field:(a OR b)`, `field:Jo*`, `_exists_:field`. */
export function luceneTerm(s: Source, i: number): Term | undefined {
  const term = (end: number) => quoteShort(s.text.slice(s.start(i), end));
  if (s.word(i) === "_exists_" && s.image(i + 1) === ":") {
    const end = s.pathEnd(i + 2);
    if (end === i + 2) return undefined;
    return { kind: "exists", text: `${s.slice(i + 2, end)} exists`, end: s.end(end - 1), next: end, message: `${term(s.end(end - 1))} is Lucene's test for a field that has a value; FilterQL writes \`exists\`` };
  }
  const colon = s.pathEnd(i);
  if (colon === i || s.image(colon) !== ":") return undefined;
  const field = s.slice(i, colon);
  const v = colon + 1;
  // Only spaces may stand between `:` and the value: a character the lexer skipped (`status:@active`)
  // means this is not a term read whole. A `{` opens an exclusive range (the lexer skips it too).
  const gap = s.text.slice(s.end(colon), v < s.length ? s.start(v) : s.text.length);
  if (/^\s*\{\s*$/.test(gap)) return range(s, field, s.end(colon) + gap.indexOf("{") + 1, false, term);
  if (v < s.length && !/^\s*$/.test(gap)) return undefined;
  const lead = star(s, s.end(colon));
  if (lead > 0) {
    const afterStar = s.end(colon) + lead;
    if (s.is(v, T.Identifier, T.NumberLiteral) && s.start(v) === afterStar) {
      const trail = star(s, s.end(v)) > 0 && s.text[s.end(v)] === "*";
      const op = trail ? "contains" : "ends with";
      return { kind: "wildcard", text: `${field} ${op} ${JSON.stringify(s.image(v))}`, end: s.end(v) + (trail ? 1 : 0), next: v + 1, message: `${term(s.end(v) + (trail ? 1 : 0))} is a Lucene wildcard; FilterQL writes \`${op}\`` };
    }
    return { kind: "exists", text: `${field} exists`, end: afterStar, next: s.tokenAt(afterStar), message: `${term(afterStar)} is Lucene for "has a value"; FilterQL writes \`exists\`` };
  }
  if (s.is(v, T.LBracket)) return range(s, field, s.end(v), true, term);
  if (s.isComparator(v) && !s.is(v, T.Eq, T.EqEq)) {
    const value = valueAt(s, v + 1);
    if (value === undefined || value.bare !== undefined) return undefined;
    return { kind: "compare", text: `${field} ${s.image(v)} ${value.text}`, end: s.end(value.next - 1), next: value.next, message: `${term(s.end(value.next - 1))} is KQL; in FilterQL \`${s.image(v)}\` follows the field directly` };
  }
  if (s.is(v, T.LParen)) return group(s, field, v, term);
  if (s.is(v, T.Identifier, T.NumberLiteral) && s.text[s.end(v)] === "*") {
    return { kind: "wildcard", text: `${field} starts with ${JSON.stringify(s.image(v))}`, end: s.end(v) + 1, next: v + 1, message: `${term(s.end(v) + 1)} is a Lucene wildcard; FilterQL writes \`starts with\`` };
  }
  const value = s.is(v, T.Identifier) ? bareWord(s, v, true) : undefined;
  const literal = value === undefined ? valueAt(s, v) : undefined;
  const text = value?.quoted ?? literal?.text;
  const next = value?.next ?? literal?.next;
  if (text === undefined || next === undefined) return undefined;
  // A bare word where no text can stand (`age:thirty`): still this term, with what the field takes instead of a fix.
  const unsure = value !== undefined && value.finding.fix === undefined ? value.finding.hint : undefined;
  return { kind: "value", text: `${field} = ${text}`, end: s.end(next - 1), next, guessed: value !== undefined, message: `${term(s.end(next - 1))} is how Lucene and KQL compare a field; FilterQL writes \`=\``, ...(unsure === undefined ? {} : { unsure }) };
}

const CLOSE = /\s*([\]}])/y;

/**
 * `[20 TO 30]`, `[20 TO *]`, `[* TO 30]`; `{20 TO 30}` leaves its bounds out, and either end may
 * be either kind (`[20 TO 30}`). `openEnd` is the offset just past the opening bracket.
 */
function range(s: Source, field: string, openEnd: number, lowIn: boolean, term: (end: number) => string): Term | undefined {
  const lowStar = star(s, openEnd);
  const low = lowStar > 0 ? undefined : valueAt(s, s.tokenAt(openEnd));
  const to = lowStar > 0 ? s.tokenAt(openEnd + lowStar) : low?.next;
  if (to === undefined || s.word(to) !== "to") return undefined;
  const highStar = star(s, s.end(to));
  const high = highStar > 0 ? undefined : valueAt(s, to + 1);
  CLOSE.lastIndex = highStar > 0 ? s.end(to) + highStar : high === undefined ? s.text.length : s.end(high.next - 1);
  const closing = CLOSE.exec(s.text);
  if (closing === null) return undefined;
  const highIn = closing[1] === "]";
  const end = CLOSE.lastIndex;
  const close = s.tokenAt(end - 1);
  if (highIn && !s.is(close, T.RBracket)) return undefined;
  const above = `${field} ${lowIn ? ">=" : ">"} ${low?.text ?? ""}`;
  const below = `${field} ${highIn ? "<=" : "<"} ${high?.text ?? ""}`;
  const text =
    low !== undefined && high !== undefined ? (lowIn && highIn ? `${field} between ${low.text} and ${high.text}` : `(${above} and ${below})`)
    : low !== undefined ? above
    : high !== undefined ? below
    : `${field} exists`;
  // A bare word for a bound (`[1 TO thirty]`) is still this range, but quoting it is a fix only where the field takes text.
  const bare = [low?.bare, high?.bare].filter((b) => b !== undefined);
  const unsure = bare.find((b) => b.fix === undefined)?.hint;
  return {
    kind: "range",
    text,
    end,
    next: s.tokenAt(end),
    message: `${term(end)} is a Lucene range; FilterQL writes ${lowIn && highIn ? "`between … and …`" : "`>` and `<` where a bound is left out"}`,
    ...(bare.length > 0 ? { guessed: true } : {}),
    ...(unsure === undefined ? {} : { unsure }),
  };
}

/** `status:(active OR pending)` → `status in ["active", "pending"]`. */
function group(s: Source, field: string, open: number, term: (end: number) => string): Term | undefined {
  const items: string[] = [];
  let guessed = false;
  let j = open + 1;
  for (;;) {
    const w = s.is(j, T.Identifier) ? bareWord(s, j, true) : undefined;
    const v = w === undefined ? valueAt(s, j) : undefined;
    const text = w?.quoted ?? v?.text;
    const next = w?.next ?? v?.next;
    if (text === undefined || next === undefined) return undefined;
    items.push(text);
    guessed ||= w !== undefined;
    if (s.is(next, T.RParen)) {
      return { kind: "group", text: `${field} in [${items.join(", ")}]`, end: s.end(next), next: next + 1, guessed, message: `${term(s.end(next))} is a Lucene group of values; FilterQL writes a list: \`in […]\`` };
    }
    if (!s.is(next, T.Or)) return undefined;
    j = next + 1;
  }
}

/** The habit for Lucene terms of the given kinds. */
const term = (...kinds: TermKind[]) => (s: Source, i: number): Match | undefined => {
  const t = luceneTerm(s, i);
  if (t === undefined || !kinds.includes(t.kind)) return undefined;
  const start = s.start(i);
  return {
    findings: [
      t.unsure === undefined
        ? { start, end: t.end, message: t.message, hint: `write \`${t.text}\``, proposes: true, fix: replace(`write ${t.text}`, start, t.end, t.text), ...(t.guessed === true ? { guessed: true } : {}) }
        : { start, end: t.end, message: t.message, hint: t.unsure },
    ],
    from: start,
    to: t.end,
    next: t.next,
  };
};

/** `-status:active` or `-status = "x"` at the start of a condition: Lucene's and KQL's exclusion. */
function minus(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.Minus) || !s.conditionStart(i) || !s.touching(i)) return undefined;
  const t = luceneTerm(s, i + 1);
  const end = t?.end ?? s.end(i);
  if (t === undefined && !(s.pathEnd(i + 1) > i + 1 && s.isOperator(s.pathEnd(i + 1)))) return undefined;
  const text = t === undefined ? "not " : `not ${t.text}`;
  const edits = [{ start: s.start(i), end, text }];
  const shown = t === undefined ? `not ${s.slice(i + 1, Math.min(s.length, s.pathEnd(i + 1) + 2))}` : text;
  const message = "`-` before a condition is how Lucene and KQL exclude; FilterQL writes `not`";
  return {
    findings: [
      t?.unsure === undefined
        ? { start: s.start(i), end, message, hint: `write \`${shown}\``, proposes: true, fix: { title: "use not", edits }, ...(t?.guessed === true ? { guessed: true } : {}) }
        : { start: s.start(i), end, message, hint: t.unsure },
    ],
    from: s.start(i),
    to: end,
    next: t?.next ?? i + 1,
  };
}

export const LUCENE_HABITS: readonly Habit[] = [
  { id: "lucene-exclude", from: "Lucene and KQL", example: "-status:active", means: 'not status = "active"', on: "token", recognise: minus },
  { id: "lucene-field-value", from: "Lucene and KQL", example: "status:active", means: 'status = "active"', on: "token", recognise: term("value", "compare", "group") },
  { id: "lucene-range", from: "Lucene and KQL", example: "age:[20 TO 30]", means: "age between 20 and 30", on: "token", recognise: term("range") },
  { id: "lucene-wildcard", from: "Lucene and KQL", example: "name:Jo*", means: 'name starts with "Jo"', on: "token", recognise: term("wildcard") },
  { id: "lucene-exists", from: "Lucene and KQL", example: "_exists_:email", means: "email exists", on: "token", recognise: term("exists") },
];
