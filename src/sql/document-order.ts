/**
 * ORDER BY in document mode, in MongoDB's order (SPEC §4): empty array < null/missing < numbers
 * < strings (by code point) < objects < arrays < booleans < dates. Each key's value is chosen per
 * record in a LATERAL subquery: the least candidate ascending, the greatest descending, where the
 * candidates are the leaf values (a leaf reached as a field opened one level, one reached by
 * position as it is) plus null where the path is missing. Objects and arrays met as sort values
 * compare as BSON does, at any depth (bson-key.ts). In a `date` field, a string the engine reads
 * as a date is a date, ordered by its instant (date-instant.ts).
 */
import type { OrderKeyNode } from "../ast/nodes.js";
import { bsonKey, rank } from "./bson-key.js";
import { instant } from "./date-instant.js";
import type { DocumentEmitter } from "./document.js";

/**
 * The terms ordering (rank, jsonb value, instant, BSON key) quadruples by MongoDB's order, in one
 * direction. The key (bytea, null but for objects and arrays) is computed once per candidate and
 * carried out of the LATERAL, like the instant: it is a recursive walk of the value.
 */
function terms(r: string, x: string, t: string, key: string, dir: "ASC" | "DESC"): string[] {
  return [
    `${r} ${dir}`,
    `(CASE WHEN ${r} = 2 THEN (${x})::numeric END) ${dir}`,
    `(CASE WHEN ${r} = 3 THEN (${x} #>> '{}') END) COLLATE "C" ${dir}`,
    `${key} ${dir}`,
    `(CASE WHEN ${r} = 6 THEN (${x})::boolean END) ${dir}`,
    `(CASE WHEN ${r} = 7 THEN ${t} END) ${dir}`,
  ];
}

export interface DocumentOrder {
  readonly joins: string[];
  readonly terms: string[];
}

/**
 * Each key's candidates, as (rank, value, instant): the leaf values, null (rank 1) where the path
 * is missing, and an empty array (rank 0, below null) for each empty leaf array reached as a
 * field — as the engine picks them. No candidate at all sorts as null.
 */
export function documentOrder(keys: readonly OrderKeyNode[], emitter: DocumentEmitter): DocumentOrder {
  const joins: string[] = [];
  const out: string[] = [];
  keys.forEach((k, i) => {
    const src = emitter.sortSources(k.field);
    if (src === undefined) return;
    const dir = k.direction === "asc" ? "ASC" : "DESC";
    const alias = `fql_k${i}`;
    const isDate = emitter.isDate(k.field);
    const leaf = (values: string) => {
      const value = `(CASE WHEN jsonb_typeof(fql_c) = 'null' THEN NULL ELSE fql_c END)`;
      const key = `(CASE WHEN jsonb_typeof(fql_c) IN ('object', 'array') THEN ${bsonKey("fql_c")} END)`;
      const from = `FROM jsonb_path_query(${emitter.doc}, ${values}) AS fql_s(fql_c)`;
      return isDate
        ? `SELECT CASE WHEN fql_d IS NULL THEN ${rank("fql_c")} ELSE 7 END, ${value}, fql_d, ${key} ${from} CROSS JOIN LATERAL (SELECT ${instant("fql_c")}) AS fql_i(fql_d)`
        : `SELECT ${rank("fql_c")}, ${value}, NULL::numeric, ${key} ${from}`;
    };
    const candidates = [
      ...src.values.map(leaf),
      `SELECT 1, NULL::jsonb, NULL::numeric, NULL::bytea WHERE ${emitter.doc} @? ${src.missing}`,
      ...src.emptyLeaves.map((leaves) => `SELECT 0, NULL::jsonb, NULL::numeric, NULL::bytea FROM jsonb_path_query(${emitter.doc}, ${leaves}) AS fql_l(fql_x) WHERE fql_x = '[]'::jsonb`),
    ];
    joins.push(`LEFT JOIN LATERAL (SELECT fql_r, fql_c, fql_t, fql_key FROM (${candidates.join(" UNION ALL ")}) AS fql_u(fql_r, fql_c, fql_t, fql_key) ORDER BY ${terms("fql_r", "fql_c", "fql_t", "fql_key", dir).join(", ")} LIMIT 1) AS ${alias}(r, v, t, b) ON TRUE`);
    out.push(...terms(`COALESCE(${alias}.r, 1)`, `${alias}.v`, `${alias}.t`, `${alias}.b`, dir));
  });
  return { joins, terms: out };
}
