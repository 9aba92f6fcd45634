import fc from "fast-check";
import { Query as MingoQuery } from "mingo";
import { describe, expect, test } from "vitest";
import { and, or } from "../../src/ast/build.js";
import type { CompareOp, ExprNode, PathNode, PredicateNode, QueryNode, ValueNode } from "../../src/ast/nodes.js";
import { compile, filter } from "../../src/compile.js";
import { fromMixpeek } from "../../src/mixpeek/from-mixpeek.js";
import { toMixpeek } from "../../src/mixpeek/to-mixpeek.js";
import { toMongo } from "../support/mongo.js";

const span = { start: 0, end: 0 };

// Small domains so that random queries actually hit random records.
const scalar = fc.oneof(
  fc.constantFrom(0, 1, 2, -1, 1.5, 10),
  fc.constantFrom("a", "b", "A", "ab", "ba", ""),
  fc.boolean(),
  fc.constant(null),
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(scalar, { maxLength: 2 }), { maxLength: 2 }) },
);
const inner = fc.dictionary(fc.constantFrom("x", "y"), leaf, { maxKeys: 2, noNullPrototype: true });
const recordArb = fc.record(
  {
    a: leaf,
    b: leaf,
    n: fc.oneof(inner, leaf),
    items: fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: scalar }), { maxLength: 3 }), inner, leaf),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const pathArb: fc.Arbitrary<PathNode> = fc
  .constantFrom(["a"], ["b"], ["n"], ["n", "x"], ["n", "y"], ["items"], ["items", "x"], ["items", "y"], ["items", "0"], ["items", "0", "x"], ["zz"])
  .map((segments) => ({ kind: "Path", span, segments }));
const valueArb: fc.Arbitrary<ValueNode> = scalar.map((value) => ({ kind: "Literal", span, value }));
const regexArb: fc.Arbitrary<ValueNode> = fc
  .record({ pattern: fc.constantFrom("^a", "b$", "a", "^$", "^(a|b)+$", "A"), flags: fc.constantFrom("", "i") })
  .map(({ pattern, flags }) => ({ kind: "Regex", span, pattern, flags }));

const predicateArb: fc.Arbitrary<PredicateNode> = fc.oneof(
  fc.record({ field: pathArb, op: fc.constantFrom<CompareOp>("eq", "ne", "gt", "gte", "lt", "lte"), value: valueArb }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean(), values: fc.array(valueArb, { maxLength: 3 }) }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
  fc.record({ field: pathArb, low: valueArb, high: valueArb }).map((r): PredicateNode => ({ kind: "Between", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean(), value: regexArb }).map((r): PredicateNode => ({ kind: "Match", span, op: "regex", ...r })),
);

const { expr: exprArb } = fc.letrec<{ expr: ExprNode }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: predicateArb },
    { weight: 1, arbitrary: fc.array(tie("expr"), { minLength: 2, maxLength: 3 }).map((ops) => and(ops)) },
    { weight: 1, arbitrary: fc.array(tie("expr"), { minLength: 2, maxLength: 3 }).map((ops) => or(ops)) },
    { weight: 1, arbitrary: tie("expr").map((operand): ExprNode => ({ kind: "Not", span, operand })) },
  ),
}));

const query = (filter: ExprNode): QueryNode => ({ kind: "Query", span, collections: [], filter, orderBy: [], select: [], limit: null, caseSensitive: null });

describe("in-memory semantics equal the reference engine (mingo 7) on the equivalent Mongo query", () => {
  test("random records × random queries over every Mongo operator, with not/and/or nesting", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 12 }), exprArb, (records, expr) => {
        const mongo = new MingoQuery(toMongo(expr));
        const expected = records.filter((r) => mongo.test(r));
        expect(filter(records, query(expr))).toEqual(expected);
        expect(filter(records, query(expr), { codegen: false })).toEqual(expected);
      }),
      { numRuns: Number(process.env["FC_RUNS"] ?? 3000) },
    );
  });

  test("evaluate(query) ≡ evaluate(fromMixpeek(toMixpeek(query, { dialect: v2 })))", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 12 }), exprArb, (records, expr) => {
        const q = query(expr);
        const decoded = fromMixpeek(toMixpeek(q, { dialect: "v2" }), { dialect: "v2" });
        expect(filter(records, decoded)).toEqual(filter(records, q));
      }),
      { numRuns: 1000 },
    );
  });

  test.each([
    ["items.x = null", [{ items: [] }], []],
    ["items.x = null", [{ items: [{ x: 1 }, {}] }], []],
    ["a = null", [{}, { a: null }, { a: [] }, { a: [null] }], [{}, { a: null }, { a: [null] }]],
    ["a != 1", [{}, { a: 1 }, { a: [1, 2] }, { a: 2 }], [{}, { a: 2 }]],
    ["a not in [1]", [{}, { a: 1 }, { a: 2 }], [{}, { a: 2 }]],
    ["a > 1", [{ a: 2 }, { a: "3" }, { a: [0, 5] }, {}, { a: true }], [{ a: 2 }, { a: [0, 5] }]],
    ['a < "b"', [{ a: "a" }, { a: 1 }, { a: ["c", "a"] }], [{ a: "a" }, { a: ["c", "a"] }]],
    ["a exists", [{ a: null }, {}, { b: 1 }], [{ a: null }]],
    ["a is null", [{ a: null }, {}, { a: 0 }], [{ a: null }, {}]],
    ["a is not null", [{ a: null }, {}, { a: 0 }], [{ a: 0 }]],
    ["items.x = 2", [{ items: [{ x: 1 }, { x: 2 }] }, { items: [{ x: 1 }] }], [{ items: [{ x: 1 }, { x: 2 }] }]],
  ])("%s", (text, records, expected) => {
    expect(filter(records as object[], text)).toEqual(expected);
    expect(filter(records as object[], text, { codegen: false })).toEqual(expected);
  });

  test("the compiled form is reused: one compile, many records", () => {
    const c = compile("a > 1 and b = \"x\"");
    expect(c.test({ a: 2, b: "x" })).toBe(true);
    expect(c.test({ a: 1, b: "x" })).toBe(false);
  });
});
