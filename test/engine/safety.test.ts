import { describe, expect, test } from "vitest";
import { compile, filter } from "../../src/compile.js";
import { RecordIndex } from "../../src/engine/indexed/record-index.js";

describe("safety", () => {
  test("inherited properties are never read", () => {
    class Thing {
      get hidden() {
        return 1;
      }
    }
    const t = new Thing();
    expect(filter([t, {}], "hidden = 1")).toEqual([]);
    expect(filter([{}], "toString exists")).toEqual([]);
    expect(filter([{}], "constructor exists")).toEqual([]);
    expect(filter([{}], "`__proto__` exists")).toEqual([]);
    expect(filter([{}], "constructor.name = \"Object\"")).toEqual([]);
    expect(filter([{ a: {} }], "a.hasOwnProperty exists or a.valueOf exists")).toEqual([]);
    expect(filter([[1]], "length = 1")).toEqual([]);
  });

  test("own properties with those names are data", () => {
    const r = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "toString": 5}');
    expect(filter([r], "`__proto__`.x = 1 and constructor = \"c\" and toString = 5")).toEqual([r]);
  });

  test("null, primitives, arrays and throwing getters never crash and never match", () => {
    const throwing = Object.defineProperty({}, "a", { get() { throw new Error("boom"); }, enumerable: true });
    const records: unknown[] = [null, undefined, 1, "a", true, [], [{ a: 1 }], throwing, { a: 1 }];
    for (const q of ["a = 1", "not a = 1", "a exists", "not a exists", 'a ~ "x"', "a matches /x/", "a.b is null"]) {
      for (const codegen of [true, false]) {
        const c = compile(q, { codegen });
        for (const r of records.slice(0, 8)) expect(c.test(r)).toBe(false);
      }
    }
    expect(filter(records, "a = 1")).toEqual([{ a: 1 }]);
    // The empty query matches every record that is an object, and nothing else.
    expect(filter(records, "")).toEqual([throwing, { a: 1 }]);
  });

  test("a record whose own __proto__ getter throws is judged on its data alike on every path", () => {
    const evil = Object.defineProperty({ a: 1 }, "__proto__", { get() { throw new Error("boom"); }, enumerable: true });
    const plain = { a: 2 };
    for (const codegen of [true, false]) {
      const out = filter([evil, plain], "a = 1", { codegen });
      expect(out.length === 1 && out[0] === evil).toBe(true);
      expect(compile("a = 1", { codegen }).test(evil)).toBe(true);
      expect(compile("a = 2", { codegen }).test(evil)).toBe(false);
    }
  });

  test("a throwing getter on a sort key sorts as missing, in run, sort and the top-k page, and throws nothing", () => {
    const throwing = Object.defineProperty({ id: 2 }, "score", { get() { throw new Error("boom"); }, enumerable: true });
    const nested = { id: 4, profile: Object.defineProperty({}, "rank", { get() { throw new Error("boom"); }, enumerable: true }) };
    const records = [{ id: 1, score: 5, profile: { rank: 2 } }, throwing, { id: 3, score: 1, profile: { rank: 1 } }, nested];
    for (const codegen of [true, false]) {
      expect(compile("order by score", { codegen }).sort(records).map((r) => r.id)).toEqual([2, 4, 3, 1]);
      expect(compile("order by score desc", { codegen }).run(records, { pageSize: 2 }).results.map((r) => r.id)).toEqual([1, 3]);
      expect(compile("order by profile.rank desc, id", { codegen }).run(records, { pageSize: 10 }).results.map((r) => r.id)).toEqual([1, 3, 2, 4]);
    }
  });

  test("Object.prototype is never written", () => {
    filter([JSON.parse('{"__proto__": {"polluted": 1}}')], "`__proto__`.polluted = 1 order by x select `__proto__`");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("Object.prototype polluted after compiling", () => {
  // Compiled while the prototype lacks the names, so the fast paths read them without an
  // own-property check; then polluted, as an attacker would. Every path must still read own data only.
  const polluted = ["status", "city", "score"] as const;
  const pollute = () => {
    for (const name of polluted) Object.defineProperty(Object.prototype, name, { value: name === "score" ? 5 : "x", configurable: true, writable: true, enumerable: true });
  };
  const clean = () => {
    for (const name of polluted) delete (Object.prototype as Record<string, unknown>)[name];
  };

  for (const codegen of [true, false]) {
    test(`filter, test, index, run and select read own fields only (codegen: ${codegen})`, () => {
      const records = [{ id: 1, status: "x" }, { id: 2 }, { id: 3, address: { city: "x" } }, { id: 4, address: {} }];
      const queries = ['status = "x"', 'status != "x"', "status exists", "status is null", 'address.city = "x"', "score > 1", 'not address.city = "x"'];
      const compiled = queries.map((q) => compile(q, { codegen }));
      const project = compile("select id, status, address.city, score", { codegen });
      const before = compiled.map((c) => c.filter(records).map((r) => r.id));
      const projectedBefore = records.map((r) => project.project(r));
      const index = new RecordIndex(records);
      try {
        pollute();
        expect(({} as Record<string, unknown>)["status"]).toBe("x");
        compiled.forEach((c, i) => {
          expect(c.filter(records).map((r) => r.id), queries[i]).toEqual(before[i]);
          expect(records.filter((r) => c.test(r)).map((r) => r.id), queries[i]).toEqual(before[i]);
          expect(c.filter(index).map((r) => r.id), queries[i]).toEqual(before[i]);
          expect(c.run(records, { pageSize: 10 }).results.map((r) => r.id), queries[i]).toEqual(before[i]);
        });
        const projected = records.map((r) => project.project(r));
        expect(projected).toEqual(projectedBefore);
        for (const p of projected) expect(Object.keys(p as object).every((k) => k === "id" || k === "status" || k === "address")).toBe(true);
        expect(Object.hasOwn(projected[1] as object, "status")).toBe(false);
        // An inherited score (5) would put 2 and 4 first.
        const scored = [{ id: 1, score: 1 }, { id: 2 }, { id: 3, score: 3 }, { id: 4 }];
        expect(compile("order by score desc, id", { codegen }).sort(scored).map((r) => r.id)).toEqual([3, 1, 2, 4]);
      } finally {
        clean();
      }
      // Once the prototype is clean again, the fast paths serve again, with the same answers.
      compiled.forEach((c, i) => expect(c.filter(records).map((r) => r.id)).toEqual(before[i]));
    });
  }
});

describe("streams", () => {
  test("filter takes any iterable and yields lazily", () => {
    let pulled = 0;
    function* source() {
      for (let i = 0; ; i++) {
        pulled++;
        yield { i };
      }
    }
    const it = filter(source(), "i >= 10");
    expect(it.next().value).toEqual({ i: 10 });
    expect(pulled).toBe(11);
  });

  test("filter takes an async iterable", async () => {
    async function* source() {
      for (let i = 0; i < 5; i++) yield { i };
    }
    const out: unknown[] = [];
    for await (const r of filter(source(), "i > 2")) out.push(r);
    expect(out).toEqual([{ i: 3 }, { i: 4 }]);
  });
});

describe("records with unusual prototypes take the exact path", () => {
  test("null prototype, class instances, an own __proto__ key, Object.create(proto)", () => {
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    class Rec {
      a = 1;
    }
    const ownProto = JSON.parse('{"__proto__": {"a": 2}, "a": 1}');
    const inherits = Object.create({ a: 1 }) as Record<string, unknown>;
    for (const codegen of [true, false]) {
      const c = compile("a = 1", { codegen });
      expect([nullProto, new Rec(), ownProto, inherits].map((r) => c.test(r))).toEqual([true, true, true, false]);
    }
  });
});

describe("generated code never contains user text", () => {
  test("field names and values reach it as bound parameters only", () => {
    const evilField = "x\"]);process[\"exit\"](1);//";
    const evilValue = "\"); globalThis.pwned = 1; (\"";
    const c = compile(`\`${evilField}\` = ${JSON.stringify(evilValue)} or n > 3 or \`${evilField}\` != "y" order by n select \`${evilField}\`, n`);
    const source = c.test.toString();
    expect(source).toContain("filterqlTest");
    for (const text of [evilField, evilValue, "pwned", "process"]) expect(source).not.toContain(text);
    const record = { [evilField]: evilValue, n: 1 };
    expect(c.test(record)).toBe(true);
    expect(c.run([record, { n: 5 }]).results).toEqual([{ [evilField]: evilValue, n: 1 }, { n: 5 }]);
    expect((globalThis as Record<string, unknown>)["pwned"]).toBeUndefined();
  });
});
