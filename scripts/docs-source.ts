/**
 * Generates docs/diagnostics.md and docs/mixpeek.md from the library's real output, so every
 * example in them is exactly what a user sees. `npm run docs` writes them; a test keeps them current.
 */
import { check } from "../src/check/check.js";
import type { Schema } from "../src/check/schema.js";
import { compile } from "../src/compile.js";
import { FilterQLError } from "../src/diagnostics/filterql-error.js";
import { formatDiagnostics } from "../src/diagnostics/format-diagnostics.js";
import { fromMixpeek } from "../src/mixpeek/from-mixpeek.js";
import { toMixpeek } from "../src/mixpeek/to-mixpeek.js";
import { applyFixes } from "../src/diagnostics/apply-fixes.js";
import { print } from "../src/emit/print.js";
import type { Origin } from "../src/syntax/habits/habit.js";
import { HABITS } from "../src/syntax/habits/catalogue.js";
import { parse } from "../src/syntax/parse.js";

/** The schema the examples marked "(with schema)" are checked against. */
export const schema: Schema = {
  name: "string",
  status: { type: "string", enum: ["active", "inactive", "pending"] },
  age: "integer",
  score: "number",
  verified: "boolean",
  created: "date",
  tags: "string[]",
  "profile.zip": { type: "string", sortable: false },
};

function diagnose(text: string, useSchema: boolean): string {
  const parsed = parse(text, useSchema ? { schema } : {});
  // Parse warnings (a number a double cannot hold exactly) come before the checker's findings.
  const diagnostics = parsed.query === undefined ? parsed.diagnostics : [...parsed.diagnostics, ...check(parsed.query, useSchema ? { schema } : {})];
  if (diagnostics.length > 0) return formatDiagnostics(text, diagnostics);
  try {
    compile(text, useSchema ? { schema } : {}).toMixpeek();
    return "(no diagnostics)";
  } catch (e) {
    if (e instanceof FilterQLError) return formatDiagnostics(text, e.diagnostics);
    throw e;
  }
}

const CODES: { code: string; what: string; examples: { query: string; schema: boolean }[] }[] = [
  { code: "syntax", what: "The text does not follow the grammar. The message says what was expected and after which token; lexer errors (unknown characters, unclosed strings, bad escapes) and operators from other languages are reported too, several at once where recovery allows.", examples: [
    { query: "status = ", schema: false },
    { query: '(age > 30 and (verified = true)', schema: false },
    { query: 'status === "active" && age > 30', schema: false },
    { query: "order = 1", schema: false },
    { query: 'name = "unterminated', schema: false },
  ] },
  { code: "unknown-field", what: "A field (in a condition, `order by` or `select`) that the schema does not know. The hint names the closest known field.", examples: [
    { query: 'stauts = "active"', schema: true },
    { query: "order by scroe desc", schema: true },
  ] },
  { code: "type-mismatch", what: "An operator the field's type cannot take (ordering on booleans or objects, `contains` on numbers, `starts with` / `~` / `matches` on non-strings), or a literal of the wrong type (each element of an `in` list, both ends of `between`).", examples: [
    { query: "verified > true", schema: true },
    { query: 'age in [30, "forty"]', schema: true },
    { query: 'score starts with "9"', schema: true },
  ] },
  { code: "invalid-value", what: "The right type, but a value that is not allowed: outside an enum (the hint lists the allowed values; a near miss such as `\"activ\"` gets the one closest value as its fix), a string that is not ISO-8601 for a `date` field, an invalid regex or regex flag. A fraction against an `integer` field is a warning, and so is a number literal a double cannot hold exactly (it would be read, printed and compared as another number): the query still parses and compiles.", examples: [
    { query: 'status = "archived"', schema: true },
    { query: 'status = "activ"', schema: true },
    { query: 'created > "yesterday"', schema: true },
    { query: "name matches /(unclosed/", schema: false },
    { query: "age = 30.5", schema: true },
    { query: "id = 12345678901234567890", schema: false },
  ] },
  { code: "not-sortable", what: "`order by` a field whose schema entry says `sortable: false` (or an object).", examples: [{ query: "order by profile.zip", schema: true }] },
  { code: "unsupported-by-dialect", what: "The request body cannot express the query in the chosen dialect: an operator the dialect lacks (v1 has no string operators), or more than one sort key. In memory, both work.", examples: [
    { query: 'name contains "ada"', schema: false },
    { query: "order by score desc, name", schema: false },
  ] },
  { code: "limit-exceeded", what: "Past a limit of SPEC §6 (options, with defaults: nesting depth 64, 1,024 predicates, 1,024 list items, 64 KiB of text). The parser checks before it recurses, so no input can overflow the stack.", examples: [{ query: `${"not ".repeat(65)}a = 1`, schema: false }] },
];

export function diagnosticsDoc(): string {
  const out = [
    "# Diagnostics",
    "",
    "<!-- Generated by `npm run docs` from the library's real output; do not edit by hand. -->",
    "",
    "Every phase (parser, checker, body emitter, body decoder) reports problems as the same `Diagnostic`:",
    "`{ severity, code, message, span: { start, end, line, column }, hint?, path?, fix? }`. `formatDiagnostics(text, diagnostics)`",
    "renders them as below. Diagnostics about a decoded body (`fromMixpeek`) carry a JSON pointer in `path`.",
    "A `fix` (`{ title, edits: [{ start, end, text }] }`) is offered only when it is sure: applying its edits gives a query",
    "that parses; `applyFixes(text, diagnostics)` applies every fix at once, and `filterql check --fix` prints the result.",
    "",
    "The examples marked *with schema* use:",
    "",
    "```json",
    JSON.stringify(schema, null, 2),
    "```",
    "",
  ];
  for (const c of CODES) {
    out.push(`## \`${c.code}\``, "", c.what, "");
    for (const e of c.examples) {
      out.push(`Query${e.schema ? " (with schema)" : ""}: \`${e.query.length > 80 ? `${e.query.slice(0, 40)}…` : e.query}\``, "", "```text", diagnose(e.query, e.schema), "```", "");
    }
  }
  out.push(...habitsSection());
  out.push("## Decoding a body", "", "`fromMixpeek` is strict and reports every problem at once, each with its JSON pointer:", "");
  const body = { filters: { AND: [{ key: "age", operator: "gte", value: 30 }, { key: "name", operator: "like", value: "A%" }, { key: "tags", operator: "in", value: "vip" }] }, sort: { field: "score", direction: "up" } };
  out.push("```json", JSON.stringify(body), "```", "", "```text");
  try {
    fromMixpeek(body);
  } catch (e) {
    if (!(e instanceof FilterQLError)) throw e;
    out.push(formatDiagnostics("", e.diagnostics));
  }
  out.push("```", "");
  return out.join("\n");
}

const ORIGINS: [Origin, string][] = [
  ["SQL", "SQL"],
  ["Lucene and KQL", "Lucene and KQL (Elasticsearch, Kibana)"],
  ["JavaScript", "JavaScript"],
  ["MongoDB", "MongoDB"],
  ["other operator words", "Other words for an operator"],
  ["values", "Values and names"],
];

const cellText = (s: string) => s.replace(/\|/g, "\\|");
const code = (s: string) => (s.includes("`") ? `\`\` ${cellText(s)} \`\`` : `\`${cellText(s)}\``);

/** "Coming from …": every habit of the catalogue, what FilterQL says, and the fixed query. */
function habitsSection(): string[] {
  const out = [
    "## Coming from SQL / Lucene / JavaScript / MongoDB",
    "",
    "When a query does not parse, FilterQL looks for habits from other query languages and says what the",
    "habit means in FilterQL, with a fix where the meaning is sure (with a schema, a bare word becomes the",
    "closest value of the field's enum, and is quoted only where the field takes text: for `age > thirty`",
    "the hint says that `age` is an integer, and there is no fix). Valid queries never reach this step.",
    "Each habit, as typed, with the FilterQL it becomes (*no fix* where the meaning is not sure):",
    "",
  ];
  for (const [origin, title] of ORIGINS) {
    out.push(`### ${title}`, "", "| you type | message | FilterQL |", "|---|---|---|");
    for (const habit of HABITS.filter((h) => h.from === origin)) {
      const { diagnostics } = parse(habit.example, { schema });
      const fixed = parse(applyFixes(habit.example, diagnostics)).query;
      const meant = diagnostics.some((d) => d.fix !== undefined) && fixed !== undefined ? code(print(fixed)) : `*no fix*: ${cellText(diagnostics[0]?.hint ?? "")}`;
      out.push(`| ${code(habit.example)} | ${cellText(diagnostics[0]?.message ?? "")} | ${meant} |`);
    }
    out.push("");
  }
  out.push("Query (with schema): `status = activ && name LIKE 'Jo%'`", "", "```text", diagnose("status = activ && name LIKE 'Jo%'", true), "```", "");
  return out;
}

const OPERATOR_ROWS = [
  'age = 30', 'age == 30', 'age != 30', 'age <> 30', 'age > 30', 'age >= 30', 'age < 30', 'age <= 30',
  'age between 30 and 40', 'status in ["active", "pending"]', 'status not in ["banned"]',
  'deleted_at is null', 'deleted_at is not null', 'email exists', 'email not exists', 'bio ~ "quick fox"',
  'name contains "ada"', 'name not contains "ada"', 'name starts with "Ad"', 'name ends with "ace"',
  'name matches /^ad/i', 'name not matches "x$"', 'created > now - 7d', 'not status = "banned"',
];

export function mixpeekDoc(): string {
  const now = new Date("2026-01-08T00:00:00.000Z");
  const cell = (text: string, dialect: "v1" | "v2"): string => {
    try {
      const body = toMixpeek(parse(text).query!, { dialect, now });
      return `\`${JSON.stringify(body.filters)}\``;
    } catch (e) {
      if (e instanceof FilterQLError) return `*${e.diagnostics[0]?.code}*`;
      throw e;
    }
  };
  const example = (text: string, dialect: "v1" | "v2" = "v1") => ["```filterql", text, "```", "", "```json", JSON.stringify(toMixpeek(parse(text).query!, { dialect, now }), null, 2), "```", ""];
  return [
    "# FilterQL ↔ Mixpeek request body",
    "",
    "<!-- Generated by `npm run docs` from the library's real output; do not edit by hand. -->",
    "",
    "`toMixpeek(query, options)` emits the JSON body of `POST /features`; `fromMixpeek(body, options)` decodes one.",
    "Two dialects: **v1** (the default) names the field `key` and negates with `NOR`; **v2** names it `field`, negates",
    "with `NOT`, and adds `contains`, `starts_with`, `ends_with` and `regex`. Date math is resolved against the `now`",
    "option (here `2026-01-08T00:00:00.000Z`).",
    "",
    "## Every operator",
    "",
    "| FilterQL | v1 `filters` | v2 `filters` |",
    "| --- | --- | --- |",
    ...OPERATOR_ROWS.map((t) => `| \`${t}\` | ${cell(t, "v1")} | ${cell(t, "v2")} |`),
    "",
    "Regex flag `i` travels as an inline `(?i)` prefix of the pattern and is decoded back into the flag.",
    "`x not contains v` means `not (x contains v)`, so it goes to the negation list (likewise `not starts with`,",
    "`not ends with`, `not matches`); `not in`, `is not null` and `not exists` are operators of their own.",
    "",
    "## Grouping rules",
    "",
    "A group holds when all of `AND`, any of `OR` and none of `NOR`/`NOT` hold. `and`/`or` are n-ary (nested ones,",
    "parenthesised or not, are flattened); `not` maps to the negation list, never to a rewritten operator.",
    "",
    "- `and(x1..xn)`: a comparison goes to `AND`; `not y` puts `y` into the negation list (an `or`'s operands each);",
    "  the **first** `or` operand spreads into `OR`; any further `or` goes into `AND` as a nested `{OR: [...]}`;",
    "  `between` becomes `gte` + `lte` in place.",
    "- `or(x1..xn)`: `{OR: [items]}`; `not y` alone: `{NOR: items(y)}`; a lone comparison: `{AND: [it]}`.",
    "- Keys in each group: `case_sensitive`, `AND`, `OR`, `NOR` (empty lists left out). `case_sensitive` is written on",
    "  the top group only, from the `case` clause or the `caseSensitive` option (the option wins).",
    "- Decoding gives `and(or(OR items), AND items…, not(or(NOR items)))`, so body → AST → body is the identity on",
    "  canonical bodies. Decoding enforces the parser's depth, predicate and list limits.",
    "- One `order by` key becomes `sort`; more than one is `unsupported-by-dialect` (in memory, any number works).",
    "",
    "## Examples",
    "",
    "The seed body (`caseSensitive: true`, `returnUrls: false`):",
    "",
    ...["```filterql", 'from collection_123, my_collection_name where name = "John" and age >= 30 and (status = "active" or role = "admin") and not (department = "HR" or location = "remote") order by score desc select metadata.tags', "```", "", "```json",
      JSON.stringify(toMixpeek(parse('from collection_123, my_collection_name where name = "John" and age >= 30 and (status = "active" or role = "admin") and not (department = "HR" or location = "remote") order by score desc select metadata.tags').query!, { caseSensitive: true, returnUrls: false }), null, 2), "```", ""],
    ...example('status = "active" or role = "admin" and not department = "HR" order by score desc'),
    ...example('x = 0 and (a = 1 or b = 2) and (c = 3 or d = 4) and not e between 1 and 9'),
    ...example('title contains "search" and not (tags contains "draft" or title matches /^wip/i) case insensitive', "v2"),
    "## A whole request",
    "",
    "`toMixpeekRequest(query, { apiKey, namespace, offsetFeatureId })` gives `{ method, path, query, headers, body }`",
    "ready for `fetch`: `limit` sets `page_size` (default 10), the API key goes only into the `Authorization` header.",
    "",
  ].join("\n");
}
