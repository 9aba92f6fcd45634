import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayWidth, padToWidth, truncateToWidth } from "../../src/cli/display-width.js";
import { columnsFor, renderTable } from "../../src/cli/table.js";

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

describe("the results table", () => {
  test("columns line up by display width", () => {
    const rows = [{ name: "山田太郎", city: "東京" }, { name: "Jose\u0301", city: "Lima" }, { name: "👩‍💻 dev", city: "🇯🇵" }];
    expect(renderTable(rows, [["name"], ["city"]]).split("\n")).toEqual(["name      city", "────────  ────", "山田太郎  東京", "Jose\u0301      Lima", "👩‍💻 dev    🇯🇵"]);
  });

  test("any text: the second column starts at the same display column on every line", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 10 })), { minLength: 1, maxLength: 6 }), (names) => {
        const [header, , ...body] = renderTable(names.map((name) => ({ name, z: "Z" })), [["name"], ["z"]]).split("\n") as [string, string, ...string[]];
        // The marker column is last, so its cell is the line's last character.
        const start = (line: string) => displayWidth(line.slice(0, -1));
        expect(header.endsWith("z") && body.every((l) => l.endsWith("Z"))).toBe(true);
        for (const line of body) expect(start(line)).toBe(start(header));
      }),
    );
  });

  test("without select, the order by keys are among the columns", () => {
    const rows = [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, score: 9, profile: { city: "Lima" } }];
    expect(columnsFor(rows, [], [["score"], ["profile", "city"]])).toEqual([["a"], ["b"], ["c"], ["d"], ["score"], ["profile", "city"]]);
    expect(columnsFor(rows, [], [["a"]])).toEqual([["b"], ["c"], ["d"], ["e"], ["f"], ["a"]]);
    expect(columnsFor(rows, [["g"]], [["score"]])).toEqual([["g"]]);
  });
});
