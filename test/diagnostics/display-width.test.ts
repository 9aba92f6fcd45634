import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayWidth, padToWidth, truncateToWidth } from "../../src/diagnostics/display-width.js";

describe("display width", () => {
  test.each([
    ["ascii", 5],
    ["山田太郎", 8],
    ["東京", 4],
    ["한국어", 6],
    ["ｆｕｌｌ", 8],
    ["Jose\u0301", 4],
    ["e\u0301\u0302", 1],
    ["a\u200Db", 2],
    ["👩‍💻", 2],
    ["👨‍👩‍👧‍👦", 2],
    ["👍🏽", 2],
    ["🇯🇵", 2],
    ["❤️", 2],
    ["1️⃣", 2],
    ["©", 1],
    ["Zoë", 3],
    ["", 0],
  ])("%s takes %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  test("truncating never splits a glyph and stays within the width", () => {
    expect(truncateToWidth("山田太郎山田太郎", 7)).toBe("山田太…");
    expect(truncateToWidth("👩‍💻👩‍💻👩‍💻", 4)).toBe("👩‍💻…");
    expect(truncateToWidth("short", 7)).toBe("short");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.integer({ min: 2, max: 40 }), (text, max) => {
        const cut = truncateToWidth(text, max);
        if (displayWidth(text) <= max) expect(cut).toBe(text);
        else {
          expect(displayWidth(cut)).toBeLessThanOrEqual(max);
          expect(cut.endsWith("…") && text.startsWith(cut.slice(0, -1))).toBe(true);
        }
        expect(displayWidth(padToWidth(cut, max))).toBe(max);
      }),
    );
  });
});
