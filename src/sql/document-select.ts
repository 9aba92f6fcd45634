/**
 * `select` in document mode: the projected record as `jsonb`, rebuilt as the engine's projection
 * does (SPEC §4): only the selected fields, nested objects rebuilt, through an array each object
 * element projected (scalars dropped). Field names are parameters. Arrays nested in arrays are
 * followed two levels deep
 * (SQL has no recursion without functions; the statement stays small).
 */
import type { PathNode } from "../ast/nodes.js";
import type { Params } from "./params.js";

interface Trie {
  leaf: boolean;
  readonly children: Map<string, Trie>;
}

const MAX_ARRAY_NESTING = 2;

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
  // One jsonb_each over the object: each selected key's projection is written once, applied to the field's value.
  const object = (node: Trie, x: string): string => {
    const n = alias++;
    const f = `fql_f${n}`;
    const cases = [...node.children].map(([k, child]) => `WHEN ${params.once(`key:${k}`, k, "text")} THEN ${child.leaf ? `${f}.v` : value(child, `${f}.v`, 0)}`);
    const keys = [...node.children.keys()].map((k) => params.once(`key:${k}`, k, "text"));
    return `(SELECT COALESCE(jsonb_object_agg(${f}.k, fql_g${n}.v), '{}'::jsonb) FROM jsonb_each(${x}) AS ${f}(k, v) CROSS JOIN LATERAL (SELECT CASE ${f}.k ${cases.join(" ")} END) AS fql_g${n}(v) WHERE ${f}.k IN (${keys.join(", ")}) AND fql_g${n}.v IS NOT NULL)`;
  };
  // `x` is bound once per level in a one-row subquery; OFFSET 0 keeps the planner from inlining it
  // back into every use (which makes planning exponential in the depth).
  const value = (node: Trie, x: string, depth: number): string => {
    const n = alias++;
    const v = `fql_v${n}`;
    const e = `fql_e${n}`;
    const arr = depth >= MAX_ARRAY_NESTING
      ? "NULL::jsonb"
      : `(SELECT COALESCE(jsonb_agg(${value(node, `${e}.e`, depth + 1)} ORDER BY ${e}.o), '[]'::jsonb) FROM jsonb_array_elements(${v}) WITH ORDINALITY AS ${e}(e, o) WHERE jsonb_typeof(${e}.e) IN ('object', 'array'))`;
    return `(SELECT CASE jsonb_typeof(${v}) WHEN 'object' THEN ${object(node, v)} WHEN 'array' THEN ${arr} END FROM (SELECT ${x} OFFSET 0) AS fql_w${n}(${v}))`;
  };
  return object(trie(paths), doc);
}
