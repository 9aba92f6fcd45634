import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { columnsFor, renderTable } from "../../src/cli/table.js";
import { displayWidth } from "../../src/diagnostics/display-width.js";

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
