/**
 * The engine against a MongoDB 8.0 server's meaning (SPEC §4), as the reference interpreter in
 * test/support states it: on random records and queries that reach every rule, all four
 * evaluation paths return exactly the records the server's `find` would. mingo, the second
 * engine, is held to the reference only on the shapes where it follows the server; where it does
 * not, test/support/mongo-reference.test.ts names each departure.
 */
import fc from "fast-check";
import { Query as MingoQuery } from "mingo";
import { describe, expect, test } from "vitest";
import type { PathNode, ValueNode } from "../../src/ast/nodes.js";
import { filter } from "../../src/compile.js";
import { fromMixpeek } from "../../src/mixpeek/from-mixpeek.js";
import { toMixpeek } from "../../src/mixpeek/to-mixpeek.js";
import { EVALUATION_PATHS, evaluator } from "../support/evaluation-paths.js";
import { toMongo } from "../support/mongo.js";
import { matchesMongo } from "../support/mongo-reference.js";
import { exprArb, predicateArb, queryOf, recordArb } from "../support/server-shapes.js";

const runs = Number(process.env["FC_RUNS"] ?? 2000);

describe("engine ≡ the MongoDB 8.0 reference interpreter", () => {
  test.each(EVALUATION_PATHS)("%s: random records × random queries", (path) => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 10 }), exprArb(), (records, expr) => {
        const mongo = toMongo(expr);
        const expected = records.filter((r) => matchesMongo(mongo, r));
        expect(evaluator(queryOf(expr), path)(records)).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });

  test("evaluate(query) ≡ evaluate(fromMixpeek(toMixpeek(query))) on the same shapes, both dialects", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 10 }), exprArb(), fc.constantFrom("v1" as const, "v2" as const), (records, expr, dialect) => {
        const q = queryOf(expr);
        const hasRegex = JSON.stringify(expr).includes('"Regex"');
        fc.pre(dialect === "v2" || !hasRegex);
        const decoded = fromMixpeek(toMixpeek(q, { dialect }), { dialect });
        expect(filter(records, decoded)).toEqual(filter(records, q));
      }),
      { numRuns: 1000 },
    );
  });
});

// The shapes where mingo follows the server: arrays hold scalars only (no documents that could
// lack a field, no nested arrays), no position steps, no ordering against null, and strings
// whose UTF-16 and code-point orders agree.
const scalar = fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5), fc.constantFrom("a", "b", "A", "ab", "", "z"), fc.boolean(), fc.constant(null));
const leaf = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) });
const mingoRecord = fc.record({ a: leaf, n: fc.oneof(leaf, fc.dictionary(fc.constantFrom("c", "d"), leaf, { maxKeys: 2, noNullPrototype: true })) }, { requiredKeys: [], noNullPrototype: true });
const mingoPaths: fc.Arbitrary<PathNode> = fc.constantFrom(["a"], ["n"], ["n", "c"], ["zz"]).map((segments) => ({ kind: "Path", span: { start: 0, end: 0 }, segments }));
const mingoValues: fc.Arbitrary<ValueNode> = fc.constantFrom(0, 1, 2, -1, 1.5, "a", "b", "A", "", true, false).map((value) => ({ kind: "Literal", span: { start: 0, end: 0 }, value }));

describe("mingo ≡ the reference where mingo follows the server", () => {
  test("random records × random queries over scalar fields, objects and arrays of scalars", () => {
    fc.assert(
      fc.property(fc.array(mingoRecord, { minLength: 1, maxLength: 10 }), exprArb(predicateArb(mingoPaths, mingoValues)), (records, expr) => {
        const mongo = toMongo(expr);
        const reference = records.filter((r) => matchesMongo(mongo, r));
        expect(records.filter((r) => new MingoQuery(mongo).test(r))).toEqual(reference);
        expect(filter(records, queryOf(expr))).toEqual(reference);
      }),
      { numRuns: runs },
    );
  });
});
