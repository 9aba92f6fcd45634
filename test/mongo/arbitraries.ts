/** Records and queries that collide often, for the MongoDB differential properties. */
import fc from "fast-check";
import { exprArb } from "../support/arbitraries.js";
import type { CompareOp, ExprNode, MatchOp, OrderKeyNode, PathNode, PredicateNode, QueryNode, ValueNode } from "../../src/ast/nodes.js";
import { NO_SPAN as span } from "../../src/diagnostics/diagnostic.js";

/** Strings that fold, lowercase or sort in unusual ways: K/ſ/İ/ß, newline, dots. */
const STRINGS = ["a", "b", "A", "ab", "Ab", "ba", "", "x\n", "é", "É", "K", "k", "\u212A", "s", "ſ", "İ", "i\u0307", "i", "I", "ß", "SS", "a.b", "a b"];
/** Strings whose code point order differs from their UTF-16 order. */
const ORDER_STRINGS = ["😀", "\uFFFF", "\uE000"];

const PATHS = [["a"], ["b"], ["n"], ["n", "x"], ["items"], ["items", "x"], ["items", "y"], ["items", "x", "y"], ["zz"]];
const NUMERIC_PATHS = [["n", "0"], ["items", "0"], ["items", "0", "x"]];

export interface Arbitraries {
  readonly records: fc.Arbitrary<Record<string, unknown>[]>;
  readonly predicate: fc.Arbitrary<PredicateNode>;
  readonly expr: fc.Arbitrary<ExprNode>;
  readonly orderKey: fc.Arbitrary<OrderKeyNode>;
  readonly path: fc.Arbitrary<PathNode>;
}

/**
 * `full`: every shape SPEC §4 speaks of. Otherwise the tamer shapes on which mingo follows the
 * server: no numeric path segments, no arrays inside arrays, null, `exists`, `in` and orderings on
 * top-level fields only (no `>= null`), `in` lists of one type, no strings whose code point order
 * differs from their UTF-16 order.
 */
export function arbitraries(full: boolean): Arbitraries {
  const string = fc.constantFrom(...STRINGS, ...(full ? ORDER_STRINGS : []));
  const nonNull = fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5, 10), string, fc.boolean());
  const scalar = fc.oneof({ weight: 6, arbitrary: nonNull }, { weight: 1, arbitrary: fc.constant(null) });
  const leaf: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    ...(full ? [{ weight: 1, arbitrary: fc.array(fc.array(scalar, { maxLength: 2 }), { maxLength: 2 }) }] : []),
  );
  const inner = fc.dictionary(fc.constantFrom("x", "y", "0"), leaf, { maxKeys: 2, noNullPrototype: true });
  const element = fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: scalar }, ...(full ? [{ weight: 1, arbitrary: fc.array(inner, { maxLength: 2 }) }] : []));
  const record = fc.record(
    { a: leaf, b: leaf, n: fc.oneof(inner, leaf), items: fc.oneof(fc.array(element, { maxLength: 3 }), inner, leaf) },
    { requiredKeys: [], noNullPrototype: true },
  );
  // Unique, increasing `_id`s: the sort tiebreak, in input order.
  const records = fc.array(record, { maxLength: 12 }).map((rs) => rs.map((r, i) => ({ _id: i, ...r })));

  const path = fc.constantFrom(...PATHS, ...(full ? NUMERIC_PATHS : [])).map((segments): PathNode => ({ kind: "Path", span, segments }));
  const top = fc.constantFrom(["a"], ["b"], ["n"], ["items"], ["zz"]).map((segments): PathNode => ({ kind: "Path", span, segments }));
  const literal = (value: string | number | boolean | null): ValueNode => ({ kind: "Literal", span, value });
  const value = nonNull.map(literal);
  const maybeNull = scalar.map(literal);
  const nullPath = full ? path : top;
  const regex: fc.Arbitrary<ValueNode> = fc
    .record({ pattern: fc.constantFrom("^a", "b$", "a", "^$", "^(?:a|b)+$", "A", "k", "^.$", "\\d", "[a-c]", "x\\s*$", "^[a-z]+$", "a.b", "é|ß"), flags: fc.constantFrom("", "i") })
    .map(({ pattern, flags }): ValueNode => ({ kind: "Regex", span, pattern, flags }));
  const stringValue = string.map(literal);
  const compareOp = fc.constantFrom<CompareOp>("eq", "ne", "gt", "gte", "lt", "lte");
  const oneTypeList = fc.oneof(fc.array(stringValue, { maxLength: 3 }), fc.array(fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5, 10), fc.boolean()).map(literal), { maxLength: 3 }));

  const orderPath = full ? path : top;
  const predicate: fc.Arbitrary<PredicateNode> = fc.oneof(
    fc.record({ field: path, op: fc.constantFrom<CompareOp>("eq", "ne"), value }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
    fc.record({ field: orderPath, op: fc.constantFrom<CompareOp>("gt", "gte", "lt", "lte"), value }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
    fc.record({ field: nullPath, op: full ? compareOp : fc.constantFrom<CompareOp>("eq", "ne"), value: maybeNull }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
    fc.record({ field: full ? path : top, negated: fc.boolean(), values: full ? fc.array(value, { maxLength: 3 }) : oneTypeList }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
    fc.record({ field: nullPath, negated: fc.boolean(), values: full ? fc.array(maybeNull, { maxLength: 3 }) : oneTypeList.map((l) => [...l, literal(null)]) }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
    fc.record({ field: orderPath, low: value, high: value }).map((r): PredicateNode => ({ kind: "Between", span, ...r })),
    fc.record({ field: nullPath, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
    fc.record({ field: nullPath, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })),
    fc.record({ field: path, negated: fc.boolean(), value: maybeNull }).map((r): PredicateNode => ({ kind: "Match", span, op: "contains", ...r })),
    fc.record({ field: path, negated: fc.boolean(), op: fc.constantFrom<MatchOp>("starts_with", "ends_with"), value: stringValue }).map((r): PredicateNode => ({ kind: "Match", span, ...r })),
    fc.record({ field: path, negated: fc.boolean(), value: fc.oneof(regex, stringValue) }).map((r): PredicateNode => ({ kind: "Match", span, op: "regex", ...r })),
  );

  const expr = exprArb(predicate);
  // Not `n` or `items`: the engine orders documents by field names before the types of their
  // values, the server by types first (BSONElement::woCompare).
  const sortPath = fc.constantFrom(["a"], ["b"], ["zz"]).map((segments): PathNode => ({ kind: "Path", span, segments }));
  const orderKey = fc.record({ field: sortPath, direction: fc.constantFrom("asc" as const, "desc" as const) }).map((r): OrderKeyNode => ({ kind: "OrderKey", span, ...r }));
  return { records, predicate, expr, orderKey, path };
}

export const query = (filter: ExprNode | null, rest: Partial<Omit<QueryNode, "kind" | "span" | "filter">> = {}): QueryNode => ({
  kind: "Query", span, collections: [], filter, orderBy: [], select: [], limit: null, caseSensitive: null, ...rest,
});
