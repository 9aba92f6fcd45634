/**
 * The generated form of the projection in project.ts: the same rules, as straight-line source, one
 * function per nested level. No user text is ever spliced into the source: every field name
 * reaches it as a bound parameter (`k0`, `k1`, …), and the source holds only names made up here.
 *
 * Why it is written this way (measured with `npm run bench`, the projection rows):
 * - When every selected field of a level is present (the usual case) the object is an object
 *   literal with computed keys, `{ [k0]: x0, [k1]: x1 }`. An object literal, unlike `{}` or a
 *   constructor, has an allocation site in V8: objects that tend to survive (a page of results
 *   does) are then allocated straight into the old generation, instead of being copied by every
 *   young-generation collection. That is what makes a hand-written `map` of literals fast.
 *   A computed `__proto__` key in a literal defines a data property, as the closures do.
 *   What it cannot match: V8 gives a literal whose first key is computed the empty object's four
 *   in-object fields (56 bytes) where `{ a, b }` written out gets two (40), so small levels cost
 *   more bytes, and time, than a hand-written literal (docs/performance.md, "Projection").
 * - Otherwise the object starts as a literal of its first present field (again an allocation
 *   site) and the later present fields are stored into it; with no field present it is `{}`.
 * - A plain object (prototype `Object.prototype`) cannot inherit a field that `Object.prototype`
 *   lacks, so such a read needs no own-property check (each call checks it still lacks them).
 *   `v.__proto__` is the test, as in codegen.ts (V8 inlines the accessor); a throwing own
 *   `__proto__` getter means "not plain".
 */
import { defineData } from "./define-data.js";
import { internalize } from "./internalize.js";
import { projectArray } from "./project-array.js";
import type { Projector, Trie } from "./project.js";

export interface ProjectionSource {
  readonly params: readonly string[];
  readonly args: readonly unknown[];
  /** The body of a function of `params` that returns the projector. */
  readonly source: string;
}

/** `fallback` projects a record that made the generated code throw (project.ts's closures: same results). */
export function projectionSource(root: Trie, fallback: Projector): ProjectionSource {
  const params = ["own", "isArray", "DateClass", "objectPrototype", "define", "projectArray", "fallback"];
  const args: unknown[] = [Object.prototype.hasOwnProperty, Array.isArray, Date, Object.prototype, defineData, projectArray, fallback];
  const functions: string[] = [];
  const plainReads = new Set<string>();
  let levels = 0;

  // Emits the functions of one non-leaf node; returns its number.
  const level = (node: Trie): number => {
    const n = levels++;
    const reads: string[] = [];
    const stores: string[] = [];
    const entries: string[] = [];
    const present: string[] = [];
    let needsPlain = false;
    node.children.forEach((child, key) => {
      const k = `k${params.length}`;
      params.push(k);
      args.push(internalize(key));
      const x = `x${present.length}`;
      const inherited = key in Object.prototype;
      needsPlain ||= !inherited;
      if (!inherited) plainReads.add(key);
      const read = `${inherited ? "" : "plain || "}own.call(v, ${k}) ? v[${k}] : undefined`;
      if (child.leaf) reads.push(`const ${x} = ${read};`);
      else reads.push(`let ${x} = ${read}; if (${x} !== undefined) ${x} = value${level(child)}(${x});`);
      present.push(`${x} !== undefined`);
      entries.push(`[${k}]: ${x}`);
      stores.push(`if (${x} !== undefined) ${key === "__proto__" ? `define(o, ${k}, ${x})` : `o[${k}] = ${x}`};`);
    });
    const plain = needsPlain ? "let plain; try { plain = clean && v.__proto__ === objectPrototype; } catch { plain = false; }" : "";
    // Every field present: one literal. Otherwise a literal of the first present field (each its
    // own allocation site), then the later present ones stored from there on (the switch falls
    // through); no field present: `{}`.
    const all = `if (${present.join(" && ")}) return { ${entries.join(", ")} };`;
    const first = entries.map((e, i) => `if (${present[i]}) { o = { ${e} }; from = ${i + 1}; } else `).join("");
    const later = stores.slice(1).map((store, i) => `case ${i + 1}: ${store}`).join(" ");
    const partial = present.length === 1 ? "return {};" : `let o, from; ${first}return {}; switch (from) { ${later} } return o;`;
    functions.push(`function object${n}(v) { ${plain} ${reads.join(" ")} ${all} ${partial} }`);
    // The root is only ever an object; a nested level may also meet arrays, Dates and non-objects.
    if (n === 0) return n;
    functions.push(`function value${n}(x) { if (x === null || typeof x !== "object") return undefined; if (isArray(x)) return projectArray(x, object${n}); return x instanceof DateClass ? undefined : object${n}(x); }`);
    return n;
  };
  const root0 = level(root);
  // A name added to Object.prototype since compiling (prototype pollution) would be inherited by
  // every object lacking it: each call checks the prototype still lacks the names read without an
  // own-property check, and reads every field as own if not.
  const guards = [...plainReads].map((key) => {
    params.push(`p${params.length}`);
    args.push(internalize(key));
    return `${params[params.length - 1] as string} in objectPrototype`;
  });
  const start = `if (v === null || typeof v !== "object" || isArray(v)) return {}; clean = ${guards.length > 0 ? `!(${guards.join(" || ")})` : "true"};`;
  // A read that throws (a getter, a Proxy trap) leaves its field out, as the closures do. The
  // generated code has no guard per read; when anything in it throws, the closures (which catch
  // per field) project the record again.
  const source = [
    '"use strict";',
    "let clean = true;",
    ...functions,
    `return function project(v) { try { ${start} return object${root0}(v); } catch { return fallback(v); } };`,
  ].join("\n");
  return { params, args, source };
}

/** The projector built from the generated source; undefined where `new Function` is forbidden (a CSP). */
export function generatedProjector(root: Trie, fallback: Projector): Projector | undefined {
  const { params, args, source } = projectionSource(root, fallback);
  try {
    return (new Function(...params, source) as (...a: unknown[]) => Projector)(...args);
  } catch {
    return undefined;
  }
}
