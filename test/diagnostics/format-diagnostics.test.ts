/**
 * Code frames under wide and composed characters: the carets sit under the span in terminal
 * columns (a CJK character or an emoji takes two, a combining mark none).
 */
import { describe, expect, test } from "vitest";
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
