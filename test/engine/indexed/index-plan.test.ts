import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { CompareOp, ExprNode, MatchOp, PathNode, PredicateNode, QueryNode, ValueNode } from "../../../src/ast/nodes.js";
import { queryNode } from "../../../src/ast/build.js";
import { compile, filter, run, type CompileOptions } from "../../../src/compile.js";
import { FilterQLError } from "../../../src/diagnostics/filterql-error.js";
import { indexRecords } from "../../../src/engine/indexed/record-index.js";
import { IndexPlan } from "../../../src/engine/indexed/index-plan.js";
import { compileFilter } from "../../../src/engine/compile-filter.js";
import { parse } from "../../../src/syntax/parse.js";
import { NO_SPAN as span } from "../../../src/diagnostics/diagnostic.js";
import { exprArb as exprOf } from "../../support/arbitraries.js";

// Small domains so that random queries hit random records, and values the index must not
// group wrongly: -0 next to 0, NaN, "1" next to 1, case variants, date strings.
const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, -1, 1.5, Number.NaN, 1e21),
  fc.constantFrom("a", "A", "ab", "b", "1", "", "2024-01-02", "2024-01-02T00:00:00Z", "a b"),
  fc.boolean(),
  fc.constant(null),
);

class Point {
  constructor(readonly x: number) {}
}

const odd = fc.constantFrom<() => unknown>(
  () => undefined,
  () => new Date(Date.UTC(2024, 0, 2)),
  () => new Point(1),
  () => ({ get x() { throw new Error("getter"); } }),
  () => Object.assign(Object.create(null) as object, { x: "a" }),
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: odd.map((make) => make()) },
);
const inner = fc.dictionary(fc.constantFrom("x", "y"), leaf, { maxKeys: 2 });
const plainRecord = fc.record(
  { a: leaf, b: leaf, n: fc.oneof(inner, leaf), items: fc.oneof(fc.array(inner, { maxLength: 2 }), inner, leaf) },
  { requiredKeys: [] },
);
/** Mostly plain records, some with odd prototypes or getters, some not objects at all. */
const recordArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: plainRecord },
  { weight: 1, arbitrary: plainRecord.map((r) => Object.assign(Object.create(null) as object, r)) },
  { weight: 1, arbitrary: plainRecord.map((r) => Object.defineProperty({ ...r }, "a", { get: () => { throw new Error("a"); }, enumerable: true })) },
  { weight: 1, arbitrary: plainRecord.map((r) => Object.defineProperty({ ...r }, "b", { get: () => "a", enumerable: true })) },
  { weight: 1, arbitrary: fc.constantFrom(null, 7, "record", [{ a: 1 }], new Point(2)) },
);

const pathArb: fc.Arbitrary<PathNode> = fc
  .constantFrom(["a"], ["b"], ["n"], ["n", "x"], ["n", "y"], ["items"], ["items", "x"], ["items", "0"], ["zz"], ["__proto__"], ["constructor"])
  .map((segments) => ({ kind: "Path", span, segments }));
const valueArb: fc.Arbitrary<ValueNode> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<string | number | boolean | null>(0, 1, 2, -1, 1.5, "a", "A", "ab", "1", "", "2024-01-02", true, false, null).map((value): ValueNode => ({ kind: "Literal", span, value })) },
  { weight: 1, arbitrary: fc.constant<ValueNode>({ kind: "DateMath", span, offset: { sign: "-", amount: 1000, unit: "w" } }) },
);
const stringValue: fc.Arbitrary<ValueNode> = fc.constantFrom("a", "A", "b", "a b", "").map((value) => ({ kind: "Literal", span, value }));

const predicateArb: fc.Arbitrary<PredicateNode> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ field: pathArb, op: fc.constantFrom<CompareOp>("eq", "ne", "gt", "gte", "lt", "lte"), value: valueArb }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })) },
  fc.record({ field: pathArb, negated: fc.boolean(), values: fc.array(valueArb, { maxLength: 3 }) }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
  fc.record({ field: pathArb, low: valueArb, high: valueArb }).map((r): PredicateNode => ({ kind: "Between", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean(), op: fc.constantFrom<MatchOp>("contains", "starts_with", "ends_with"), value: stringValue }).map((r): PredicateNode => ({ kind: "Match", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean(), value: fc.constantFrom("^a", "b$", "A").map((pattern): ValueNode => ({ kind: "Regex", span, pattern, flags: "" })) }).map((r): PredicateNode => ({ kind: "Match", span, op: "regex", ...r })),
  fc.record({ field: pathArb, value: stringValue }).map((r): PredicateNode => ({ kind: "Text", span, ...r })),
);

const exprArb = exprOf(predicateArb);

const schemas: NonNullable<CompileOptions["schema"]>[] = [
  { a: "number", b: "string", n: "object", items: "any", zz: "string" },
  { a: "any", b: "date", "n.x": "date", "n.y": "string", n: "object", items: "any", zz: "any" },
];
const optionsArb: fc.Arbitrary<CompileOptions> = fc
  .record({ codegen: fc.boolean(), caseSensitive: fc.boolean(), schema: fc.integer({ min: 0, max: schemas.length }) })
  .map(({ schema, ...rest }) => ({ ...rest, now: new Date(Date.UTC(2025, 5, 1)), ...(schema < schemas.length ? { schema: schemas[schema] as CompileOptions["schema"] & object } : {}) }));

const query = (filter: ExprNode): QueryNode => queryNode({ filter });

/** Compiles, or undefined when the checker refuses the random query against the random schema. */
function tryCompile(q: QueryNode | string, options: CompileOptions) {
  try {
    return compile(q, options);
  } catch (e) {
    if (e instanceof FilterQLError) return undefined;
    throw e;
  }
}

describe("a record index answers exactly as a scan", () => {
  test("random records × random queries × options: filter(index) = filter(array)", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), fc.array(exprArb, { minLength: 1, maxLength: 3 }), optionsArb, (records, exprs, options) => {
        const index = indexRecords(records);
        for (const expr of exprs) {
          const c = tryCompile(query(expr), options);
          if (c === undefined) continue;
          // Twice: the second run reuses the built columns and the plan.
          expect(c.filter(index)).toEqual(c.filter(records));
          expect(c.filter(index)).toEqual(c.filter(records));
        }
      }),
      { numRuns: Number(process.env["FC_RUNS"] ?? 1500) },
    );
  });

  test("many records with few distinct values (value groups, ranges, complements, and-ordering)", () => {
    const big = fc.array(fc.record({ a: fc.constantFrom(0, 1, 2, 3, "1", null, -0), b: fc.constantFrom("a", "b", "c", "A"), n: fc.oneof(fc.record({ x: fc.integer({ min: 0, max: 50 }) }), fc.constant(undefined)) }, { requiredKeys: ["b"] }), { minLength: 100, maxLength: 400 });
    fc.assert(
      fc.property(big, exprArb, fc.boolean(), (records, expr, caseSensitive) => {
        const c = tryCompile(query(expr), { caseSensitive });
        if (c === undefined) return;
        expect(c.filter(indexRecords(records))).toEqual(c.filter(records));
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ['b = "a" and n.x > 10', "an and over a selective value group, then a residual test"],
    ['n.x between 5 and 45 and not b in ["a", "c"]', "a range holding most entries, built as a complement"],
    ["a != 1 or a < 1", "a negation and a range over mixed types"],
    ['b ~ "a" and a >= 0', "a probed predicate and a range"],
  ])("%s (%s)", (text) => {
    const records = Array.from({ length: 3000 }, (_, i) => ({ a: i % 7 === 0 ? "1" : i % 4, b: "abc"[i % 3] as string, n: i % 11 === 0 ? [] : { x: i % 50 } }));
    const index = indexRecords(records);
    const c = compile(text);
    const expected = c.filter(records);
    expect(expected.length).toBeGreaterThan(0);
    expect(c.filter(index)).toEqual(expected);
  });

  test("run, sort and paging through an index equal the array's", () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ id: i, s: ["x", "y", "z"][i % 3], v: (i * 37) % 23, tags: i % 5 === 0 ? ["t"] : [] }));
    const index = indexRecords(records);
    const text = 's != "y" and v >= 4 order by v desc, id select id, v limit 7';
    for (const page of [1, 2, 5]) expect(run(index, text, { page })).toEqual(run(records, text, { page }));
    expect(compile("v < 3 order by id desc").sort(index)).toEqual(compile("v < 3 order by id desc").sort(records));
    expect(filter(index, 'tags = "t"')).toEqual(filter(records, 'tags = "t"'));
    expect(filter(index, "order by id")).toEqual(records);
  });

  test("the index is a snapshot: it keeps the records it was given, in order", () => {
    const records = [{ a: 1 }, { a: 2 }];
    const index = indexRecords(records);
    records.push({ a: 1 });
    expect(index.size).toBe(2);
    expect(filter(index, "a = 1")).toEqual([{ a: 1 }]);
    expect(index.records).not.toBe(records);
  });

  test.each<[string, object[], object[]]>([
    ["a in [null, 1]", [{ a: 1 }, {}, { a: 2 }], [{ a: 1 }, {}]],
    ["a in [null, 1]", [{ a: 1 }, { a: null }, { a: 2 }], [{ a: 1 }, { a: null }]],
    ["a = 1", [{ a: 1 }, { a: [1] }, { a: 2 }], [{ a: 1 }, { a: [1] }]],
  ])("one value group plus what else matches: %s", (text, records, expected) => {
    expect(filter(indexRecords(records), text)).toEqual(expected);
  });

  test("each answer is a new array: changing one does not change the next", () => {
    const records = [{ s: "x" }, { s: "y" }, { s: "x" }];
    const index = indexRecords(records);
    const first = filter(index, 's = "x"');
    first.pop();
    expect(filter(index, 's = "x"')).toEqual([{ s: "x" }, { s: "x" }]);
  });

  test("records that are not plain data are decided by the record test, and never crash", () => {
    const throwing = Object.defineProperty({}, "a", { get: () => { throw new Error("no"); }, enumerable: true });
    const proxy = new Proxy({}, { getPrototypeOf: () => { throw new Error("trap"); }, ownKeys: () => { throw new Error("trap"); } });
    const records: unknown[] = [throwing, proxy, null, 1, "a", [{ a: 1 }], { a: 1 }, Object.create({ a: 1 }) as unknown];
    const index = indexRecords(records);
    // Compared by position: equality on the proxy itself would run its throwing traps.
    const positions = (found: unknown[]) => found.map((r) => records.indexOf(r));
    for (const text of ["a = 1", "not a = 1", "a exists or b exists", "not (a = 1 and b = 2)"]) {
      expect(positions(filter(index, text))).toEqual(positions(filter(records, text)));
    }
    expect(positions(filter(index, "not a = 1"))).toContain(1);
    expect(filter(index, "a = 1")).toEqual([{ a: 1 }]);
  });

  test('mostly unvouched records (an array on a queried path): tags contains "a" and n > 2 is answered by a scan, the same answer', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ n: i % 7, tags: i % 3 === 0 ? ["a", "b"] : ["c"], zip: String(10000 + i) }));
    const index = indexRecords(records);
    for (const text of ['tags contains "a" and n > 2', 'not zip ends with "7" and tags contains "c"', 'tags contains "a" or n = 1']) {
      const expected = filter(records, text);
      expect(expected.length).toBeGreaterThan(0);
      expect(filter(index, text)).toEqual(expected);
      expect(run(index, `${text} order by zip desc limit 5`)).toEqual(run(records, `${text} order by zip desc limit 5`));
    }
    // The plan itself: the scan runs for the first query (every record unvouched), not for one on vouched fields.
    const plan = (text: string) => {
      const query = parse(text).query as QueryNode;
      const ctx = { caseInsensitive: false, now: new Date(0), schema: undefined };
      const compiled = compileFilter(query.filter, ctx);
      const scans: number[] = [];
      const indexPlan = new IndexPlan(query.filter as ExprNode, ctx, compiled.test, (rs) => (scans.push(rs.length), compiled.filterArray(rs)));
      return { answer: indexPlan.select(index), scans };
    };
    expect(plan('tags contains "a" and n > 2')).toEqual({ answer: filter(records, 'tags contains "a" and n > 2'), scans: [300] });
    expect(plan("n > 2 and zip < \"10100\"")).toEqual({ answer: filter(records, 'n > 2 and zip < "10100"'), scans: [] });
  });

  test("a probe per distinct value on a path named __proto__ stays an own property, and answers as the scan", () => {
    const records = Array.from({ length: 50 }, (_, i) => JSON.parse(`{"__proto__": {"z": "${i % 10}"}, "k": ${i}}`) as Record<string, unknown>);
    const index = indexRecords(records);
    for (const text of ['`__proto__`.z ends with "7"', '`__proto__`.z in ["1", "2"]', 'not `__proto__`.z starts with "3"']) {
      const expected = filter(records, text);
      expect(expected.length).toBeGreaterThan(0);
      expect(filter(index, text)).toEqual(expected);
    }
    // The last step itself named __proto__: the probe's own data property takes each value.
    const flat = Array.from({ length: 40 }, (_, i) => JSON.parse(`{"__proto__": "v${i % 8}"}`) as Record<string, unknown>);
    const flatIndex = indexRecords(flat);
    for (const text of ['`__proto__` ends with "3"', 'not `__proto__` starts with "v1"', '`__proto__` in ["v2", "v5"]']) {
      const expected = filter(flat, text);
      expect(expected.length).toBeGreaterThan(0);
      expect(filter(flatIndex, text)).toEqual(expected);
    }
    expect(({} as Record<string, unknown>)["z"]).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
