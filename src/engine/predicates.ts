/**
 * Compiles an expression into nested closures, once; evaluating a record then only calls
 * them. Each operator follows the reference engine's (MongoDB/mingo) rules on the value a path
 * resolves to; see path.ts for how paths walk arrays.
 */
import type { CompareNode, ExprNode, InNode, MatchNode, PredicateNode, Scalar, TextNode, ValueNode } from "../ast/nodes.js";
import type { FieldInfo, ResolvedSchema } from "../check/schema.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { resolveDateMath } from "../ast/date-math.js";
import { toInstant } from "./dates.js";
import { flatten, pathExists, reach, resolve } from "./path.js";
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

/** How values of one field are compared: as they are, case-folded, or as instants (schema `date`). */
interface Domain {
  /** Maps a record value to its comparable form; `undefined` when it cannot equal anything. */
  readonly key: (x: unknown) => unknown;
  /** The comparable form of the query's value. */
  readonly constant: unknown;
}

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
        const eq = equalsTest(node, ctx, field);
        return node.op === "eq" ? eq : (r) => !eq(r);
      }
      return orderTest(segments, node.op, node.value, ctx, field);
    }
    case "Between": {
      const low = orderTest(segments, "gte", node.low, ctx, field);
      const high = orderTest(segments, "lte", node.high, ctx, field);
      return (r) => low(r) && high(r);
    }
    case "In": {
      const test = inTest(node, ctx, field);
      return node.negated ? (r) => !test(r) : test;
    }
    case "IsNull": {
      const isNull = nullTest(segments);
      return node.negated ? (r) => !isNull(r) : isNull;
    }
    case "Exists":
      return node.negated ? (r) => !pathExists(r, segments) : (r) => pathExists(r, segments);
    case "Match": {
      const test = matchTest(node, ctx);
      return node.negated ? (r) => !test(r) : test;
    }
    case "Text":
      return textTest(node);
  }
}

/** The literal a value node stands for, with date math resolved: an ISO string without a `date` schema. */
export function constantOf(value: ValueNode, ctx: EvalContext): Scalar {
  if (value.kind === "Literal") return internalize(value.value);
  if (value.kind === "DateMath") return resolveDateMath(value, ctx.now).toISOString();
  return value.pattern;
}

function domainFor(value: ValueNode, ctx: EvalContext, field: FieldInfo | undefined, fold: boolean): Domain {
  const c = constantOf(value, ctx);
  if (field?.base === "date" && c !== null) {
    const instant = toInstant(c);
    return { key: (x) => { const t = toInstant(x); return Number.isNaN(t) ? undefined : t; }, constant: Number.isNaN(instant) ? Symbol("invalid date") : instant };
  }
  if (fold && ctx.caseInsensitive && typeof c === "string") {
    return { key: (x) => (typeof x === "string" ? x.toLowerCase() : x), constant: c.toLowerCase() };
  }
  return { key: identity, constant: c };
}

const identity = (x: unknown): unknown => x;

function nullTest(segments: readonly string[]): Test {
  return (r) => {
    const a = resolve(r, segments);
    if (a === null || a === undefined) return true;
    return Array.isArray(a) && (a.includes(null) || (segments.length > 1 && flatten(a, segments.length - 1).includes(null)));
  };
}

/** `eq`: the value equals, or null matches null/missing, or some element (flattened as deep as the path) equals. */
function equalsTest(node: CompareNode, ctx: EvalContext, field: FieldInfo | undefined): Test {
  const segments = node.field.segments.map(internalize);
  if (node.value.kind === "Literal" && node.value.value === null) return nullTest(segments);
  const { key, constant } = domainFor(node.value, ctx, field, true);
  const depth = segments.length - 1;
  if (key === identity) {
    if (segments.length === 1) {
      const name = segments[0] as string;
      return (r) => {
        const a = ownGetFast(r, name);
        return a === constant || (Array.isArray(a) && a.includes(constant));
      };
    }
    return (r) => {
      const a = resolve(r, segments);
      if (a === constant) return true;
      return Array.isArray(a) && (a.includes(constant) || (depth > 0 && flatten(a, depth).includes(constant)));
    };
  }
  return (r) => {
    const a = resolve(r, segments);
    if (!Array.isArray(a)) return key(a) === constant;
    for (const x of a) if (key(x) === constant) return true;
    if (depth > 0) for (const x of flatten(a, depth)) if (key(x) === constant) return true;
    return false;
  };
}

function inTest(node: InNode, ctx: EvalContext, field: FieldInfo | undefined): Test {
  const segments = node.field.segments.map(internalize);
  const hasNull = node.values.some((v) => v.kind === "Literal" && v.value === null);
  const domains = node.values.map((v) => domainFor(v, ctx, field, true));
  const key = domains[0]?.key ?? identity;
  const set = new Set(domains.map((d) => d.constant));
  return (r) => {
    const a = resolve(r, segments);
    if (a === null || a === undefined) return hasNull;
    if (!Array.isArray(a)) return set.has(key(a));
    for (const x of a) if (set.has(key(x))) return true;
    return false;
  };
}

type OrderOp = "gt" | "gte" | "lt" | "lte";

const ORDER: Record<OrderOp, (x: never, y: never) => boolean> = {
  gt: (x, y) => x > y,
  gte: (x, y) => x >= y,
  lt: (x, y) => x < y,
  lte: (x, y) => x <= y,
};

/** Ordering: only values of the query value's own type compare (numbers with numbers, …); any element may. */
function orderTest(segments: readonly string[], op: OrderOp, value: ValueNode, ctx: EvalContext, field: FieldInfo | undefined): Test {
  const cmp = ORDER[op] as (x: unknown, y: unknown) => boolean;
  const c = constantOf(value, ctx);
  if (field?.base === "date" && typeof c === "string") {
    const t = toInstant(c);
    if (Number.isNaN(t)) return () => false;
    return (r) => {
      const a = resolve(r, segments);
      if (!Array.isArray(a)) { const x = toInstant(a); return !Number.isNaN(x) && cmp(x, t); }
      for (const e of a) { const x = toInstant(e); if (!Number.isNaN(x) && cmp(x, t)) return true; }
      return false;
    };
  }
  const type = c === null ? "null" : typeof c;
  const sameType = (x: unknown) => (x === null ? type === "null" : typeof x === type && (type !== "object"));
  return (r) => {
    const a = resolve(r, segments);
    if (!Array.isArray(a)) return sameType(a) && cmp(a, c);
    for (const x of a) if (sameType(x) && cmp(x, c)) return true;
    return false;
  };
}

function matchTest(node: MatchNode, ctx: EvalContext): Test {
  const segments = node.field.segments.map(internalize);
  const fold = ctx.caseInsensitive;
  if (node.op === "regex") return regexTest(node, ctx);
  const raw = constantOf(node.value, ctx);
  if (node.op === "contains") {
    const needle = fold && typeof raw === "string" ? raw.toLowerCase() : raw;
    const norm = fold ? (x: unknown) => (typeof x === "string" ? x.toLowerCase() : x) : identity;
    // On a string: substring. On an array: membership.
    const test = (x: unknown): boolean =>
      typeof x === "string" ? typeof needle === "string" && (norm(x) as string).includes(needle) : Array.isArray(x) && x.some((e) => norm(e) === needle);
    return (r) => reach(r, segments, 0, test);
  }
  if (typeof raw !== "string") return () => false;
  const needle = fold ? raw.toLowerCase() : raw;
  const check = node.op === "starts_with" ? (s: string) => s.startsWith(needle) : (s: string) => s.endsWith(needle);
  const str = fold ? (s: string) => check(s.toLowerCase()) : check;
  const test = (x: unknown): boolean => (typeof x === "string" ? str(x) : Array.isArray(x) && x.some((e) => typeof e === "string" && str(e)));
  return (r) => reach(r, segments, 0, test);
}

function regexTest(node: MatchNode, ctx: EvalContext): Test {
  const segments = node.field.segments.map(internalize);
  const v = node.value;
  const constant = v.kind === "Regex" ? v.pattern : constantOf(v, ctx);
  const pattern = typeof constant === "string" ? constant : undefined;
  if (pattern === undefined) return () => false;
  const compiled = compileRegex(pattern, ctx.caseInsensitive || (v.kind === "Regex" && v.flags.includes("i")));
  if (!compiled.ok) throw invalidRegex(node, compiled.message);
  const re = compiled.regex;
  const matches = (x: unknown) => typeof x === "string" && re.matcher(x).find();
  return (r) => {
    const a = resolve(r, segments);
    const list = Array.isArray(a) ? a : [a];
    return list.some(matches) || flatten(list, 1).some(matches);
  };
}

function textTest(node: TextNode): Test {
  const value = node.value.kind === "Literal" && typeof node.value.value === "string" ? node.value.value : "";
  const wanted = words(value);
  const test = (x: unknown): boolean => (typeof x === "string" ? hasAllWords(x, wanted) : Array.isArray(x) && x.some((e) => typeof e === "string" && hasAllWords(e, wanted)));
  const segments = node.field.segments.map(internalize);
  return (r) => reach(r, segments, 0, test);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** A top-level own property: a plain read, with the own-property check only when something was found. */
function ownGetFast(record: unknown, name: string): unknown {
  const v = (record as Record<string, unknown>)[name];
  return v !== undefined && hasOwn.call(record, name) ? v : undefined;
}

/** Only reachable for a query compiled without `check` (which reports this with the source text). */
function invalidRegex(node: MatchNode, message: string): FilterQLError {
  const { start, end } = node.value.span;
  return new FilterQLError([{ severity: "error", code: "invalid-value", message: `invalid regex: ${message}`, span: { start, end, line: 1, column: start + 1 } }]);
}
