import fc from "fast-check";
import { expect, test } from "vitest";
import { Bitset } from "../../../src/engine/indexed/bitset.js";

const setOf = (size: number, positions: number[]) => {
  const b = new Bitset(size);
  b.addAll(Int32Array.from(positions));
  return b;
};
const positionsOf = (b: Bitset) => {
  const out: number[] = [];
  b.forEach((p) => out.push(p));
  return out;
};
const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

test("and, or, and-not, full, count and select agree with plain sets (sizes on and off word edges, top bits set)", () => {
  const arb = fc.integer({ min: 1, max: 130 }).chain((size) =>
    fc.tuple(fc.constant(size), fc.array(fc.nat(size - 1)), fc.array(fc.nat(size - 1))),
  );
  fc.assert(
    fc.property(arb, ([size, xs, ys]) => {
      const items = Array.from({ length: size }, (_, i) => `r${i}`);
      const a = setOf(size, xs);
      const b = setOf(size, ys);
      const inY = new Set(ys);
      expect(positionsOf(a.copy().and(b))).toEqual(sorted(xs.filter((x) => inY.has(x))));
      expect(positionsOf(a.copy().or(b))).toEqual(sorted([...xs, ...ys]));
      expect(positionsOf(a.copy().andNot(b))).toEqual(sorted(xs.filter((x) => !inY.has(x))));
      const full = Bitset.full(size);
      expect(full.count()).toBe(size);
      expect(positionsOf(full.andNot(a))).toEqual(items.map((_, i) => i).filter((i) => !xs.includes(i)));
      expect(a.select(items)).toEqual(sorted(xs).map((i) => `r${i}`));
      expect(a.count()).toBe(sorted(xs).length);
      const removed = a.copy();
      removed.removeAll(Int32Array.from(ys));
      expect(positionsOf(removed)).toEqual(positionsOf(a.copy().andNot(b)));
      expect(positionsOf(a.copy().clear())).toEqual([]);
    }),
    { numRuns: 500 },
  );
});
