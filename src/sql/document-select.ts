/**
 * `select` in document mode: the projected record as `jsonb`, rebuilt as the engine's projection
 * does (SPEC §4): only the selected fields, nested objects rebuilt, through an array each object
 * element projected (scalars dropped). Field names are parameters. Arrays nested in arrays are
 * followed to a fixed depth.
 */
import type { PathNode } from "../ast/nodes.js";
import type { Params } from "./params.js";

interface Trie {
  leaf: boolean;
  readonly children: Map<string, Trie>;
}

const MAX_ARRAY_NESTING = 4;

function trie(paths: readonly PathNode[]): Trie {
  const root: Trie = { leaf: false, children: new Map() };
  for (const p of paths) {
    let node = root;
    for (const s of p.segments) {
      let next = node.children.get(s);
      if (next === undefined) node.children.set(s, (next = { leaf: false, children: new Map() }));
      node = next;
    }
    node.leaf = true;
  }
  return root;
}

export function documentSelect(doc: string, paths: readonly PathNode[], params: Params): string {
  let alias = 0;
  const object = (node: Trie, x: string): string => {
    const rows = [...node.children].map(([k, child]) => {
      const name = params.once(`key:${k}`, k, "text");
      const v = `(${x} -> ${name})`;
      return `(${name}, ${child.leaf ? v : value(child, v, 0)})`;
    });
    const a = `fql_p${alias++}`;
    return `(SELECT COALESCE(jsonb_object_agg(${a}.k, ${a}.v), '{}'::jsonb) FROM (VALUES ${rows.join(", ")}) AS ${a}(k, v) WHERE ${a}.v IS NOT NULL)`;
  };
  const value = (node: Trie, x: string, depth: number): string => {
    if (depth > MAX_ARRAY_NESTING) return "NULL::jsonb";
    const a = `fql_q${alias++}`;
    const arr = `(SELECT COALESCE(jsonb_agg(${value(node, `${a}.e`, depth + 1)} ORDER BY ${a}.o), '[]'::jsonb) FROM jsonb_array_elements(${x}) WITH ORDINALITY AS ${a}(e, o) WHERE jsonb_typeof(${a}.e) IN ('object', 'array'))`;
    return `(CASE jsonb_typeof(${x}) WHEN 'object' THEN ${object(node, x)} WHEN 'array' THEN ${arr} END)`;
  };
  return object(trie(paths), doc);
}
