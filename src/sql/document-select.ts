/**
 * `select` in document mode: the projected record as `jsonb`, rebuilt as the engine's projection
 * does (SPEC §4): only the selected fields, nested objects rebuilt, through an array each object
 * element projected (scalars dropped), through arrays nested in arrays to any depth (a recursive
 * walk of the array's elements). Field names are parameters.
 */
import type { PathNode } from "../ast/nodes.js";
import type { Params } from "./params.js";

interface Trie {
  leaf: boolean;
  readonly children: Map<string, Trie>;
}

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
    const cases = [...node.children].map(([k, child]) => `WHEN ${params.once(`key:${k}`, k, "text")} THEN ${child.leaf ? `${f}.v` : value(child, `${f}.v`)}`);
    const keys = [...node.children.keys()].map((k) => params.once(`key:${k}`, k, "text"));
    return `(SELECT COALESCE(jsonb_object_agg(${f}.k, fql_g${n}.v), '{}'::jsonb) FROM jsonb_each(${x}) AS ${f}(k, v) CROSS JOIN LATERAL (SELECT CASE ${f}.k ${cases.join(" ")} END) AS fql_g${n}(v) WHERE ${f}.k IN (${keys.join(", ")}) AND fql_g${n}.v IS NOT NULL)`;
  };
  // `x` is bound once per level in a one-row subquery; OFFSET 0 keeps the planner from inlining it
  // back into every use (which makes planning exponential in the depth).
  const value = (node: Trie, x: string): string => {
    const n = alias++;
    const v = `fql_v${n}`;
    return `(SELECT CASE jsonb_typeof(${v}) WHEN 'object' THEN ${object(node, v)} WHEN 'array' THEN ${array(node, v)} END FROM (SELECT ${x} OFFSET 0) AS fql_w${n}(${v}))`;
  };
  // An array, nested to any depth, in one pass over its elements: every element that is an array is
  // kept (and walked), an object is replaced by its projection, a scalar dropped. The result is
  // written out as JSON text in document order (a node's position path sorts before its children's,
  // and its closing bracket after them) and read back as jsonb: linear in the elements, where
  // editing the array element by element copied it once per element.
  const array = (node: Trie, v: string): string => {
    const n = alias++;
    const [walk, kept, x] = [`fql_walk${n}`, `fql_kept${n}`, `fql_x${n}`];
    const isArray = (e: string) => `jsonb_typeof(${e}) = 'array'`;
    return (
      `(WITH RECURSIVE ${walk}(o, e) AS (SELECT ARRAY[]::bigint[], ${v} UNION ALL ` +
      `SELECT ${walk}.o || ${x}.o, ${x}.e FROM ${walk} CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN ${isArray(`${walk}.e`)} THEN ${walk}.e ELSE '[]'::jsonb END) WITH ORDINALITY AS ${x}(e, o)), ` +
      `${kept}(o, e, lead) AS (SELECT ${walk}.o, ${walk}.e, CASE WHEN cardinality(${walk}.o) > 0 AND row_number() OVER (PARTITION BY CASE WHEN cardinality(${walk}.o) > 0 THEN ${walk}.o[1:cardinality(${walk}.o) - 1] END ORDER BY ${walk}.o) > 1 THEN ',' ELSE '' END ` +
      `FROM ${walk} WHERE jsonb_typeof(${walk}.e) IN ('object', 'array')) ` +
      `SELECT string_agg(fql_piece${n}.t, '' ORDER BY fql_piece${n}.k)::jsonb FROM (` +
      `SELECT ${kept}.o, ${kept}.lead || CASE WHEN ${isArray(`${kept}.e`)} THEN '[' ELSE (${object(node, `${kept}.e`)})::text END FROM ${kept} UNION ALL ` +
      `SELECT ${kept}.o || 9223372036854775807::bigint, ']' FROM ${kept} WHERE ${isArray(`${kept}.e`)}` +
      `) AS fql_piece${n}(k, t))`
    );
  };
  return object(trie(paths), doc);
}
