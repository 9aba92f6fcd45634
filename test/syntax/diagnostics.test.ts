import { describe, expect, test } from "vitest";
import { parse } from "../../src/syntax/parse.js";
import { formatDiagnostics } from "../../src/diagnostics/format-diagnostics.js";

function errors(text: string) {
  const result = parse(text);
  expect(result.query).toBeUndefined();
  return result.diagnostics;
}

describe("syntax errors: message, span, frame", () => {
  test("a = ", () => {
    const [d] = errors("a = ");
    expect(d).toMatchObject({ severity: "error", code: "syntax", span: { start: 4, end: 4, line: 1, column: 5 } });
    expect(d?.message).toMatch(/^expected a value .* after `=`$/);
    expect(formatDiagnostics("a = ", errors("a = "))).toBe(
      [
        "error[syntax]: expected a value (a string, a number, `true`, `false`, `null` or `now`) after `=`",
        " --> 1:5",
        "  |",
        "1 | a = ",
        "  |     ^",
      ].join("\n"),
    );
  });

  test("(a = 1 and (b = 2)", () => {
    const [d] = errors("(a = 1 and (b = 2)");
    expect(d).toMatchObject({ code: "syntax", message: "`(` opened at 1:1 is never closed", span: { start: 18, end: 18 } });
  });

  test("x === 1", () => {
    const all = errors("x === 1");
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ message: "`===` is JavaScript; FilterQL writes `=`", span: { start: 2, end: 5, column: 3 } });
    expect(formatDiagnostics("x === 1", all)).toBe(
      [
        "error[syntax]: `===` is JavaScript; FilterQL writes `=`",
        " --> 1:3",
        "  |",
        "1 | x === 1",
        "  |   ^^^",
        "  = hint: `=` never converts types, so it already means what `===` does",
        "  = fix: x = 1",
      ].join("\n"),
    );
  });

  test("several independent errors are reported together: x === 1 and y => 2 || z = \"abc", () => {
    const all = errors('x === 1 and y => 2 || z = "abc');
    expect(all.map((d) => d.message)).toEqual([
      "`===` is JavaScript; FilterQL writes `=`",
      "`=>` is written `>=`",
      "`||` is JavaScript; FilterQL writes `or`",
      "this string is never closed",
    ]);
  });

  test("a = 1)", () => {
    expect(errors("a = 1)")[0]).toMatchObject({ message: "`)` has no matching `(`", span: { start: 5, end: 6 } });
  });

  test("x in [1, 2", () => {
    expect(errors("x in [1, 2")[0]).toMatchObject({ message: "`[` opened at 1:6 is never closed" });
  });

  test("order = 1 hints at back-quotes", () => {
    const [d] = errors("order = 1");
    expect(d?.message).toBe("`order` is a reserved word, so it cannot stand as a field name");
    expect(d?.hint).toContain("`order` is a reserved word");
  });

  test("a = 1 b = 2", () => {
    expect(errors("a = 1 b = 2")[0]?.message).toMatch(/^unexpected `b` after `1`; expected `and`, `or`/);
  });

  test("lexer and parser errors come together: a = 1 @ b", () => {
    const all = errors("a = 1 @ b");
    expect(all.map((d) => d.span.start)).toEqual([6, 8]);
    expect(all[0]?.message).toBe("unexpected character `@`");
  });

  test.each([
    ['a = "\\q"', "`\\q` is not a valid escape", 5],
    ['a = "\\u12"', "`\\u` must be followed by four hex digits", 5],
    ["`a.b` = 1", "a back-quoted name may not contain `.`", 0],
    ["`` = 1", "a back-quoted name may not be empty", 0],
    ["`abc = 1", "this back-quoted name is never closed", 0],
    ["a = 1e999", "the number `1e999` is too large", 4],
    ["limit 0", "`limit` takes a whole number from 1 to 9007199254740991, not 0", 6],
    ["limit 2.5", "`limit` takes a whole number from 1 to 9007199254740991, not 2.5", 6],
    ["limit 1e20", "`limit` takes a whole number from 1 to 9007199254740991, not 1e20", 6],
    ["limit 9007199254740992", "`limit` takes a whole number from 1 to 9007199254740991, not 9007199254740992", 6],
    ["x ~ 5", "`~` takes a string", 4],
    ['x starts with 5', "`starts with` takes a string", 14],
    ["x = /a/", "a regex literal is only allowed after `matches`", 4],
    ["x matches 5", "`matches` takes a regex (`/pattern/i`) or a string", 10],
    ["t > now - 99999999999999d", "the duration `99999999999999d` is out of range", 10],
  ])("%s", (text, message, start) => {
    expect(errors(text)[0]).toMatchObject({ code: "syntax", message, span: { start } });
  });

  test("a diagnostic on a later line has that line and column", () => {
    const text = 'a = 1\nand b = "x\nor c = 2';
    const [d] = errors(text);
    expect(d).toMatchObject({ span: { line: 2, column: 9 }, message: "this string is never closed" });
    expect(formatDiagnostics(text, [d!])).toContain('2 | and b = "x\n  |         ^^');
  });

  test("hints are printed under the frame", () => {
    const text = "`a.b` = 1";
    expect(formatDiagnostics(text, errors(text))).toMatch(/\n {2}= hint: a body key could not tell/);
  });

  test("control characters in the source are shown as pictures, never sent to the terminal", () => {
    const text = "a = 1 \u001b[31m";
    const out = formatDiagnostics(text, errors(text));
    expect(out).not.toContain("\u001b");
    expect(out).toContain("\u241b");
  });

  test("a non-string input is a TypeError naming parse and its parameter (any string gets diagnostics instead)", () => {
    expect(() => parse(42 as unknown as string)).toThrow(new TypeError("parse: `text` must be a string, not number 42"));
  });
});
