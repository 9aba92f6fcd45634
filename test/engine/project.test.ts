/**
 * The projection's two forms (project.ts: closures, the rule of record; project-source.ts:
 * generated source) must build the same objects: same own keys in the same order, same nesting,
 * plain prototypes, `__proto__` only ever as data.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { path } from "../../src/ast/build.js";
import { compile, run } from "../../src/compile.js";
import { compileProjection, projectionTrie } from "../../src/engine/project.js";
import { projectionSource } from "../../src/engine/project-source.js";

const project = (paths: string[][], record: unknown, codegen: boolean): unknown => {
  const projector = compileProjection(paths.map((p) => path(p)), codegen);
  if (projector === undefined) throw new Error("no projector");
  return projector(record);
};

/** Everything an object shows of itself: own keys in order (with descriptors' kinds), prototype, arrays. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== "object") return typeof value === "number" && Number.isNaN(value) ? "NaN" : value;
  if (Array.isArray(value)) return { array: Object.keys(value).length === value.length ? value.map(shape) : "holes" };
  const proto = Object.getPrototypeOf(value);
  return {
    proto: proto === Object.prototype ? "Object.prototype" : proto === null ? "null" : "other",
    own: Reflect.ownKeys(value).map((k) => {
      const d = Object.getOwnPropertyDescriptor(value, k);
      return [String(k), d !== undefined && "value" in d ? shape(d.value) : "accessor", d?.enumerable, d?.writable];
    }),
  };
}

const keys = ["a", "b", "__proto__", "toString", "0"] as const;
const withProto = (o: Record<string, unknown>): Record<string, unknown> => {
  // A `__proto__` key as data, the way JSON.parse makes one.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
};

const leaf = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 2 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constant(new Date(0)),
  fc.constant(NaN),
);
const record = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("object"), tie("array")),
  array: fc.array(tie("value"), { maxLength: 3 }),
  object: fc.oneof(
    fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 4 }).map(withProto),
    // Unusual prototypes: null, a class instance, one that inherits a selected field.
    fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 3 }).map((o) => Object.assign(Object.create(null) as object, withProto(o))),
    fc.dictionary(fc.constantFrom("a", "b"), tie("value"), { maxKeys: 2 }).map((o) => Object.assign(Object.create({ a: "inherited", b: { a: 1 } }) as object, o)),
    fc.integer().map((n) => new (class Rec {
      a = n;
    })()),
  ),
})).value;
const selectPaths = fc.uniqueArray(fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 4,
  selector: (p) => p.join("\u0000"),
});

describe("generated and closure projections build the same objects", () => {
  test("random records (nested arrays, Dates, null, unusual prototypes, __proto__ keys) and random paths", () => {
    fc.assert(
      fc.property(record, selectPaths, (r, paths) => {
        const generated = project(paths, r, true);
        const closures = project(paths, r, false);
        expect(shape(generated)).toEqual(shape(closures));
        expect(Object.getPrototypeOf(generated)).toBe(Object.prototype);
      }),
      { numRuns: 2000 },
    );
  });

  test("the same projector on many records (V8 optimises it after the first few)", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 50, maxLength: 200 }), selectPaths, (records, paths) => {
        const generated = compileProjection(paths.map((p) => path(p)), true);
        const closures = compileProjection(paths.map((p) => path(p)), false);
        expect(records.map((r) => shape(generated?.(r)))).toEqual(records.map((r) => shape(closures?.(r))));
      }),
      { numRuns: 30 },
    );
  });
});

describe("projection, both forms", () => {
  for (const codegen of [true, false]) {
    const form = codegen ? "generated" : "closures";

    test(`${form}: select name, profile.city keeps key order and rebuilds the nested object`, () => {
      const r = { profile: { zip: "1", city: "P" }, name: "n", extra: 1 };
      const out = project([["name"], ["profile", "city"]], r, codegen);
      expect(JSON.stringify(out)).toBe('{"name":"n","profile":{"city":"P"}}');
      expect((out as { profile: unknown }).profile).not.toBe(r.profile);
    });

    test(`${form}: a missing field is left out, a present-but-empty nested object stays`, () => {
      expect(project([["name"], ["profile", "city"]], { profile: {} }, codegen)).toEqual({ profile: {} });
      expect(project([["name"], ["profile", "city"]], { name: "n", profile: 3 }, codegen)).toEqual({ name: "n" });
    });

    test(`${form}: a __proto__ key is data on the result, whether or not every field is present`, () => {
      for (const text of ['{"__proto__": {"x": 1}, "a": 2}', '{"__proto__": {"x": 1}}']) {
        const out = project([["__proto__", "x"], ["a"]], JSON.parse(text), codegen) as object;
        expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
        expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ x: 1 });
        expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
      }
    });

    test(`${form}: only own fields: inherited ones and Object.prototype's methods are not read`, () => {
      expect(project([["a"], ["toString"]], Object.create({ a: 1 }), codegen)).toEqual({});
      expect(project([["toString"], ["constructor"]], { x: 1 }, codegen)).toEqual({});
      expect(project([["toString"]], { toString: 5 }, codegen)).toEqual({ toString: 5 });
    });

    test(`${form}: a selected path and a longer one under it keep the whole value`, () => {
      expect(project([["a"], ["a", "b"]], { a: { b: 1, c: 2 } }, codegen)).toEqual({ a: { b: 1, c: 2 } });
    });

    test(`${form}: arrays of objects element-wise, nested arrays recursed, non-objects and Dates dropped`, () => {
      const r = { a: [{ b: 1, c: 2 }, 7, null, [{ b: 2 }, "x"], new Date(0)], d: new Date(0) };
      expect(project([["a", "b"], ["d", "e"]], r, codegen)).toEqual({ a: [{ b: 1 }, [{ b: 2 }]] });
    });

    test(`${form}: a record that is not an object projects to {}`, () => {
      for (const r of [null, undefined, 3, "s", [1, 2]]) expect(project([["a"]], r, codegen)).toEqual({});
    });
  }
});

describe("generated projection source", () => {
  test("never contains user text: field names are bound parameters", () => {
    const evil = ['a"]; globalThis.pwned = 1; //', "`${process.exit(1)}`", "x\n}); throw 1; ({", "__proto__"];
    const { source, args } = projectionSource(projectionTrie([path([evil[0]!, evil[1]!]), path([evil[2]!]), path([evil[3]!, evil[0]!])]), () => ({}));
    for (const text of [...evil.slice(0, 3), "pwned", "process"]) expect(source).not.toContain(text);
    expect(args).toEqual(expect.arrayContaining(evil));
    const record = { [evil[0]!]: { [evil[1]!]: 1, other: 2 }, [evil[2]!]: 3 };
    expect(project([[evil[0]!, evil[1]!], [evil[2]!]], record, true)).toEqual({ [evil[0]!]: { [evil[1]!]: 1 }, [evil[2]!]: 3 });
    expect((globalThis as Record<string, unknown>)["pwned"]).toBeUndefined();
  });
});

describe("a read that throws (a getter, a Proxy trap) leaves its field out, as a missing field", () => {
  const boom = (): never => {
    throw new Error("boom");
  };
  const throwingA = () => ({ b: 1, get a(): unknown { return boom(); } });
  for (const codegen of [true, false]) {
    const form = codegen ? "generated" : "closures";
    test(`${form}: run(…, 'select a') and compiled.project`, () => {
      expect(run([throwingA()], "select a", { codegen }).results).toEqual([{}]);
      expect(run([throwingA()], "select a, b", { codegen }).results).toEqual([{ b: 1 }]);
      expect(compile("select a, b", { codegen }).project(throwingA())).toEqual({ b: 1 });
      // The same projector goes on with well-behaved records afterwards.
      const compiled = compile("select a, b", { codegen });
      expect([throwingA(), { a: 2, b: 3 }].map((r) => compiled.project(r))).toEqual([{ b: 1 }, { a: 2, b: 3 }]);
    });
    test(`${form}: nested, inside arrays, and through Proxy traps`, () => {
      expect(project([["p", "x"], ["p", "y"]], { p: { y: 2, get x(): unknown { return boom(); } } }, codegen)).toEqual({ p: { y: 2 } });
      expect(project([["p", "x"], ["p", "y"]], { p: [{ y: 1, get x(): unknown { return boom(); } }, { x: 3 }] }, codegen)).toEqual({ p: [{ y: 1 }, { x: 3 }] });
      const gets = new Proxy({ a: 1, b: 2 }, { get: (t, k) => (k === "b" ? boom() : Reflect.get(t, k)) });
      expect(project([["a"], ["b"]], gets, codegen)).toEqual({ a: 1 });
      // A value whose type cannot be told (its prototype trap throws) below a selected path: the field is left out.
      const opaque = new Proxy({}, { getPrototypeOf: boom });
      expect(project([["p", "x"], ["q"]], { p: [opaque], q: 1 }, codegen)).toEqual({ q: 1 });
    });
    test(`${form}: a record that cannot be told an object (a revoked Proxy) projects to {}`, () => {
      const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
      revoke();
      expect(project([["a"]], proxy, codegen)).toEqual({});
    });
  }
});
