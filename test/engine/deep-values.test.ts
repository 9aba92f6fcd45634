/**
 * Records nested far deeper than any query: sorting, projection and schema inference walk them
 * with explicit stacks (a value nested 100,000 levels costs memory, not the call stack).
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { inferSchema } from "../../src/check/infer-schema.js";
import { compile, run } from "../../src/compile.js";
import { compareValues } from "../../src/engine/sort.js";

const DEEP = 100_000;

/** `leaf` inside `levels` arrays. */
function nested(levels: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** `leaf` inside `levels` objects `{ x: … }`. */
function nestedObjects(levels: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = { x: v };
  return v;
}

/** The order as a recursive definition (BSON's): the reference for values of any shallow depth. */
function rank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === "number") return 2;
  if (typeof v === "string") return 3;
  if (typeof v === "boolean") return 6;
  return Array.isArray(v) ? 5 : v instanceof Date ? 7 : 4;
}
function reference(a: unknown, b: unknown): number {
  const d = rank(a) - rank(b);
  if (d !== 0) return d;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = reference(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (rank(a) === 4) {
    const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
    const ka = Object.keys(x), kb = Object.keys(y);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      const t = rank(x[ka[i] as string]) - rank(y[kb[i] as string]);
      if (t !== 0) return t;
      const na = [...(ka[i] as string)].map((c) => c.codePointAt(0) as number), nb = [...(kb[i] as string)].map((c) => c.codePointAt(0) as number);
      for (let j = 0; j < Math.min(na.length, nb.length); j++) if (na[j] !== nb[j]) return (na[j] as number) - (nb[j] as number);
      if (na.length !== nb.length) return na.length - nb.length;
      const c = reference(x[ka[i] as string], y[kb[i] as string]);
      if (c !== 0) return c;
    }
    return ka.length - kb.length;
  }
  // Two scalars of one type: their order is not what this file tests (sort-order.test.ts does, against
  // the naive sort); what it holds the stack walk to is the containers' order above.
  return compareValues(a, b);
}

describe("compareValues walks nested values with an explicit stack", () => {
  test("arrays and objects 100,000 levels deep compare by their leaves", () => {
    expect(Math.sign(compareValues(nested(DEEP, 1), nested(DEEP, 2)))).toBe(-1);
    expect(Math.sign(compareValues(nested(DEEP, "b"), nested(DEEP, "a")))).toBe(1);
    expect(compareValues(nested(DEEP, 1), nested(DEEP, 1))).toBe(0);
    expect(Math.sign(compareValues(nestedObjects(DEEP, 1), nestedObjects(DEEP, 2)))).toBe(-1);
    // A shorter nesting is a prefix: an array holding a number sorts before one holding an array.
    expect(Math.sign(compareValues(nested(DEEP, 1), nested(DEEP + 1, 1)))).toBe(-1);
  });

  test("the same sign as the recursive definition on any JSON values", () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(value, value, (a, b) => {
        const sign = Math.sign(reference(a, b));
        expect(Math.sign(compareValues(a, b))).toBe(sign);
        expect(Math.sign(compareValues(b, a))).toBe(sign === 0 ? 0 : -sign);
      }),
      { numRuns: 2000 },
    );
  });

  test("cyclic values (no JSON has them) end: a value equals itself, and two cycles are equal from where both repeat", () => {
    const a: unknown[] = [];
    a.push(a);
    const b: unknown[] = [];
    b.push(b);
    const c: unknown[] = [1];
    c.push(c);
    expect(compareValues(a, a)).toBe(0);
    expect(compareValues(a, b)).toBe(0);
    expect(Math.sign(compareValues(c, [1, [2]]))).toBe(-1);
  });
});

describe("order by a field nested 10,000 levels deep", () => {
  const records = [{ id: 1, a: nested(10_000, 1) }, { id: 2, a: [[2]] }, { id: 3, a: nested(10_000, 3) }];
  for (const codegen of [true, false]) {
    test(`codegen ${codegen}: run and sort order the records (ascending and descending)`, () => {
      expect(run(records, "order by a", { codegen }).results.map((r) => (r as { id: number }).id)).toEqual([2, 1, 3]);
      expect(run(records, "order by a desc", { codegen }).results.map((r) => (r as { id: number }).id)).toEqual([3, 1, 2]);
      expect(compile("order by a", { codegen }).sort(records).map((r) => r.id)).toEqual([2, 1, 3]);
    });
  }
});

describe("select through arrays nested 100,000 levels deep", () => {
  for (const codegen of [true, false]) {
    test(`codegen ${codegen}: the nested arrays are rebuilt, their objects projected`, () => {
      const out = compile("select a.b", { codegen }).project({ a: nested(DEEP, { b: 1, c: 2 }), z: 0 });
      expect(compareValues(out, { a: nested(DEEP, { b: 1 }) })).toBe(0);
      expect(compile("select a.b", { codegen }).project({ a: [[{ b: 1, c: 2 }, 3, [{ c: 1 }]]] })).toEqual({ a: [[{ b: 1 }, [{}]]] });
    });
    test(`codegen ${codegen}: an array inside itself ends (the repeat is left out)`, () => {
      let inner: unknown[] = [{ b: 1 }];
      const top = inner;
      for (let i = 0; i < 1500; i++) {
        const next: unknown[] = [];
        inner.push(next);
        inner = next;
      }
      inner.push(top);
      const out = compile("select a.b", { codegen }).project({ a: top }) as { a: unknown[] };
      expect(out.a[0]).toEqual({ b: 1 });
    });
  }
});

describe("inferSchema over arrays nested 10,000 levels deep", () => {
  test("looks at most 8 levels in, as it does into objects", () => {
    expect(inferSchema([{ a: nested(10_000, 1) }, { a: [[2]] }])).toEqual({ a: "integer[]" });
    expect(inferSchema([{ a: nested(10_000, 1) }])).toEqual({ a: "any[]" });
  });
});
