/**
 * Generated code against the closures it stands for: every operator's generated form
 * (predicates.ts, beside its closure) must select exactly what the closures select, on the §4
 * shapes (arrays of objects, missing steps, numeric steps, null, mixed types), case-insensitive
 * or not, with and without a schema, and for records that do not follow their schema.
 */
import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";
import type { ExprNode, MatchOp, PathNode, PredicateNode, ValueNode } from "../../src/ast/nodes.js";
import type { Schema } from "../../src/check/schema.js";
import { compile } from "../../src/compile.js";
import { NO_SPAN as span } from "../../src/diagnostics/diagnostic.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import type * as path from "../../src/engine/path.js";
import { someValue } from "../../src/engine/path.js";
import { exprArb, literalArb, pathArb, predicateArb, queryOf, recordArb, STRINGS } from "../support/server-shapes.js";

// The closures walk a nested path with someValue: spied (calling through) to see when generated code hands over.
vi.mock("../../src/engine/path.js", async (importOriginal) => {
  const real = await importOriginal<typeof path>();
  return { ...real, someValue: vi.fn(real.someValue) };
});

const runs = Number(process.env["FC_RUNS"] ?? 1000);

function agree(records: readonly unknown[], expr: ExprNode, options: { caseSensitive?: boolean; schema?: Schema } = {}): void {
  const query = queryOf(expr);
  let generated;
  try {
    generated = compile(query, { ...options, codegen: true });
  } catch (error) {
    // The checker refuses what the schema rules out (a number for a string field): nothing to run.
    if (error instanceof FilterQLError && options.schema !== undefined) return fc.pre(false);
    throw error;
  }
  const closures = compile(query, { ...options, codegen: false });
  expect(generated.filter(records)).toEqual(closures.filter(records));
  for (const r of records) expect(generated.test(r)).toBe(closures.test(r));
}

const matchArb = (paths: fc.Arbitrary<PathNode>, values: fc.Arbitrary<ValueNode>): fc.Arbitrary<PredicateNode> =>
  fc.record({ field: paths, negated: fc.boolean(), op: fc.constantFrom<MatchOp>("contains", "starts_with", "ends_with"), value: values })
    .map((r): PredicateNode => ({ kind: "Match", span, ...r }));

/** Long lists take the Set form; short ones are unrolled. */
const longInArb = (paths: fc.Arbitrary<PathNode>, values: fc.Arbitrary<ValueNode>): fc.Arbitrary<PredicateNode> =>
  fc.record({ field: paths, negated: fc.boolean(), values: fc.array(values, { minLength: 7, maxLength: 60 }) }).map((r): PredicateNode => ({ kind: "In", span, ...r }));

describe("generated code = closures", () => {
  test("every operator on the §4 shapes, case-sensitive or not (no schema)", () => {
    const predicate = fc.oneof(predicateArb(), matchArb(pathArb, literalArb), longInArb(pathArb, literalArb));
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 8 }), exprArb(predicate), fc.boolean(), (records, expr, caseSensitive) => {
        agree(records, expr, { caseSensitive });
      }),
      { numRuns: runs },
    );
  });

  // With a schema: straight reads of nested fields, dates as instants. Records mostly follow the
  // schema, but not always: a generated read that meets anything unexpected hands over to the closure.
  const schema: Schema = { s: "string", n: "number", d: "date", "p.q": "string", "p.m": "number", t: "string[]" };
  const date = fc.constantFrom("2024-05-01", "2024-05-01T10:00:00Z", "2024-05-01T12:00:00+02:00", "2023-12-31", "not a date", "");
  const stringish = fc.oneof(fc.constantFrom(...STRINGS, "Ab", "aB", "abc", "ABC"), fc.constant(null));
  const numberish = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(1.5), fc.constant(null));
  const nested = fc.record({ q: stringish, m: numberish }, { requiredKeys: [] });
  const wrong = fc.oneof(fc.constant(null), fc.array(stringish, { maxLength: 2 }), fc.integer(), fc.constant(true));
  // A top-level field declared scalar may still hold an array (a schema inferred from a sample,
  // data that drifted): generated code must answer as the closures do there too.
  const wrongScalar = fc.oneof(fc.integer(), fc.constant(true), fc.constant("x"), fc.constant({ q: "a" }), fc.array(fc.oneof(stringish, numberish), { maxLength: 3 }));
  const conforming = fc.record({
    s: fc.oneof({ weight: 5, arbitrary: stringish }, { weight: 1, arbitrary: wrongScalar }),
    n: fc.oneof({ weight: 5, arbitrary: numberish }, { weight: 1, arbitrary: wrongScalar }),
    d: fc.oneof({ weight: 4, arbitrary: date }, { weight: 2, arbitrary: date.map((x) => new Date(Number.isNaN(Date.parse(x)) ? 0 : Date.parse(x))) }, { weight: 1, arbitrary: wrong }),
    p: fc.oneof({ weight: 5, arbitrary: nested }, { weight: 1, arbitrary: fc.array(nested, { maxLength: 2 }) }, { weight: 1, arbitrary: wrong }),
    t: fc.oneof({ weight: 5, arbitrary: fc.array(stringish, { maxLength: 3 }) }, { weight: 1, arbitrary: wrong }),
  }, { requiredKeys: [] });
  const path = (...segments: string[]): PathNode => ({ kind: "Path", span, segments });
  const literal = (value: string | number | boolean | null): ValueNode => ({ kind: "Literal", span, value });
  // Each path with values of its own type, so that the checker lets the query through.
  const typed = (paths: PathNode[], values: fc.Arbitrary<ValueNode>) => {
    const field = fc.constantFrom(...paths);
    return fc.oneof(predicateArb(field, values), longInArb(field, values));
  };
  const strings = [path("s"), path("p", "q"), path("t")];
  const predicate = fc.oneof(
    typed(strings, stringish.map(literal)),
    matchArb(fc.constantFrom(...strings), stringish.map(literal)),
    typed([path("n"), path("p", "m")], numberish.map(literal)),
    typed([path("d")], date.filter((x) => !Number.isNaN(Date.parse(x))).map(literal)),
  );

  test("with a schema: nested paths, dates, string arrays, on records that follow it or not", () => {
    let ran = 0;
    fc.assert(
      fc.property(fc.array(conforming, { minLength: 1, maxLength: 8 }), exprArb(predicate), fc.boolean(), (records, expr, caseSensitive) => {
        agree(records, expr, { caseSensitive, schema });
        ran++;
      }),
      { numRuns: runs },
    );
    expect(ran).toBeGreaterThan(runs / 2);
  });

  test("odd records: class instances, null prototypes and own __proto__ keys on the way, throwing getters", () => {
    class Box {
      constructor(readonly q: string) {}
    }
    const nullProto = Object.assign(Object.create(null) as object, { q: "a" });
    const throwing = { get q(): string { throw new Error("no"); } };
    const throwingProto = Object.defineProperty({ q: "a" }, "__proto__", { get(): never { throw new Error("no"); }, enumerable: true });
    const ownProto = JSON.parse('{"__proto__": {"q": "b"}, "q": "a"}') as object;
    const records = [{ p: new Box("a") }, { p: nullProto }, { p: throwing }, { p: throwingProto }, { p: ownProto }, { p: { q: "a" } }, { p: [{ q: "a" }] }, { p: { q: ["x", "a"] } }];
    for (const text of ['p.q = "a"', 'p.q != "a"', 'p.q in ["a", "b"]', 'p.q contains "a"', 'p.q starts with "a"', "p.q exists", "p.q is null", 'p.q between "a" and "b"']) {
      const generated = compile(text, { codegen: true });
      const closures = compile(text, { codegen: false });
      expect(generated.filter(records), text).toEqual(closures.filter(records));
      expect(records.map((r) => generated.test(r)), text).toEqual(records.map((r) => closures.test(r)));
    }
  });
});

describe("each operator has its generated form (the closure only behind an array or an odd object)", () => {
  /** The generated test's body: what it returns for a plain record. */
  const body = (text: string) => compile(text).test.toString();
  /** Calls of a predicate's closure in the generated source (`f3(r)`). */
  const closureCalls = (source: string) => source.match(/\bf\d+\(r\)/g)?.length ?? 0;

  test.each([
    ['p.q = "a"', /v\d+ = v\d+\[k\d+\]/],
    ["x in [1, 2]", /v0 === c\d+ \|\| v0 === c\d+/],
    [`x in [${Array.from({ length: 20 }, (_, i) => i).join(", ")}]`, /s\d+\.has\(v0\)/],
    ['tags contains "a"', /v0\.includes\(c\d+\)/],
    ['name starts with "A"', /v0\.startsWith\(c\d+\)/],
    ["a exists", /v0 !== undefined/],
    ["a is null", /v0 === undefined \|\| v0 === null/],
    ["a between 2 and 8", /v0 >= c\d+.*v0 <= c\d+/],
    ["a > 3", /v0 > c\d+/],
  ])("%s", (text, form) => {
    const source = body(text);
    expect(source).toMatch(form);
    // At most one way down to the closure per predicate: `between` does not call it once per bound.
    expect(closureCalls(source)).toBeLessThanOrEqual(1);
  });
});

describe("a nested path's middle step, read by the generated code", () => {
  const walks = vi.mocked(someValue);
  const ended = [{}, { address: null }, { address: 5 }, { address: "Paris" }, { address: {} }, { address: { city: null } }, { address: { city: "x" } }];
  test.each(['address.city = "x"', 'address.city != "x"', "address.city is null", "address.city exists", 'address.city in ["x", "y"]', 'address.city starts with "x"'])(
    "%s: missing, null or scalar steps end the path without the closure",
    (text) => {
      const generated = compile(text, { codegen: true });
      const closures = compile(text, { codegen: false });
      for (const record of ended) {
        walks.mockClear();
        const answer = generated.test(record);
        expect(walks, JSON.stringify(record)).not.toHaveBeenCalled();
        expect(answer, JSON.stringify(record)).toBe(closures.test(record));
      }
      // An array on the way is the closure's (the §4 array rules): the spy does see that walk.
      walks.mockClear();
      expect(generated.test({ address: [{ city: "x" }] })).toBe(closures.test({ address: [{ city: "x" }] }));
      expect(walks).toHaveBeenCalledTimes(2);
    },
  );

  test("the answers themselves", () => {
    const eq = compile('address.city = "x"');
    expect(ended.map((r) => eq.test(r))).toEqual([false, false, false, false, false, false, true]);
    const isNull = compile("address.city is null");
    expect(ended.map((r) => isNull.test(r))).toEqual([true, true, true, true, true, true, false]);
  });
});
