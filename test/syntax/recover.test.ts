/**
 * The recovering descent (the library's error path) against Chevrotain's recovering parser, the
 * grammar of record: on any text, the same faults in the same order, the same complaints, and on
 * text without either the same query. The fast descent answers exactly there, with that query, and
 * gives up everywhere else (so parse never needs the recovering descent's query). Then, on text
 * where no habit from another language speaks, parse's diagnostics are the grammar's own.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Reporter } from "../../src/diagnostics/reporter.js";
import { print } from "../../src/emit/print.js";
import { parseWithChevrotain } from "../../src/syntax/chevrotain/parser.js";
import type { Fault } from "../../src/syntax/fault.js";
import { postLex } from "../../src/syntax/post-lex.js";
import { descend } from "../../src/syntax/descent.js";
import { parse } from "../../src/syntax/parse.js";
import { recover } from "../../src/syntax/recover.js";
import { scan } from "../../src/syntax/scan.js";
import { queryArb, tokenSoupArb } from "../support/arbitraries.js";
import { grammarDiagnostics } from "./grammar-diagnostics.js";

/** A fault as a comparable value: where (the end as -1), what kind, in which rule, and for a mismatch what it required. */
const plain = (f: Fault) => ({ at: Number.isNaN(f.token.startOffset) ? -1 : f.token.startOffset, type: f.token.tokenType.name, kind: f.kind, required: f.required, rule: f.rule });

function bothParsers(text: string) {
  const lexed = scan(text);
  postLex(lexed.tokens, new Reporter(text));
  const ours = new Reporter(text);
  const mine = recover(lexed.tokens, ours);
  const theirs = new Reporter(text);
  const chevrotain = parseWithChevrotain(lexed.tokens, theirs, true);
  return {
    descent: descend(lexed.tokens),
    ours: { faults: mine.faults.map(plain), complaints: ours.diagnostics, query: mine.faults.length === 0 && !ours.hasErrors ? mine.query : undefined },
    theirs: { faults: chevrotain.faults.map(plain), complaints: theirs.diagnostics, query: chevrotain.faults.length === 0 && !theirs.hasErrors ? chevrotain.query : undefined },
  };
}

/** Printed queries with tokens dropped, doubled, swapped or replaced: text near valid text. */
const damagedArb = fc
  .tuple(queryArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom("drop", "double", "swap", "replace"), fc.constantFrom("and", "or", ")", "(", "]", "[", ",", "=", "x", "7", "not", "with", "by", "now", "-", "+", "in")), { minLength: 1, maxLength: 3 }))
  .map(([query, edits]) => {
    const words = print(query).split(" ");
    for (const [at, edit, word] of edits) {
      if (words.length === 0) break;
      const i = at % words.length;
      if (edit === "drop") words.splice(i, 1);
      else if (edit === "double") words.splice(i, 0, words[i] as string);
      else if (edit === "replace") words[i] = word;
      else if (i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1] as string, words[i] as string];
    }
    return words.join(" ");
  });

/** Short runs of the grammar's own tokens: dense in the places where recoveries differ. */
const grammarSoupArb = fc
  .array(fc.constantFrom("a", "=", "1", "-", "and", "or", "(", ")", "[", "]", ",", "in", "between", "not", "order", "by", "select", "limit", "case", "now", "+", "7d", "starts", "with", "is", "null", "desc", "."), { maxLength: 12 })
  .map((parts) => parts.join(" "));

/** Text with faults or complaints. */
const FAULTY = [
  "a = ",
  "a = and b = ",
  "a in [1 2 3] and b = 1",
  "a in [1 x, 2] or (b = 1 c = 2)",
  "a between 1 2 and b starts 'x'",
  "order x, select y limit case",
  "a = - and b > now + or",
  "(a = 1 and (b = 2) c",
  "from , where a = 1 order by",
  "a = /x/ and b starts with 1 limit 0",
  "a.1e3 = 1 and `b` in 1, 2]",
  ") ] a = 1",
  "a between - or b = 1",
  "a in [-] and b in [- , 2",
  "a starts - and b ends with now + or c",
];

/**
 * Of those, where a habit from another language replaces the generic words (`[1 2 3]`, `starts 'x'`).
 * `now +` with no duration is not one: the grammar's "expected a duration such as `7d`" says it best.
 */
const HABITS_SPEAK = new Set([
  "a in [1 2 3] and b = 1",
  "a in [1 x, 2] or (b = 1 c = 2)",
  "a between 1 2 and b starts 'x'",
  "order x, select y limit case",
]);

describe("the recovering descent = Chevrotain's recovering parser", () => {
  test.each(FAULTY)("%s", (text) => {
    const { descent, ours, theirs } = bothParsers(text);
    expect(ours.faults.length + ours.complaints.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
    expect(descent).toBeUndefined();
  });

  test("token soup, arbitrary strings and damaged queries: the same faults, complaints and queries; the fast descent's query is the recovering descent's whole one", () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoupArb, grammarSoupArb, damagedArb, fc.string({ maxLength: 40 })), (text) => {
        const { descent, ours, theirs } = bothParsers(text);
        expect(ours).toEqual(theirs);
        // Defined exactly when there is neither fault nor complaint, and then the same query.
        expect(descent).toEqual(ours.query);
      }),
      { numRuns: 5000 },
    );
  });

  test.each(FAULTY.filter((text) => !HABITS_SPEAK.has(text)))("parse(%j) reports the grammar's diagnostics", (text) => {
    const expected = grammarDiagnostics(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(parse(text)).toEqual({ diagnostics: expected });
  });

  test.each([...HABITS_SPEAK])("parse(%j): a habit replaces the grammar's words", (text) => {
    expect(parse(text).diagnostics).not.toEqual(grammarDiagnostics(text));
  });
});
