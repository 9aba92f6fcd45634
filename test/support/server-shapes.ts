/**
 * Records and queries that reach every rule of SPEC §4: arrays of objects with missing fields,
 * nested arrays, numeric-named keys and positions, null, mixed types, astral and private-use
 * characters. Small domains, so random queries hit random records often.
 */
import fc from "fast-check";
import type { CompareOp, ExprNode, PathNode, PredicateNode, QueryNode, ValueNode } from "../../src/ast/nodes.js";
import { queryNode } from "../../src/ast/build.js";
import { NO_SPAN as span } from "../../src/diagnostics/diagnostic.js";
import { exprArb as anyExprArb } from "./arbitraries.js";

/** Strings whose UTF-16 and code-point orders part: astral, U+E000–U+FFFF, private use. */
export const STRINGS = ["a", "b", "A", "ab", "", "😀", "\uFFFF", "\uE000", "\u{F0000}", "z"] as const;

export const scalarArb = fc.oneof(
  fc.constantFrom(0, 1, 2, -1, 1.5, 42),
  fc.constantFrom(...STRINGS),
  fc.boolean(),
  fc.constant(null),
);

/** Keys of nested objects: letters, and digits that a numeric path step also reads as positions. */
const keyArb = fc.constantFrom("b", "c", "0", "1");

export const valueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    { weight: 5, arbitrary: scalarArb },
    { weight: 2, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
    { weight: 2, arbitrary: fc.dictionary(keyArb, tie("value"), { maxKeys: 2, noNullPrototype: true }) },
  ),
})).value;

export const recordArb = fc.dictionary(fc.constantFrom("a", "n"), valueArb, { maxKeys: 2, noNullPrototype: true });

const path = (segments: readonly string[]): PathNode => ({ kind: "Path", span, segments: [...segments] });

export const pathArb: fc.Arbitrary<PathNode> = fc
  .constantFrom(["a"], ["n"], ["a", "b"], ["a", "0"], ["a", "1"], ["a", "0", "b"], ["a", "b", "c"], ["a", "b", "0"], ["a", "0", "0"], ["n", "c"], ["zz"])
  .map(path);

const literal = (value: string | number | boolean | null): ValueNode => ({ kind: "Literal", span, value });
export const literalArb: fc.Arbitrary<ValueNode> = scalarArb.map(literal);

const regexArb: fc.Arbitrary<ValueNode> = fc
  .record({ pattern: fc.constantFrom("^a", "b", "^$", "^(a|b)+$", "A", "😀"), flags: fc.constantFrom("", "i") })
  .map(({ pattern, flags }) => ({ kind: "Regex", span, pattern, flags }));

export function predicateArb(paths: fc.Arbitrary<PathNode> = pathArb, values: fc.Arbitrary<ValueNode> = literalArb): fc.Arbitrary<PredicateNode> {
  return fc.oneof(
    fc.record({ field: paths, op: fc.constantFrom<CompareOp>("eq", "ne", "gt", "gte", "lt", "lte"), value: values }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
    fc.record({ field: paths, negated: fc.boolean(), values: fc.array(values, { maxLength: 3 }) }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
    fc.record({ field: paths, low: values, high: values }).map((r): PredicateNode => ({ kind: "Between", span, ...r })),
    fc.record({ field: paths, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
    fc.record({ field: paths, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })),
    fc.record({ field: paths, negated: fc.boolean(), value: regexArb }).map((r): PredicateNode => ({ kind: "Match", span, op: "regex", ...r })),
  );
}

/** and/or/not over these predicates (the shared expression generator). */
export function exprArb(predicate: fc.Arbitrary<PredicateNode> = predicateArb()): fc.Arbitrary<ExprNode> {
  return anyExprArb(predicate);
}

export const queryOf = (filter: ExprNode): QueryNode => queryNode({ filter });
