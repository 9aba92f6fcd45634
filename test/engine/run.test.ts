import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { compile, run } from "../../src/compile.js";
import { indexRecords } from "../../src/engine/indexed/record-index.js";
import { compareValues } from "../../src/engine/sort.js";

describe("sort (order by)", () => {
  test("mixed types follow MongoDB's order; missing and null first ascending", () => {
    const records = [
      { id: "date", v: new Date(0) }, { id: "bool", v: true }, { id: "arr", v: [[1]] }, { id: "obj", v: { a: 1 } },
      { id: "str", v: "a" }, { id: "num", v: 1 }, { id: "null", v: null }, { id: "missing" }, { id: "empty", v: [] },
    ];
    const asc = compile("order by v").sort(records).map((r) => r.id);
    expect(asc).toEqual(["empty", "null", "missing", "num", "str", "obj", "arr", "bool", "date"]);
    const desc = compile("order by v desc").sort(records).map((r) => r.id);
    expect(desc).toEqual(["date", "bool", "arr", "obj", "str", "num", "null", "missing", "empty"]);
  });

  test("an array sorts by its least element ascending and its greatest descending", () => {
    const records = [{ id: 1, v: [5, 1] }, { id: 2, v: 3 }, { id: 3, v: [2, 4] }];
    expect(compile("order by v").sort(records).map((r) => r.id)).toEqual([1, 3, 2]);
    expect(compile("order by v desc").sort(records).map((r) => r.id)).toEqual([1, 3, 2]);
    expect(compile("order by v desc").sort([{ id: 1, v: [5, 1] }, { id: 2, v: 6 }]).map((r) => r.id)).toEqual([2, 1]);
  });

  test("multi-key and stable", () => {
    const records = [
      { id: 1, a: 1, b: "y" }, { id: 2, a: 0, b: "z" }, { id: 3, a: 1, b: "x" }, { id: 4, a: 1, b: "x" }, { id: 5, a: 0, b: "z" },
    ];
    expect(compile("order by a desc, b").sort(records).map((r) => r.id)).toEqual([3, 4, 1, 2, 5]);
  });

  test("nested paths and arrays of objects", () => {
    const records = [{ id: 1, items: [{ p: 9 }, { p: 2 }] }, { id: 2, items: [{ p: 5 }] }, { id: 3, items: [] }];
    expect(compile("order by items.p").sort(records).map((r) => r.id)).toEqual([3, 1, 2]);
    expect(compile("order by items.p desc").sort(records).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  test("with a date schema, ISO strings sort as instants", () => {
    const records = [{ id: 1, d: "2024-01-02T00:00:00+05:00" }, { id: 2, d: "2024-01-01T21:00:00Z" }];
    expect(compile("order by d", { schema: { d: "date" } }).sort(records).map((r) => r.id)).toEqual([1, 2]);
    expect(compile("order by d").sort(records).map((r) => r.id)).toEqual([2, 1]);
  });

  test("property: a top-k page equals the page of a full stable sort", () => {
    const record = fc.record({ id: fc.nat(), a: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom("x", "y"), fc.constant(null)), b: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 300 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), (records, page, pageSize, desc) => {
        const c = compile(`order by a${desc ? " desc" : ""}, b`);
        const all = c.sort(records);
        expect(c.run(records, { page, pageSize }).results).toEqual(all.slice((page - 1) * pageSize, page * pageSize));
      }),
      { numRuns: 300 },
    );
  });

  test("compareValues is a total order (antisymmetric, transitive on samples)", () => {
    const value = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.date({ noInvalidDate: true }));
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        expect(Math.sign(compareValues(a, b))).toBe(-Math.sign(compareValues(b, a)) || 0);
        if (compareValues(a, b) <= 0 && compareValues(b, c) <= 0) expect(compareValues(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("select (projection)", () => {
  test("nested objects are rebuilt with only the selected paths", () => {
    const records = [{ id: 1, name: "a", metadata: { tags: ["x"], secret: 1 }, profile: { city: "P", zip: "1" } }];
    expect(run(records, "select name, metadata.tags, profile.city").results).toEqual([{ name: "a", metadata: { tags: ["x"] }, profile: { city: "P" } }]);
  });

  test("arrays of objects are projected element-wise; missing fields are left out", () => {
    const records = [{ items: [{ p: 1, q: 2 }, { q: 3 }, 7], other: 1 }, { other: 2 }];
    expect(run(records, "select items.p").results).toEqual([{ items: [{ p: 1 }, {}] }, {}]);
  });

  test("a throwing own __proto__ getter makes a record not plain, not an error", () => {
    const throwing = Object.defineProperty({ a: 2 }, "__proto__", { get(): never { throw new Error("no"); }, enumerable: true });
    for (const codegen of [true, false]) expect(run([throwing], "select a", { codegen }).results).toEqual([{ a: 2 }]);
  });

  test("a __proto__ key is copied as data, never as a prototype", () => {
    const record = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const [out] = run([record], "select `__proto__`.polluted, a").results as Record<string, unknown>[];
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("paging (run)", () => {
  const records = Array.from({ length: 23 }, (_, i) => ({ i }));
  test("the seed API's pagination object", () => {
    expect(run(records, "i >= 0").pagination).toEqual({ total: 23, page_size: 10, total_pages: 3, current_page: 1, next_page: "2", previous_page: null });
    expect(run(records, "i >= 0", { page: 2 }).pagination).toMatchObject({ current_page: 2, next_page: "3", previous_page: "1" });
    const last = run(records, "i >= 0", { page: 3 });
    expect(last.pagination).toMatchObject({ next_page: null, previous_page: "2" });
    expect(last.results).toEqual([{ i: 20 }, { i: 21 }, { i: 22 }]);
  });
  test("limit sets the page size; an explicit pageSize wins", () => {
    expect(run(records, "i >= 0 limit 5").pagination).toMatchObject({ page_size: 5, total_pages: 5 });
    expect(run(records, "i >= 0 limit 5", { pageSize: 20 }).pagination).toMatchObject({ page_size: 20, total_pages: 2 });
  });
  test("no matches", () => {
    expect(run(records, "i < 0")).toEqual({ results: [], pagination: { total: 0, page_size: 10, total_pages: 0, current_page: 1, next_page: null, previous_page: null } });
  });
  test("filter, sort, page and project together", () => {
    const out = run(records, "i > 3 order by i desc select i limit 4", { page: 2 });
    expect(out.results).toEqual([{ i: 18 }, { i: 17 }, { i: 16 }, { i: 15 }]);
    expect(out.pagination).toMatchObject({ total: 19, total_pages: 5 });
  });
  test("bad page numbers are errors", () => {
    expect(() => run(records, "", { page: 0 })).toThrow(new RangeError("Compiled.run: `page` must be a whole number of 1 or more, not 0"));
    expect(() => run(records, "", { pageSize: 1.5 })).toThrow(new RangeError("Compiled.run: `pageSize` must be a whole number of 1 or more, not 1.5"));
    expect(() => run(records, "", { pageSize: "x" as unknown as number })).toThrow(TypeError);
    expect(() => compile("a = 1").toMongo({ page: -1 })).toThrow("toMongo: `page` must be a whole number of 1 or more, not -1");
  });
  test("property: a page is the slice of filter + sort, projected, and the input is left as it was", () => {
    // run builds the page in arrays of its own (the matches, the top-k); this holds it to the
    // definition, with and without a filter, an order and a select, over arrays and indexes.
    const record = fc.record({ i: fc.nat({ max: 9 }), s: fc.constantFrom("x", "y") }, { requiredKeys: ["i"] });
    const clause = (options: readonly string[]) => fc.constantFrom(...options);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(record, fc.constant(null)), { maxLength: 40 }),
        clause(["", "i > 2", 's = "x"']),
        clause(["", "order by i desc", "order by s, i"]),
        clause(["", "select i", "select s"]),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (input, where, order, select, page, pageSize, indexed) => {
          const before = structuredClone(input);
          const c = compile([where, order, select].join(" "));
          const all = c.sort(input);
          const expected = all.slice((page - 1) * pageSize, page * pageSize).map((r) => c.project(r));
          const source = indexed ? indexRecords(input) : input;
          for (let time = 0; time < 2; time++) {
            const out = c.run(source, { page, pageSize });
            expect(out.results).toEqual(expected);
            expect(out.pagination.total).toBe(all.length);
          }
          expect(input).toEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("generated and closure projections agree", () => {
  test("on random records and random select paths", () => {
    const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    const inner = fc.dictionary(fc.constantFrom("x", "y", "__proto__"), fc.oneof(leaf, fc.array(fc.dictionary(fc.constantFrom("x", "y"), leaf, { noNullPrototype: true }), { maxLength: 2 })), { noNullPrototype: true });
    const record = fc.dictionary(fc.constantFrom("a", "b", "c"), fc.oneof(leaf, inner, fc.array(inner, { maxLength: 2 })), { noNullPrototype: true });
    const path = fc.constantFrom("a", "b", "a.x", "a.y", "b.x", "c.`__proto__`", "c.x.y");
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.uniqueArray(path, { minLength: 1, maxLength: 3 }), (records, paths) => {
        const text = `select ${paths.join(", ")}`;
        const generated = run(records, text, { pageSize: 100 }).results;
        const closures = run(records, text, { pageSize: 100, codegen: false }).results;
        expect(generated).toEqual(closures);
        // Same keys in the same order, and plain objects, whichever way the object was built.
        expect(JSON.stringify(generated)).toBe(JSON.stringify(closures));
        for (const r of generated) expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });
});

describe("multi-key sort equals a plain stable sort by the reference order", () => {
  test("number-only, string-only and mixed columns, both directions", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom("a", "b", "B"), fc.constant(null), fc.double({ noNaN: true, min: -2, max: 2 }));
    const record = fc.record({ n: fc.integer({ min: 0, max: 4 }), s: fc.constantFrom("x", "y", "z"), m: value });
    const keys = fc.uniqueArray(fc.constantFrom("n", "s", "m"), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), keys, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), (records, fields, descs) => {
        const text = `order by ${fields.map((f, i) => `${f}${descs[i] ? " desc" : ""}`).join(", ")}`;
        const expected = records
          .map((r, i) => ({ r, i }))
          .sort((x, y) => {
            for (const [j, f] of fields.entries()) {
              const c = compareValues(x.r[f as "n"], y.r[f as "n"]) * (descs[j] ? -1 : 1);
              if (c !== 0) return c;
            }
            return x.i - y.i;
          })
          .map((x) => x.r);
        expect(compile(text).sort(records)).toEqual(expected);
        expect(compile(text, { codegen: false }).sort(records)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
