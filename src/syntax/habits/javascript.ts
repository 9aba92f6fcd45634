/** Habits from JavaScript: `&&`, `||`, `!`, `===`, `!==`, and `.includes(…)`-style method calls. */
import * as T from "../tokens.js";
import type { Habit } from "./habit.js";
import { replace, single, spaced, type Match, type Source } from "./source.js";
import { valueAt } from "./value-text.js";

/** An operator token from JavaScript: its image and the FilterQL word for it. */
const operator = (image: string, word: string, hint: string) => (s: Source, i: number): Match | undefined => {
  if (s.image(i) !== image || !s.is(i, T.And, T.Or, T.Not, T.Eq, T.NotEq)) return undefined;
  const start = s.start(i);
  const end = s.end(i);
  return single(s, i, i + 1, {
    start,
    end,
    message: `\`${image}\` is JavaScript; FilterQL writes \`${word}\``,
    hint,
    fix: replace(`use ${word}`, start, end, spaced(s.text, start, end, word)),
  });
};

const METHODS: Record<string, string> = { includes: "contains", startswith: "starts with", endswith: "ends with", match: "matches", test: "matches" };

/** `tags.includes("vip")` → `tags contains "vip"`; `.startsWith`, `.endsWith`, `.match` likewise. */
function method(s: Source, i: number): Match | undefined {
  const open = s.pathEnd(i);
  if (open < i + 3 || !s.is(open, T.LParen)) return undefined;
  const name = s.image(open - 1);
  const op = METHODS[name.toLowerCase()];
  const value = valueAt(s, open + 1);
  if (op === undefined || value === undefined || value.bare !== undefined || !s.is(value.next, T.RParen)) return undefined;
  const field = s.slice(i, open - 2);
  const start = s.start(open - 2);
  const end = s.end(value.next);
  const text = `${field} ${op} ${value.text}`;
  return single(s, i, value.next + 1, {
    start,
    end,
    message: `\`.${name}(…)\` is a JavaScript method; FilterQL writes \`${op}\``,
    hint: `write \`${text}\``,
    fix: { title: `use ${op}`, edits: [{ start, end: s.start(open + 1), text: ` ${op} ` }, { start: s.end(value.next - 1), end, text: "" }] },
  });
}

const LOGIC = "FilterQL's logical operators are the words `and`, `or` and `not`";

export const JAVASCRIPT_HABITS: readonly Habit[] = [
  { id: "js-and", from: "JavaScript", example: 'status = "active" && age > 30', means: 'status = "active" and age > 30', on: "token", recognise: operator("&&", "and", LOGIC) },
  { id: "js-or", from: "JavaScript", example: 'role = "admin" || role = "editor"', means: 'role = "admin" or role = "editor"', on: "token", recognise: operator("||", "or", LOGIC) },
  { id: "js-not", from: "JavaScript", example: '!(status = "active")', means: 'not status = "active"', on: "token", recognise: operator("!", "not", "`not` goes before a condition or a parenthesised group: `not (a = 1 or b = 2)`") },
  { id: "js-strict-equal", from: "JavaScript", example: 'status === "active"', means: 'status = "active"', on: "token", recognise: operator("===", "=", "`=` never converts types, so it already means what `===` does") },
  { id: "js-strict-not-equal", from: "JavaScript", example: 'status !== "active"', means: 'status != "active"', on: "token", recognise: operator("!==", "!=", "`!=` never converts types, so it already means what `!==` does") },
  { id: "js-method", from: "JavaScript", example: 'tags.includes("vip")', means: 'tags contains "vip"', on: "token", recognise: method },
];
