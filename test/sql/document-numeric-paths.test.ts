/**
 * Document mode on paths with numeric segments (SPEC §4: a position of an array and also the
 * field of that name in its object elements; a value reached by position is not opened; a scalar
 * reached by position before the end leads nowhere): `is null`, `exists`, `=` and `order by`
 * equal the in-memory engine on dense random nestings of arrays and objects with digit names.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { CompareOp, PathNode, PredicateNode } from "../../src/ast/nodes.js";
import { run } from "../../src/compile.js";
import { toSql } from "../../src/sql/to-sql.js";
import { ENGINES } from "../support/databases.js";
import { expressionArb, pagedQueryArb } from "../support/sql-arbitraries.js";
import { documentTable, load, sameAsEngine } from "./document-table.js";

const span = { start: 0, end: 0 };
const scalar = fc.constantFrom(0, 1, 2, "a", "b", true, null);
const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("0", "1", "x", "00"), tie("node"), { maxKeys: 3, noNullPrototype: true }),
  ),
}));
const recordArb = fc.record({ a: node, b: fc.array(node, { maxLength: 3 }) }, { requiredKeys: [], noNullPrototype: true });

const paths = [["a", "0"], ["a", "1"], ["a", "0", "0"], ["a", "0", "x"], ["a", "x", "0"], ["a", "0", "1", "x"], ["a", "00"], ["b", "0"], ["b", "1", "0"], ["b", "x"], ["b", "0", "x", "1"]];
const pathArb = fc.constantFrom(...paths).map((segments): PathNode => ({ kind: "Path", span, segments }));
const predicate: fc.Arbitrary<PredicateNode> = fc.oneof(
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })),
  fc.record({ field: pathArb, op: fc.constantFrom<CompareOp>("eq", "ne", "gt"), value: scalar.map((value) => ({ kind: "Literal" as const, span, value })) }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
);
const queryArb = pagedQueryArb(expressionArb(predicate), pathArb, pathArb);

const database = documentTable();

describe.each(ENGINES)("numeric path segments on %s", (engine) => {
  const db = () => database(engine);

  test("is null, exists, comparisons and order by equal the in-memory engine", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { maxLength: 10 }), fc.array(queryArb, { minLength: 8, maxLength: 8 }), async (records, queries) => {
        const stored = await load(db(), records);
        for (const q of queries) expect(await sameAsEngine(db(), stored, q)).toBe(true);
      }),
      { numRuns: Number(process.env["FC_SQL_RUNS"] ?? 60) },
    );
  });

  test("select rebuilds arrays nested to any depth, as the engine projects them", async () => {
    const deep = (d: number, inner: unknown): unknown => (d === 0 ? inner : [deep(d - 1, inner), 7, null]);
    const stored = await load(db(), [{ a: deep(6, { x: { y: 1, z: [[{ y: 2, w: 3 }, "s"]] }, q: 2 }) }, { a: [[[]], [{}], "s"] }]);
    const { parse } = await import("../../src/syntax/parse.js");
    const query = parse("select a.x.y").query!;
    const statement = toSql(query, { table: "records", document: "doc" });
    const rows = await db().query<{ doc: unknown }>(statement.text, statement.values);
    expect(rows.map((r) => r.doc)).toEqual(run(stored, query).results);
    expect(JSON.stringify(rows[0]?.doc)).toBe(JSON.stringify({ a: deep(6, { x: { y: 1 } }) }).replace(/,7,null/g, ""));
  });

  test("select through a long array: 3,000 elements with scalars and arrays between them, in one pass", async () => {
    const items = Array.from({ length: 3000 }, (_, i) => (i % 5 === 4 ? i : i % 5 === 3 ? [{ name: `m${i}`, price: i }, "s"] : { name: `n${i}`, price: i, tags: ["a", "b"] }));
    const stored = await load(db(), [{ items }]);
    const { parse } = await import("../../src/syntax/parse.js");
    const query = parse("select items.name").query!;
    const statement = toSql(query, { table: "records", document: "doc" });
    const rows = await db().query<{ doc: { items: unknown[] } }>(statement.text, statement.values);
    expect(rows.map((r) => r.doc)).toEqual(run(stored, query).results);
    expect(rows[0]?.doc.items.length).toBe(2400);
  });

  test.each([
    ["a.0 is null", [{ a: [{}] }, { a: [null] }, { a: [5] }, { a: [[null]] }, { a: [] }, { a: { "0": null } }, { a: 5 }], [0, 1, 5, 6]],
    ["a.0.x is null", [{ a: [5] }, { a: [{}] }, { a: [[{}]] }, { a: [{ "0": {} }] }, { a: [[5]] }], [1, 2, 3]],
    ["a.0 exists", [{ a: [] }, { a: [null] }, { a: [{}] }, { a: [{ "0": 1 }] }, { a: {} }], [1, 2, 3]],
  ] as const)("%s", async (text, records, ids) => {
    const stored = await load(db(), records);
    const { parse } = await import("../../src/syntax/parse.js");
    const query = parse(text).query!;
    const statement = toSql(query, { table: "records", document: "doc", pageSize: 50 });
    const rows = await db().query<{ doc: unknown }>(statement.text, statement.values);
    expect(rows.map((r) => r.doc)).toEqual(ids.map((i) => stored[i]));
    expect(run(stored, query, { pageSize: 50 }).results).toEqual(ids.map((i) => stored[i]));
  });
});
