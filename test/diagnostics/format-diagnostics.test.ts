/**
 * Code frames under wide and composed characters: the carets sit under the span in terminal
 * columns (a CJK character or an emoji takes two, a combining mark none).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayWidth } from "../../src/diagnostics/display-width.js";
import { formatDiagnostics } from "../../src/diagnostics/format-diagnostics.js";
import { parse } from "../../src/syntax/parse.js";

const frame = (text: string) => formatDiagnostics(text, parse(text).diagnostics);

describe("carets count terminal columns", () => {
  test('name = "山田太郎" and = 1', () => {
    expect(frame('name = "山田太郎" and = 1')).toBe(
      [
        "error[syntax]: expected a condition (a field name, `not` or `(`) after `and`, found `=`",
        " --> 1:19",
        "  |",
        '1 | name = "山田太郎" and = 1',
        `  | ${" ".repeat(22)}^`,
      ].join("\n"),
    );
  });

  test("`名前` = /x/", () => {
    expect(frame("`名前` = /x/")).toBe(
      [
        "error[syntax]: a regex literal is only allowed after `matches`",
        " --> 1:8",
        "  |",
        "1 | `名前` = /x/",
        `  | ${" ".repeat(9)}^^^`,
        "  = hint: write the value as a string",
      ].join("\n"),
    );
  });

  test("a = 1 名前: a wide span gets two carets per character", () => {
    expect(frame("a = 1 名前")).toContain(`1 | a = 1 名前\n  | ${" ".repeat(6)}^^^^`);
  });

  test('tag = "👩‍💻" limit 0', () => {
    const text = 'tag = "👩‍💻" limit 0';
    const out = frame(text);
    // `"👩‍💻"` is 2 columns of emoji plus 2 quotes; the caret is under the `0`.
    expect(out).toContain(`1 | tag = "👩‍💻" limit 0\n  | ${" ".repeat(17)}^`);
  });

  test('a = "é" (a combining accent) = 1: the mark takes no column', () => {
    const text = 'a = "e\u0301" = 1';
    expect(frame(text)).toContain(`1 | ${text}\n  | ${" ".repeat(8)}^`);
  });
});

describe("long lines are shown as a window around the span", () => {
  test("a = 1 or … (400 more) … or b == 2: the frame shows the span with 40 characters each side, cut with …", () => {
    const text = `${Array.from({ length: 60 }, (_, i) => `f${i} = ${i}`).join(" or ")} or b == 2 or ${Array.from({ length: 10 }, (_, i) => `g${i} = ${i}`).join(" or ")}`;
    const out = formatDiagnostics(text, [{ severity: "error", code: "syntax", message: "m", span: { start: text.indexOf("=="), end: text.indexOf("==") + 2, line: 1, column: text.indexOf("==") + 1 } }]);
    const [, , , source, carets] = out.split("\n") as [string, string, string, string, string];
    expect(source).toBe(`1 | …${text.slice(text.indexOf("==") - 40, text.indexOf("==") + 42)}…`);
    expect(carets).toBe(`  | ${" ".repeat(41)}^^`);
  });

  test("property: in any long line, the carets sit under the span's text (or its first 40 characters)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "=", "é", "😀"), minLength: 121, maxLength: 400 }), fc.nat(), fc.nat({ max: 60 }), (text, at, length) => {
        // Spans start on a code point: never inside a surrogate pair.
        const start = at % text.length - (/[\uDC00-\uDFFF]/.test(text[at % text.length] ?? "") ? 1 : 0);
        const end = Math.min(text.length, start + length);
        const out = formatDiagnostics(text, [{ severity: "error", code: "syntax", message: "m", span: { start, end, line: 1, column: start + 1 } }]);
        const [, , , source, carets] = out.split("\n") as [string, string, string, string, string];
        const shown = source.slice("1 | ".length);
        const caretLine = carets.slice("  | ".length);
        const before = caretLine.length - caretLine.trimStart().length;
        expect(displayWidth(shown)).toBeLessThanOrEqual(2 * (40 + 40 + 40) + 2);
        // The shown text from the first caret on starts with the span's text.
        let prefix = "";
        for (const ch of shown) {
          if (displayWidth(prefix) >= before) break;
          prefix += ch;
        }
        expect(displayWidth(prefix)).toBe(before);
        const spanText = text.slice(start, Math.max(start, end));
        const rest = shown.slice(prefix.length);
        expect(rest.startsWith(spanText.slice(0, 40).replace(/[\uD800-\uDBFF]$/, ""))).toBe(true);
      }),
    );
  });

  test("a span longer than the window: carets to the cut, none under the closing …", () => {
    const text = `age = "${"x".repeat(300)}"`;
    const out = formatDiagnostics(text, [{ severity: "error", code: "type-mismatch", message: "m", span: { start: 6, end: text.length, line: 1, column: 7 } }]);
    const [, , , source, carets] = out.split("\n") as [string, string, string, string, string];
    expect(source.endsWith("…")).toBe(true);
    expect(carets.length).toBe(source.length - 1);
    expect(carets.endsWith("^")).toBe(true);
  });

  test("a body diagnostic about the whole body points at it by name", () => {
    expect(formatDiagnostics("", [{ severity: "error", code: "type-mismatch", message: "the body must be an object, not a list", span: { start: 0, end: 0, line: 1, column: 1 }, path: "" }])).toBe(
      "error[type-mismatch]: the body must be an object, not a list\n --> (the body itself)",
    );
  });
});
