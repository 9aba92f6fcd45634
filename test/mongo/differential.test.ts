/**
 * toMongo ≡ run, checked without a server: the reference interpreter of MongoDB 8.0
 * (test/support/mongo-reference*.ts) evaluates the emitted find arguments, and must select,
 * order, page and project exactly what the in-memory engine does.
 */
import fc from "fast-check";
import { Query as MingoQuery } from "mingo";
import { describe, expect, test } from "vitest";
import type { ExprNode } from "../../src/ast/nodes.js";
import { compile, run } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { toMongo } from "../../src/mongo/to-mongo.js";
import type { MongoFind } from "../../src/mongo/types.js";
import { findMongo } from "../support/mongo-reference-find.js";
import { matchesMongo } from "../support/mongo-reference.js";
import * as server from "../support/server-shapes.js";
import { arbitraries, query } from "./arbitraries.js";

const runs = Number(process.env["FC_RUNS"] ?? 1500);
const A = arbitraries(true);
/** Shapes where mingo follows the server (see test/support/mongo-reference.test.ts for where it does not). */
const M = arbitraries(false);

/** The find arguments, or undefined when toMongo refuses the query (with its diagnostic code). */
function emitted(q: Parameters<typeof toMongo>[0], options: Parameters<typeof toMongo>[1] = {}): MongoFind | undefined {
  try {
    return toMongo(q, options);
  } catch (error) {
    if (!(error instanceof FilterQLError)) throw error;
    expect(error.diagnostics.map((d) => d.code)).toContain("unsupported-by-dialect");
    return undefined;
  }
}

describe("the emitted filter selects what the engine selects", () => {
  test("random records × random queries over every operator, case-sensitive and not", () => {
    let compared = 0;
    fc.assert(
      fc.property(A.expr, A.records, fc.boolean(), (expr, records, insensitive) => {
        const q = query(expr, insensitive ? { caseSensitive: false } : {});
        const find = emitted(q);
        if (find === undefined) return;
        const engine = compile(q).test;
        for (const r of records) expect(matchesMongo(find.filter, r)).toBe(engine(r));
        compared++;
      }),
      { numRuns: runs },
    );
    // Refusals are rare: most queries were compared.
    expect(compared).toBeGreaterThan(runs * 0.8);
  });

  test("the semantics suite's server shapes (values nested three deep, paths such as a.0.0)", () => {
    fc.assert(
      fc.property(server.exprArb(), fc.array(server.recordArb, { maxLength: 8 }), (expr, records) => {
        const q = server.queryOf(expr);
        const find = emitted(q);
        if (find === undefined) return;
        const engine = compile(q).test;
        for (const r of records) expect(matchesMongo(find.filter, r)).toBe(engine(r));
      }),
      { numRuns: runs },
    );
  });

  test("order by, page and select: the reference find equals run", () => {
    fc.assert(
      fc.property(
        fc.option(A.expr, { nil: null }), A.records, fc.array(A.orderKey, { maxLength: 2 }), fc.array(A.path, { maxLength: 2 }),
        fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }),
        (expr, records, orderBy, select, page, pageSize) => {
          const q = query(expr, { orderBy, select });
          const find = emitted(q, { page, pageSize });
          if (find === undefined) return;
          expect(findMongo(records, find)).toEqual(run(records, q, { page, pageSize }).results);
        },
      ),
      { numRuns: runs },
    );
  });
});

/** mingo cannot read the PCRE patterns; its agreement is checked on the other operators. */
function regexFree(e: ExprNode): boolean {
  switch (e.kind) {
    case "And":
    case "Or":
      return e.operands.every(regexFree);
    case "Not":
      return regexFree(e.operand);
    case "Match":
      return e.op === "contains" && !(e.value.kind === "Literal" && typeof e.value.value === "string");
    case "Text":
      return false;
    default:
      return true;
  }
}

/** `n` and `items` (the fields paths continue through) hold no arrays at any depth. */
function noArraysOnTheWay(r: Record<string, unknown>): boolean {
  const arrayFree = (v: unknown): boolean => !Array.isArray(v) && (v === null || typeof v !== "object" || Object.values(v).every(arrayFree));
  return arrayFree(r["n"]) && arrayFree(r["items"]);
}

describe("mingo agrees on the shapes where it follows the server", () => {
  test("no arrays along paths, no null orderings, no regex: mingo ≡ reference on the emitted filter", () => {
    fc.assert(
      fc.property(M.expr.filter(regexFree), M.records, (expr, records) => {
        const find = emitted(query(expr));
        if (find === undefined) return;
        const mingo = new MingoQuery(find.filter);
        for (const r of records) if (noArraysOnTheWay(r)) expect(mingo.test(r)).toBe(matchesMongo(find.filter, r));
      }),
      { numRuns: runs },
    );
  });
});
