import { describe, expect, test } from "vitest";
import { and, or } from "../../src/ast/build.js";
import { depthOf } from "../../src/ast/depth.js";
import type { CompareNode, ExprNode, Query } from "../../src/ast/nodes.js";
import { check } from "../../src/check/check.js";
import { compile, Compiled, filter, run } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { print } from "../../src/emit/print.js";
import { indexRecords } from "../../src/engine/indexed/record-index.js";
import { toMixpeekRequest } from "../../src/mixpeek/request.js";
import { toMixpeek } from "../../src/mixpeek/to-mixpeek.js";
import { toMongo } from "../../src/mongo/to-mongo.js";
import type { Limits } from "../../src/options.js";
import { toSql, toSqlWhere } from "../../src/sql/to-sql.js";
import { parse } from "../../src/syntax/parse.js";
import { caught } from "../support/caught.js";

const base = parse("a = 1").query as Query;
const leaf = (i: number): ExprNode => parse(`b = ${i}`).query?.filter as ExprNode;

/** `wraps` alternating `and`/`or` levels: each `or` inside an `and` is one parenthesis, as the parser counts. */
function andOr(wraps: number): Query {
  let e = base.filter as ExprNode;
  for (let i = 0; i < wraps; i++) e = (i % 2 === 0 ? and : or)([e, leaf(i)]);
  return { ...base, filter: e };
}

function nots(count: number): Query {
  let e = base.filter as ExprNode;
  for (let i = 0; i < count; i++) e = { kind: "Not", span: e.span, operand: e };
  return { ...base, filter: e };
}

function flat(predicates: number): Query {
  return { ...base, filter: and(Array.from({ length: predicates }, (_, i) => leaf(i))) };
}

/** Every door that takes a Query value, each asked with the same limits. */
const doors: [string, (q: Query, limits: Limits) => unknown][] = [
  ["compile", (q, l) => compile(q, l)],
  ["new Compiled", (q, l) => new Compiled(q, [], l, undefined)],
  ["print", (q, l) => print(q, l)],
  ["toMixpeek", (q, l) => toMixpeek(q, l)],
  ["toMixpeekRequest", (q, l) => toMixpeekRequest(q, l)],
  ["toSql", (q, l) => toSql(q, { ...l, table: "t", document: "doc" })],
  ["toSqlWhere", (q, l) => toSqlWhere(q, { ...l, document: "doc" })],
  ["toMongo", (q, l) => toMongo(q, l)],
  ["run", (q, l) => run([{ a: 1 }], q, l)],
  ["filter", (q, l) => filter([{ a: 1 }], q, l)],
  ["filter on a RecordIndex", (q, l) => filter(indexRecords([{ a: 1 }]), q, l)],
];

function limitError(f: () => unknown): FilterQLError {
  const thrown = caught(f);
  expect(thrown).toBeInstanceOf(FilterQLError);
  const error = thrown as FilterQLError;
  expect(error.diagnostics.map((d) => d.code)).toEqual(["limit-exceeded"]);
  return error;
}

describe("a query value built in code is held to the limits of parsing at every door", () => {
  const cases: [string, Query, RegExp][] = [
    ["5,000 alternating and/or levels", andOr(5000), /nests deeper than 64 levels/],
    ["20,000 nested `not`s", nots(20_000), /nests deeper than 64 levels/],
    ["one level past the default depth (depth 65)", andOr(131), /nests deeper than 64 levels/],
    ["1,025 predicates", flat(1025), /more than 1024 conditions/],
    ["an `in` list of 1,025 values", { ...base, filter: { kind: "In", span: base.span, negated: false, field: (base.filter as CompareNode).field, values: Array.from({ length: 1025 }, (_, i) => ({ kind: "Literal" as const, span: base.span, value: i })) } }, /more than 1024 values/],
  ];
  for (const [name, query, message] of cases) {
    for (const [door, call] of doors) {
      test(`${door}: ${name} is limit-exceeded`, () => {
        expect(limitError(() => call(query, {})).diagnostics[0]?.message).toMatch(message);
      });
    }
    test(`check: ${name} gives the limit-exceeded diagnostic`, () => {
      const diagnostics = check(query);
      expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([["error", "limit-exceeded"]]);
      expect(diagnostics[0]?.message).toMatch(message);
      expect(diagnostics[0]?.span).toMatchObject({ line: 1, column: expect.any(Number) });
    });
  }

  test("an expression node given to print is held to the limits too", () => {
    expect(limitError(() => print(andOr(5000).filter as ExprNode)).diagnostics[0]?.message).toMatch(/nests deeper/);
  });

  test("the trees measure as the parser counts their printed text", () => {
    expect([depthOf(andOr(129).filter as ExprNode), depthOf(andOr(131).filter as ExprNode), depthOf(andOr(80).filter as ExprNode)]).toEqual([64, 65, 39]);
    expect(parse(print(andOr(129))).diagnostics).toEqual([]);
    expect(parse(print(andOr(131), { maxDepth: 65 })).diagnostics.map((d) => d.code)).toEqual(["limit-exceeded"]);
  });

  for (const [door, call] of doors) {
    // MongoDB's server parses at most 100 levels of its own nesting, which toMongo refuses apart.
    if (door !== "toMongo") {
      test(`${door}: a tree at the default depth (64) is accepted, as its printed text parses`, () => {
        expect(() => call(andOr(129), {})).not.toThrow();
      });
    }
    test(`${door}: the options' limits apply`, () => {
      expect(() => call(andOr(80), { maxDepth: 39 })).not.toThrow();
      expect(() => call(nots(60), { maxDepth: 60 })).not.toThrow();
      expect(() => call(flat(1500), { maxPredicates: 1500 })).not.toThrow();
      limitError(() => call(andOr(80), { maxDepth: 38 }));
      limitError(() => call(nots(60), { maxDepth: 59 }));
      limitError(() => call(flat(11), { maxPredicates: 10 }));
    });
  }

  test("check takes the limits as options", () => {
    expect(check(andOr(80), { maxDepth: 39 })).toEqual([]);
    expect(check(flat(11), { maxPredicates: 10 }).map((d) => d.code)).toEqual(["limit-exceeded"]);
  });

  test("a query compiled with other limits emits every target with them", () => {
    const compiled = compile(andOr(80), { maxDepth: 39 });
    expect(() => compiled.toMixpeek()).not.toThrow();
    expect(() => compiled.toSql({ table: "t", document: "doc" })).not.toThrow();
    expect(() => compiled.toSqlWhere({ document: "doc" })).not.toThrow();
    expect(() => compiled.toMongo()).not.toThrow();
    expect(compiled.run([{ a: 1, b: 79 }, { a: 1, b: 78 }]).results).toEqual([{ a: 1, b: 79 }]);
  });
});
