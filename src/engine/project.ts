/**
 * Inclusion projection of dot paths (`select a.b, c`): nested objects are rebuilt with only the
 * selected fields; through an array of objects each element is projected. Only own properties
 * are read, and a `__proto__` key is defined as data (never assigned), so projection can never
 * write to a prototype.
 *
 * Two forms give identical results (a property test ties them): closures, compiled once (the
 * rule of record, and the fallback where `new Function` is forbidden), and generated source
 * (project-source.ts), which V8 builds at a hand-written `map`'s speed.
 */
import type { PathNode } from "../ast/nodes.js";
import { defineData } from "./define-data.js";
import { internalize } from "./internalize.js";
import { projectArray } from "./project-array.js";
import { generatedProjector } from "./project-source.js";

/** The selected paths as a tree: one node per path prefix, `leaf` where a path ends. */
export interface Trie {
  leaf: boolean;
  readonly children: Map<string, Trie>;
}

export type Projector = (record: unknown) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

export function projectionTrie(paths: readonly PathNode[]): Trie {
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
  return root;
}

export function compileProjection(paths: readonly PathNode[], codegen = true): Projector | undefined {
  if (paths.length === 0) return undefined;
  const root = projectionTrie(paths);
  const project = objectProjector(root);
  const closures: Projector = (record) => {
    try {
      return project(record) ?? {};
    } catch {
      // The record itself could not be told an object (a Proxy whose traps throw).
      return {};
    }
  };
  return (codegen ? generatedProjector(root, closures) : undefined) ?? closures;
}

type ObjectProjector = (value: unknown) => Record<string, unknown> | undefined;

/**
 * A non-array object rebuilt with its selected own fields; undefined for anything else. A field
 * whose read throws (a getter, a Proxy trap) is left out, as a missing field is: filters never
 * match there and sorting takes it as missing, so a projection does not fail on it either.
 */
function objectProjector(node: Trie): ObjectProjector {
  const fields = [...node.children].map(([key, child]) => ({ key: internalize(key), value: valueProjector(child), proto: key === "__proto__" }));
  return (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      let v: unknown;
      try {
        if (!hasOwn.call(value, f.key)) continue;
        v = f.value((value as Record<string, unknown>)[f.key]);
      } catch {
        continue;
      }
      if (v === undefined) continue;
      if (f.proto) defineData(out, f.key, v);
      else out[f.key] = v;
    }
    return out;
  };
}

/**
 * A selected field's value: kept whole at a selected leaf; below it, an object is projected, an
 * array projected element by element (its non-objects and Dates dropped, as MongoDB drops an
 * array's non-documents; nested arrays likewise, by `projectArray`), and a Date or a non-object left out.
 */
function valueProjector(node: Trie): (value: unknown) => unknown {
  if (node.leaf) return (v) => v;
  const obj = objectProjector(node);
  return (value) => (Array.isArray(value) ? projectArray(value, obj) : value instanceof Date ? undefined : obj(value));
}
