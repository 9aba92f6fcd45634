/** RE2's own tree and fold orbits, as both regex rewrites (SQL, MongoDB) read them. */
import { describe, expect, test } from "vitest";
import { FOLD_CASE, foldOrbit, Op, parse } from "../../src/engine/re2-tree.js";

describe("re2-tree", () => {
  test("fold orbits are RE2's: k with K and the Kelvin sign, s with ſ, a character without case alone", () => {
    expect(foldOrbit(0x6b)).toEqual([0x4b, 0x4b, 0x6b, 0x6b, 0x212a, 0x212a]);
    expect(foldOrbit(0x73)).toEqual([0x53, 0x53, 0x73, 0x73, 0x17f, 0x17f]);
    expect(foldOrbit(0x31)).toEqual([0x31, 0x31]);
    expect(foldOrbit(0x10ffff)).toEqual([0x10ffff, 0x10ffff]);
  });

  test("the tree is simplified: a{2,} is a followed by a+, and (?i) marks literals FOLD_CASE", () => {
    const t = parse("a{2,}", false);
    expect(t.op).toBe(Op.CONCAT);
    expect(t.subs.map((s) => s.op)).toEqual([Op.LITERAL, Op.PLUS]);
    const folded = parse("ab", true);
    expect(folded.op).toBe(Op.LITERAL);
    expect(folded.flags & FOLD_CASE).toBe(FOLD_CASE);
  });

  test("classes arrive as sorted ranges, negations and \\d expanded", () => {
    expect(Array.from(parse("[^\\d]", false).runes)).toEqual([0, 0x2f, 0x3a, 0x10ffff]);
  });

  test("a pattern RE2 refuses throws", () => {
    expect(() => parse("(", false)).toThrow(/missing closing/);
  });
});
