/**
 * Request body → AST, strictly. Every problem is a diagnostic whose `path` is a JSON pointer
 * (`/filters/AND/2/operator`); all are collected, then thrown together as one `FilterQLError`.
 * Keys are only ever read with `Object.keys` and own-property checks: a `__proto__` key is data
 * (here: an unknown key), never a prototype.
 */
import { andNode as and, orNode as or, queryNode } from "../ast/build.js";
import { depthOf } from "../ast/depth.js";
import type { ExprNode, LiteralNode, OrderKeyNode, PathNode, PredicateNode, QueryNode, Scalar, ValueNode } from "../ast/nodes.js";
import type { Diagnostic, DiagnosticCode } from "../diagnostics/diagnostic.js";
import { NO_SPAN } from "../diagnostics/diagnostic.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { regexLiteralCanHold } from "../emit/print.js";
import { resolveLimits, type Limits } from "../options.js";
import { escapePointer } from "../check/schema.js";
import { DIALECTS, dialectInfo, operatorList, type Dialect, type DialectInfo, type Operator } from "./dialects.js";
import { expectOptions } from "../arguments.js";
import { expectDialect } from "./mixpeek-options.js";

export interface FromMixpeekOptions extends Limits {
  readonly dialect?: Dialect;
}

const BODY_KEYS = new Set(["collections", "filters", "sort", "select", "return_urls"]);
const span = NO_SPAN;

type Obj = Record<string, unknown>;

function isObject(x: unknown): x is Obj {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function isScalar(x: unknown): x is Scalar {
  return x === null || typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x));
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "a list";
  return typeof x === "object" ? "an object" : `${typeof x === "string" ? "a string" : `a ${typeof x}`}`;
}

class Decoder {
  readonly diagnostics: Diagnostic[] = [];
  private predicates = 0;
  private readonly limits: Required<Limits>;

  constructor(
    private readonly info: DialectInfo,
    private readonly dialect: Dialect,
    limits: Limits,
  ) {
    this.limits = resolveLimits(limits);
  }

  error(code: DiagnosticCode, message: string, path: string, hint?: string): void {
    const d: Diagnostic = { severity: "error", code, message, span: { ...span, line: 1, column: 1 }, path };
    this.diagnostics.push(hint === undefined ? d : { ...d, hint });
  }

  body(body: unknown): QueryNode {
    const empty: QueryNode = queryNode({}, span);
    if (!isObject(body)) {
      this.error("type-mismatch", `the body must be an object, not ${describe(body)}`, "");
      return empty;
    }
    for (const key of Object.keys(body)) {
      if (!BODY_KEYS.has(key)) this.error("invalid-value", `unknown key \`${key}\` in the body`, `/${escapePointer(key)}`, `the body's keys are: ${[...BODY_KEYS].join(", ")}`);
    }
    const has = (k: string) => Object.prototype.hasOwnProperty.call(body, k);
    const collections = has("collections") ? this.strings(body["collections"], "/collections") : [];
    let filter: ExprNode | null = null;
    let caseSensitive: boolean | null = null;
    if (has("filters")) {
      const filters = body["filters"];
      if (!isObject(filters)) this.error("type-mismatch", `\`filters\` must be a group object, not ${describe(filters)}`, "/filters");
      else {
        if (Object.prototype.hasOwnProperty.call(filters, "case_sensitive")) {
          const cs = filters["case_sensitive"];
          if (typeof cs === "boolean") caseSensitive = cs;
        }
        filter = this.group(filters, "/filters", 0, caseSensitive, true);
        if (filter !== null && depthOf(filter) > this.limits.maxDepth) {
          this.error("limit-exceeded", `the body nests deeper than ${this.limits.maxDepth} levels (the limit counts every \`not\` and every parenthesis)`, "/filters");
        }
      }
    }
    const orderBy = has("sort") ? this.sort(body["sort"]) : [];
    const select = has("select") ? this.strings(body["select"], "/select").map((s, i) => this.path(s, `/select/${i}`)) : [];
    if (has("return_urls") && typeof body["return_urls"] !== "boolean") this.error("type-mismatch", "`return_urls` must be true or false", "/return_urls");
    return { kind: "Query", span, collections, filter, orderBy, select, limit: null, caseSensitive };
  }

  private strings(x: unknown, at: string): string[] {
    if (!Array.isArray(x)) {
      this.error("type-mismatch", `expected a list of strings, not ${describe(x)}`, at);
      return [];
    }
    const out: string[] = [];
    x.forEach((s: unknown, i) => {
      if (typeof s === "string") out.push(s);
      else this.error("type-mismatch", `expected a string, not ${describe(s)}`, `${at}/${i}`);
    });
    return out;
  }

  private sort(x: unknown): OrderKeyNode[] {
    if (!isObject(x)) {
      this.error("type-mismatch", `\`sort\` must be an object { field, direction }, not ${describe(x)}`, "/sort");
      return [];
    }
    for (const key of Object.keys(x)) {
      if (key !== "field" && key !== "direction") this.error("invalid-value", `unknown key \`${key}\` in \`sort\``, `/sort/${escapePointer(key)}`, "`sort` has `field` and `direction`");
    }
    const field = x["field"];
    const direction = Object.prototype.hasOwnProperty.call(x, "direction") ? x["direction"] : "asc";
    if (typeof field !== "string") {
      this.error("type-mismatch", "`sort.field` must be a string", "/sort/field");
      return [];
    }
    if (direction !== "asc" && direction !== "desc") {
      this.error("invalid-value", `sort direction must be "asc" or "desc", not ${JSON.stringify(direction)}`, "/sort/direction");
      return [];
    }
    return [{ kind: "OrderKey", span, field: this.path(field, "/sort/field"), direction }];
  }

  private path(name: string, at: string): PathNode {
    const segments = name.split(".");
    if (segments.some((s) => s.length === 0 || s.includes("`") || /[\r\n]/.test(s))) {
      this.error("invalid-value", `${JSON.stringify(name)} is not a field path`, at, "a path is dot-separated names, none empty, without back-quotes or line breaks");
    }
    return { kind: "Path", span, segments };
  }

  /** A group: all of AND, any of OR, none of the negation list. */
  private group(g: Obj, at: string, depth: number, parentCase: boolean | null, top: boolean): ExprNode | null {
    // A structural bound that keeps recursion finite; the real limit is checked on the decoded
    // tree (`depthOf`), counted as the parser counts. Each level of text nesting takes at most
    // two levels of groups.
    if (depth > 2 * this.limits.maxDepth + 2) {
      this.error("limit-exceeded", `the body nests deeper than ${this.limits.maxDepth} levels (the limit)`, at);
      return null;
    }
    const neg = this.info.negation;
    const other = neg === "NOR" ? "NOT" : "NOR";
    for (const key of Object.keys(g)) {
      if (key === "case_sensitive" || key === "AND" || key === "OR" || key === neg) continue;
      const hint = key === other ? `dialect ${this.dialect} writes negation as \`${neg}\`` : `a group has \`case_sensitive\`, \`AND\`, \`OR\` and \`${neg}\``;
      this.error("invalid-value", `unknown key \`${key}\` in a group`, `${at}/${escapePointer(key)}`, hint);
    }
    if (Object.prototype.hasOwnProperty.call(g, "case_sensitive")) {
      const cs = g["case_sensitive"];
      if (typeof cs !== "boolean") this.error("type-mismatch", "`case_sensitive` must be true or false", `${at}/case_sensitive`);
      else if (!top && cs !== (parentCase ?? true)) {
        this.error("invalid-value", `this group's \`case_sensitive: ${cs}\` differs from the query's`, `${at}/case_sensitive`, "the language has one case setting per query");
      }
    }
    const list = (key: string, extra: number): ExprNode[] => {
      if (!Object.prototype.hasOwnProperty.call(g, key)) return [];
      const items = g[key];
      if (!Array.isArray(items)) {
        this.error("type-mismatch", `\`${key}\` must be a list, not ${describe(items)}`, `${at}/${key}`);
        return [];
      }
      const out: ExprNode[] = [];
      items.forEach((item: unknown, i) => {
        const e = this.item(item, `${at}/${key}/${i}`, depth + extra, parentCase);
        if (e !== null) out.push(e);
      });
      return out;
    };
    const ors = list("OR", 0);
    const ands = list("AND", 0);
    const nors = list(neg, 1);
    const parts: ExprNode[] = [];
    if (ors.length > 0) parts.push(or(ors));
    parts.push(...ands);
    if (nors.length > 0) parts.push({ kind: "Not", span, operand: or(nors) });
    if (parts.length === 0) {
      if (!top) this.error("invalid-value", "an empty group", at, "a group needs at least one condition in AND, OR or " + neg);
      return null;
    }
    return and(parts);
  }

  private item(x: unknown, at: string, depth: number, parentCase: boolean | null): ExprNode | null {
    if (!isObject(x)) {
      this.error("type-mismatch", `a list item must be a condition or a group, not ${describe(x)}`, at);
      return null;
    }
    const own = (k: string) => Object.prototype.hasOwnProperty.call(x, k);
    const otherKey = this.info.fieldKey === "key" ? "field" : "key";
    if (own(otherKey) && !own(this.info.fieldKey)) {
      this.error("invalid-value", `dialect ${this.dialect} names the field \`${this.info.fieldKey}\`, not \`${otherKey}\``, `${at}/${otherKey}`);
      return null;
    }
    if (own(this.info.fieldKey) || own("operator") || own("value")) return this.condition(x, at);
    const groupKeys = ["AND", "OR", this.info.negation, "case_sensitive"];
    if (Object.keys(x).length > 0 && Object.keys(x).every((k) => groupKeys.includes(k))) return this.group(x, at, depth + 1, parentCase, false);
    this.error("invalid-value", "this item is neither a condition nor a group", at, `a condition has \`${this.info.fieldKey}\`, \`operator\`, \`value\`; a group has \`AND\`, \`OR\`, \`${this.info.negation}\``);
    return null;
  }

  private condition(c: Obj, at: string): PredicateNode | null {
    const fieldKey = this.info.fieldKey;
    for (const key of Object.keys(c)) {
      if (key !== fieldKey && key !== "operator" && key !== "value") this.error("invalid-value", `unknown key \`${key}\` in a condition`, `${at}/${escapePointer(key)}`, `a condition has \`${fieldKey}\`, \`operator\` and \`value\``);
    }
    if (++this.predicates > this.limits.maxPredicates) {
      if (this.predicates === this.limits.maxPredicates + 1) this.error("limit-exceeded", `the body has more than ${this.limits.maxPredicates} conditions (the limit)`, at);
      return null;
    }
    const name = c[fieldKey];
    if (typeof name !== "string") {
      this.error("type-mismatch", `\`${fieldKey}\` must be a string${name === undefined ? "" : `, not ${describe(name)}`}`, `${at}/${fieldKey}`);
      return null;
    }
    const field = this.path(name, `${at}/${fieldKey}`);
    const opRaw = Object.prototype.hasOwnProperty.call(c, "operator") ? c["operator"] : "eq";
    if (typeof opRaw !== "string") {
      this.error("type-mismatch", "`operator` must be a string", `${at}/operator`);
      return null;
    }
    const operator = opRaw as Operator;
    if (!this.info.operators.has(operator)) {
      const inV2 = this.dialect === "v1" && DIALECTS.v2.operators.has(operator);
      if (inV2) this.error("unsupported-by-dialect", `operator \`${operator}\` is not in dialect v1`, `${at}/operator`, `dialect v1 has: ${operatorList(this.info)}; use dialect v2`);
      else this.error("invalid-value", `unknown operator \`${opRaw}\``, `${at}/operator`, `dialect ${this.dialect} has: ${operatorList(this.info)}`);
      return null;
    }
    if (!Object.prototype.hasOwnProperty.call(c, "value")) {
      this.error("invalid-value", "the condition has no `value`", at);
      return null;
    }
    return this.predicate(operator, field, c["value"], `${at}/value`);
  }

  private predicate(op: Operator, field: PathNode, value: unknown, at: string): PredicateNode | null {
    switch (op) {
      case "eq": case "ne": case "gt": case "gte": case "lt": case "lte": {
        const v = this.scalar(value, at);
        return v === null ? null : { kind: "Compare", span, op, field, value: v };
      }
      case "in": case "nin": {
        if (!Array.isArray(value)) {
          this.error("type-mismatch", `\`${op}\` needs a list, not ${describe(value)}`, at);
          return null;
        }
        if (value.length > this.limits.maxListItems) {
          this.error("limit-exceeded", `this list has more than ${this.limits.maxListItems} values (the limit)`, at);
          return null;
        }
        const values: ValueNode[] = [];
        value.forEach((v: unknown, i) => {
          const s = this.scalar(v, `${at}/${i}`);
          if (s !== null) values.push(s);
        });
        return { kind: "In", span, negated: op === "nin", field, values };
      }
      case "exists": case "is_null": {
        if (typeof value !== "boolean") {
          this.error("type-mismatch", `\`${op}\` needs true or false, not ${describe(value)}`, at);
          return null;
        }
        return op === "exists" ? { kind: "Exists", span, negated: !value, field } : { kind: "IsNull", span, negated: !value, field };
      }
      case "text": {
        const v = this.string(value, op, at);
        return v === null ? null : { kind: "Text", span, field, value: v };
      }
      case "contains": {
        const v = this.scalar(value, at);
        return v === null ? null : { kind: "Match", span, op, negated: false, field, value: v };
      }
      case "starts_with": case "ends_with": {
        const v = this.string(value, op, at);
        return v === null ? null : { kind: "Match", span, op, negated: false, field, value: v };
      }
      case "regex": {
        if (typeof value !== "string") {
          this.error("type-mismatch", `\`regex\` needs a string pattern, not ${describe(value)}`, at);
          return null;
        }
        return { kind: "Match", span, op, negated: false, field, value: regexValue(value) };
      }
    }
  }

  private scalar(value: unknown, at: string): LiteralNode | null {
    if (!isScalar(value)) {
      // JSON.parse reads a number past the doubles' range (1e400) as Infinity: say so, not "not a number".
      const why = typeof value === "number" ? (Number.isNaN(value) ? "the number is NaN; a value must be a finite number" : `the number is too large (${value > 0 ? "" : "-"}Infinity); a value must be a finite number`) : `expected a string, number, boolean or null, not ${describe(value)}`;
      this.error("type-mismatch", why, at);
      return null;
    }
    return { kind: "Literal", span, value };
  }

  private string(value: unknown, op: string, at: string): LiteralNode | null {
    if (typeof value !== "string") {
      this.error("type-mismatch", `\`${op}\` needs a string, not ${describe(value)}`, at);
      return null;
    }
    return { kind: "Literal", span, value };
  }
}

/** `(?i)` travels as a prefix of the pattern; decoded back into the `i` flag where a literal can hold it. */
function regexValue(value: string): ValueNode {
  if (value.startsWith("(?i)") && regexLiteralCanHold(value.slice(4))) return { kind: "Regex", span, pattern: value.slice(4), flags: "i" };
  if (!value.startsWith("(?i)") && regexLiteralCanHold(value)) return { kind: "Regex", span, pattern: value, flags: "" };
  return { kind: "Literal", span, value };
}

/** Decodes a request body into a query. Throws `FilterQLError` with JSON-pointer diagnostics. */
export function fromMixpeek(body: unknown, options: FromMixpeekOptions = {}): QueryNode {
  expectOptions("fromMixpeek", "options", options);
  expectDialect("fromMixpeek", options.dialect);
  const dialect = options.dialect ?? "v1";
  const decoder = new Decoder(dialectInfo(dialect), dialect, options);
  const query = decoder.body(body);
  if (decoder.diagnostics.length > 0) throw new FilterQLError(decoder.diagnostics);
  return query;
}
