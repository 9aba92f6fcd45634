import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { QueryNode } from "../../src/ast/nodes.js";
import { applyFixes } from "../../src/diagnostics/apply-fixes.js";
import { print } from "../../src/emit/print.js";
import { parse } from "../../src/syntax/parse.js";
import { queryArb } from "../support/arbitraries.js";

const clauseOrder = (text: string) => parse(text).diagnostics.filter((d) => d.message.includes(" stands before "));

/** The text a clause-order hint proposes: `write \`…\``. */
function proposed(hint: string | undefined): string {
  expect(hint).toMatch(/^write `.*`$/s);
  return (hint as string).slice("write `".length, -1);
}

const parses = (text: string) => parse(text).diagnostics.every((d) => d.severity !== "error");

/** A valid query's condition (with something left dangling after it), then its `from`, then the rest. */
const misorderedArb = fc
  .record({ query: queryArb, dangling: fc.constantFrom("", "", " or", " and", " not", " (") })
  .filter(({ query }) => query.filter !== null && query.collections.length > 0)
  .map(({ query, dangling }) => {
    const none: Pick<QueryNode, "collections" | "orderBy" | "select" | "limit" | "caseSensitive"> = { collections: [], orderBy: [], select: [], limit: null, caseSensitive: null };
    const condition = print({ ...query, ...none });
    const from = print({ ...query, ...none, collections: query.collections, filter: null });
    const rest = print({ ...query, collections: [], filter: null });
    return { text: [`${condition}${dangling}`, from, rest].filter((p) => p !== "").join(" "), dangling };
  });

describe("the clause-order habit proposes only text that parses", () => {
  test('status = "active" or from x: the dangling `or` is the error, not the order', () => {
    expect(clauseOrder('status = "active" or from x')).toEqual([]);
    const [d] = parse('status = "active" or from x').diagnostics;
    expect(d).toMatchObject({ code: "syntax", message: "expected a condition after `or`, found `from`" });
    expect(d?.hint ?? "").not.toContain("from x status");
  });

  test('status = "active" from x: the condition is named in words', () => {
    const [d] = clauseOrder('status = "active" from x');
    expect(d?.message).toBe("the condition stands before `from`; the clauses go: `from`, the condition, `order by`, `select`, `limit`, `case`");
    expect(proposed(d?.hint)).toBe('from x status = "active"');
  });

  test("for any valid query with its clauses out of order: the proposed text and the fixed text parse", () => {
    let said = 0;
    fc.assert(
      fc.property(misorderedArb, ({ text, dangling }) => {
        const found = clauseOrder(text);
        for (const d of found) {
          expect(parses(proposed(d.hint)), `${text} → ${d.hint}`).toBe(true);
          if (d.fix !== undefined) expect(parses(applyFixes(text, [d])), text).toBe(true);
        }
        if (dangling === "") said += found.length;
      }),
      { numRuns: 300 },
    );
    expect(said).toBeGreaterThan(30);
  });
});
