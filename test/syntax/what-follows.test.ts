import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { print } from "../../src/emit/print.js";
import { parse } from "../../src/syntax/parse.js";
import { queryArb, tokenSoupArb } from "../support/arbitraries.js";

const first = (text: string) => parse(text).diagnostics[0];

describe("an unexpected token names what can follow what came before it", () => {
  test.each([
    ["and", "unexpected `and`; expected a condition (a field name, `not` or `(`)"],
    [' and role = "admin"', "unexpected `and`; expected a condition (a field name, `not` or `(`)"],
    ["limit 5 and x = 1", "unexpected `and` after `5`; expected `case` or the end of the query"],
    ["x = 1 select a limit 3 select b", "unexpected `select` after `3`; expected `case` or the end of the query"],
    ["age > 1 order by score desc and x = 1", "unexpected `and` after `desc`; expected `,`, `select`, `limit`, `case` or the end of the query"],
    ["age > 1 order by score = 2", "unexpected `=` after `score`; expected `asc`, `desc`, `,`, `select`, `limit`, `case` or the end of the query"],
    ["x = 1 select a = 2", "unexpected `=` after `a`; expected `,`, `limit`, `case` or the end of the query"],
    ["x = 1 case sensitive = 2", "unexpected `=` after `sensitive`; expected the end of the query"],
    ["from a = 1", "unexpected `=` after `a`; expected `,`, `where`, a condition, `order by`, `select`, `limit`, `case` or the end of the query"],
    ["from a where = 1", "unexpected `=` after `where`; expected a condition, `order by`, `select`, `limit`, `case` or the end of the query"],
    ["a = 1 b = 2", "unexpected `b` after `1`; expected `and`, `or`, `order by`, `select`, `limit`, `case` or the end of the query"],
  ])("%s", (text, message) => {
    expect(first(text)).toMatchObject({ code: "syntax", message });
  });

  test("t > now x: `now` may take an offset", () => {
    const unexpected = parse("t > now x").diagnostics.find((d) => d.message.startsWith("unexpected"));
    expect(unexpected?.message).toBe("unexpected `x` after `now`; expected `+`, `-`, `and`, `or`, `order by`, `select`, `limit`, `case` or the end of the query");
  });

  test("age > 1 order by score desc and x = 1: conditions go before `order by`", () => {
    expect(first("age > 1 order by score desc and x = 1")?.hint).toBe("conditions go before `order by`; the clauses go: `from`, the condition, `order by`, `select`, `limit`, `case`");
    expect(first("x = 1 select a limit 3 or y = 2")?.hint).toMatch(/^conditions go before `select`;/);
    expect(first("a = 1 b = 2")?.hint).toBeUndefined();
    expect(first("x = 1 select a limit 3 select b")?.hint).toBeUndefined();
  });

  // Each word the message can name, and text that stands for it.
  const CANDIDATES: [string, string][] = [
    ["`and`", "and"], ["`or`", "or"], ["`order by`", "order by"], ["`select`", "select"], ["`limit`", "limit"], ["`case`", "case"],
    ["`,`", ","], ["`asc`", "asc"], ["`desc`", "desc"], ["`where`", "where"], ["a condition", "x"],
  ];

  test("for any valid query: what the message lists can follow it, and what it leaves out cannot", () => {
    let checked = 0;
    fc.assert(
      fc.property(queryArb, (q) => {
        const text = print(q);
        if (text === "") return;
        const at = text.length + 1;
        // A habit may read the text another way (`… and null =` as a field named `null`) and
        // replace the parser's diagnostic: then there is no list to test.
        const stray = parse(`${text} =`).diagnostics.find((d) => d.message.startsWith("unexpected `=`"));
        if (stray === undefined) return;
        checked++;
        expect(stray.span.start).toBe(at);
        const listed = /; expected (.*)$/.exec(stray.message)?.[1] ?? "";
        expect(listed).toMatch(/the end of the query$/);
        for (const [words, candidate] of CANDIDATES) {
          const faultsThere = parse(`${text} ${candidate}`).diagnostics.filter((d) => d.severity === "error" && d.span.start === at);
          // A habit may say more about a listed token left dangling at the end (`a ,` must be followed…).
          if (listed.includes(words)) expect(faultsThere.filter((d) => d.message.startsWith("unexpected")), `${text} ${candidate}`).toEqual([]);
          else expect(faultsThere.length, `${text} ${candidate}: ${listed}`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(300);
  });

  test("for any text: an unexpected token is never among the ones the message expects", () => {
    fc.assert(
      fc.property(tokenSoupArb, (text) => {
        for (const d of parse(text).diagnostics) {
          const m = /^unexpected (`[^`]+`)(?: after `[^`]*`)?; expected (.*)$/.exec(d.message);
          if (m === null) continue;
          const [, token, expected] = m as unknown as [string, string, string];
          expect(expected.split(/, | or /), `${text}: ${d.message}`).not.toContain(token.toLowerCase());
        }
      }),
      { numRuns: 1000 },
    );
  });
});
