/**
 * Random records and queries for the SQL differential tests: small value domains so that
 * queries hit, with every shape SPEC §4 speaks of — missing and null, mixed types, arrays,
 * arrays of arrays, arrays of objects with missing fields, numeric path segments, unicode
 * (astral, combining marks, case pairs outside ASCII).
 */
import fc from "fast-check";
import { exprArb } from "./arbitraries.js";
import type { CompareOp, ExprNode, MatchOp, OrderKeyNode, PathNode, PredicateNode, QueryNode, ValueNode } from "../../src/ast/nodes.js";

const span = { start: 0, end: 0 };

export const strings = ["", "a", "b", "A", "ab", "ba", "é", "É", "straße", "ǅ", "😀", "\uffff", "a%b", "a_b", "x\ny", "İ", "K", "k"];
const scalar = fc.oneof(
  fc.constantFrom(0, 1, 2, -1, 1.5, 10, 1e21),
  fc.constantFrom(...strings),
  fc.boolean(),
  fc.constant(null),
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(scalar, { maxLength: 2 }), { maxLength: 2 }) },
);
const inner = fc.dictionary(fc.constantFrom("x", "y", "0", "01"), leaf, { maxKeys: 2, noNullPrototype: true });
/** Sortable fields (`b`, `s`, and `m.k` through an array of objects with missing fields): mostly scalars and arrays of scalars. */
const sortable = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) }, { weight: 1, arbitrary: leaf }, { weight: 1, arbitrary: inner });

export const documentArb = fc.record(
  {
    a: leaf,
    b: sortable,
    s: sortable,
    m: fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: fc.record({ k: sortable }, { requiredKeys: [], noNullPrototype: true }) }, { weight: 1, arbitrary: scalar }), { maxLength: 3 }), fc.record({ k: sortable }, { requiredKeys: [], noNullPrototype: true }), scalar),
    n: fc.oneof(inner, leaf),
    items: fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(inner, { maxLength: 2 }) }), { maxLength: 3 }), inner, leaf),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const path = (...segments: string[]): PathNode => ({ kind: "Path", span, segments });
export const documentPathArb: fc.Arbitrary<PathNode> = fc
  .constantFrom(["a"], ["b"], ["s"], ["m", "k"], ["n"], ["n", "x"], ["n", "y"], ["n", "0"], ["items"], ["items", "x"], ["items", "y"], ["items", "0"], ["items", "0", "x"], ["items", "x", "0"], ["items", "0", "0"], ["items", "1"], ["a", "1"], ["a", "0", "1"], ["n", "01"], ["zz"], ["a", "x"])
  .map((segments) => path(...segments));
const sortPathArb = fc.constantFrom(["b"], ["s"], ["zz"], ["m", "k"], ["n"], ["items"], ["items", "x"], ["items", "0"], ["items", "0", "x"], ["items", "x", "0"], ["a", "1"], ["n", "01"]).map((segments) => path(...segments));

const value = (v: string | number | boolean | null): ValueNode => ({ kind: "Literal", span, value: v });
const valueArb: fc.Arbitrary<ValueNode> = scalar.map(value);
const stringValueArb = fc.constantFrom(...strings).map(value);
const regexArb: fc.Arbitrary<ValueNode> = fc
  .record({ pattern: fc.constantFrom("^a", "b$", "a", "^$", "^(a|b)+$", "A", "\\bb", ".", "^.$", "[^a]", "é", "(?i)k", "\\d", "ß", "a.b", "\\w+\\z"), flags: fc.constantFrom("", "i") })
  .map(({ pattern, flags }) => ({ kind: "Regex", span, pattern, flags }));

export function predicateArb(pathArb: fc.Arbitrary<PathNode>, values: fc.Arbitrary<ValueNode>, strs: fc.Arbitrary<ValueNode>, options: { exists?: boolean } = {}): fc.Arbitrary<PredicateNode> {
  const all: fc.Arbitrary<PredicateNode>[] = [
    fc.record({ field: pathArb, op: fc.constantFrom<CompareOp>("eq", "ne", "gt", "gte", "lt", "lte"), value: values }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
    fc.record({ field: pathArb, negated: fc.boolean(), values: fc.array(values, { maxLength: 3 }) }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
    fc.record({ field: pathArb, low: values, high: values }).map((r): PredicateNode => ({ kind: "Between", span, ...r })),
    fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
    fc.record({ field: pathArb, negated: fc.boolean(), value: values }).map((r): PredicateNode => ({ kind: "Match", span, op: "contains", ...r })),
    fc.record({ field: pathArb, negated: fc.boolean(), op: fc.constantFrom<MatchOp>("starts_with", "ends_with"), value: strs }).map((r): PredicateNode => ({ kind: "Match", span, ...r })),
    fc.record({ field: pathArb, negated: fc.boolean(), value: regexArb }).map((r): PredicateNode => ({ kind: "Match", span, op: "regex", ...r })),
  ];
  if (options.exists !== false) all.push(fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })));
  return fc.oneof(...all);
}

/** and/or/not over the given predicates: the shared expression generator. */
export const expressionArb = exprArb;

export interface PagedQuery {
  readonly query: QueryNode;
  readonly page: number;
  readonly pageSize: number;
}

/** Queries with paging; `from` is one of `froms` (none by default). */
export function pagedQueryArb(filter: fc.Arbitrary<ExprNode>, sortPaths: fc.Arbitrary<PathNode>, selectPaths: fc.Arbitrary<PathNode>, froms: readonly (readonly string[])[] = [[]]): fc.Arbitrary<PagedQuery> {
  const orderKey: fc.Arbitrary<OrderKeyNode> = fc.record({ field: sortPaths, direction: fc.constantFrom("asc" as const, "desc" as const) }).map((r) => ({ kind: "OrderKey", span, ...r }));
  return fc.record({
    filter: fc.option(filter, { nil: null, freq: 6 }),
    orderBy: fc.array(orderKey, { maxLength: 2 }),
    select: fc.array(selectPaths, { maxLength: 2 }),
    caseSensitive: fc.option(fc.boolean(), { nil: null }),
    collections: fc.constantFrom(...froms),
    page: fc.integer({ min: 1, max: 3 }),
    pageSize: fc.integer({ min: 1, max: 8 }),
  }).map(({ page, pageSize, ...r }) => ({ query: { kind: "Query", span, limit: null, ...r }, page, pageSize }));
}

/** Document-mode queries over the table `records`, named by the `table` option or by `from records`. */
export const documentQueryArb = pagedQueryArb(expressionArb(predicateArb(documentPathArb, valueArb, stringValueArb)), sortPathArb, documentPathArb, [[], ["records"]]);
