/**
 * Fields typed `date`: the MongoDB form compares BSON dates, as the engine compares instants.
 * (Stored as dates: an ISO-8601 string in a record is a string to the server.)
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { CompareOp, PredicateNode, ValueNode } from "../../src/ast/nodes.js";
import { compile } from "../../src/compile.js";
import { NO_SPAN as span } from "../../src/diagnostics/diagnostic.js";
import { matchesMongo } from "../support/mongo-reference.js";
import { query } from "./arbitraries.js";

const now = new Date("2024-05-08T12:00:00.000Z");
const schema = { d: "date", n: "number" } as const;
const instants = ["2024-05-01T00:00:00.000Z", "2024-05-07T12:00:00.000Z", "2024-05-08T12:00:00.000Z", "2024-06-01T00:00:00.000Z"].map((s) => new Date(s));
const date = fc.constantFrom(...instants).map((d) => new Date(d.getTime()));
const dateValue = fc.oneof(date, fc.constant(null), fc.array(fc.oneof(date, fc.constant(null)), { maxLength: 2 }));
const records = fc.array(fc.record({ d: dateValue, n: fc.constantFrom(1, 2) }, { requiredKeys: [] }), { maxLength: 8 });

const value: fc.Arbitrary<ValueNode> = fc.oneof(
  fc.constantFrom("2024-05-01", "2024-05-07T12:00:00Z", "2024-05-08T14:00:00+02:00", "2024-06-01T00:00:00.000Z", "not a date").map((value): ValueNode => ({ kind: "Literal", span, value })),
  fc.record({ sign: fc.constantFrom("+" as const, "-" as const), amount: fc.constantFrom(0, 1, 7), unit: fc.constantFrom("d" as const, "h" as const, "w" as const) }).map((offset): ValueNode => ({ kind: "DateMath", span, offset })),
  fc.constant<ValueNode>({ kind: "Literal", span, value: null }),
);
const field = { kind: "Path" as const, span, segments: ["d"] };
const predicate: fc.Arbitrary<PredicateNode> = fc.oneof(
  fc.record({ op: fc.constantFrom<CompareOp>("eq", "ne", "gt", "gte", "lt", "lte"), value }).map((r): PredicateNode => ({ kind: "Compare", span, field, ...r })),
  fc.record({ low: value, high: value }).map((r): PredicateNode => ({ kind: "Between", span, field, ...r })),
  fc.record({ negated: fc.boolean(), values: fc.array(value, { maxLength: 3 }) }).map((r): PredicateNode => ({ kind: "In", span, field, ...r })),
);

describe("date fields", () => {
  test("random date comparisons, date math and ISO strings: reference(toMongo) ≡ engine", () => {
    let compared = 0;
    fc.assert(
      fc.property(predicate, records, (p, rs) => {
        let c;
        try {
          c = compile(query(p), { schema, now });
        } catch {
          return; // the checker refuses an invalid date literal; nothing to emit
        }
        const filter = c.toMongo().filter;
        for (const r of rs) expect(matchesMongo(filter, r)).toBe(c.test(r));
        compared++;
      }),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});
