/**
 * Answers a compiled query from a RecordIndex. Each predicate becomes a set of record positions:
 * one test per distinct value of its path (or a lookup or a slice of the sorted values, for
 * `=`, `in` and ranges) stands for every record holding that value; `and`/`or`/`not` become
 * word-wide set operations. Records the index cannot vouch for on some path of the query
 * (arrays, class instances, throwing getters, non-objects: a column's `others`) are left to the
 * compiled record test, so the answer is always the one a scan would give.
 */
import type { ExprNode, PredicateNode, ValueNode } from "../../ast/nodes.js";
import { positiveOf } from "../../ast/positive-of.js";
import { walk as walkAst } from "../../ast/visit.js";
import { compareCodePoints } from "../code-point-order.js";
import { guarded } from "../codegen.js";
import { compileExpr, constantOf, type EvalContext, type Test } from "../predicates.js";
import { Bitset } from "./bitset.js";
import type { Column, Key, SortedEntries } from "./column.js";
import { memo, pathKey } from "./memo.js";
import { MISSING_RECORD, probeFor, type Probe } from "./probe.js";
import type { RecordIndex } from "./record-index.js";

/** How a predicate's keyed records can be found without a test per value. */
type Lookup =
  | { readonly kind: "values"; readonly values: readonly Key[] }
  | { readonly kind: "range"; readonly type: "number" | "string"; readonly low?: Bound; readonly high?: Bound };

interface Bound {
  readonly value: number | string;
  readonly inclusive: boolean;
}

interface Env {
  readonly index: RecordIndex<unknown>;
  /** Records every column of the query vouches for. */
  readonly clean: Bitset;
}

/** What testing one record costs, in units of setting one bit or combining one word. */
const TEST_COST = 20;

/** Above this many distinct values per keyed record, testing the records beats testing the values. */
const PROBE_RATIO = 0.5;

export class IndexPlan {
  readonly #paths: readonly (readonly string[])[];
  readonly #tests = new Map<ExprNode, Test>();
  readonly #probes = new Map<string, Probe>();
  readonly #lookups = new Map<PredicateNode, Lookup | null>();

  constructor(
    private readonly filter: ExprNode,
    private readonly ctx: EvalContext,
    /** The compiled whole-record test: decides the records the index cannot vouch for. */
    private readonly recordTest: Test,
    /** The compiled scan, `records.filter(recordTest)` as one loop. */
    private readonly scan: <T>(records: readonly T[]) => T[],
  ) {
    const paths = new Map<string, readonly string[]>();
    walkAst(filter, (node) => {
      if (node.kind === "Path") memo(paths, pathKey(node.segments), () => node.segments);
    });
    this.#paths = [...paths.values()];
  }

  /** The matching records in index order: exactly `records.filter(recordTest)`. */
  select<T>(index: RecordIndex<T>): T[] {
    const group = this.singleGroup(index);
    // The whole answer is one value group, already in order: copy it out, no set algebra.
    if (group !== undefined) return group.slice() as T[];
    const n = index.size;
    const dirty = new Bitset(n);
    for (const segments of this.#paths) dirty.addAll(index.column(segments).others);
    // Most records are ones the index cannot vouch for (an array on a queried path, say): each
    // would get the record test anyway, so the set algebra could only add to a plain scan.
    if (dirty.count() * 2 > n) return this.scan(index.records);
    const env: Env = { index, clean: Bitset.full(n).andNot(dirty) };
    const result = this.evaluate(this.filter, env).and(env.clean);
    const records = index.records;
    dirty.forEach((p) => {
      if (this.recordTest(records[p])) result.add(p);
    });
    return result.select(records);
  }

  /**
   * The positions of the answer when the query is `path = value` and every record holding
   * anything else at the path is vouched not to match (the commonest query there is).
   */
  private singleGroup(index: RecordIndex<unknown>): readonly unknown[] | undefined {
    const node = this.filter;
    if (node.kind === "And" || node.kind === "Or" || node.kind === "Not" || positiveOf(node).negated) return undefined;
    const lookup = this.lookupOf(node);
    if (lookup?.kind !== "values" || lookup.values.length !== 1) return undefined;
    const column = index.column(node.field.segments);
    if (column.others.length > 0) return undefined;
    const test = this.testOf(node);
    if (column.missing.length > 0 && test(MISSING_RECORD)) return undefined;
    const nullGroup = column.groupOf.get(null);
    if (nullGroup !== undefined && test(this.probeOf(node.field.segments)(null))) return undefined;
    const g = column.groupOf.get(lookup.values[0] as Key);
    return g === undefined ? [] : column.recordsOf(g);
  }

  /** The positions where `node` holds; exact on clean positions, arbitrary elsewhere. */
  private evaluate(node: ExprNode, env: Env): Bitset {
    switch (node.kind) {
      case "And":
        return this.and(node.operands, env);
      case "Or": {
        let acc: Bitset | undefined;
        for (const o of node.operands) acc = acc === undefined ? this.evaluate(o, env) : acc.or(this.evaluate(o, env));
        return acc ?? new Bitset(env.index.size);
      }
      case "Not":
        return env.clean.copy().andNot(this.evaluate(node.operand, env));
      default:
        return this.predicate(node, env);
    }
  }

  /**
   * Cheapest operands first, each narrowing one running set. An operand whose set would cost more
   * to build than testing the few candidates left is tested on those records instead (exact
   * there: a clean record's test cannot throw). Negated predicates subtract their positive set,
   * and every predicate's set is built in one reused scratch set.
   */
  private and(operands: readonly ExprNode[], env: Env): Bitset {
    const ordered = operands.map((node) => ({ node, cost: this.cost(node, env) })).sort((a, b) => a.cost - b.cost);
    const acc = env.clean.copy();
    let scratch: Bitset | undefined;
    let count = env.index.size;
    const residual: Test[] = [];
    for (const { node, cost } of ordered) {
      if (cost > TEST_COST * count && cost > TEST_COST * (count = acc.count())) {
        residual.push(this.testOf(node));
        continue;
      }
      if (node.kind === "And" || node.kind === "Or" || node.kind === "Not") {
        acc.and(this.evaluate(node, env));
        continue;
      }
      const { positive, negated } = positiveOf(node);
      scratch = scratch === undefined ? new Bitset(env.index.size) : scratch.clear();
      const set = this.positiveSet(positive, env, scratch);
      if (negated) acc.andNot(set);
      else acc.and(set);
    }
    if (residual.length === 0) return acc;
    const records = env.index.records;
    const kept = new Bitset(env.index.size);
    acc.forEach((p) => {
      const r = records[p];
      for (const t of residual) if (!t(r)) return;
      kept.add(p);
    });
    return kept;
  }

  /** A rough count of the work building `node`'s set takes. */
  private cost(node: ExprNode, env: Env): number {
    const words = env.index.size / 32;
    switch (node.kind) {
      case "And":
      case "Or":
        return node.operands.reduce((sum, o) => sum + this.cost(o, env), 0);
      case "Not":
        return words + this.cost(node.operand, env);
      default: {
        const { positive } = positiveOf(node);
        const column = env.index.column(node.field.segments);
        const lookup = this.lookupOf(positive);
        if (lookup === null) return words + TEST_COST * (byRecord(column) ? column.positions.length : column.keys.length);
        if (lookup.kind === "range") return words + rangeCost(column, lookup);
        let size = 0;
        for (const value of lookup.values) {
          const g = column.groupOf.get(value);
          if (g !== undefined) size += column.group(g).length;
        }
        return words + size;
      }
    }
  }

  private predicate(node: PredicateNode, env: Env): Bitset {
    const { positive, negated } = positiveOf(node);
    const set = this.positiveSet(positive, env);
    return negated ? env.clean.copy().andNot(set) : set;
  }

  /** The positions where a positive predicate holds, added to `bits` (a new set when not given). */
  private positiveSet(node: PredicateNode, env: Env, bits = new Bitset(env.index.size)): Bitset {
    const column = env.index.column(node.field.segments);
    const test = this.testOf(node);
    if (column.missing.length > 0 && test(MISSING_RECORD)) bits.addAll(column.missing);
    const lookup = this.lookupOf(node);
    const probe = this.probeOf(node.field.segments);
    if (lookup !== null) {
      // Lookups leave null out; it answers with one probe.
      const g = column.groupOf.get(null);
      if (g !== undefined && test(probe(null))) bits.addAll(column.group(g));
      if (lookup.kind === "values") {
        for (const value of lookup.values) {
          const h = column.groupOf.get(value);
          if (h !== undefined) bits.addAll(column.group(h));
        }
        return bits;
      }
      return addRange(bits, column, lookup);
    }
    if (byRecord(column)) {
      // Nearly every value distinct: test the keyed records themselves.
      const records = env.index.records;
      const positions = column.positions;
      for (let i = 0; i < positions.length; i++) if (test(records[positions[i] as number])) bits.add(positions[i] as number);
      return bits;
    }
    for (let g = 0; g < column.keys.length; g++) if (test(probe(column.keys[g] as Key))) bits.addAll(column.group(g));
    return bits;
  }

  private testOf(node: ExprNode): Test {
    return memo(this.#tests, node, () => guarded(compileExpr(node, this.ctx)));
  }

  private probeOf(segments: readonly string[]): Probe {
    return memo(this.#probes, pathKey(segments), () => probeFor(segments));
  }

  private lookupOf(node: PredicateNode): Lookup | null {
    return memo(this.#lookups, node, () => lookupFor(node, this.ctx));
  }
}

/**
 * The predicates whose keyed records are found by value: `=` and `in` with plain literals, and
 * ranges against a number or string, where neither case folding nor the date domain changes what
 * "equal" or "less" means. On a keyed (plain, non-array) value these hold exactly when the value
 * is one of the literals, or a value of the literal's type within the range.
 */
function lookupFor(node: PredicateNode, ctx: EvalContext): Lookup | null {
  if (ctx.schema?.isDate(node.field.segments) === true) return null;
  const plain = (v: ValueNode): Key | undefined => {
    if (v.kind !== "Literal") return undefined;
    const c = constantOf(v, ctx);
    if (typeof c === "string" && ctx.caseInsensitive) return undefined;
    return c;
  };
  switch (node.kind) {
    case "Compare": {
      const c = plain(node.value);
      if (c === undefined || c === null) return null;
      if (node.op === "eq") return { kind: "values", values: [c] };
      if (node.op === "ne" || (typeof c !== "number" && typeof c !== "string")) return null;
      const type = typeof c === "number" ? "number" : "string";
      const bound = { value: c, inclusive: node.op === "gte" || node.op === "lte" };
      return node.op === "gt" || node.op === "gte" ? { kind: "range", type, low: bound } : { kind: "range", type, high: bound };
    }
    case "In": {
      const values = node.values.map(plain);
      if (values.some((v) => v === undefined)) return null;
      return { kind: "values", values: values.filter((v): v is Key => v !== null && v !== undefined) };
    }
    case "Between": {
      const low = node.low.kind === "Literal" ? constantOf(node.low, ctx) : undefined;
      const high = node.high.kind === "Literal" ? constantOf(node.high, ctx) : undefined;
      if ((typeof low === "number" && typeof high === "number") || (typeof low === "string" && typeof high === "string")) {
        return { kind: "range", type: typeof low === "number" ? "number" : "string", low: { value: low, inclusive: true }, high: { value: high, inclusive: true } };
      }
      return null;
    }
    default:
      return null;
  }
}

/** Whether testing each keyed record costs less than testing each distinct value. */
function byRecord(column: Column): boolean {
  return column.keys.length > column.positions.length * PROBE_RATIO;
}

type RangeLookup = Extract<Lookup, { kind: "range" }>;

/** The slice of the sorted entries within the bounds. */
function sliceOf(column: Column, range: RangeLookup): { entries: SortedEntries<number | string>; from: number; to: number } {
  const entries = range.type === "number" ? column.numbers : column.strings;
  const { values } = entries;
  const from = range.low === undefined ? 0 : firstAbove(values, range.low.value, !range.low.inclusive);
  const to = range.high === undefined ? values.length : Math.max(from, firstAbove(values, range.high.value, range.high.inclusive));
  return { entries, from, to };
}

function rangeCost(column: Column, range: RangeLookup): number {
  const { entries, from, to } = sliceOf(column, range);
  return Math.min(to - from, entries.positions.length - (to - from));
}

/**
 * Adds the positions whose value lies within the bounds. A range holding most of its type's
 * entries is built the other way round: every entry of the type, minus those outside.
 */
function addRange(bits: Bitset, column: Column, range: RangeLookup): Bitset {
  const { entries, from, to } = sliceOf(column, range);
  const { positions } = entries;
  if (to - from <= positions.length / 2) {
    for (let i = from; i < to; i++) bits.add(positions[i] as number);
    return bits;
  }
  const inside = (range.type === "number" ? column.numberBits : column.stringBits).copy();
  inside.removeAll(positions.subarray(0, from));
  inside.removeAll(positions.subarray(to));
  return bits.or(inside);
}

/** The first index whose value is > c (`strict`) or >= c; strings by code point, as they are sorted. */
function firstAbove(values: ArrayLike<number | string>, c: number | string, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as number | string;
    const order = typeof c === "string" ? compareCodePoints(v as string, c) : (v as number) - c;
    if (strict ? order <= 0 : order < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
