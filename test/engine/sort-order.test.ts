import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { compile } from "../../src/compile.js";
import { compareValues } from "../../src/engine/sort.js";
import { stableOrder } from "../../src/engine/sort-order.js";

/** The order every pass must reproduce: key by key in MongoDB's order (strings by code point), then by position. */
function naiveOrder(cols: unknown[][], signs: number[]): number[] {
  const n = cols[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (const [j, col] of cols.entries()) {
      const c = (signs[j] as number) * compareValues(col[a], col[b]);
      if (c !== 0) return c;
    }
    return a - b;
  });
}

describe("stableOrder: counted keys one pass each, each run of other keys one comparison pass", () => {
  // Few distinct values take the counting pass, many the comparison pass; both must equal the naive sort.
  const few = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom("a", "b", "\uFFFF", "😀"), fc.constant(null), fc.constant(undefined));
  const many = fc.oneof(fc.double(), fc.string({ unit: "binary", maxLength: 4 }), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: false }));
  const column = (n: number) => fc.oneof(
    fc.array(few, { minLength: n, maxLength: n }),
    fc.array(many, { minLength: n, maxLength: n }),
    fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }),
    fc.array(fc.string({ unit: "binary", maxLength: 3 }), { minLength: n, maxLength: n }),
  );
  test("equals a comparator sort on random columns, both directions", () => {
    const input = fc.integer({ min: 0, max: 120 }).chain((n) =>
      fc.tuple(fc.array(column(n), { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(1, -1), { minLength: 3, maxLength: 3 })));
    fc.assert(
      fc.property(input, ([cols, signs]) => {
        expect(stableOrder(cols, signs, compareValues)).toEqual(naiveOrder(cols, signs));
      }),
      { numRuns: 400 },
    );
  });

  // Many distinct values but with ties (uncounted, and the next key decides), around a counted key:
  // runs of two and three uncounted keys become one chained comparison pass each.
  test("runs of uncounted keys with ties, between counted keys, equal a comparator sort", () => {
    const tied = (n: number) => fc.oneof(
      fc.array(fc.integer({ min: 0, max: Math.max(1, n >> 1) }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: Math.max(1, n >> 1) }).map((i) => `s${i}`), { minLength: n, maxLength: n }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: n }), fc.constant(null), fc.constant("x")), { minLength: n, maxLength: n }),
    );
    const counted = (n: number) => fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n });
    const input = fc.integer({ min: 8, max: 200 }).chain((n) =>
      fc.tuple(
        fc.array(fc.oneof({ weight: 3, arbitrary: tied(n) }, { weight: 1, arbitrary: counted(n) }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.constantFrom(1, -1), { minLength: 5, maxLength: 5 }),
      ));
    fc.assert(
      fc.property(input, ([cols, signs]) => {
        expect(stableOrder(cols, signs, compareValues)).toEqual(naiveOrder(cols, signs));
      }),
      { numRuns: 300 },
    );
  });

  test("order by two uncounted keys (name, id) with ties in the first: generated and closure comparators agree", () => {
    const records = Array.from({ length: 400 }, (_, i) => ({ name: `n${(i * 37) % 150}`, id: (i * 53) % 397, i }));
    const expected = records.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : b.id - a.id));
    expect(compile("order by name, id desc").sort(records)).toEqual(expected);
    expect(compile("order by name, id desc", { codegen: false }).sort(records)).toEqual(expected);
  });

  test("a column past the counting limit is comparison-sorted, stably", () => {
    const n = 20_000;
    const strs = Array.from({ length: n }, (_, i) => `k${(i * 7919) % 5003}`);
    const nums = Array.from({ length: n }, (_, i) => (i * 104729) % 9973);
    expect(stableOrder([strs, nums], [1, -1], compareValues)).toEqual(naiveOrder([strs, nums], [1, -1]));
  });
});

describe("sorting odd records", () => {
  // Four records, four values: too many to count, so the comparison pass runs, generated or as closures.
  test("own __proto__ keys (data or a throwing getter) and null prototypes sort by their own fields", () => {
    const throwing = Object.defineProperty({ a: 2 }, "__proto__", { get(): never { throw new Error("no"); }, enumerable: true });
    const data = JSON.parse('{"__proto__": {"a": 0}, "a": 3}') as object;
    const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
    const records = [throwing, data, nullProto, { a: 0 }];
    expect(compile("order by a").sort(records)).toEqual([records[3], records[2], records[0], records[1]]);
    expect(compile("order by a", { codegen: false }).sort(records)).toEqual([records[3], records[2], records[0], records[1]]);
  });
});

describe("an invalid Date is the epoch, as MongoDB's drivers store it", () => {
  const dates = ["2030-01-01", "x", "2020-01-01", "1960-01-01", "2025-01-01"].map((d, id) => ({ id, d: new Date(d) }));
  test.each([true, false])("order by d, wherever the invalid Date stands (codegen: %s)", (codegen) => {
    for (let shift = 0; shift < dates.length; shift++) {
      const records = [...dates.slice(shift), ...dates.slice(0, shift)];
      expect(compile("order by d", { codegen }).sort(records).map((r) => r.id)).toEqual([3, 1, 2, 4, 0]);
      expect(compile("order by d desc", { codegen }).sort(records).map((r) => r.id)).toEqual([0, 4, 2, 1, 3]);
    }
  });
  test.each([true, false])("compared as the epoch with a date schema (codegen: %s)", (codegen) => {
    const schema = { d: "date" } as const;
    expect(compile('d < "1970-01-02"', { schema, codegen }).filter(dates).map((r) => r.id)).toEqual([1, 3]);
    expect(compile('d = "1970-01-01T00:00:00Z"', { schema, codegen }).filter(dates).map((r) => r.id)).toEqual([1]);
  });
});

test.each([true, false])("equal infinities tie, and the next key decides (codegen: %s)", (codegen) => {
  const records = [{ id: 0, n: Infinity, m: 1 }, { id: 1, n: Infinity, m: 2 }, { id: 2, n: -Infinity, m: 0 }, { id: 3, n: 5, m: 9 }];
  for (const keys of ["n, m desc", "n, m desc, id", "n desc, m desc, id"]) {
    const order = compile(`order by ${keys}`, { codegen }).sort(records).map((r) => r.id);
    expect(order, keys).toEqual(keys.startsWith("n desc") ? [1, 0, 3, 2] : [2, 3, 1, 0]);
  }
});
