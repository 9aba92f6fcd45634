/**
 * Column mode (SPEC §7): each field is a typed column; SQL NULL stands for null and missing.
 * Positive forms are the plain, indexable predicates (`=`, `IN`, `@>`, `&&`); negative forms
 * keep NULL rows (`IS DISTINCT FROM`, `IS NOT TRUE`, `NOT EXISTS`).
 */
import type { PathNode, ValueNode } from "../ast/nodes.js";
import type { FieldInfo } from "../check/schema.js";
import { toInstant } from "../engine/dates.js";
import { constant, fold, foldedConstant, type Constant, type EmitContext } from "./context.js";
import type { Leaf, PredicateEmitter } from "./condition.js";
import { quoteIdent } from "./quote.js";
import { translateRegex } from "./regex.js";
import { EARLIEST_TIMESTAMPTZ, timestamptzText } from "./timestamptz-text.js";

const SQL_TYPE: Record<string, string> = { string: "text", integer: "bigint", number: "double precision", boolean: "boolean", date: "timestamptz" };

interface Column {
  readonly sql: string;
  readonly field: FieldInfo;
}

const OPS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

type OrderOp = keyof typeof OPS;

/** PostgreSQL orders NaN above every number (and equal to itself); MongoDB orders it against no number, and sorts it below them all. */
const NAN = "'NaN'::double precision";

/** Whether an integer fits PostgreSQL's bigint (-2^63 .. 2^63 - 1). */
const inInt64 = (v: number): boolean => v >= -(2 ** 63) && v < 2 ** 63;

export class ColumnEmitter implements PredicateEmitter {
  constructor(
    private readonly ctx: EmitContext,
    private readonly columns: Readonly<Record<string, string>>,
  ) {}

  /** The quoted column of a field, refusing fields that have no SQL column type. */
  column(path: PathNode): Column | undefined {
    const name = path.segments.join(".");
    const field = this.ctx.schema?.lookup(path.segments);
    if (field === undefined || field.open || SQL_TYPE[field.base] === undefined || (field.path !== name)) {
      this.ctx.refusals.unsupported(`\`${name}\` in column mode`, path.span, "column mode needs a schema field of type string, integer, number, boolean, date or an array of one; use document mode for objects and untyped data");
      return undefined;
    }
    const col = this.columns[name] ?? name;
    this.ctx.refusals.text(col, path.span, "this column name");
    return { sql: quoteIdent(col), field };
  }

  predicate(node: Leaf, positive: boolean): string {
    const col = this.column(node.field);
    if (col === undefined) return "FALSE";
    const pos = this.positive(node, col);
    if (pos.kind === "const") return pos.value === positive ? "TRUE" : "FALSE";
    return positive ? pos.sql : pos.negated;
  }

  /** The predicate as a pair: its SQL and its negation's SQL (each TRUE exactly where it holds), or a constant. */
  private positive(node: Leaf, col: Column): Form {
    const { base, array } = col.field;
    const c = col.sql;
    switch (node.kind) {
      case "Compare": {
        const v = constant(node.value, this.ctx);
        // `!=` never reaches here: it comes as `not =` (positiveOf, condition.ts).
        if (v === null) return node.op === "eq" || node.op === "gte" || node.op === "lte" ? this.isNull(c, array) : FALSE;
        if (node.op === "eq") return this.equals(c, col.field, v, node.value);
        const test = this.ordering(base, v, node.op as Exclude<typeof node.op, "ne">);
        if (test === "none") return FALSE;
        if (test === "all") return array ? exists(c, "fql_v IS NOT NULL") : pair(`${c} IS NOT NULL`, `${c} IS NULL`);
        return array ? exists(c, test("fql_v")) : pair(test(c), `(${test(c)}) IS NOT TRUE`);
      }
      case "In": {
        const values = node.values.map((v) => ({ v: constant(v, this.ctx), node: v }));
        const hasNull = values.some((x) => x.v === null);
        const fold = this.folds(base);
        const list = values.filter((x) => x.v !== null).map((x) => (fold && typeof x.v === "string" ? this.ctx.params.add(foldedConstant(x.v, x.node, this.ctx), "text") : this.typed(base, x.v))).filter((p): p is string => p !== undefined);
        const parts: string[] = [];
        if (hasNull) parts.push(array ? `(${c} IS NULL OR array_position(${c}, NULL) IS NOT NULL)` : `${c} IS NULL`);
        const ranges = base === "date" ? values.flatMap((x) => (x.v === null ? [] : [this.instantRange(x.v)])).filter((r) => r !== undefined) : [];
        if (ranges.length > 0) {
          const any = (x: string) => ranges.map((r) => r(x)).join(" OR ");
          parts.push(array ? `EXISTS (SELECT 1 FROM unnest(${c}) AS fql_e(fql_v) WHERE ${any("fql_v")})` : `(${any(c)})`);
        }
        if (list.length > 0) {
          if (fold) parts.push(array ? `EXISTS (SELECT 1 FROM unnest(${c}) AS fql_e(fql_v) WHERE ${this.fold("fql_v")} IN (${list.join(", ")}))` : `${this.fold(c)} IN (${list.join(", ")})`);
          else parts.push(array ? `${c} && ARRAY[${list.join(", ")}]` : `${c} IN (${list.join(", ")})`);
        }
        if (parts.length === 0) return FALSE;
        const sql = parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
        if (!array && !hasNull && !fold && list.length > 0) return pair(sql, `(${c} IS NULL OR ${c} NOT IN (${list.join(", ")}))`);
        return pair(sql, `(${sql}) IS NOT TRUE`);
      }
      case "IsNull":
        return this.isNull(c, array);
      case "Exists":
        this.ctx.refusals.unsupported("`exists` in column mode", node.span, "a NULL column stands for null and missing alike, so presence cannot be told; use `is not null`, or document mode");
        return FALSE;
      case "Text":
        this.ctx.refusals.unsupported("`~` (word matching)", node.span, "PostgreSQL has no exact equivalent of Unicode word runs with JavaScript case folding; use `contains` or `matches`");
        return FALSE;
      case "Match":
        return this.match(node, col);
    }
  }

  private match(node: Extract<Leaf, { kind: "Match" }>, col: Column): Form {
    const { base, array } = col.field;
    const c = col.sql;
    if (base === "date") {
      this.ctx.refusals.unsupported(`\`${node.op}\` on a date column`, node.span, "a timestamptz column has no text; compare dates with = < > instead");
      return FALSE;
    }
    const v = constant(node.value, this.ctx);
    if (node.op === "contains") {
      if (array) {
        if (v === null) return pair(`array_position(${c}, NULL) IS NOT NULL`, `array_position(${c}, NULL) IS NULL`);
        if (this.folds(base) && typeof v === "string") return exists(c, `${this.fold("fql_v")} = ${this.ctx.params.add(foldedConstant(v, node.value, this.ctx), "text")}`);
        const p = this.typed(base, v);
        return p === undefined ? FALSE : pair(`${c} @> ARRAY[${p}]`, `(${c} @> ARRAY[${p}]) IS NOT TRUE`);
      }
      if (base !== "string" || typeof v !== "string") return FALSE;
      const [x, p] = this.textOperands(c, v, node.value);
      return pair(`strpos(${x}, ${p}) > 0`, `COALESCE(strpos(${x}, ${p}), 0) = 0`);
    }
    if (base !== "string" || typeof v !== "string") return FALSE;
    if (node.op === "regex") {
      const flagged = node.value.kind === "Regex" && node.value.flags.includes("i");
      const t = translateRegex(v, this.ctx.caseInsensitive || flagged);
      if (!t.ok) {
        this.ctx.refusals.unsupported(`this pattern (${t.message})`, node.value.span);
        return FALSE;
      }
      const p = this.ctx.params.add(t.source, "text");
      return array ? exists(c, `fql_v ~ ${p}`) : pair(`${c} ~ ${p}`, `(${c} ~ ${p}) IS NOT TRUE`);
    }
    const test = (x: string, p: string) => (node.op === "starts_with" ? `starts_with(${x}, ${p})` : `right(${x}, length(${p})) = ${p}`);
    if (array) {
      const [x, p] = this.textOperands("fql_v", v, node.value);
      return exists(c, test(x, p));
    }
    const [x, p] = this.textOperands(c, v, node.value);
    const upper = node.op === "starts_with" && !this.ctx.caseInsensitive ? successor(v) : undefined;
    if (upper !== undefined) {
      // The strings starting with v are exactly [v, successor(v)) in code point order: a range a btree can serve.
      const range = `${c} COLLATE "C" >= ${p} AND ${c} COLLATE "C" < ${this.ctx.params.add(upper, "text")}`;
      return pair(`(${range})`, `(${range}) IS NOT TRUE`);
    }
    return pair(test(x, p), `(${test(x, p)}) IS NOT TRUE`);
  }

  private textOperands(x: string, v: string, node: ValueNode): [string, string] {
    return this.ctx.caseInsensitive ? [this.fold(x), this.ctx.params.add(foldedConstant(v, node, this.ctx), "text")] : [x, this.ctx.params.add(v, "text")];
  }

  private folds(base: string): boolean {
    return this.ctx.caseInsensitive && base === "string";
  }

  private fold(x: string): string {
    return fold(x, this.ctx);
  }

  private isNull(c: string, array: boolean): Form {
    return array ? pair(`(${c} IS NULL OR array_position(${c}, NULL) IS NOT NULL)`, `(${c} IS NOT NULL AND array_position(${c}, NULL) IS NULL)`) : pair(`${c} IS NULL`, `${c} IS NOT NULL`);
  }

  private equals(c: string, field: FieldInfo, v: Exclude<Constant, null>, node: ValueNode): Form {
    if (this.folds(field.base) && typeof v === "string") {
      const p = this.ctx.params.add(foldedConstant(v, node, this.ctx), "text");
      return field.array ? exists(c, `${this.fold("fql_v")} = ${p}`) : pair(`${this.fold(c)} = ${p}`, `${this.fold(c)} IS DISTINCT FROM ${p}`);
    }
    if (field.base === "date") {
      const range = this.instantRange(v);
      if (range === undefined) return FALSE;
      return field.array ? exists(c, range("fql_v")) : pair(range(c), `(${range(c)}) IS NOT TRUE`);
    }
    const p = this.typed(field.base, v);
    if (p === undefined) return FALSE;
    // `<> OR IS NULL` rather than IS DISTINCT FROM: the same rows, and the planner estimates `<>`.
    return field.array ? pair(`${c} @> ARRAY[${p}]`, `(${c} @> ARRAY[${p}]) IS NOT TRUE`) : pair(`${c} = ${p}`, `(${c} <> ${p} OR ${c} IS NULL)`);
  }

  /** The parameter for `v` compared for equality with a column of type `base` (not `date`: see instantRange); undefined when no value of that type can be equal. */
  private typed(base: string, v: Constant): string | undefined {
    const params = this.ctx.params;
    switch (base) {
      case "string": return typeof v === "string" ? params.add(v, "text") : undefined;
      case "boolean": return typeof v === "boolean" ? params.add(v, "boolean") : undefined;
      case "number": return typeof v === "number" ? params.add(v, "double precision") : undefined;
      case "integer": return typeof v === "number" && Number.isInteger(v) && inInt64(v) ? this.bigint(v) : undefined;
      default: return undefined;
    }
  }

  /**
   * An integer within bigint's range as a bigint parameter. Past 2^53 it travels as its exact
   * decimal text: a driver writes a number with String(), the shortest text that reads back as the
   * same double (2^62 as 4611686018427388000), which bigint reads as another integer, or as one out
   * of range (-2^63 as -9223372036854776000).
   */
  private bigint(v: number): string {
    return this.ctx.params.add(Number.isSafeInteger(v) ? v : BigInt(v).toString(), "bigint");
  }

  /**
   * `x op v` for a column of type `base`, as the engine orders: a test of `x`, or "all" where every
   * present value passes (an integer beyond bigint's range, an instant before timestamptz's), "none"
   * where none does (another type, an invalid date).
   */
  private ordering(base: string, v: Exclude<Constant, null>, op: OrderOp): ((x: string) => string) | "all" | "none" {
    const params = this.ctx.params;
    const upward = op === "gt" || op === "gte";
    const compare = (p: string) => (x: string) => `${x} ${OPS[op]} ${p}`;
    switch (base) {
      case "string": {
        if (typeof v !== "string") return "none";
        const p = params.add(v, "text");
        return (x) => `${x} COLLATE "C" ${OPS[op]} ${p}`;
      }
      case "boolean": return typeof v === "boolean" ? compare(params.add(v, "boolean")) : "none";
      case "number": {
        if (typeof v !== "number") return "none";
        const p = params.add(v, "double precision");
        // Below NaN as well: one range an index serves, and NaN (above every number in PostgreSQL) left out.
        return upward ? (x) => `(${x} ${OPS[op]} ${p} AND ${x} < ${NAN})` : compare(p);
      }
      case "integer": {
        if (typeof v !== "number") return "none";
        if (!Number.isInteger(v)) return compare(params.add(v, "double precision"));
        // Beyond bigint, every value lies on one side (a bigint parameter would not even parse).
        if (!inInt64(v)) return (v > 0) === upward ? "none" : "all";
        return compare(this.bigint(v));
      }
      case "date": {
        const t = toInstant(v);
        if (Number.isNaN(t)) return "none";
        if (t < EARLIEST_TIMESTAMPTZ) return upward ? "all" : "none";
        // At the millisecond (instantRange): x > t is x >= t + 1 ms, x <= t is x < t + 1 ms.
        const p = params.add(timestamptzText(op === "gt" || op === "lte" ? t + 1 : t), "timestamptz");
        return (x) => `${x} ${upward ? ">=" : "<"} ${p}`;
      }
      default: return "none";
    }
  }

  /**
   * `x` within the millisecond of instant `v`, or undefined where no instant equals it. A column
   * is compared at the millisecond, as JavaScript (and so the engine, over rows a driver returns)
   * reads it: sub-millisecond digits are truncated. A range rather than date_trunc(), which is not
   * immutable and so cannot use an index on the column.
   */
  private instantRange(v: Exclude<Constant, null>): ((x: string) => string) | undefined {
    const t = toInstant(v);
    if (Number.isNaN(t) || t < EARLIEST_TIMESTAMPTZ) return undefined;
    const low = this.ctx.params.add(timestamptzText(t), "timestamptz");
    const high = this.ctx.params.add(timestamptzText(t + 1), "timestamptz");
    return (x) => `(${x} >= ${low} AND ${x} < ${high})`;
  }
}

/** The least string above every string starting with `prefix` (its last code point raised by one), if any. */
function successor(prefix: string): string | undefined {
  const cps = [...prefix];
  const last = cps.pop()?.codePointAt(0);
  if (last === undefined || last >= 0x10ffff) return undefined;
  return cps.join("") + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
}

type Form = { kind: "const"; value: boolean } | { kind: "sql"; sql: string; negated: string };

const FALSE: Form = { kind: "const", value: false };

function pair(sql: string, negated: string): Form {
  return { kind: "sql", sql, negated };
}

function exists(c: string, cond: string): Form {
  const sql = `EXISTS (SELECT 1 FROM unnest(${c}) AS fql_e(fql_v) WHERE ${cond})`;
  return pair(sql, `NOT ${sql}`);
}

/**
 * ORDER BY terms for one column: MongoDB's order (empty array < null < NaN < numbers < values),
 * strings by code point. A date column sorts by its full instant (an index on it serves the sort),
 * so rows in one millisecond, which the engine ties and orders by the key, sort by their
 * sub-millisecond digits.
 */
export function columnOrder(col: { sql: string; field: FieldInfo }, direction: "asc" | "desc"): string[] {
  const { sql: c, field } = col;
  const collate = field.base === "string" ? ` COLLATE "C"` : "";
  const dir = direction === "asc" ? "ASC" : "DESC";
  if (!field.array) {
    const terms = [direction === "asc" ? `${c}${collate} ASC NULLS FIRST` : `${c}${collate} DESC NULLS LAST`];
    // PostgreSQL sorts NaN above every number: first, whether the value is a number other than NaN (NULL for NULL).
    return field.base === "number" ? [`(${c} < ${NAN}) ${dir} NULLS ${direction === "asc" ? "FIRST" : "LAST"}`, ...terms] : terms;
  }
  if (field.base === "number") return numberArrayOrder(c, direction);
  // The least element ascending (a NULL element is the least), the greatest descending.
  const rank = direction === "asc"
    ? `CASE WHEN ${c} IS NULL THEN 1 WHEN cardinality(${c}) = 0 THEN 0 WHEN array_position(${c}, NULL) IS NOT NULL THEN 1 ELSE 2 END`
    : `CASE WHEN ${c} IS NULL THEN 1 WHEN cardinality(${c}) = 0 THEN 0 WHEN array_position(${c}, NULL) IS NOT NULL AND (SELECT count(fql_v) FROM unnest(${c}) AS fql_e(fql_v)) = 0 THEN 1 ELSE 2 END`;
  const agg = field.base === "boolean" ? (direction === "asc" ? "bool_and" : "bool_or") : direction === "asc" ? "min" : "max";
  const least = `(SELECT ${agg}(fql_v${collate}) FROM unnest(${c}) AS fql_e(fql_v))`;
  // Ascending, an array holding a NULL sorts as null: its other elements must not break the tie.
  const value = direction === "asc" ? `(CASE WHEN array_position(${c}, NULL) IS NULL THEN ${least} END)` : least;
  return [`${rank} ${dir}`, `${value} ${dir}`];
}

/**
 * A double precision array's sort key in MongoDB's order, where NaN is below every number: the
 * least element ascending is NULL, else NaN, else the least number; the greatest descending is
 * the greatest number, else NaN, else NULL. (array_position finds NaN: PostgreSQL's NaN equals itself.)
 */
function numberArrayOrder(c: string, direction: "asc" | "desc"): string[] {
  const hasNaN = `array_position(${c}, ${NAN}) IS NOT NULL`;
  if (direction === "asc") {
    const rank = `CASE WHEN ${c} IS NULL THEN 1 WHEN cardinality(${c}) = 0 THEN 0 WHEN array_position(${c}, NULL) IS NOT NULL THEN 1 WHEN ${hasNaN} THEN 2 ELSE 3 END`;
    const least = `(CASE WHEN array_position(${c}, NULL) IS NULL AND NOT ${hasNaN} THEN (SELECT min(fql_v) FROM unnest(${c}) AS fql_e(fql_v)) END)`;
    return [`${rank} ASC`, `${least} ASC`];
  }
  const numbers = `(SELECT count(*) FROM unnest(${c}) AS fql_e(fql_v) WHERE fql_v < ${NAN})`;
  const rank = `CASE WHEN ${c} IS NULL THEN 1 WHEN cardinality(${c}) = 0 THEN 0 WHEN ${numbers} > 0 THEN 3 WHEN ${hasNaN} THEN 2 ELSE 1 END`;
  const greatest = `(SELECT max(fql_v) FROM unnest(${c}) AS fql_e(fql_v) WHERE fql_v < ${NAN})`;
  return [`${rank} DESC`, `${greatest} DESC`];
}
