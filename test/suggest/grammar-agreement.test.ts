import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Schema } from "../../src/check/schema.js";
import { Reporter } from "../../src/diagnostics/reporter.js";
import { print } from "../../src/emit/print.js";
import { suggest } from "../../src/suggest/suggest.js";
import { fastParser } from "../../src/syntax/chevrotain/parser.js";
import { postLex } from "../../src/syntax/post-lex.js";
import { scan } from "../../src/syntax/scan.js";
import type { Lexeme } from "../../src/syntax/tokens.js";
import { queryArb } from "../support/arbitraries.js";

const schema = JSON.parse(readFileSync(new URL("../../sample/schema.json", import.meta.url), "utf8")) as Schema;

/** Tokens as the parser sees them (keywords retyped). */
function lex(text: string): Lexeme[] {
  const { tokens } = scan(text);
  postLex(tokens, new Reporter(text));
  return tokens;
}

// Built first: building it gives the token types their Chevrotain indexes.
const parser = fastParser();
const allowedCache = new Map<string, ReadonlySet<string>>();

/** The token types the grammar of record allows after these tokens (Chevrotain's content assist). */
function allowedAfter(tokens: readonly Lexeme[]): ReadonlySet<string> {
  const key = tokens.map((t) => t.tokenType.name).join(" ");
  let allowed = allowedCache.get(key);
  if (allowed === undefined) {
    const input = tokens.map((t) => ({ ...t, tokenTypeIdx: t.tokenType.tokenTypeIdx as number }));
    allowed = new Set(parser.computeContentAssist("query", input as never).map((p) => p.nextTokenType.name));
    allowedCache.set(key, allowed);
  }
  return allowed;
}

/** Labels (with their first token the grammar refuses) that suggest offers at the end of `before`. */
function refused(before: string): string[] {
  const s = suggest(before, before.length, { schema });
  const context = lex(before.slice(0, s.from));
  const out: string[] = [];
  for (const item of s.items) {
    const seq = [...context];
    for (const t of lex(item.label)) {
      if (!allowedAfter(seq).has(t.tokenType.name)) {
        out.push(`${item.kind} ${item.label} (${t.tokenType.name})`);
        break;
      }
      seq.push(t);
    }
  }
  return out;
}

describe("suggest offers only what the grammar allows", () => {
  test.each(['status = "active" or ', 'status = "active" and ', "not ", "(", 'status = "active" and (', "from users where ", 'from users where not (status = "active") or '])(
    "after %j: a condition's start, and no clause",
    (before) => {
      const labels = suggest(before, before.length, { schema }).items.filter((i) => i.kind !== "field").map((i) => i.label);
      expect(labels).toEqual(["not", "("]);
      expect(refused(before)).toEqual([]);
    },
  );

  test("at the start and after a finished condition, the clauses are still offered", () => {
    expect(suggest("", 0, { schema }).items.map((i) => i.label)).toEqual(expect.arrayContaining(["from", "order by", "select", "limit", "case"]));
    expect(suggest("(a = 1) ", 8, { schema }).items.map((i) => i.label)).toEqual(["and", "or", "order by", "select", "limit", "case"]);
  });

  test.each([
    ["order by score desc ", ["select", "limit", "case"]],
    ["age > - ", []],
    ["created > now - ", []],
    ["tags.0 ", ["=", "!=", "<", "<=", ">", ">="]],
    ["metadata ", ["is null", "is not null", "exists", "not exists"]],
  ])("after %j: %j (first items)", (before, first) => {
    const labels = suggest(before, before.length, { schema }).items.map((i) => i.label);
    expect(labels.slice(0, first.length)).toEqual(first);
    if (first.length === 0) expect(labels).toEqual([]);
    expect(refused(before)).toEqual([]);
  });

  test("for any prefix of a valid query cut at a token boundary, every label's tokens are ones the grammar allows there", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const text = print(query);
        const cuts = [...lex(text).map((t) => t.startOffset), text.length];
        for (const cut of cuts) {
          // At a space the next thing is offered; touching a word, that word is being completed.
          const before = text.slice(0, cut);
          expect(refused(before), before).toEqual([]);
          if (!/\s$/.test(before) && before !== "") expect(refused(`${before} `), `${before} `).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
