/**
 * Inclusion projection of dot paths (`select a.b, c`): nested objects are rebuilt with only the
 * selected fields; through an array of objects each element is projected. Only own properties
 * are read, and keys are defined (never assigned), so a `__proto__` key is copied as data and
 * can never write to a prototype.
 */
import type { PathNode } from "../ast/nodes.js";

interface Trie {
  leaf: boolean;
  readonly children: Map<string, Trie>;
}

export type Projector = (record: unknown) => unknown;

export function compileProjection(paths: readonly PathNode[]): Projector | undefined {
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
  return (record) => projectObject(record, root) ?? {};
}

const hasOwn = Object.prototype.hasOwnProperty;

function projectValue(value: unknown, node: Trie): unknown {
  if (node.leaf) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const e of value) {
      if (e !== null && typeof e === "object") out.push(Array.isArray(e) ? projectValue(e, node) : projectObject(e, node));
    }
    return out;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return projectObject(value, node);
  return undefined;
}

function projectObject(value: unknown, node: Trie): Record<string, unknown> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of node.children) {
    if (!hasOwn.call(value, key)) continue;
    const v = projectValue((value as Record<string, unknown>)[key], child);
    if (v !== undefined) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
