/**
 * ORDER BY in document mode, in MongoDB's order (SPEC §4): empty array < null/missing < numbers
 * < strings (by code point) < objects < arrays < booleans. Each key's value is chosen per record
 * in a LATERAL subquery: the least candidate ascending, the greatest descending, where the
 * candidates are the leaf values (arrays opened one level) plus null where the path is missing.
 * Objects and arrays met as sort values order by type, then by jsonb's own order (not MongoDB's).
 */
import type { OrderKeyNode } from "../ast/nodes.js";
import type { DocumentEmitter } from "./document.js";

const rank = (x: string) => `CASE jsonb_typeof(${x}) WHEN 'null' THEN 1 WHEN 'number' THEN 2 WHEN 'string' THEN 3 WHEN 'object' THEN 4 WHEN 'array' THEN 5 ELSE 6 END`;

/** The terms ordering jsonb values by MongoDB's order, in one direction. */
function terms(x: string, rankExpr: string, dir: "ASC" | "DESC"): string[] {
  return [
    `${rankExpr} ${dir}`,
    `(CASE WHEN jsonb_typeof(${x}) = 'number' THEN (${x})::numeric END) ${dir}`,
    `(CASE WHEN jsonb_typeof(${x}) = 'string' THEN (${x} #>> '{}') END) COLLATE "C" ${dir}`,
    `(CASE WHEN jsonb_typeof(${x}) = 'boolean' THEN (${x})::boolean END) ${dir}`,
    `${x} ${dir}`,
  ];
}

export interface DocumentOrder {
  readonly joins: string[];
  readonly terms: string[];
}

export function documentOrder(keys: readonly OrderKeyNode[], emitter: DocumentEmitter): DocumentOrder {
  const joins: string[] = [];
  const out: string[] = [];
  keys.forEach((k, i) => {
    const src = emitter.sortSources(k.field);
    if (src === undefined) return;
    const dir = k.direction === "asc" ? "ASC" : "DESC";
    const alias = `fql_k${i}`;
    joins.push(
      `LEFT JOIN LATERAL (SELECT fql_c FROM (SELECT fql_c FROM jsonb_path_query(${emitter.doc}, ${src.values}) AS fql_s(fql_c) UNION ALL SELECT 'null'::jsonb WHERE ${emitter.doc} @? ${src.missing}) AS fql_u(fql_c) ORDER BY ${terms("fql_c", rank("fql_c"), dir).join(", ")} LIMIT 1) AS ${alias}(v) ON TRUE`,
    );
    const v = `${alias}.v`;
    const emptyArray = `EXISTS (SELECT 1 FROM jsonb_path_query(${emitter.doc}, ${src.leaves}) AS fql_l(fql_x) WHERE fql_x = '[]'::jsonb)`;
    out.push(...terms(v, `(CASE WHEN ${v} IS NULL THEN CASE WHEN ${emptyArray} THEN 0 ELSE 1 END ELSE ${rank(v)} END)`, dir));
  });
  return { joins, terms: out };
}
