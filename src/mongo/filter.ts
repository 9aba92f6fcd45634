/**
 * Expression → MongoDB filter document. Comparisons, `in`, `exists`, `is null` and the logical
 * operators are the server's own (SPEC §4 *is* their 8.0 meaning), so they map one to one; `not`
 * is `$nor`. The operators MongoDB lacks are spelled with `$regex`, `$elemMatch` and `$type` so
 * that they mean exactly what they mean in memory, or are refused with `unsupported-by-dialect`.
 */
import type { ExprNode, MatchNode, PathNode, ValueNode } from "../ast/nodes.js";
import { constantValue } from "../ast/constant-value.js";
import type { ResolvedSchema } from "../check/schema.js";
import type { Reporter } from "../diagnostics/reporter.js";
import { toInstant } from "../engine/dates.js";
import { isPosition } from "../engine/path.js";
import { foldedPattern, type FoldEnds } from "./fold.js";
import { literalText } from "./pcre-literal.js";
import { MAX_PATTERN_LENGTH, re2ToPcre } from "./re2-to-pcre.js";
import type { MongoFilter, MongoValue } from "./types.js";

export interface FilterContext {
  readonly caseInsensitive: boolean;
  readonly now: Date;
  readonly schema: ResolvedSchema | undefined;
  readonly reporter: Reporter;
}

/** Matches no document (an empty filter matches every one). */
const NOTHING: MongoFilter = { $nor: [{}] };
/** `contains` on strings walks paths node by node; longer paths would make the filter too large. */
const MAX_CONTAINS_SEGMENTS = 6;

type Handler<K extends ExprNode["kind"]> = (node: Extract<ExprNode, { kind: K }>, ctx: FilterContext) => MongoFilter;

const HANDLERS: { [K in ExprNode["kind"]]: Handler<K> } = {
  And: (node, ctx) => ({ $and: node.operands.map((o) => toFilter(o, ctx)) }),
  Or: (node, ctx) => ({ $or: node.operands.map((o) => toFilter(o, ctx)) }),
  Not: (node, ctx) => not(toFilter(node.operand, ctx)),
  Compare: (node, ctx) => {
    const path = fieldPath(node.field, ctx.reporter);
    if (node.op === "eq") return equals(path, node.field, node.value, ctx);
    if (node.op === "ne") return not(equals(path, node.field, node.value, ctx));
    return ordering(path, node.field, `$${node.op}`, node.value, ctx);
  },
  Between: (node, ctx) => {
    const path = fieldPath(node.field, ctx.reporter);
    return { $and: [ordering(path, node.field, "$gte", node.low, ctx), ordering(path, node.field, "$lte", node.high, ctx)] };
  },
  In: (node, ctx) => {
    const path = fieldPath(node.field, ctx.reporter);
    const positive = oneOf(path, node.field, node.values, ctx);
    return node.negated ? not(positive) : positive;
  },
  IsNull: (node, ctx) => ({ [fieldPath(node.field, ctx.reporter)]: node.negated ? { $ne: null } : { $eq: null } }),
  Exists: (node, ctx) => ({ [fieldPath(node.field, ctx.reporter)]: { $exists: !node.negated } }),
  Match: (node, ctx) => {
    const positive = match(node, ctx);
    return node.negated ? not(positive) : positive;
  },
  Text: (node, ctx) => {
    ctx.reporter.error(
      "unsupported-by-dialect",
      "operator `text` (`~`) has no exact MongoDB form",
      node.span,
      "its words are runs of Unicode letters and digits, folded with toLowerCase; MongoDB's $text needs a text index and stems words, and a $regex would depend on the server's Unicode tables. Run it in memory, or use `contains`",
    );
    return NOTHING;
  },
};

export function toFilter(node: ExprNode, ctx: FilterContext): MongoFilter {
  return (HANDLERS[node.kind] as (n: ExprNode, c: FilterContext) => MongoFilter)(node, ctx);
}

function not(f: MongoFilter): MongoFilter {
  return { $nor: [f] };
}

/** The dotted path; names the server would read as operators (or cannot store) are refused. */
export function fieldPath(field: PathNode, reporter: Reporter): string {
  const bad = field.segments.find((s) => s.startsWith("$") || s.includes("\u0000") || s === "");
  if (bad !== undefined) {
    reporter.error("unsupported-by-dialect", `field name \`${bad}\` cannot be queried in MongoDB`, field.span, "MongoDB reads a name starting with `$` as an operator, and field names cannot hold a NUL character");
  }
  return field.segments.join(".");
}

const isDateField = (field: PathNode, ctx: FilterContext): boolean => ctx.schema?.lookup(field.segments)?.base === "date";

/**
 * The value to compare with: literals as they are, date math as an ISO-8601 string — or, on a
 * `date` field, every non-null value as a Date (undefined when it is no date: nothing equals it).
 */
function constant(value: ValueNode, field: PathNode, ctx: FilterContext): MongoValue | undefined {
  const raw = constantValue(value, ctx.now);
  if (isDateField(field, ctx) && raw !== null) {
    const t = toInstant(raw);
    return Number.isNaN(t) ? undefined : new Date(t);
  }
  return raw;
}


/** Case-insensitive mode applies to string values of non-date fields. */
function folds(v: MongoValue | undefined, ctx: FilterContext): v is string {
  return ctx.caseInsensitive && typeof v === "string";
}

function folded(s: string, ends: FoldEnds, node: { span: PathNode["span"] }, ctx: FilterContext): string {
  const p = foldedPattern(s, ends);
  if (p !== undefined) return p;
  ctx.reporter.error("unsupported-by-dialect", "a case-insensitive value holding σ or ς has no exact MongoDB form", node.span, "toLowerCase turns Σ into σ or ς depending on the letters around it; match case-sensitively");
  return "";
}

/** A string equal to `v` once case-folded: the whole value, as an anchored pattern. */
function foldedWhole(v: string, value: ValueNode, ctx: FilterContext): MongoFilter {
  return regexOf(`^${folded(v, { openStart: false, openEnd: false }, value, ctx)}\\z`, value, ctx);
}

function equals(path: string, field: PathNode, value: ValueNode, ctx: FilterContext): MongoFilter {
  const v = constant(value, field, ctx);
  if (v === undefined) return NOTHING;
  if (folds(v, ctx)) return { [path]: foldedWhole(v, value, ctx) };
  return { [path]: { $eq: v } };
}

function ordering(path: string, field: PathNode, op: string, value: ValueNode, ctx: FilterContext): MongoFilter {
  const v = constant(value, field, ctx);
  return v === undefined ? NOTHING : { [path]: { [op]: v } };
}

/** `in`: `$in` of the plain values; each case-folded string is its own anchored pattern. */
function oneOf(path: string, field: PathNode, values: readonly ValueNode[], ctx: FilterContext): MongoFilter {
  const plain: MongoValue[] = [];
  const patterns: MongoFilter[] = [];
  for (const value of values) {
    const v = constant(value, field, ctx);
    if (v === undefined) continue;
    if (folds(v, ctx)) patterns.push({ [path]: foldedWhole(v, value, ctx) });
    else plain.push(v);
  }
  const list: MongoFilter = { [path]: { $in: plain } };
  if (patterns.length === 0) return list;
  return { $or: plain.length === 0 ? patterns : [list, ...patterns] };
}

function match(node: MatchNode, ctx: FilterContext): MongoFilter {
  const path = fieldPath(node.field, ctx.reporter);
  if (node.op === "regex") return regex(path, node, ctx);
  const v = constantValue(node.value, ctx.now);
  if (node.op === "contains") return contains(path, node, v, ctx);
  if (typeof v !== "string") return NOTHING;
  // Strings, and string elements of an array at the path: what `$regex` itself visits.
  const fold = ctx.caseInsensitive;
  if (node.op === "starts_with") return { [path]: regexOf(`^${fold ? folded(v, { openStart: false, openEnd: true }, node.value, ctx) : literalText(v)}`, node.value, ctx) };
  return { [path]: regexOf(`${fold ? folded(v, { openStart: true, openEnd: false }, node.value, ctx) : literalText(v)}\\z`, node.value, ctx) };
}

/**
 * `contains`: a string value holding the text, or an array value with an equal element.
 * `$regex` alone would also find the text inside the strings of an array, so the string case
 * only looks at values that are not arrays; that needs the path walked node by node (an array in
 * the middle of the path is entered with `$elemMatch`).
 */
function contains(path: string, node: MatchNode, v: string | number | boolean | null, ctx: FilterContext): MongoFilter {
  const segments = node.field.segments;
  const fold = folds(v, ctx);
  const reported = ctx.reporter.diagnostics.length;
  const member: MongoFilter = { [path]: { $elemMatch: fold ? foldedWhole(v, node.value, ctx) : { $eq: v } } };
  if (typeof v !== "string") return member;
  // The text form folds and measures the same value: what the whole value was refused for, it would be too.
  if (ctx.reporter.diagnostics.length > reported) return NOTHING;
  if (segments.some(isPosition)) {
    ctx.reporter.error("unsupported-by-dialect", "`contains` on a path with a position step (`items.0`) has no exact MongoDB form", node.field.span, "MongoDB reads a number in a path both as a position and as a field name inside array elements; name the array and use `contains` on it");
    return NOTHING;
  }
  if (segments.length > MAX_CONTAINS_SEGMENTS) {
    ctx.reporter.error("unsupported-by-dialect", `\`contains\` on a path of more than ${MAX_CONTAINS_SEGMENTS} segments is not emitted for MongoDB`, node.field.span, "its exact form grows with every segment that could hold an array");
    return NOTHING;
  }
  const pattern = regexOf(fold ? folded(v, { openStart: true, openEnd: true }, node.value, ctx) : literalText(v), node.value, ctx);
  const leaf = (p: string): MongoFilter => ({ $and: [{ [p]: { $not: { $type: "array" } } }, { [p]: pattern }] });
  return { $or: [member, throughArrays([], segments, leaf)] };
}

/**
 * Some value reached by `prefix.rest` (one array level per step, as the server walks a path)
 * satisfies `leaf`, where the value at `prefix` is known not to sit in an array.
 */
function throughArrays(prefix: readonly string[], rest: readonly string[], leaf: (path: string) => MongoFilter): MongoFilter {
  const [next, ...after] = rest;
  if (next === undefined) return leaf(prefix.join("."));
  if (prefix.length === 0) return throughArrays([next], after, leaf);
  const p = prefix.join(".");
  return {
    $or: [
      { [p]: { $elemMatch: throughArrays([], rest, leaf) } },
      { $and: [{ [p]: { $not: { $type: "array" } } }, throughArrays([...prefix, next], after, leaf)] },
    ],
  };
}

function regex(path: string, node: MatchNode, ctx: FilterContext): MongoFilter {
  const v = node.value;
  const source = constantValue(v, ctx.now);
  if (typeof source !== "string") return NOTHING;
  const caseless = ctx.caseInsensitive || (v.kind === "Regex" && v.flags.includes("i"));
  const t = re2ToPcre(source, caseless);
  if (!t.ok) {
    ctx.reporter.error("unsupported-by-dialect", `this \`matches\` pattern has no exact MongoDB (PCRE) form: ${t.reason}`, v.span, "MongoDB runs PCRE, not RE2, and PCRE backtracks: write the pattern without \\b, \\B and (?m), with each repeated group readable one way only (`(a|b)+`, not `(a|ab?)+`), and with few open-ended parts in a row");
    return NOTHING;
  }
  // The rewrite spells RE2's case folding out, so PCRE's own ("i") is never asked for.
  return { [path]: regexOf(t.pattern, v, ctx) };
}

/** `{ $regex }`, or a diagnostic when the server would refuse the pattern's length. */
function regexOf(pattern: string, value: ValueNode, ctx: FilterContext): MongoFilter {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    ctx.reporter.error("unsupported-by-dialect", `the MongoDB pattern for this value would be ${pattern.length} characters; the server takes about ${MAX_PATTERN_LENGTH}`, value.span, "use a shorter value (case-insensitive values take the most room)");
  }
  return { $regex: pattern };
}

