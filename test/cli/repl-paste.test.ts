import { PassThrough, Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { resolveSchema, type ResolvedSchema } from "../../src/check/schema.js";
import { Repl } from "../../src/cli/repl.js";
import { print } from "../../src/emit/print.js";
import { tokens } from "../../src/suggest/tokens.js";
import { queryArb, tokenSoupArb } from "../support/arbitraries.js";

const records = [{ a: 1, b: { c: "x" } }, { a: 2, b: { c: "y" } }, { a: "3", order: [1, 2] }];

/** A REPL whose output is collected; lines are handed to it as readline would. */
function repl(): { repl: Repl; output: () => string } {
  let out = "";
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const r = new Repl({ records, dataName: "test", schema: resolveSchema({ a: "any", b: "any", order: "any", status: "any" }) as ResolvedSchema, schemaName: "none", dialect: "v1", input: new PassThrough(), output });
  return { repl: r, output: () => out };
}

/** The text cut into lines at some of the spaces between its tokens (a newline takes a space's place), each line indented by chance. */
function cut(text: string, at: readonly boolean[], indent: readonly number[]): string[] {
  const lines: string[] = [];
  let start = 0;
  const ts = tokens(text);
  ts.forEach((t, i) => {
    const gap = i === 0 ? "" : text.slice((ts[i - 1] as { end: number }).end, t.start);
    if (gap === " " && at[i % at.length] === true) {
      lines.push(text.slice(start, t.start));
      start = t.start;
    }
  });
  lines.push(text.slice(start));
  return lines.map((l, i) => " ".repeat(indent[i % indent.length] ?? 0) + l);
}

describe("a pasted query is one input", () => {
  test("property: a query pasted over lines (cut between tokens) shows what it shows typed on one line", () => {
    fc.assert(
      fc.property(queryArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(4), { minLength: 1, maxLength: 4 }), (query, at, indent) => {
        const text = print(query);
        const typed = repl();
        typed.repl.accept(text);
        const pasted = repl();
        for (const line of cut(text, at, indent)) expect(pasted.repl.accept(line, true)).toBe(true);
        // The paste's end, as Enter on the line after it.
        pasted.repl.accept("");
        expect(pasted.output()).toBe(typed.output());
      }),
      { numRuns: 200 },
    );
  });

  test("property: any lines, typed or pasted, never throw", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(tokenSoupArb, fc.boolean()), { maxLength: 6 }), (lines) => {
        const r = repl();
        for (const [line, pasted] of lines) for (const part of line.split("\n")) r.repl.accept(part, pasted);
        r.repl.accept("");
      }),
      { numRuns: 200 },
    );
  });
});
