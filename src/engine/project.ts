/**
 * Inclusion projection of dot paths (`select a.b, c`): nested objects are rebuilt with only the
 * selected fields; through an array of objects each element is projected. Compiled once into
 * closures. Only own properties are read, and a `__proto__` key is defined as data (never
 * assigned), so projection can never write to a prototype.
 */
import type { PathNode } from "../ast/nodes.js";
import { internalize } from "./internalize.js";

interface Trie {
  leaf: boolean;
  readonly children: Map<string, Trie>;
}

export type Projector = (record: unknown) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

export function compileProjection(paths: readonly PathNode[], codegen = true): Projector | undefined {
  if (paths.length === 0) return undefined;
  const root: Trie = { leaf: false, children: new Map() };
  for (const p of paths) {
    let node = root;
    for (const seg of p.segments) {
      let next = node.children.get(seg);
      if (next === undefined) {
        next = { leaf: false, children: new Map() };
        node.children.set(seg, next);
      }
      node = next;
    }
    node.leaf = true;
  }
  const project = (codegen ? generatedObjectProjector(root) : undefined) ?? objectProjector(root);
  return (record) => project(record) ?? {};
}

type ObjectProjector = (value: unknown) => Record<string, unknown> | undefined;

/**
 * The same projection as `objectProjector`, generated as straight-line code per level so V8 sees
 * one object shape being built. Keys reach the code as bound parameters, never as source text;
 * a `__proto__` key is still defined, not assigned. Undefined where `new Function` is forbidden.
 *
 * When every selected field is present (the usual case) the object is built by a generated
 * constructor whose prototype is `Object.prototype`: V8 then gives all such objects one shape,
 * allocated at its final size, instead of growing an empty `{}` key by key.
 */
function generatedObjectProjector(node: Trie): ObjectProjector | undefined {
  const params: string[] = ["own", "isArray", "define", "objectPrototype"];
  const args: unknown[] = [hasOwn, Array.isArray, defineData, Object.prototype];
  const reads: string[] = [];
  const stores: string[] = [];
  const fields: string[] = [];
  const assigns: string[] = [];
  const keys = [...node.children.keys()];
  node.children.forEach((child, key) => {
    const k = `k${params.length}`;
    params.push(k);
    args.push(internalize(key));
    const x = `x${fields.length}`;
    fields.push(x);
    // On a plain object, a name that Object.prototype lacks cannot be inherited: no own-check needed.
    const read = key in Object.prototype ? `own.call(v, ${k}) ? v[${k}] : undefined` : `plain || own.call(v, ${k}) ? v[${k}] : undefined`;
    let value = `(${read})`;
    if (!child.leaf) {
      const sub = `p${params.length}`;
      params.push(sub);
      args.push(valueProjector(child, true));
      value = `((${x} = ${value}) === undefined ? undefined : ${sub}(${x}))`;
    }
    reads.push(`${x} = ${value};`);
    stores.push(`if (${x} !== undefined) ${key === "__proto__" ? `define(o, ${k}, ${x})` : `o[${k}] = ${x}`};`);
    assigns.push(`this[${k}] = ${x};`);
  });
  // A `__proto__` key must be defined, which a constructor's assignment would not do.
  const shaped = keys.length > 0 && !keys.includes("__proto__");
  const all = fields.map((x) => `${x} !== undefined`).join(" && ");
  const source = [
    '"use strict";',
    shaped ? `function Shape(${fields.join(", ")}) { ${assigns.join(" ")} } Shape.prototype = objectPrototype;` : "",
    'return function project(v) { if (v === null || typeof v !== "object" || isArray(v)) return undefined; let plain; try { plain = v.__proto__ === objectPrototype; } catch { plain = false; }',
    fields.length > 0 ? `let ${fields.join(", ")}; ${reads.join(" ")}` : "",
    shaped ? `if (${all}) return new Shape(${fields.join(", ")});` : "",
    `const o = {}; ${stores.join(" ")} return o; };`,
  ].join("\n");
  try {
    return (new Function(...params, source) as (...a: unknown[]) => ObjectProjector)(...args);
  } catch {
    return undefined;
  }
}

function defineData(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function objectProjector(node: Trie): ObjectProjector {
  const fields = [...node.children].map(([key, child]) => ({ key: internalize(key), value: valueProjector(child), proto: key === "__proto__" }));
  return (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (!hasOwn.call(value, f.key)) continue;
      const v = f.value((value as Record<string, unknown>)[f.key]);
      if (v === undefined) continue;
      if (f.proto) Object.defineProperty(out, f.key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[f.key] = v;
    }
    return out;
  };
}

function valueProjector(node: Trie, codegen = false): (value: unknown) => unknown {
  if (node.leaf) return (v) => v;
  const obj = (codegen ? generatedObjectProjector(node) : undefined) ?? objectProjector(node);
  const project = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const e of value) if (e !== null && typeof e === "object") out.push(Array.isArray(e) ? project(e) : obj(e));
      return out;
    }
    return value instanceof Date ? undefined : obj(value);
  };
  return project;
}
