import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "../../src/syntax/parse.js";
import { print } from "../../src/emit/print.js";
import { walk } from "../../src/ast/visit.js";
import { depthOf } from "../../src/ast/depth.js";
import { queryArb, tokenSoupArb } from "../support/arbitraries.js";
import { stripSpans } from "../support/strip-spans.js";

describe("properties", () => {
  test("random AST → print → parse gives the AST back, and printing is idempotent", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const text = print(q);
        const result = parse(text);
        expect(result.diagnostics).toEqual([]);
        expect(stripSpans(result.query)).toEqual(stripSpans(q));
        expect(print(result.query!)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  test("depthOf counts exactly as the parser's limit does", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        if (q.filter === null) return;
        const text = print(q);
        const depth = depthOf(q.filter);
        expect(parse(text, { maxDepth: depth }).diagnostics).toEqual([]);
        if (depth > 0) expect(parse(text, { maxDepth: depth - 1 }).diagnostics[0]?.code).toBe("limit-exceeded");
      }),
      { numRuns: 1000 },
    );
  });

  test("spans of a parsed query lie within the text", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const text = print(q);
        const parsed = parse(text).query!;
        walk(parsed, (node) => {
          expect(node.span.start).toBeGreaterThanOrEqual(0);
          expect(node.span.end).toBeLessThanOrEqual(text.length);
          expect(node.span.start).toBeLessThanOrEqual(node.span.end);
        });
      }),
      { numRuns: 300 },
    );
  });

  function checkResult(text: string): void {
    const result = parse(text);
    if (result.query === undefined) {
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const d of result.diagnostics) {
        expect(d.span.start).toBeGreaterThanOrEqual(0);
        expect(d.span.end).toBeLessThanOrEqual(text.length);
        expect(d.message.length).toBeGreaterThan(0);
      }
    } else {
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      // Whatever parses prints to text that parses to the same tree.
      expect(stripSpans(parse(print(result.query)).query)).toEqual(stripSpans(result.query));
    }
  }

  test("any string gives a query or diagnostics, never a throw", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80, unit: "binary" }), checkResult), { numRuns: 3000 });
  });

  test("any token soup gives a query or diagnostics, never a throw", () => {
    fc.assert(fc.property(tokenSoupArb, checkResult), { numRuns: 3000 });
  });

  test("printed queries with one character removed give a result or diagnostics", () => {
    fc.assert(
      fc.property(queryArb, fc.nat(), (q, cut) => {
        const text = print(q);
        const at = text.length === 0 ? 0 : cut % text.length;
        checkResult(text.slice(0, at) + text.slice(at + 1));
      }),
      { numRuns: 1000 },
    );
  });
});
