/**
 * ORDER BY in document mode, in MongoDB's order (SPEC §4): empty array < null/missing < numbers
 * < strings (by code point) < objects < arrays < booleans. Each key's value is chosen per record
 * in a LATERAL subquery: the least candidate ascending, the greatest descending, where the
 * candidates are the leaf values (arrays opened one level) plus null where the path is missing.
 * Objects and arrays met as sort values compare as BSON does, at any depth (bson-key.ts).
 */
import type { OrderKeyNode } from "../ast/nodes.js";
import { bsonKey } from "./bson-key.js";
import type { DocumentEmitter } from "./document.js";

const rank = (x: string) => `CASE jsonb_typeof(${x}) WHEN 'null' THEN 1 WHEN 'number' THEN 2 WHEN 'string' THEN 3 WHEN 'object' THEN 4 WHEN 'array' THEN 5 ELSE 6 END`;

/** The terms ordering (rank, jsonb value) pairs by MongoDB's order, in one direction. */
function terms(r: string, x: string, dir: "ASC" | "DESC"): string[] {
  return [
    `${r} ${dir}`,
    `(CASE WHEN jsonb_typeof(${x}) = 'number' THEN (${x})::numeric END) ${dir}`,
    `(CASE WHEN jsonb_typeof(${x}) = 'string' THEN (${x} #>> '{}') END) COLLATE "C" ${dir}`,
    `(CASE WHEN jsonb_typeof(${x}) = 'boolean' THEN (${x})::boolean END) ${dir}`,
    `(CASE WHEN jsonb_typeof(${x}) IN ('object', 'array') THEN ${bsonKey(x)} END) ${dir}`,
  ];
}

export interface DocumentOrder {
  readonly joins: string[];
  readonly terms: string[];
}

/**
 * Each key's candidates, as (rank, value): the opened leaf values, null (rank 1) where the path
 * is missing, and an empty array (rank 0, below null) for each empty leaf array — as the engine
 * picks them. No candidate at all sorts as null.
 */
export function documentOrder(keys: readonly OrderKeyNode[], emitter: DocumentEmitter): DocumentOrder {
  const joins: string[] = [];
  const out: string[] = [];
  keys.forEach((k, i) => {
    const src = emitter.sortSources(k.field);
    if (src === undefined) return;
    const dir = k.direction === "asc" ? "ASC" : "DESC";
    const alias = `fql_k${i}`;
    const candidates = [
      ...src.values.map((values) => `SELECT ${rank("fql_c")}, (CASE WHEN jsonb_typeof(fql_c) = 'null' THEN NULL ELSE fql_c END) FROM jsonb_path_query(${emitter.doc}, ${values}) AS fql_s(fql_c)`),
      `SELECT 1, NULL::jsonb WHERE ${emitter.doc} @? ${src.missing}`,
      ...src.emptyLeaves.map((leaves) => `SELECT 0, NULL::jsonb FROM jsonb_path_query(${emitter.doc}, ${leaves}) AS fql_l(fql_x) WHERE fql_x = '[]'::jsonb`),
    ];
    joins.push(`LEFT JOIN LATERAL (SELECT fql_r, fql_c FROM (${candidates.join(" UNION ALL ")}) AS fql_u(fql_r, fql_c) ORDER BY ${terms("fql_r", "fql_c", dir).join(", ")} LIMIT 1) AS ${alias}(r, v) ON TRUE`);
    out.push(...terms(`COALESCE(${alias}.r, 1)`, `${alias}.v`, dir));
  });
  return { joins, terms: out };
}
