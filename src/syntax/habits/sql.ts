/** Habits from SQL: LIKE patterns, IN (…), OFFSET, ORDER without BY, SORT BY, WHERE alone, clause order. */
import { CLAUSE_ORDER } from "../what-follows.js";
import { regexLiteralCanHold } from "../../emit/print.js";
import * as T from "../tokens.js";
import type { Habit } from "./habit.js";
import { replace, single, type Finding, type Match, type Source } from "./source.js";
import { valueAt } from "./value-text.js";

const LIKE_WORDS: Record<string, string> = {
  "starts with": "a `LIKE` pattern that ends in `%` is `starts with` in FilterQL",
  "ends with": "a `LIKE` pattern that starts with `%` is `ends with` in FilterQL",
  contains: "a `LIKE` pattern between two `%` is `contains` in FilterQL",
  "=": "a `LIKE` pattern without `%` or `_` is `=` in FilterQL",
  matches: "a `LIKE` pattern with `_` or an inner `%` is a regex in FilterQL: `matches`",
};

/** `name LIKE 'Jo%'` → `name starts with "Jo"`; `ILIKE` and `_` give a regex. */
function like(s: Source, i: number): Match | undefined {
  const negated = s.is(i, T.Not);
  const at = negated ? i + 1 : i;
  const keyword = s.word(at);
  if ((keyword !== "like" && keyword !== "ilike") || s.pathStart(i - 1) === undefined || !s.is(at + 1, T.StringLiteral)) return undefined;
  const pattern = s.tokens[at + 1]?.payload;
  if (typeof pattern !== "string" || pattern.includes("\\")) return undefined;
  const lead = pattern.startsWith("%");
  const trail = pattern.length > (lead ? 1 : 0) && pattern.endsWith("%");
  const core = pattern.slice(lead ? 1 : 0, trail ? -1 : undefined);
  let op: string;
  let value = JSON.stringify(core);
  if (keyword === "ilike" || /[%_]/.test(core)) {
    const source = `${lead ? "" : "^"}${core.split(/([%_])/).map((p) => (p === "%" ? ".*" : p === "_" ? "." : p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("")}${trail ? "" : "$"}`;
    if (core.includes("/") || !regexLiteralCanHold(source)) return undefined;
    op = "matches";
    value = `/${source}/${keyword === "ilike" ? "i" : ""}`;
  } else op = lead && trail ? "contains" : trail ? "starts with" : lead ? "ends with" : "=";
  const written = negated ? (op === "=" ? "!=" : `not ${op}`) : op;
  const start = s.start(i);
  const end = s.end(at + 1);
  const field = s.slice(s.pathStart(i - 1) ?? i - 1, i);
  return single(s, i, at + 2, {
    start,
    end,
    message: keyword === "ilike" ? `\`${s.image(at)}\` ignores case; FilterQL writes a regex with the \`i\` flag: \`matches /…/i\`` : (LIKE_WORDS[op] as string).replace("`LIKE`", `\`${s.image(at)}\``),
    hint: `write \`${field} ${written} ${value}\`${op === "matches" ? "" : "; `contains`, `starts with` and `ends with` cover `%x%`, `x%` and `%x`"}`,
    fix: replace(`use ${written}`, start, end, `${written} ${value}`),
  });
}

/** `status IN ('a', 'b')` → `status in ["a", "b"]` (bare words inside are said, and quoted by the same fix). */
function inParens(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.In) || !s.is(i + 1, T.LParen)) return undefined;
  const findings: Finding[] = [];
  let j = i + 2;
  const items: string[] = [];
  while (!s.is(j, T.RParen)) {
    const v = valueAt(s, j);
    if (v === undefined) return undefined;
    items.push(v.text);
    // The bare word is said here; the list's fix quotes it, so that fix is judged as its own would be.
    if (v.bare !== undefined) findings.push({ start: v.bare.start, end: v.bare.end, message: v.bare.message, hint: v.bare.hint, guessed: true });
    j = v.next;
    if (s.is(j, T.Comma)) j++;
    else if (!s.is(j, T.RParen)) return undefined;
  }
  const written = `in [${items.join(", ")}]`;
  findings.unshift({
    start: s.start(i + 1),
    end: s.end(j),
    message: "a list is written in square brackets: `[…]`, not `(…)`",
    hint: `write \`${written}\``,
    proposes: true,
    fix: replace(`write ${written}`, s.start(i), s.end(j), written),
  });
  return { findings, from: s.start(i), to: s.end(j), next: j + 1 };
}

/** `limit 10 offset 20`: FilterQL has no offset; the page is chosen when the query runs. */
function offset(s: Source, i: number): Match | undefined {
  if (s.word(i) !== "offset" || !s.is(i + 1, T.NumberLiteral) || s.conditionStart(i) && s.isOperator(i + 1)) return undefined;
  const skip = Number(s.image(i + 1));
  const limitAt = s.tokens.findIndex((t) => t.tokenType === T.Limit);
  const size = limitAt < 0 ? 10 : Number(s.image(limitAt + 1));
  const page = Number.isSafeInteger(size) && size > 0 && skip % size === 0 ? `page ${skip / size + 1}` : "the page you need";
  return single(s, i, i + 2, {
    start: s.start(i),
    end: s.end(i + 1),
    message: "FilterQL has no `offset`: the page is chosen when the query runs",
    hint: `remove \`${s.slice(i, i + 2)}\` and ask for ${page}: \`run(records, query, { page })\`, \`filterql run … --page N\`, or \`.page N\` in the REPL; \`limit\` sets the page size`,
  });
}

/** `order score desc` → `order by score desc`. */
function orderWithoutBy(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.Order) || !s.is(i + 1, T.Identifier, T.BackQuoted) || s.pathEnd(i + 1) === i + 1) return undefined;
  const sorted = s.slice(i + 1, s.pathEnd(i + 1));
  return single(s, i, i + 1, {
    start: s.start(i),
    end: s.end(i),
    message: "`order` is always followed by `by`",
    hint: `write \`order by ${sorted}\``,
    fix: replace("add `by`", s.end(i), s.end(i), " by"),
  });
}

const SORT_WORDS = new Set(["sortby", "sort_by", "orderby", "order_by"]);

/** `sort by score` (or `sortBy score`) → `order by score`. */
function sortBy(s: Source, i: number): Match | undefined {
  const word = s.word(i);
  const two = word === "sort" && s.is(i + 1, T.By);
  if (!two && !(SORT_WORDS.has(word) && s.is(i + 1, T.Identifier, T.BackQuoted))) return undefined;
  const end = s.end(two ? i + 1 : i);
  return single(s, i, two ? i + 2 : i + 1, {
    start: s.start(i),
    end,
    message: `FilterQL sorts with \`order by\`, not \`${s.text.slice(s.start(i), end)}\``,
    hint: `write \`order by ${s.slice(two ? i + 2 : i + 1, s.pathEnd(two ? i + 2 : i + 1))}\``,
    fix: replace("use order by", s.start(i), end, "order by"),
  });
}

/** `where status = "active"` with no `from` before it: the `where` goes. */
function whereAlone(s: Source, i: number): Match | undefined {
  if (!s.is(i, T.Where) || i !== 0) return undefined;
  const end = i + 1 < s.length ? s.start(i + 1) : s.end(i);
  return single(s, i, i + 1, {
    start: s.start(i),
    end: s.end(i),
    message: "`where` only follows `from …`; a condition needs no `where` in front",
    hint: `start with the condition${i + 1 < s.length ? `: \`${s.text.slice(end).trim().slice(0, 40)}\`` : ""}, or name collections first: \`from users where …\``,
    fix: replace("remove `where`", s.start(i), end, ""),
  });
}

type ClauseKind = "from" | "condition" | "order by" | "select" | "limit" | "case";
const RANK: Record<ClauseKind, number> = { from: 0, condition: 1, "order by": 2, select: 3, limit: 4, case: 5 };

/** The clause starting at token i, as [kind, next index], or undefined when no clause keyword starts there. */
function clauseAt(s: Source, i: number): [ClauseKind, number] | undefined {
  const list = (j: number, item: (k: number) => number): number => {
    let k = item(j);
    while (k > j && s.is(k, T.Comma)) {
      const after = item(k + 1);
      if (after === k + 1) break;
      j = k + 1;
      k = after;
    }
    return k;
  };
  if (s.is(i, T.From)) {
    const k = list(i + 1, (j) => (s.is(j, T.Identifier, T.BackQuoted, T.StringLiteral) ? j + 1 : j));
    return ["from", s.is(k, T.Where) ? k + 1 : k];
  }
  if (s.is(i, T.Order) && s.is(i + 1, T.By)) return ["order by", list(i + 2, (j) => { const e = s.pathEnd(j); return e > j && s.is(e, T.Asc, T.Desc) ? e + 1 : e; })];
  if (s.is(i, T.Select)) return ["select", list(i + 1, (j) => s.pathEnd(j))];
  if (s.is(i, T.Limit) && s.is(i + 1, T.NumberLiteral)) return ["limit", i + 2];
  if (s.is(i, T.Case) && s.is(i + 1, T.Sensitive, T.Insensitive)) return ["case", i + 2];
  return undefined;
}

/** Clauses in another order than from, condition, order by, select, limit, case (SQL's `select … from … where …`). */
function clauseOrder(s: Source): Match | undefined {
  const parts: { kind: ClauseKind; from: number; to: number }[] = [];
  let i = 0;
  while (i < s.length) {
    const clause = clauseAt(s, i);
    if (clause !== undefined) {
      if (clause[1] === i + 1 && clause[0] !== "from") return undefined;
      parts.push({ kind: clause[0], from: i, to: clause[1] });
      i = clause[1];
      continue;
    }
    let depth = 0;
    const first = i;
    if (!s.is(i, T.Identifier, T.BackQuoted, T.Not, T.LParen)) return undefined;
    while (i < s.length && (depth > 0 || clauseAt(s, i) === undefined)) {
      if (s.is(i, T.LParen, T.LBracket)) depth++;
      else if (s.is(i, T.RParen, T.RBracket)) depth--;
      i++;
    }
    parts.push({ kind: "condition", from: first, to: i });
  }
  const kinds = parts.map((p) => p.kind);
  if (new Set(kinds).size !== kinds.length) return undefined;
  const misplaced = parts.findIndex((p, k) => parts.slice(k + 1).some((q) => RANK[q.kind] < RANK[p.kind]));
  if (misplaced < 0) return undefined;
  const wrong = parts[misplaced] as (typeof parts)[number];
  const ordered = [...parts].sort((a, b) => RANK[a.kind] - RANK[b.kind]).map((p) => s.slice(p.from, p.to)).join(" ");
  // Order alone must make the query right (`a = 1 or from x` would still end in `or`): else the
  // parser's own diagnostics say what is wrong.
  if (!s.parses(ordered)) return undefined;
  const later = parts.slice(misplaced + 1).filter((q) => RANK[q.kind] < RANK[wrong.kind]).map((q) => (q.kind === "condition" ? "the condition" : `\`${q.kind}\``));
  return {
    findings: [{
      start: s.start(wrong.from),
      end: s.end(wrong.to - 1),
      message: `${wrong.kind === "condition" ? "the condition" : `\`${wrong.kind}\``} stands before ${later.join(" and ")}; ${CLAUSE_ORDER}`,
      hint: `write \`${ordered}\``,
      fix: replace("put the clauses in order", 0, s.text.length, ordered),
    }],
    from: 0,
    to: s.text.length,
    next: s.length,
  };
}

export const SQL_HABITS: readonly Habit[] = [
  { id: "sql-like", from: "SQL", example: "name LIKE 'Jo%'", means: 'name starts with "Jo"', on: "token", recognise: like },
  { id: "sql-in-parentheses", from: "SQL", example: "status IN ('active', 'pending')", means: 'status in ["active", "pending"]', on: "token", recognise: inParens },
  { id: "sql-offset", from: "SQL", example: "order by score limit 10 offset 20", means: undefined, on: "token", recognise: offset },
  { id: "sql-order-without-by", from: "SQL", example: "order score desc", means: "order by score desc", on: "token", recognise: orderWithoutBy },
  { id: "sql-sort-by", from: "SQL", example: "sort by score", means: "order by score", on: "token", recognise: sortBy },
  { id: "sql-where-alone", from: "SQL", example: 'where status = "active"', means: 'status = "active"', on: "token", recognise: whereAlone },
  { id: "sql-clause-order", from: "SQL", example: "select name from users where age > 30", means: "from users where age > 30 select name", on: "query", recognise: (s) => clauseOrder(s) },
];
