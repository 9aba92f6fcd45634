import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyEdits, applyFixes } from "../../src/diagnostics/apply-fixes.js";
import type { Diagnostic, TextEdit } from "../../src/diagnostics/diagnostic.js";

const at = (edits: TextEdit[]): Diagnostic => ({
  severity: "error",
  code: "syntax",
  message: "m",
  span: { start: 0, end: 0, line: 1, column: 1 },
  fix: { title: "t", edits },
});

describe("applyFixes", () => {
  test("edits are offsets into the original text, applied in any order", () => {
    expect(applyFixes("a b c", [at([{ start: 4, end: 5, text: "C" }]), at([{ start: 0, end: 1, text: "AA" }])])).toBe("AA b C");
  });

  test("a fix that overlaps one already taken is left out whole", () => {
    const first = at([{ start: 0, end: 3, text: "x" }]);
    const second = at([{ start: 2, end: 4, text: "y" }, { start: 5, end: 6, text: "z" }]);
    expect(applyFixes("abcdef", [first, second])).toBe("xdef");
  });

  test("diagnostics without a fix change nothing", () => {
    const plain: Diagnostic = { severity: "error", code: "syntax", message: "m", span: { start: 0, end: 1, line: 1, column: 1 } };
    expect(applyFixes("abc", [plain])).toBe("abc");
  });

  test("applying cut-up edits equals rebuilding the text piece by piece", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 6 }), (text, raw) => {
        // Non-overlapping edits: sorted cut points, each edit inside its own gap.
        const edits: TextEdit[] = [];
        let from = 0;
        for (const [skip, len, insert] of raw) {
          const start = Math.min(text.length, from + (skip % 5));
          const end = Math.min(text.length, start + len);
          if (edits.some((e) => e.start === start)) break;
          edits.push({ start, end, text: insert });
          from = end + 1;
        }
        let expected = "";
        let cursor = 0;
        for (const e of edits) {
          expected += text.slice(cursor, e.start) + e.text;
          cursor = e.end;
        }
        expected += text.slice(cursor);
        expect(applyEdits(text, [...edits].reverse())).toBe(expected);
      }),
    );
  });
});
