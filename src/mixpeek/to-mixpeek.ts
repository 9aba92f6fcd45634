/**
 * AST → request body, in SPEC §3's canonical form. `not` becomes the negation list (never a
 * rewritten operator), n-ary `and`/`or` are already flat, `between` becomes `gte` + `lte` in place.
 */
import { clockOf } from "../ast/date-math.js";
import type { ExprNode, MatchNode, PredicateNode, QueryNode, ValueNode } from "../ast/nodes.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { Reporter } from "../diagnostics/reporter.js";
import { textOf } from "../emit/print.js";
import { constantValue } from "../ast/constant-value.js";
import { checkQuery } from "../check/check.js";
import { expectQuery } from "../arguments.js";
import { acceptQuery } from "../check/accept-query.js";
import type { Limits } from "../options.js";
import type { JsonScalar, MixpeekBody, MixpeekCondition, MixpeekGroup, MixpeekItem } from "./body.js";
import { dialectInfo, operatorList, type Dialect, type DialectInfo, type Operator } from "./dialects.js";
import { expectMixpeekOptions } from "./mixpeek-options.js";

/** The limits are those of parsing (SPEC §6), applied to the query value before anything else. */
export interface MixpeekOptions extends Limits {
  /** `v1` (default, the seed: `key`, `NOR`) or `v2` (`field`, `NOT`, string operators). */
  readonly dialect?: Dialect;
  /** Overrides the query's `from` clause. */
  readonly collections?: readonly string[];
  /** Overrides the query's `case` clause; written as the top group's `case_sensitive`. */
  readonly caseSensitive?: boolean;
  /** Written as `return_urls` when given. */
  readonly returnUrls?: boolean;
  /** The clock for date math (`now - 7d`); default the current time. */
  readonly now?: Date;
}

type Item = MixpeekItem;
type MutableGroup = { case_sensitive?: boolean; AND: Item[]; OR: Item[]; NEG: Item[] };

class Emitter {
  constructor(
    private readonly info: DialectInfo,
    private readonly now: Date,
    private readonly reporter: Reporter,
  ) {}

  /** `and(x1..xn)`, `or(..)`, `not y` or a lone predicate → a group. */
  group(expr: ExprNode): MutableGroup {
    const g: MutableGroup = { AND: [], OR: [], NEG: [] };
    switch (expr.kind) {
      case "And": {
        let sawOr = false;
        for (const x of expr.operands) {
          if (x.kind === "Not") g.NEG.push(...this.negated(x.operand));
          else if (x.kind === "Or" && !sawOr) {
            sawOr = true;
            g.OR.push(...x.operands.map((o) => this.item(o)));
          } else if (x.kind === "Match" && x.negated) g.NEG.push(this.condition(x));
          else if (x.kind === "Between") g.AND.push(...this.between(x));
          else g.AND.push(this.item(x));
        }
        return g;
      }
      case "Or":
        g.OR.push(...expr.operands.map((o) => this.item(o)));
        return g;
      case "Not":
        g.NEG.push(...this.negated(expr.operand));
        return g;
      case "Between":
        g.AND.push(...this.between(expr));
        return g;
      case "Match":
        (expr.negated ? g.NEG : g.AND).push(this.condition(expr));
        return g;
      default:
        g.AND.push(this.condition(expr));
        return g;
    }
  }

  /** The items `not y` puts in the negation list: an `or`'s operands, else `y` itself. */
  private negated(y: ExprNode): Item[] {
    return y.kind === "Or" ? y.operands.map((o) => this.item(o)) : [this.item(y)];
  }

  /** A plain comparison is its condition; anything else is a nested group. */
  item(x: ExprNode): Item {
    if (x.kind === "And" || x.kind === "Or" || x.kind === "Not" || x.kind === "Between" || (x.kind === "Match" && x.negated)) {
      return this.finish(this.group(x));
    }
    return this.condition(x);
  }

  finish(g: MutableGroup): MixpeekGroup {
    const out: Record<string, unknown> = {};
    if (g.case_sensitive !== undefined) out["case_sensitive"] = g.case_sensitive;
    if (g.AND.length > 0) out["AND"] = g.AND;
    if (g.OR.length > 0) out["OR"] = g.OR;
    if (g.NEG.length > 0) out[this.info.negation] = g.NEG;
    return out as MixpeekGroup;
  }

  private between(x: Extract<PredicateNode, { kind: "Between" }>): MixpeekCondition[] {
    return [this.make(x, "gte", this.value(x.low)), this.make(x, "lte", this.value(x.high))];
  }

  private condition(x: Exclude<PredicateNode, { kind: "Between" }>): MixpeekCondition {
    switch (x.kind) {
      case "Compare":
        return this.make(x, x.op, this.value(x.value));
      case "In":
        return this.make(x, x.negated ? "nin" : "in", x.values.map((v) => this.value(v)));
      case "IsNull":
        return this.make(x, "is_null", !x.negated);
      case "Exists":
        return this.make(x, "exists", !x.negated);
      case "Text":
        return this.make(x, "text", this.value(x.value));
      case "Match":
        return this.make(x, x.op, this.matchValue(x));
    }
  }

  private make(x: PredicateNode, operator: Operator, value: JsonScalar | JsonScalar[]): MixpeekCondition {
    if (!this.info.operators.has(operator)) {
      const dialect = this.info.fieldKey === "key" ? "v1" : "v2";
      this.reporter.error("unsupported-by-dialect", `operator \`${operator}\` is not in dialect ${dialect}`, x.span, `dialect ${dialect} has: ${operatorList(this.info)}${dialect === "v1" ? "; dialect v2 has the string operators (`dialect: \"v2\"`, `--dialect v2`, or `.dialect v2` in the REPL)" : ""}`);
    }
    const field = x.field.segments.join(".");
    return (this.info.fieldKey === "key" ? { key: field, operator, value } : { field, operator, value }) as MixpeekCondition;
  }

  private matchValue(x: MatchNode): JsonScalar {
    const v = x.value;
    if (v.kind === "Regex") return v.flags.includes("i") ? `(?i)${v.pattern}` : v.pattern;
    return this.value(v);
  }

  private value(v: ValueNode): JsonScalar {
    // A regex carries its `i` flag inline in the body.
    return v.kind === "Regex" && v.flags.includes("i") ? `(?i)${v.pattern}` : constantValue(v, this.now);
  }
}

/** The request body of `POST /features` for a query. Throws `FilterQLError` when the dialect cannot express it. */
export function toMixpeek(query: QueryNode, options: MixpeekOptions = {}): MixpeekBody {
  expectQuery("toMixpeek", "query", query);
  expectMixpeekOptions("toMixpeek", options);
  acceptQuery("toMixpeek", "query", query, options);
  const schemaFree = checkQuery(query, undefined);
  if (hasErrors(schemaFree)) throw new FilterQLError(schemaFree, textOf(query));
  return emitMixpeek(query, options);
}

/** `toMixpeek` for a query that has already passed `check` (as every `Compiled` query has). */
export function emitMixpeek(query: QueryNode, options: MixpeekOptions = {}): MixpeekBody {
  const text = textOf(query);
  const reporter = new Reporter(text);
  const info = dialectInfo(options.dialect);
  const now = clockOf(query, options.now, () => text);
  const emitter = new Emitter(info, now, reporter);
  const body: Record<string, unknown> = {};
  const collections = options.collections ?? (query.collections.length > 0 ? query.collections : undefined);
  if (collections !== undefined) body["collections"] = [...collections];
  const caseSensitive = options.caseSensitive ?? query.caseSensitive ?? undefined;
  if (query.filter !== null || caseSensitive !== undefined) {
    const top: MutableGroup = query.filter === null ? { AND: [], OR: [], NEG: [] } : emitter.group(query.filter);
    if (caseSensitive !== undefined) top.case_sensitive = caseSensitive;
    body["filters"] = emitter.finish(top);
  }
  const [first, second] = query.orderBy;
  if (second !== undefined) {
    reporter.error("unsupported-by-dialect", "the request body takes one sort key; this query has more", second.span, "sort by one key, or run the query in memory where any number of keys works");
  }
  if (first !== undefined) body["sort"] = { field: first.field.segments.join("."), direction: first.direction };
  if (query.select.length > 0) body["select"] = query.select.map((p) => p.segments.join("."));
  if (options.returnUrls !== undefined) body["return_urls"] = options.returnUrls;
  if (reporter.hasErrors) throw new FilterQLError(reporter.diagnostics, text);
  return body as MixpeekBody;
}
