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

  test("a table wider than the terminal is fitted to it: the widest columns are cut first, with …", () => {
    const rows = [{ name: "Amara Kierkegaard-Vasquez", department: "Engineering", email: "amara.kierkegaard@example.com", score: 90.9 }];
    const columns = [["name"], ["department"], ["email"], ["score"]];
    const wide = renderTable(rows, columns).split("\n");
    expect(Math.max(...wide.map(displayWidth))).toBe(76);
    const fitted = renderTable(rows, columns, 60).split("\n");
    expect(fitted.map(displayWidth).every((w) => w <= 60)).toBe(true);
    expect(fitted.slice(1)).toEqual(["───────────────────  ───────────  ───────────────────  ─────", "Amara Kierkegaard-…  Engineering  amara.kierkegaard@…  90.9"]);
    // Too narrow for every column's minimum: the minimum is kept, and the terminal wraps.
    expect(renderTable(rows, columns, 10).split("\n")).toEqual(["name    depar…  email   score", "──────  ──────  ──────  ─────", "Amara…  Engin…  amara…  90.9"]);
  });

  test("property: fitted to any width that leaves each column its minimum, no line is wider, and columns stay aligned", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.string({ unit: "grapheme", maxLength: 40 }), b: fc.string({ maxLength: 40 }), c: fc.constant("Z") }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 22, max: 120 }), (rows, width) => {
        const lines = renderTable(rows, [["a"], ["b"], ["c"]], width).split("\n");
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const [header, , ...body] = lines as [string, string, ...string[]];
        const start = (line: string) => displayWidth(line.slice(0, -1));
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
