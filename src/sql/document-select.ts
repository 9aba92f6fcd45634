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
  // An array, nested to any depth: every element that is not an array is either an object, replaced
  // by its projection, or a scalar, removed. The edits are applied one by one from the last element
  // in document order to the first, so a removal never moves an element still to be edited.
  const array = (node: Trie, v: string): string => {
    const n = alias++;
    const [walk, edits, apply] = [`fql_walk${n}`, `fql_edit${n}`, `fql_apply${n}`];
    const e = `fql_x${n}`;
    return (
      `(WITH RECURSIVE ${walk}(o, p, e) AS (SELECT ARRAY[]::bigint[], ARRAY[]::text[], ${v} UNION ALL ` +
      `SELECT ${walk}.o || ${e}.o, ${walk}.p || (${e}.o - 1)::text, ${e}.e FROM ${walk} CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(${walk}.e) = 'array' THEN ${walk}.e ELSE '[]'::jsonb END) WITH ORDINALITY AS ${e}(e, o)), ` +
      `${edits}(k, p, w) AS (SELECT row_number() OVER (ORDER BY ${walk}.o DESC), ${walk}.p, CASE WHEN jsonb_typeof(${walk}.e) = 'object' THEN ${object(node, `${walk}.e`)} END FROM ${walk} WHERE jsonb_typeof(${walk}.e) <> 'array'), ` +
      `${apply}(k, a) AS (SELECT 0::bigint, ${v} UNION ALL SELECT ${apply}.k + 1, CASE WHEN ${edits}.w IS NULL THEN ${apply}.a #- ${edits}.p ELSE jsonb_set(${apply}.a, ${edits}.p, ${edits}.w) END FROM ${apply} JOIN ${edits} ON ${edits}.k = ${apply}.k + 1) ` +
      `SELECT ${apply}.a FROM ${apply} ORDER BY ${apply}.k DESC LIMIT 1)`
    );
  };
  return object(trie(paths), doc);
}
