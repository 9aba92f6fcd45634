/**
 * Document mode (SPEC §7): each record is a `jsonb` value; every predicate means what it means
 * on a MongoDB server (SPEC §4). Equality, `in`, ordering, null and `exists` are one SQL/JSON
 * path each, bound whole as a parameter and tested with `@?` (two-valued, and served by a
 * `jsonb_path_ops` GIN index); the string operators and case-folded comparisons read the leaf
 * values with `jsonb_path_query` and test them in SQL.
 */
import type { PathNode, ValueNode } from "../ast/nodes.js";
import { constant, fold, foldedConstant, type Constant, type EmitContext } from "./context.js";
import type { Leaf, PredicateEmitter } from "./condition.js";
import { any, branches, endsAtPosition, items, jsonType, literal, MAX_NUMERIC_SEGMENTS, missing, numericCount, where, type Step } from "./jsonpath.js";
import { translateRegex } from "./regex.js";
import { instant } from "./date-instant.js";
import { toInstant } from "../engine/dates.js";

const PATH_OPS = { eq: "==", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
const SQL_OPS = { eq: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

export class DocumentEmitter implements PredicateEmitter {
  constructor(
    private readonly ctx: EmitContext,
    readonly doc: string,
  ) {}

  predicate(node: Leaf, positive: boolean): string {
    const sql = this.holds(node);
    if (sql === "TRUE" || sql === "FALSE") return (sql === "TRUE") === positive ? "TRUE" : "FALSE";
    return positive ? sql : `NOT ${sql}`;
  }

  /** Two-valued SQL (never NULL) that is TRUE exactly where the predicate holds. */
  private holds(node: Leaf): string {
    switch (node.kind) {
      case "Compare": {
        const v = constant(node.value, this.ctx);
        if (v === null) return node.op === "eq" || node.op === "gte" || node.op === "lte" ? this.isNull(node.field) : "FALSE";
        if (typeof v === "string" && this.isDate(node.field)) return this.dates(node.field, SQL_OPS[node.op === "ne" ? "eq" : node.op], [v]);
        if (node.op === "eq" && this.ctx.caseInsensitive && typeof v === "string") return this.foldedEquals(node.field, v, node.value);
        const op = PATH_OPS[node.op === "ne" ? "eq" : node.op];
        return this.path(node.field, (ref) => `${ref}.type() == ${literal(jsonType(v))} && ${ref} ${op} ${literal(v)}`);
      }
      case "In": {
        if (this.isDate(node.field)) {
          const cs = node.values.map((value) => constant(value, this.ctx));
          const parts = cs.includes(null) ? [this.isNull(node.field)] : [];
          const strings = cs.filter((c): c is string => typeof c === "string");
          if (strings.length > 0) parts.push(this.dates(node.field, "=", strings));
          return parts.length === 0 ? "FALSE" : parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
        }
        const parts = node.values.map((value) => {
          const v = constant(value, this.ctx);
          if (v === null) return this.isNull(node.field);
          if (this.ctx.caseInsensitive && typeof v === "string") return this.foldedEquals(node.field, v, value);
          return this.path(node.field, (ref) => `${ref}.type() == ${literal(jsonType(v))} && ${ref} == ${literal(v)}`);
        });
        return parts.length === 0 ? "FALSE" : parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
      }
      case "IsNull":
        return this.isNull(node.field);
      case "Exists": {
        // Some branch reaches a value (even null).
        const bs = this.branches(node.field);
        return bs.length === 0 ? "FALSE" : this.test(any(bs.map(items)));
      }
      case "Text":
        this.ctx.refusals.unsupported("`~` (word matching)", node.span, "PostgreSQL has no exact equivalent of Unicode word runs with JavaScript case folding; use `contains` or `matches`");
        return "FALSE";
      case "Match":
        return this.match(node);
    }
  }

  private match(node: Extract<Leaf, { kind: "Match" }>): string {
    const v = constant(node.value, this.ctx);
    const text = (x: string) => `(${x} #>> '{}')`;
    const str = (x: string, test: (s: string) => string) => `(jsonb_typeof(${x}) = 'string' AND ${test(text(x))})`;
    const elements = (x: string, test: (e: string) => string) => `(jsonb_typeof(${x}) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(${x}) AS fql_a(fql_e) WHERE ${test("fql_e")}))`;
    if (node.op === "contains") {
      // On a string, a substring; on an array, an element equal to the value (SPEC §4).
      let member: (e: string) => string;
      let sub: ((x: string) => string) | undefined;
      if (typeof v === "string" && this.ctx.caseInsensitive) {
        const p = this.ctx.params.add(foldedConstant(v, node.value, this.ctx), "text");
        member = (e) => str(e, (s) => `${this.fold(s)} = ${p}`);
        sub = (x) => str(x, (s) => `strpos(${this.fold(s)}, ${p}) > 0`);
      } else {
        const j = this.ctx.params.add(JSON.stringify(v), "jsonb");
        member = (e) => `${e} = ${j}`;
        if (typeof v === "string") {
          const p = this.ctx.params.add(v, "text");
          sub = (x) => str(x, (s) => `strpos(${s}, ${p}) > 0`);
        }
      }
      return this.leaves(node.field, (x) => (sub === undefined ? elements(x, member) : `(${sub(x)} OR ${elements(x, member)})`));
    }
    if (typeof v !== "string") return "FALSE";
    if (node.op === "regex") {
      const flagged = node.value.kind === "Regex" && node.value.flags.includes("i");
      const t = translateRegex(v, this.ctx.caseInsensitive || flagged);
      if (!t.ok) {
        this.ctx.refusals.unsupported(`this pattern (${t.message})`, node.value.span);
        return "FALSE";
      }
      const p = this.ctx.params.add(t.source, "text");
      // MongoDB's $regex: a leaf reached by a field is opened one level, one reached by position is not.
      return this.leaves(node.field, (x, asIs) => (asIs ? str(x, (s) => `${s} ~ ${p}`) : `(${str(x, (s) => `${s} ~ ${p}`)} OR ${elements(x, (e) => str(e, (s) => `${s} ~ ${p}`))})`));
    }
    const [p, f] = this.ctx.caseInsensitive ? [this.ctx.params.add(foldedConstant(v, node.value, this.ctx), "text"), (s: string) => this.fold(s)] : [this.ctx.params.add(v, "text"), (s: string) => s];
    const test = node.op === "starts_with" ? (s: string) => `starts_with(${f(s)}, ${p})` : (s: string) => `right(${f(s)}, length(${p})) = ${p}`;
    // Strings, and the strings of an array (SPEC §4) — not of an array reached by position, which is compared as it is.
    return this.leaves(node.field, (x, asIs) => (asIs ? str(x, test) : `(${str(x, test)} OR ${elements(x, (e) => str(e, test))})`));
  }

  /**
   * A `date` field against date strings (SPEC §4: instants): some string reached — or string
   * element of an array reached as a field — whose instant compares with one of the constants'
   * instants (date-instant.ts). A constant that is no date matches nothing, as in memory.
   */
  private dates(field: PathNode, op: string, values: readonly string[]): string {
    const instants = values.map(toInstant).filter((t) => !Number.isNaN(t));
    if (instants.length === 0) return "FALSE";
    const ps = instants.map((t) => this.ctx.params.add(t, "numeric"));
    const one = (x: string) => (ps.length === 1 ? `${instant(x)} ${op} ${ps[0] as string}` : `${instant(x)} IN (${ps.join(", ")})`);
    const elements = (x: string) => `(jsonb_typeof(${x}) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(${x}) AS fql_a(fql_e) WHERE ${one("fql_e")}))`;
    return this.leaves(field, (x, asIs) => (asIs ? `(${one(x)})` : `(${one(x)} OR ${elements(x)})`));
  }

  isDate(field: PathNode): boolean {
    return this.ctx.schema?.isDate(field.segments) === true;
  }

  private foldedEquals(field: PathNode, v: string, node: ValueNode): string {
    const p = this.ctx.params.add(foldedConstant(v, node, this.ctx), "text");
    const eq = (x: string) => `(jsonb_typeof(${x}) = 'string' AND ${this.fold(`(${x} #>> '{}')`)} = ${p})`;
    return this.leaves(field, (x, asIs) => (asIs ? eq(x) : `(${eq(x)} OR (jsonb_typeof(${x}) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(${x}) AS fql_a(fql_e) WHERE ${eq("fql_e")})))`));
  }

  /** `= null`: a null leaf (or null element of a leaf array), or the path missing somewhere on the way. */
  private isNull(field: PathNode): string {
    const bs = this.branches(field);
    if (bs.length === 0) return "FALSE";
    return this.test(any([...bs.map((b) => where(b, (ref) => `${ref}.type() == "null"`)), ...missing(field.segments)]));
  }

  /** `doc @? path` for a per-leaf path test, over every branch of the field's path. */
  private path(field: PathNode, test: (ref: string) => string): string {
    const bs = this.branches(field);
    return bs.length === 0 ? "FALSE" : this.test(any(bs.map((b) => where(b, test))));
  }

  /** EXISTS over the leaf values of every branch, each tested in SQL as it is (`asIs` when reached by position). */
  private leaves(field: PathNode, test: (x: string, asIs: boolean) => string): string {
    const parts = this.branches(field).map((b) => `EXISTS (SELECT 1 FROM jsonb_path_query(${this.doc}, ${this.ctx.params.add(items(b), "jsonpath")}) AS fql_l(fql_x) WHERE ${test("fql_x", endsAtPosition(b))})`);
    return parts.length === 0 ? "FALSE" : parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
  }

  private branches(field: PathNode): Step[][] {
    this.names(field);
    if (numericCount(field.segments) > MAX_NUMERIC_SEGMENTS) {
      this.ctx.refusals.unsupported(`a path with more than ${MAX_NUMERIC_SEGMENTS} numeric segments`, field.span, `each numeric segment doubles the paths tested (a position, and a field of that name); ${MAX_NUMERIC_SEGMENTS} make ${2 ** MAX_NUMERIC_SEGMENTS}`);
      return [];
    }
    return branches(field.segments);
  }

  private names(field: PathNode): void {
    for (const s of field.segments) this.ctx.refusals.text(s, field.span, "this field name");
  }

  private test(path: string): string {
    return `${this.doc} @? ${this.ctx.params.add(path, "jsonpath")}`;
  }

  private fold(x: string): string {
    return fold(x, this.ctx);
  }

  /**
   * What a sort key reads, per branch: the leaf values (a leaf reached as a field opened one
   * level, one reached by position as it is), the leaves that may be empty arrays (reached as a
   * field), and where the path counts as null.
   */
  sortSources(field: PathNode): { values: string[]; emptyLeaves: string[]; missing: string } | undefined {
    const bs = this.branches(field);
    if (bs.length === 0) return undefined;
    const add = (path: string) => this.ctx.params.add(path, "jsonpath");
    return {
      values: bs.map((b) => add(endsAtPosition(b) ? items(b) : `${items(b)}[*]`)),
      emptyLeaves: bs.filter((b) => !endsAtPosition(b)).map((b) => add(items(b))),
      missing: add(any(missing(field.segments))),
    };
  }
}

export type { Constant };
