/**
 * The hand-written descent (the fast path for valid text) against the Chevrotain parser, the
 * grammar of record: wherever the descent gives a query, Chevrotain gives the same one, spans
 * included, with no diagnostic; and the descent accepts every printed query.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { QueryNode } from "../../src/ast/nodes.js";
import { Reporter } from "../../src/diagnostics/reporter.js";
import { print } from "../../src/emit/print.js";
import { descend } from "../../src/syntax/descent.js";
import { parse } from "../../src/syntax/parse.js";
import { parseWithChevrotain } from "../../src/syntax/chevrotain/parser.js";
import { postLex } from "../../src/syntax/post-lex.js";
import { scan } from "../../src/syntax/scan.js";
import { queryArb, tokenSoupArb } from "../support/arbitraries.js";
import { grammarDiagnostics } from "./grammar-diagnostics.js";

function bothWays(text: string): { descent: QueryNode | undefined; chevrotain: QueryNode | undefined; clean: boolean } {
  const reporter = new Reporter(text);
  const lexed = scan(text);
  postLex(lexed.tokens, reporter);
  const descent = descend(lexed.tokens);
  const semantic = new Reporter(text);
  const { query: chevrotain, faults } = parseWithChevrotain(lexed.tokens, semantic, false);
  return { descent, chevrotain, clean: faults.length === 0 && semantic.diagnostics.length === 0 };
}

describe("descent = the Chevrotain parser", () => {
  test("every printed query: the descent accepts it and builds Chevrotain's AST", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const text = print(query);
        const { descent, chevrotain, clean } = bothWays(text);
        expect(clean).toBe(true);
        expect(descent).toBeDefined();
        expect(descent).toEqual(chevrotain);
      }),
      { numRuns: 1000 },
    );
  });

  test("token soup and arbitrary text: wherever the descent answers, Chevrotain answers the same, cleanly", () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(tokenSoupArb, fc.string({ maxLength: 40 })), (text) => {
        const { descent, chevrotain, clean } = bothWays(text);
        if (descent === undefined) return;
        answered++;
        expect(clean).toBe(true);
        expect(descent).toEqual(chevrotain);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(0);
  });

  test.each([
    'status = "active" and role = "admin" and age >= 30 and not department = "HR"',
    "from a, `b c`, \"d\" where x between -1 and now - 7d order by x desc, y select x.0.1, `z` limit 5 case insensitive",
    'a not in [1, "b", null, true] or not (b is not null and c not exists) and d ~ "w" and e matches /x/i and f not starts with "p"',
    "",
  ])("%s", (text) => {
    const { descent, chevrotain, clean } = bothWays(text);
    expect(clean).toBe(true);
    expect(descent).toEqual(chevrotain);
  });

  test.each([
    ["a regex outside matches", "a = /x/"],
    ["a number where a string is expected", "a starts with 1"],
    ["a bad limit", "a = 1 limit 0"],
    ["a non-position after a dot", "a.1e3 = 1"],
    ["a missing value", "a = "],
  ])("gives up on %s, and parse reports Chevrotain's diagnostics", (_, text) => {
    expect(bothWays(text).descent).toBeUndefined();
    const expected = grammarDiagnostics(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(parse(text)).toEqual({ diagnostics: expected });
  });
});
