/**
 * Compiles an expression into nested closures, once; evaluating a record then only calls
 * them. Each operator is a test of the values its path reaches (path.ts walks the path as a
 * MongoDB 8.0 server does); at the end of the path an array reached as a field is opened one
 * level, so any element may satisfy the operator. Negated forms are exact complements.
 */
import type { ExprNode, MatchNode, PredicateNode, Scalar, TextNode, ValueNode } from "../ast/nodes.js";
import type { FieldInfo, ResolvedSchema } from "../check/schema.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { constantValue } from "../ast/constant-value.js";
import { toInstant } from "./dates.js";
import { compareCodePoints, hasHighUnits } from "./code-point-order.js";
import { MISSING, someValue, type Visit } from "./path.js";
import { compileRegex } from "./regex.js";
import { internalize } from "./internalize.js";
import { hasAllWords, words } from "./text-words.js";

export type Test = (record: unknown) => boolean;

export interface EvalContext {
  /** Fold case for eq ne in nin contains starts_with ends_with regex. */
  readonly caseInsensitive: boolean;
  readonly now: Date;
  readonly schema: ResolvedSchema | undefined;
}

/**
 * Generated forms (codegen.ts) sit beside each operator's closure below. A generated form is
 * an expression over `x`, the value at the end of a path walked through plain objects only
 * (`undefined` where the path ends), reached as a field; it must equal the closure's answer for
 * that value, or hand the record to the closure (`sink.slow`, exact for every record) where it
 * does not handle the value. Constants reach it only through `sink.bind`, never as source text.
 */
export interface SourceSink {
  /** A parameter name bound to `value`. */
  bind(prefix: string, value: unknown): string;
  /** A call of the predicate's closure on the record (`false` where the value cannot be an array). */
  slow(): string;
  /** The test that `x` is an array: `isArray(x)`, or `false` where the schema rules arrays out. */
  isArray(x: string): string;
}

/** The same sink for a value known not to be an array: its array branches are dead, written as false. */
export function scalarSink(sink: SourceSink): SourceSink {
  return { bind: (prefix, value) => sink.bind(prefix, value), slow: () => "false", isArray: () => "false" };
}

/** A generated form: the source of a test of `x`, or undefined where only the closure will do. */
export type LeafSource = ((x: string, sink: SourceSink) => string) | undefined;

export function compileExpr(node: ExprNode, ctx: EvalContext): Test {
  switch (node.kind) {
    case "And": {
      const parts = node.operands.map((o) => compileExpr(o, ctx));
      if (parts.length === 2) {
        const [a, b] = parts as [Test, Test];
        return (r) => a(r) && b(r);
      }
      return (r) => {
        for (const p of parts) if (!p(r)) return false;
        return true;
      };
    }
    case "Or": {
      const parts = node.operands.map((o) => compileExpr(o, ctx));
      if (parts.length === 2) {
        const [a, b] = parts as [Test, Test];
        return (r) => a(r) || b(r);
      }
      return (r) => {
        for (const p of parts) if (p(r)) return true;
        return false;
      };
    }
    case "Not": {
      const inner = compileExpr(node.operand, ctx);
      return (r) => !inner(r);
    }
    default:
      return compilePredicate(node, ctx);
  }
}

export function compilePredicate(node: PredicateNode, ctx: EvalContext): Test {
  const segments = node.field.segments.map(internalize);
  const field = ctx.schema?.lookup(segments);
  switch (node.kind) {
    case "Compare": {
      if (node.op === "eq" || node.op === "ne") {
        const eq = onPath(segments, memberVisit([node.value], ctx, field));
        return node.op === "eq" ? eq : (r) => !eq(r);
      }
      return onPath(segments, orderVisit(node.op, node.value, ctx, field));
    }
    case "Between": {
      const low = onPath(segments, orderVisit("gte", node.low, ctx, field));
      const high = onPath(segments, orderVisit("lte", node.high, ctx, field));
      return (r) => low(r) && high(r);
    }
    case "In": {
      const test = onPath(segments, memberVisit(node.values, ctx, field));
      return node.negated ? (r) => !test(r) : test;
    }
    case "IsNull": {
      const isNull = onPath(segments, nullVisit);
      return node.negated ? (r) => !isNull(r) : isNull;
    }
    case "Exists": {
      const exists = onPath(segments, existsVisit);
      return node.negated ? (r) => !exists(r) : exists;
    }
    case "Match": {
      const test = onPath(segments, matchVisit(node, ctx));
      return node.negated ? (r) => !test(r) : test;
    }
    case "Text":
      return onPath(segments, textVisit(node));
  }
}

/**
 * Each predicate's generated form over its leaf value (see SourceSink), beside compilePredicate's
 * closures. Negation is left to the caller, who applies it around the whole path read: `!=`
 * is given as `=`, `not in` as `in`, and so on.
 */
export function predicateSource(node: PredicateNode, ctx: EvalContext): LeafSource {
  const field = ctx.schema?.lookup(node.field.segments);
  switch (node.kind) {
    case "Compare":
      // Only positive forms reach here (`!=` comes as `=`): the caller applies the negation.
      if (node.op === "ne") return undefined;
      return node.op === "eq" ? memberSource([node.value], ctx, field) : orderSource(node.op, node.value, ctx, field);
    case "Between": {
      const low = orderSource("gte", node.low, ctx, field);
      const high = orderSource("lte", node.high, ctx, field);
      if (low === undefined || high === undefined) return undefined;
      // An array goes to the closure once, for both bounds; on anything else each bound's own
      // array branch is dead, so it is written as false rather than as a second closure call.
      return (x, sink) => {
        const scalar = scalarSink(sink);
        return `(${sink.isArray(x)} ? ${sink.slow()} : ${low(x, scalar)} && ${high(x, scalar)})`;
      };
    }
    case "In":
      return memberSource(node.values, ctx, field);
    case "IsNull":
      return nullSource;
    case "Exists":
      return existsSource;
    case "Match":
      return matchSource(node, ctx);
    case "Text":
      return undefined;
  }
}

/**
 * The record test for a test of reached values. A one-step path reads the record directly: a
 * plain read, with the own-property check only when something was found.
 */
function onPath(segments: readonly string[], visit: Visit): Test {
  if (segments.length === 1) {
    const name = segments[0] as string;
    return (r) => {
      const v = (r as Record<string, unknown>)[name];
      return visit(v !== undefined && hasOwn.call(r, name) ? v : MISSING, true);
    };
  }
  return (r) => someValue(r, segments, visit);
}

/** A test of one value, also applied to each element of an array reached as a field. */
function anyElement(test: (x: unknown) => boolean): Visit {
  return (v, open) => test(v) || (open && Array.isArray(v) && v.some(test));
}

/** The literal a value node stands for, with date math resolved: an ISO string without a `date` schema. */
export function constantOf(value: ValueNode, ctx: EvalContext): Scalar {
  return internalize(constantValue(value, ctx.now));
}

/** How values of one field are compared for equality: as they are, case-folded, or as instants (schema `date`). */
function equalityKey(ctx: EvalContext, field: FieldInfo | undefined): ((x: unknown) => unknown) | undefined {
  if (field?.base === "date") return (x) => { const t = toInstant(x); return Number.isNaN(t) ? undefined : t; };
  if (ctx.caseInsensitive) return (x) => (typeof x === "string" ? x.toLowerCase() : x);
  return undefined;
}

/** `= null`, `is null`: a null value, a null element, or a place where the path ends. */
const nullVisit: Visit = (v, open) => v === MISSING || v === null || (open && Array.isArray(v) && v.includes(null));
const nullSource: LeafSource = (x, sink) => `(${x} === undefined || ${x} === null || (${sink.isArray(x)} && ${x}.includes(null)))`;

/** `exists`: the path reaches something, even null. */
const existsVisit: Visit = (v) => v !== MISSING;
const existsSource: LeafSource = (x) => `(${x} !== undefined)`;

/**
 * `=` and `in`, one rule: some reached value (or element) equals some listed value, where a
 * listed `null` also accepts a place where the path ends. `x = v` is `x in [v]`, so the two
 * agree through every path shape.
 */
/** A list's constants for both forms of `in`: whether it lists null, and the others. */
function members(values: readonly ValueNode[], ctx: EvalContext): { hasNull: boolean; others: Scalar[] } {
  const constants = values.map((v) => constantOf(v, ctx));
  return { hasNull: constants.includes(null), others: constants.filter((c) => c !== null) };
}

function memberVisit(values: readonly ValueNode[], ctx: EvalContext, field: FieldInfo | undefined): Visit {
  const { hasNull, others } = members(values, ctx);
  if (others.length === 0) return hasNull ? nullVisit : () => false;
  const key = equalityKey(ctx, field);
  if (key === undefined && others.length === 1 && !hasNull) {
    const c = others[0];
    return (v, open) => v === c || (open && Array.isArray(v) && v.includes(c));
  }
  const keyOf = key ?? identity;
  const set = new Set<unknown>(others.map((c) => keyOf(c)));
  set.delete(undefined);
  const one = (x: unknown): boolean => (x === null ? hasNull : set.has(keyOf(x)));
  const elements = anyElement(one);
  return (v, open) => (v === MISSING ? hasNull : elements(v, open));
}

/** memberVisit's generated form: unrolled `===` for a few constants, a bound Set for more. */
function memberSource(values: readonly ValueNode[], ctx: EvalContext, field: FieldInfo | undefined): LeafSource {
  const { hasNull, others } = members(values, ctx);
  if (others.length === 0) return hasNull ? nullSource : () => "false";
  const key = equalityKey(ctx, field);
  const nullish = (x: string) => `${x} === undefined || ${x} === null ? ${hasNull}`;
  if (key === undefined) {
    if (others.length === 1 && !hasNull) return (x, sink) => { const c = sink.bind("c", others[0]); return `(${x} === ${c}${orElement(x, sink, `${x}.includes(${c})`)})`; };
    return (x, sink) => {
      const hit = others.length <= UNROLLED ? others.map((c) => `${x} === ${sink.bind("c", c)}`).join(" || ") : `${sink.bind("s", new Set(others))}.has(${x})`;
      // Without a listed null, a missing or null value equals none of the others (nor does a Set hold them).
      return `(${hasNull ? `${nullish(x)} : ` : ""}${hit}${orElement(x, sink, sink.slow())})`;
    };
  }
  const set = new Set<unknown>(others.map((c) => key(c)));
  set.delete(undefined);
  if (field?.base === "date") return (x, sink) => `(${nullish(x)} : ${sink.isArray(x)} ? ${sink.slow()} : ${sink.bind("s", set)}.has(${sink.bind("t", toInstant)}(${x})))`;
  // Case-insensitive: strings are compared folded, other values as they are.
  return (x, sink) => {
    const s = sink.bind("s", set);
    return `(typeof ${x} === "string" ? ${s}.has(${x}.toLowerCase()) : ${nullish(x)} : ${sink.isArray(x)} ? ${sink.slow()} : ${s}.has(${x}))`;
  };
}

/** `|| (x is an array && then)`, or nothing where the schema rules arrays out (no dead branch in the source). */
function orElement(x: string, sink: SourceSink, then: string): string {
  const array = sink.isArray(x);
  return array === "false" ? "" : ` || (${array} && ${then})`;
}

/** Up to this many listed values are compared one by one; more are looked up in a Set. */
const UNROLLED = 6;

const identity = (x: unknown): unknown => x;

type OrderOp = "gt" | "gte" | "lt" | "lte";

const ORDER: Record<OrderOp, (x: never, y: never) => boolean> = {
  gt: (x, y) => x > y,
  gte: (x, y) => x >= y,
  lt: (x, y) => x < y,
  lte: (x, y) => x <= y,
};

/**
 * Ordering: only values of the query value's own type compare (numbers with numbers, strings
 * with strings by code point, …); any element may. `>= null` and `<= null` are `= null`;
 * `> null` and `< null` hold nowhere.
 */
function orderVisit(op: OrderOp, value: ValueNode, ctx: EvalContext, field: FieldInfo | undefined): Visit {
  const cmp = ORDER[op] as (x: unknown, y: unknown) => boolean;
  const c = constantOf(value, ctx);
  if (c === null) return op === "gte" || op === "lte" ? nullVisit : () => false;
  if (field?.base === "date" && typeof c === "string") {
    const t = toInstant(c);
    if (Number.isNaN(t)) return () => false;
    return anyElement((x) => { const i = toInstant(x); return !Number.isNaN(i) && cmp(i, t); });
  }
  if (typeof c === "string" && hasHighUnits(c)) {
    return anyElement((x) => typeof x === "string" && cmp(compareCodePoints(x, c), 0));
  }
  const type = typeof c;
  return anyElement((x) => typeof x === type && cmp(x, c));
}

/** orderVisit's generated form, for the constants it compares natively. */
function orderSource(op: OrderOp, value: ValueNode, ctx: EvalContext, field: FieldInfo | undefined): LeafSource {
  const c = constantOf(value, ctx);
  const js = { gt: ">", gte: ">=", lt: "<", lte: "<=" }[op];
  if (c === null) return undefined;
  if (field?.base === "date" && typeof c === "string") {
    const t = toInstant(c);
    if (Number.isNaN(t)) return () => "false";
    // An invalid instant is NaN, which no comparison holds for.
    return (x, sink) => `(${sink.isArray(x)} ? ${sink.slow()} : ${sink.bind("t", toInstant)}(${x}) ${js} ${sink.bind("c", t)})`;
  }
  // `<` on strings is code-point order only when the constant has no unit from U+D800 up.
  if (typeof c === "string" && hasHighUnits(c)) return undefined;
  return (x, sink) => {
    const typed = `typeof ${x} === "${typeof c}"`;
    const hit = `${x} ${js} ${sink.bind("c", c)}`;
    const array = sink.isArray(x);
    return array === "false" ? `(${typed} && ${hit})` : `(${typed} ? ${hit} : ${array} && ${sink.slow()})`;
  };
}

/** `contains`, `starts with`, `ends with`, `matches`, folded in case-insensitive mode. */
function matchVisit(node: MatchNode, ctx: EvalContext): Visit {
  const fold = ctx.caseInsensitive;
  if (node.op === "regex") return regexVisit(node, ctx);
  const raw = constantOf(node.value, ctx);
  if (node.op === "contains") {
    const needle = fold && typeof raw === "string" ? raw.toLowerCase() : raw;
    const norm = fold ? (x: unknown) => (typeof x === "string" ? x.toLowerCase() : x) : identity;
    // On a string: substring. On an array: membership (an element equal to the value).
    return (x) =>
      typeof x === "string" ? typeof needle === "string" && (norm(x) as string).includes(needle) : Array.isArray(x) && x.some((e) => norm(e) === needle);
  }
  if (typeof raw !== "string") return () => false;
  const needle = fold ? raw.toLowerCase() : raw;
  const check = node.op === "starts_with" ? (s: string) => s.startsWith(needle) : (s: string) => s.endsWith(needle);
  const str = fold ? (s: string) => check(s.toLowerCase()) : check;
  return anyElement((x) => typeof x === "string" && str(x));
}

/** matchVisit's generated form (`matches` keeps its closure). */
function matchSource(node: MatchNode, ctx: EvalContext): LeafSource {
  if (node.op === "regex") return undefined;
  const fold = ctx.caseInsensitive;
  const raw = constantOf(node.value, ctx);
  const str = (x: string) => (fold ? `${x}.toLowerCase()` : x);
  if (node.op === "contains") {
    if (typeof raw !== "string") return (x, sink) => `(${sink.isArray(x)} && ${x}.includes(${sink.bind("c", raw)}))`;
    const needle = fold ? raw.toLowerCase() : raw;
    const members = (x: string, sink: SourceSink) => (fold ? sink.slow() : `${x}.includes(${sink.bind("c", needle)})`);
    return (x, sink) => `(typeof ${x} === "string" ? ${str(x)}.includes(${sink.bind("c", needle)}) : ${sink.isArray(x)} && ${members(x, sink)})`;
  }
  if (typeof raw !== "string") return () => "false";
  const needle = fold ? raw.toLowerCase() : raw;
  const method = node.op === "starts_with" ? "startsWith" : "endsWith";
  return (x, sink) => `(typeof ${x} === "string" ? ${str(x)}.${method}(${sink.bind("c", needle)}) : ${sink.isArray(x)} && ${sink.slow()})`;
}

function regexVisit(node: MatchNode, ctx: EvalContext): Visit {
  const v = node.value;
  const constant = v.kind === "Regex" ? v.pattern : constantOf(v, ctx);
  const pattern = typeof constant === "string" ? constant : undefined;
  if (pattern === undefined) return () => false;
  const compiled = compileRegex(pattern, ctx.caseInsensitive || (v.kind === "Regex" && v.flags.includes("i")));
  if (!compiled.ok) throw invalidRegex(node, compiled.message);
  const re = compiled.regex;
  return anyElement((x) => typeof x === "string" && re.matcher(x).find());
}

function textVisit(node: TextNode): Visit {
  const value = node.value.kind === "Literal" && typeof node.value.value === "string" ? node.value.value : "";
  const wanted = words(value);
  return anyElement((x) => typeof x === "string" && hasAllWords(x, wanted));
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Only reachable for a query compiled without `check` (which reports this with the source text). */
function invalidRegex(node: MatchNode, message: string): FilterQLError {
  const { start, end } = node.value.span;
  return new FilterQLError([{ severity: "error", code: "invalid-value", message: `invalid regex: ${message}`, span: { start, end, line: 1, column: start + 1 } }]);
}
