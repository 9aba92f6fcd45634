/**
 * suggest(text, offset, { schema }): completions at the cursor. Works on any prefix, finished or
 * not (an unfinished query is the normal case while typing), by running a small state machine
 * over the tokens before the cursor — no parser internals, so it does not depend on a parser
 * library's content-assist API. Any string and offset give suggestions, never a throw (other
 * arguments are a `TypeError`).
 */
import type { Lexeme, TokenType } from "../syntax/tokens.js";
import { resolveSchema, typeName, type FieldInfo, type ResolvedSchema, type Schema } from "../check/schema.js";
import { printName, printScalar } from "../emit/print.js";
import * as T from "../syntax/tokens.js";
import { lexForTools, wasError } from "./tokens.js";
import { expectNumber, expectOptions, expectSchemaOption, expectString } from "../arguments.js";

export type SuggestionKind = "field" | "keyword" | "operator" | "value";

export interface Suggestion {
  readonly label: string;
  readonly kind: SuggestionKind;
  readonly detail?: string;
}

export interface Suggestions {
  /** The range of text the chosen label replaces: the word or closed string at the cursor, whole. */
  readonly from: number;
  readonly to: number;
  readonly items: Suggestion[];
  /**
   * Present where a value goes: the path of the field it is for, even when no value is suggested
   * (`tags contains "v`), so an editor can ask its own server for values there.
   */
  readonly valueFor?: readonly string[];
}

export interface SuggestOptions {
  readonly schema?: Schema | ResolvedSchema;
}

type State =
  | "expr" | "field" | "field-dot" | "field-not" | "is" | "is-not" | "with" | "value" | "list-open" | "list-value" | "list-next"
  | "between-low" | "between-and" | "between-high" | "predicate-end" | "from" | "from-next" | "order" | "order-key"
  | "order-key-dot" | "order-next" | "order-direction" | "select" | "select-dot" | "select-next" | "limit" | "limit-end" | "case" | "end";

interface Machine {
  state: State;
  path: string[];
  depth: number;
  /** True after `where`, `and`, `or`, `not` or `(`: only a condition may follow, no clause. */
  conditionOnly: boolean;
  /** True right after `-` or `+`: a number or a duration must follow, which are not suggested. */
  sign: boolean;
  /** In the "value" state: whether `null` may stand there (after `=`, `==` or `!=`, not after `>` or `contains`). */
  nullable: boolean;
}

const CLAUSE_KEYWORDS = ["order by", "select", "limit", "case"];

export function suggest(text: string, offset: number, options: SuggestOptions = {}): Suggestions {
  expectString("suggest", "text", text);
  expectNumber("suggest", "offset", offset);
  expectOptions("suggest", "options", options);
  expectSchemaOption("suggest", options);
  try {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : text.length, text.length));
    let schema: ResolvedSchema | undefined;
    try {
      schema = resolveSchema(options.schema);
    } catch {
      schema = undefined;
    }
    return compute(text, at, schema);
  } catch {
    return { from: offset, to: offset, items: [] };
  }
}

function compute(text: string, at: number, schema: ResolvedSchema | undefined): Suggestions {
  const { tokens, scanned } = lexForTools(text.slice(0, at));
  // The word (or string) being typed: its start is where a completion begins.
  let prefix = "";
  let from = at;
  const last = tokens[tokens.length - 1];
  if (last !== undefined && last.startOffset + last.image.length === at && WORD_LIKE.has(scanned[tokens.length - 1] as TokenType)) {
    prefix = last.image;
    from = last.startOffset;
    tokens.pop();
  }
  const m: Machine = { state: "expr", path: [], depth: 0, conditionOnly: false, sign: false, nullable: true };
  for (const t of tokens) step(m, t);
  // A value typed with single quotes still matches its double-quoted label.
  const typed = prefix.replace(/^'/, '"').toLowerCase();
  const items = itemsFor(m, schema).filter((i) => typed === "" || matches(i.label.toLowerCase(), typed));
  const to = prefix === "" ? at : wordEnd(text, from, at);
  return VALUE_STATES.has(m.state) && !m.sign ? { from, to, items: dedupe(items), valueFor: [...m.path] } : { from, to, items: dedupe(items) };
}

/** States where a value (literal, `now`…) of the field at hand comes next. */
const VALUE_STATES: ReadonlySet<State> = new Set<State>(["value", "between-low", "between-high", "list-value"]);

/** A name that needs back-quotes (`` `city name` ``) is found by its name too (`ci`). */
function matches(label: string, typed: string): boolean {
  return label.startsWith(typed) || (label.startsWith("`") && !typed.startsWith("`") && label.startsWith(typed, 1));
}

/**
 * Where the word the cursor is in ends: a completion replaces all of it, so choosing `"inactive"`
 * inside `"in|"` does not leave the old closing quote behind. An unclosed string or back-quote
 * ends at the cursor (it would otherwise run over the rest of the line).
 */
function wordEnd(text: string, from: number, at: number): number {
  const { tokens, scanned } = lexForTools(text);
  const i = tokens.findIndex((t) => t.startOffset === from);
  const word = tokens[i];
  const type = scanned[i];
  if (word === undefined || type === undefined || !WORD_LIKE.has(type) || wasError(type)) return at;
  return Math.max(at, word.startOffset + word.image.length);
}

/** Scanned types a completion can continue (keywords scan as identifiers, unclosed quotes count too). */
const WORD_LIKE: ReadonlySet<TokenType> = new Set([T.Identifier, T.BackQuoted, T.UnterminatedBackQuoted, T.StringLiteral, T.UnterminatedString, T.NumberLiteral]);

const VALUE_TOKENS = new Set(["StringLiteral", "NumberLiteral", "True", "False", "Null", "RegexLiteral"]);
const COMPARATORS = new Set(["Eq", "EqEq", "NotEq", "Lt", "Lte", "Gt", "Gte", "Tilde"]);
/** The comparators `null` may follow: the others order, or take text. */
const EQUALITIES = new Set(["Eq", "EqEq", "NotEq"]);

function step(m: Machine, t: Lexeme): void {
  const name = t.tokenType.name;
  const isField = name === "Identifier" || name === "BackQuoted";
  // A position step (`tags.0`) is a segment too, after a `.`.
  const isStep = isField || name === "NumberLiteral";
  const segment = name === "Identifier" || name === "NumberLiteral" ? t.image : String(t.payload ?? "");
  m.sign = name === "Minus" || name === "Plus";
  switch (m.state) {
    case "expr":
      if (name === "Not") { m.conditionOnly = true; return; }
      if (name === "LParen") { m.depth++; m.conditionOnly = true; return; }
      if (name === "From") { m.state = "from"; return; }
      if (isField) { m.path = [segment]; m.state = "field"; return; }
      return clause(m, name);
    case "field":
      if (name === "Dot") { m.state = "field-dot"; return; }
      if (COMPARATORS.has(name)) { m.state = "value"; m.nullable = EQUALITIES.has(name); return; }
      if (name === "Not") { m.state = "field-not"; return; }
      if (name === "Is") { m.state = "is"; return; }
      if (name === "Between") { m.state = "between-low"; return; }
      return negatable(m, name);
    case "field-dot":
      if (isStep) { m.path.push(segment); m.state = "field"; }
      return;
    case "field-not":
      return negatable(m, name);
    case "is":
      if (name === "Not") m.state = "is-not";
      else if (name === "Null") m.state = "predicate-end";
      return;
    case "is-not":
      if (name === "Null") m.state = "predicate-end";
      return;
    case "with":
      if (name === "With") { m.state = "value"; m.nullable = false; }
      return;
    case "value":
    case "between-high":
      if (name === "Minus" || name === "Plus" || name === "Duration") return;
      if (VALUE_TOKENS.has(name) || name === "Now" || name === "Duration") m.state = "predicate-end";
      return;
    case "between-low":
      if (VALUE_TOKENS.has(name) || name === "Now") m.state = "between-and";
      return;
    case "between-and":
      if (name === "And") m.state = "between-high";
      return;
    case "list-open":
      if (name === "LBracket") m.state = "list-value";
      return;
    case "list-value":
      if (name === "RBracket") m.state = "predicate-end";
      else if (VALUE_TOKENS.has(name) || name === "Now") m.state = "list-next";
      return;
    case "list-next":
      if (name === "Comma") m.state = "list-value";
      else if (name === "RBracket") m.state = "predicate-end";
      return;
    case "predicate-end":
      if (name === "Now" || name === "Minus" || name === "Plus" || name === "Duration") return;
      if (name === "And" || name === "Or") { m.state = "expr"; m.conditionOnly = true; return; }
      if (name === "RParen") { m.depth = Math.max(0, m.depth - 1); return; }
      return clause(m, name);
    case "from":
      if (isField || name === "StringLiteral") m.state = "from-next";
      return;
    case "from-next":
      if (name === "Comma") m.state = "from";
      else if (name === "Where") { m.state = "expr"; m.conditionOnly = true; }
      else if (isField) { m.path = [segment]; m.state = "field"; }
      else clause(m, name);
      return;
    case "order":
      if (name === "By") m.state = "order-key";
      return;
    case "order-key":
      if (isField) { m.path = [segment]; m.state = "order-next"; }
      return;
    case "order-key-dot":
      if (isStep) { m.path.push(segment); m.state = "order-next"; }
      return;
    case "order-next":
      if (name === "Dot") m.state = "order-key-dot";
      else if (name === "Comma") m.state = "order-key";
      else if (name === "Asc" || name === "Desc") m.state = "order-direction";
      else clause(m, name);
      return;
    case "order-direction":
      if (name === "Comma") m.state = "order-key";
      else clause(m, name);
      return;
    case "select":
      if (isField) { m.path = [segment]; m.state = "select-next"; }
      return;
    case "select-dot":
      if (isStep) { m.path.push(segment); m.state = "select-next"; }
      return;
    case "select-next":
      if (name === "Dot") m.state = "select-dot";
      else if (name === "Comma") m.state = "select";
      else clause(m, name);
      return;
    case "limit":
      if (name === "NumberLiteral") m.state = "limit-end";
      return;
    case "limit-end":
      return clause(m, name);
    case "case":
      if (name === "Sensitive" || name === "Insensitive") m.state = "end";
      return;
    case "end":
      return;
  }
}

function negatable(m: Machine, name: string): void {
  if (name === "In") m.state = "list-open";
  else if (name === "Exists") m.state = "predicate-end";
  else if (name === "Contains" || name === "Matches") { m.state = "value"; m.nullable = false; }
  else if (name === "Starts" || name === "Ends") m.state = "with";
}

function clause(m: Machine, name: string): void {
  if (name === "Order") m.state = "order";
  else if (name === "Select") m.state = "select";
  else if (name === "Limit") m.state = "limit";
  else if (name === "Case") m.state = "case";
}

function keywords(labels: readonly string[]): Suggestion[] {
  return labels.map((label) => ({ kind: "keyword", label }));
}

function itemsFor(m: Machine, schema: ResolvedSchema | undefined): Suggestion[] {
  if (m.sign) return [];
  const field = schema?.lookup(m.path);
  switch (m.state) {
    case "expr":
      return [...fields(schema, []), ...keywords(["not"]), { kind: "operator", label: "(" }, ...(m.conditionOnly ? [] : keywords(["from", ...CLAUSE_KEYWORDS]))];
    case "from":
      return [];
    case "from-next":
      return [...keywords(["where"]), ...fields(schema, []), ...keywords(CLAUSE_KEYWORDS)];
    case "field":
      // Sub-fields are offered after the `.` (field-dot): right after a name, `metadata source` would not parse.
      return operators(field);
    case "field-dot":
      return fields(schema, m.path);
    case "field-not":
      return operators(field).filter((s) => s.label.startsWith("not ")).map((s) => ({ ...s, label: s.label.slice(4) }));
    case "is":
      return keywords(["null", "not null"]);
    case "is-not":
      return keywords(["null"]);
    case "with":
      return keywords(["with"]);
    case "value":
      return values(field, m.nullable);
    case "between-low":
    case "between-high":
      return values(field, false);
    case "list-value":
      return values(field, true);
    case "list-open":
      return [{ kind: "operator", label: "[" }];
    case "list-next":
      return [{ kind: "operator", label: "," }, { kind: "operator", label: "]" }];
    case "between-and":
      return keywords(["and"]);
    case "predicate-end":
      return [...keywords(["and", "or"]), ...(m.depth > 0 ? [{ kind: "operator" as const, label: ")" }] : keywords(CLAUSE_KEYWORDS))];
    case "order":
      return keywords(["by"]);
    case "order-key":
      return fields(schema, [], (f) => f.sortable && f.base !== "object");
    case "order-key-dot":
    case "select-dot":
      return fields(schema, m.path);
    case "order-next":
      return keywords(["asc", "desc", "select", "limit", "case"]);
    case "order-direction":
      return keywords(["select", "limit", "case"]);
    case "select":
      return fields(schema, []);
    case "select-next":
      return keywords(["limit", "case"]);
    case "limit":
      return [];
    case "limit-end":
      return keywords(["case"]);
    case "case":
      return keywords(["sensitive", "insensitive"]);
    case "end":
      return [];
  }
}

/** Fields under `prefix` (one segment deeper when `prefix` is given; every known path at the top). */
function fields(schema: ResolvedSchema | undefined, prefix: readonly string[], keep: (f: FieldInfo) => boolean = () => true): Suggestion[] {
  if (schema === undefined) return [];
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const info of schema.entries()) {
    const segs = info.path.split(".");
    if (prefix.length > 0) {
      if (segs.length <= prefix.length || prefix.some((p, i) => segs[i] !== p)) continue;
      const next = segs[prefix.length] as string;
      if (seen.has(next)) continue;
      seen.add(next);
      const sub = schema.lookup([...prefix, next]);
      if (sub !== undefined && keep(sub)) out.push({ kind: "field", label: printName(next), detail: typeName(sub) });
    } else {
      // Top level: the first segment of each path (with its type), then the full paths below it.
      const head = segs[0] as string;
      if (!seen.has(head)) {
        seen.add(head);
        const top = schema.lookup([head]);
        if (top !== undefined && keep(top)) out.push({ kind: "field", label: printName(head), detail: typeName(top) });
      }
      if (segs.length > 1 && keep(info)) out.push({ kind: "field", label: segs.map(printName).join("."), detail: typeName(info) });
    }
  }
  return out;
}

function operators(field: FieldInfo | undefined): Suggestion[] {
  const base = field?.base ?? "any";
  const array = field?.array ?? false;
  const str = base === "string" || base === "any";
  const ordered = !array && (base === "string" || base === "number" || base === "integer" || base === "date" || base === "any");
  const out: Suggestion[] = [];
  const op = (label: string) => out.push({ kind: "operator", label });
  const kw = (label: string) => out.push({ kind: "keyword", label });
  if (base !== "object") {
    op("=");
    op("!=");
  }
  if (ordered) for (const o of ["<", "<=", ">", ">="]) op(o);
  if (base !== "object") {
    kw("in");
    kw("not in");
  }
  if (ordered) kw("between");
  kw("is null");
  kw("is not null");
  kw("exists");
  kw("not exists");
  if (str || array) {
    kw("contains");
    kw("not contains");
  }
  if (str) {
    kw("starts with");
    kw("not starts with");
    kw("ends with");
    kw("not ends with");
    kw("matches");
    kw("not matches");
    op("~");
  }
  return out;
}

function values(field: FieldInfo | undefined, nullable: boolean): Suggestion[] {
  return candidateValues(field).filter((v) => nullable || v.label !== "null");
}

function candidateValues(field: FieldInfo | undefined): Suggestion[] {
  const detail = field === undefined ? undefined : typeName(field);
  const value = (label: string): Suggestion => (detail === undefined ? { kind: "value", label } : { kind: "value", label, detail });
  if (field?.enum !== undefined) return [...field.enum.map((v) => value(printScalar(v))), value("null")];
  switch (field?.base) {
    case "boolean":
      return [value("true"), value("false"), value("null")];
    case "date":
      return [value("now"), value("now - 1d"), value("now - 7d"), value("null")];
    case "string":
    case "number":
    case "integer":
    case "object":
      return [value("null")];
    default:
      return [value("true"), value("false"), value("null"), value("now")];
  }
}

function dedupe(items: Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.kind}:${i.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
