/** The case-insensitive patterns equal toLowerCase on both sides, checked on the reference. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldedPattern } from "../../src/mongo/fold.js";
import { matchesMongo } from "../support/mongo-reference.js";

const letters = fc.constantFrom("a", "A", "i", "I", "İ", "\u0307", "k", "K", "\u212A", "s", "S", "ſ", "ß", "\u1E9E", "é", "É", "Ǆ", "ǅ", "ǆ", "Ω", "\u2126", "ω", "𐐀", "𐐨", "x", ".", "*");
const text = fc.array(letters, { maxLength: 5 }).map((xs) => xs.join(""));

const holds = (pattern: string, s: string): boolean => matchesMongo({ f: { $regex: pattern } }, { f: s });

describe("foldedPattern", () => {
  test("whole value: matches exactly the strings with the same lowercase", () => {
    fc.assert(
      fc.property(text, text, (value, s) => {
        const p = foldedPattern(value, { openStart: false, openEnd: false });
        if (p === undefined) return;
        expect(holds(`^${p}\\z`, s)).toBe(s.toLowerCase() === value.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });

  test("contains / starts with / ends with: the lowercase holds the value's lowercase there", () => {
    fc.assert(
      fc.property(text, text, (value, s) => {
        const l = s.toLowerCase();
        const v = value.toLowerCase();
        const both = foldedPattern(value, { openStart: true, openEnd: true });
        const start = foldedPattern(value, { openStart: false, openEnd: true });
        const end = foldedPattern(value, { openStart: true, openEnd: false });
        if (both === undefined || start === undefined || end === undefined) return;
        expect(holds(both, s)).toBe(l.includes(v));
        expect(holds(`^${start}`, s)).toBe(l.startsWith(v));
        expect(holds(`${end}\\z`, s)).toBe(l.endsWith(v));
      }),
      { numRuns: 3000 },
    );
  });

  test("values whose lowercase holds a sigma are refused", () => {
    expect(foldedPattern("Σ", { openStart: false, openEnd: false })).toBeUndefined();
    expect(foldedPattern("aς", { openStart: false, openEnd: false })).toBeUndefined();
  });

  test("toLowerCase maps characters one by one except U+0130, and nothing above U+1FFFF has case", () => {
    const multi: number[] = [];
    let lastCased = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      const l = s.toLowerCase();
      if (l === s) continue;
      lastCased = cp;
      if (Array.from(l).length !== 1) multi.push(cp);
      // Lowercasing is idempotent, so a lowercased value's characters are lowercase forms.
      expect(l.toLowerCase()).toBe(l);
    }
    expect(multi).toEqual([0x130]);
    expect(lastCased).toBeLessThanOrEqual(0x1ffff);
  });
});
