/** Other words for FilterQL's operators: `has`, `startswith`, `is "x"`, `=>`, `~=`, `x not between …`. */
import * as T from "../tokens.js";
import type { Habit } from "./habit.js";
import { replace, single, spaced, type Finding, type Match, type Source } from "./source.js";
import { valueAt } from "./value-text.js";

/** True when token i stands right after a field (or after `not` after a field): operator position. */
function afterField(s: Source, i: number): boolean {
  const j = s.is(i - 1, T.Not) ? i - 2 : i - 1;
  return s.pathStart(j) !== undefined;
}

/** The operator written at tokens [i, end) → `op`, with the value after it (a bare word is quoted too). */
function synonym(s: Source, i: number, end: number, op: string, message: string): Match | undefined {
  const last = s.is(i - 1, T.Not) ? i - 2 : i - 1;
  const first = s.pathStart(last) ?? last;
  const value = valueAt(s, end, s.schema?.lookup(s.segments(first, last + 1)));
  if (value === undefined) return undefined;
  const start = s.start(i);
  const stop = s.end(end - 1);
  // A bare word is quoted in this fix even where the field takes no text (`age has thirty`): the
  // checker then refuses the guess, and says why, instead of the fix being left half done.
  const bare = value.bare;
  const quoted = bare === undefined ? [] : (bare.fix?.edits ?? [{ start: bare.start, end: bare.end, text: value.text }]);
  const edits = [{ start, end: stop, text: op }, ...quoted];
  const field = s.slice(first, i);
  const findings: Finding[] = [{ start, end: stop, message, hint: `write \`${field} ${op} ${value.text}\``, proposes: true, fix: { title: `use ${op}`, edits }, guessed: true }];
  if (value.bare !== undefined) findings.push(value.bare);
  return { findings, from: start, to: s.end(value.next - 1), next: value.next };
}

const CONTAINS = new Set(["has", "contain", "include", "includes", "like"]);
const STARTS = new Set(["startswith", "starts_with", "startwith", "beginswith", "begins_with"]);
const ENDS = new Set(["endswith", "ends_with", "endwith"]);

/** `name has "x"`, `tags contain "vip"`, `tags includes "vip"` → `contains`. */
function contains(s: Source, i: number): Match | undefined {
  const word = s.word(i);
  if (!CONTAINS.has(word) || word === "like" || !afterField(s, i)) return undefined;
  return synonym(s, i, i + 1, "contains", `\`${s.image(i)}\` is not a FilterQL operator; for a substring or a list element, write \`contains\``);
}

/** `startswith`, `starts_with`, `begins with`, `starts "A"` → `starts with`; likewise `ends with`. */
function startsEnds(s: Source, i: number): Match | undefined {
  const word = s.word(i);
  if (!afterField(s, i)) return undefined;
  const starts = STARTS.has(word) || ((word === "begins" || word === "starts") && !s.is(i + 1, T.With)) || (word === "begins" && s.is(i + 1, T.With));
  const ends = ENDS.has(word) || (word === "ends" && !s.is(i + 1, T.With));
  if (!starts && !ends) return undefined;
  const op = starts ? "starts with" : "ends with";
  const end = s.is(i + 1, T.With) ? i + 2 : i + 1;
  return synonym(s, i, end, op, `\`${s.slice(i, end)}\` is written \`${op}\` in FilterQL (two words)`);
}

/** `status is "active"` → `=`; `is not "active"` → `!=` (`is` takes only `null`). */
function isValue(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.Is) || !afterField(s, i)) return undefined;
  const negated = s.is(i + 1, T.Not);
  const at = negated ? i + 2 : i + 1;
  if (s.is(at, T.Null)) return undefined;
  const op = negated ? "!=" : "=";
  return synonym(s, i, at, op, `\`${s.slice(i, at)}\` takes only \`null\`; to compare with a value, write \`${op}\``);
}

const ARROWS: Record<string, string> = { "=>": ">=", "=<": "<=" };

/** `age => 30` → `>=`, `age =< 30` → `<=`. */
function arrow(s: Source, i: number): Match | undefined {
  const op = ARROWS[s.image(i)];
  if (op === undefined) return undefined;
  const start = s.start(i);
  const end = s.end(i);
  return single(s, i, i + 1, { start, end, message: `\`${s.image(i)}\` is written \`${op}\``, hint: "the comparison sign comes first: `>=`, `<=`", fix: replace(`use ${op}`, start, end, spaced(s.text, start, end, op)) });
}

/** `name =~ /x/` (Perl, Ruby) and `name ~= /x/` → `matches`; `~=` before anything else has no sure meaning. */
function tildeEquals(s: Source, i: number): Match | undefined {
  const perl = s.image(i) === "=~";
  const css = s.is(i, T.Tilde) && s.is(i + 1, T.Eq) && s.touching(i);
  if (!perl && !css) return undefined;
  const end = perl ? i + 1 : i + 2;
  const regex = s.is(end, T.RegexLiteral);
  const start = s.start(i);
  const stop = s.end(end - 1);
  const written = s.slice(i, end);
  if (!regex && perl) return synonym(s, i, end, "matches", `\`${written}\` is written \`matches\` in FilterQL`);
  if (!regex) {
    return single(s, i, end, { start, end: stop, message: `\`${written}\` is not a FilterQL operator`, hint: "for \"not equal\" write `!=`; for words of a text `~ \"quick fox\"`; for a pattern `matches /regex/`" });
  }
  return single(s, i, end + 1, { start, end: stop, message: `\`${written}\` is written \`matches\` in FilterQL`, hint: `write \`matches ${s.image(end)}\``, fix: replace("use matches", start, stop, spaced(s.text, start, stop, "matches")) });
}

/** `age not between 20 and 30`, `age not = 5` → `not` before the condition; `x not null` → `x is not null`. */
function notAfterField(s: Source, i: number): Match | undefined {
  const not = s.pathEnd(i);
  if (not === i || !s.is(not, T.Not) || !s.conditionStart(i)) return undefined;
  const field = s.slice(i, not);
  if (s.is(not + 1, T.Null)) {
    const start = s.start(not);
    return single(s, i, not + 2, { start, end: s.end(not + 1), message: "`not null` is written `is not null`", hint: `write \`${field} is not null\``, fix: replace("add is", start, start, "is ") });
  }
  if (!s.is(not + 1, T.Between) && !s.isComparator(not + 1)) return undefined;
  const start = s.start(not);
  const edits = [{ start: s.start(i), end: s.start(i), text: "not " }, { start: s.end(not - 1), end: s.end(not), text: "" }];
  const low = valueAt(s, not + 2);
  const high = low !== undefined && s.is(not + 1, T.Between) && s.is(low.next, T.And) ? valueAt(s, low.next + 1) : undefined;
  const rest = low === undefined ? "…" : s.is(not + 1, T.Between) ? (high === undefined ? `${low.text} and …` : `${low.text} and ${high.text}`) : low.text;
  const finding: Finding = {
    start,
    end: s.end(not + 1),
    message: `\`not ${s.image(not + 1)}\` is not an operator; \`not\` goes before the whole condition`,
    hint: `write \`not ${field} ${s.image(not + 1).toLowerCase()} ${rest}\`; after a field, \`not\` only joins \`in\`, \`exists\`, \`contains\`, \`starts with\`, \`ends with\` and \`matches\``,
    fix: { title: "move not before the condition", edits },
  };
  return { findings: [finding], from: s.start(i), to: s.end(not + 1), next: not + 2 };
}

export const SYNONYM_HABITS: readonly Habit[] = [
  { id: "word-contains", from: "other operator words", example: 'name has "x"', means: 'name contains "x"', on: "token", recognise: contains },
  { id: "word-starts-ends-with", from: "other operator words", example: 'name starts_with "A"', means: 'name starts with "A"', on: "token", recognise: startsEnds },
  { id: "word-is-value", from: "other operator words", example: 'status is "active"', means: 'status = "active"', on: "token", recognise: isValue },
  { id: "arrow-comparison", from: "other operator words", example: "age => 30", means: "age >= 30", on: "token", recognise: arrow },
  { id: "tilde-equals", from: "other operator words", example: "name ~= /^Jo/", means: "name matches /^Jo/", on: "token", recognise: tildeEquals },
  { id: "not-after-field", from: "other operator words", example: "age not between 20 and 30", means: "not age between 20 and 30", on: "token", recognise: notAfterField },
];
