import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { print } from "../../src/emit/print.js";
import { fromMixpeek } from "../../src/mixpeek/from-mixpeek.js";
import { toMixpeek } from "../../src/mixpeek/to-mixpeek.js";
import { parse } from "../../src/syntax/parse.js";
import { bodyQueryArb } from "../support/arbitraries.js";

const now = new Date("2024-05-08T12:00:00.000Z");

describe.each(["v1", "v2"] as const)("body round trips, dialect %s", (dialect) => {
  test("query → body → AST → body is the identity on the body", () => {
    fc.assert(
      fc.property(bodyQueryArb(dialect), (q) => {
        const body = toMixpeek(q, { dialect, now });
        expect(toMixpeek(fromMixpeek(body, { dialect }), { dialect, now })).toEqual(body);
      }),
      { numRuns: 1500 },
    );
  });

  test("canonical body → AST → body is the identity (JSON text compared, key order included)", () => {
    fc.assert(
      fc.property(bodyQueryArb(dialect), (q) => {
        const canonical = JSON.parse(JSON.stringify(toMixpeek(q, { dialect, now })));
        const again = toMixpeek(fromMixpeek(canonical, { dialect }), { dialect, now });
        expect(JSON.stringify(again)).toBe(JSON.stringify(canonical));
      }),
      { numRuns: 1000 },
    );
  });

  test("body → AST → print → parse → body is the identity", () => {
    fc.assert(
      fc.property(bodyQueryArb(dialect), (q) => {
        const body = toMixpeek(q, { dialect, now });
        const text = print(fromMixpeek(body, { dialect }));
        const reparsed = parse(text);
        expect(reparsed.diagnostics).toEqual([]);
        expect(toMixpeek(reparsed.query!, { dialect, now })).toEqual(body);
      }),
      { numRuns: 1000 },
    );
  });

  test("any JSON value decodes to a query or a FilterQLError, never another throw", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
        try {
          fromMixpeek(json, { dialect });
        } catch (e) {
          expect(e).toBeInstanceOf(FilterQLError);
        }
        try {
          fromMixpeek({ filters: json }, { dialect });
        } catch (e) {
          expect(e).toBeInstanceOf(FilterQLError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
