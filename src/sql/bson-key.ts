/**
 * A `bytea` sort key for a `jsonb` value whose byte order is the engine's order of values
 * (SPEC §4, MongoDB's BSON comparison): arrays element by element, objects field by field (the
 * value's type, then the name, then the value), a shorter one first where one is a prefix of the
 * other. Any depth: a recursive walk of the value emits one piece per node in document order,
 * and the pieces are concatenated.
 *
 * Each value is a type byte (null 1, number 2, string 3, object 4, array 5, boolean 6) and a
 * payload: a number's 8 IEEE bytes made order-preserving (the sign bit flipped for positives,
 * every bit for negatives — the engine compares the doubles that JSON.parse reads), a string's
 * UTF-8 bytes (code point order) and a 0 byte (text never holds one), a boolean's byte, and for
 * objects and arrays their members followed by a 0 byte (below every type byte, so a prefix sorts
 * first). An object's member is its value's type byte, its name as a string, then the value's payload.
 *
 * Field order: jsonb does not keep the order a document was written in; it stores names shorter
 * first, then by bytes. The records a reader gets back from the table are JavaScript objects
 * parsed from that text, whose fields come in JavaScript's order: names that are array indices
 * ("0", "1", … up to 2^32 − 2) first, ascending, then the others in the stored order. That is the
 * order the in-memory engine compares the same rows in, and the one used here.
 */

const INDEX_LIMIT = "4294967295";

/** A SQL expression: a jsonb value's type rank, the type byte of the key (null 1 … boolean 6), and the first term of document-mode ORDER BY. */
export const rank = (x: string): string => `(CASE jsonb_typeof(${x}) WHEN 'null' THEN 1 WHEN 'number' THEN 2 WHEN 'string' THEN 3 WHEN 'object' THEN 4 WHEN 'array' THEN 5 ELSE 6 END)`;

/** A SQL expression: the sort key of the jsonb expression `x` (evaluated once). */
export function bsonKey(x: string): string {
  const tag = rank("fql_t.v");
  const bits = `('x' || encode(float8send((fql_t.v)::float8), 'hex'))::bit(64)::bigint`;
  const number = `int8send((SELECT CASE WHEN fql_b < 0 THEN ~fql_b ELSE fql_b + (-9223372036854775807 - 1) END FROM (SELECT ${bits}) AS fql_n(fql_b)))`;
  const payload = `(CASE jsonb_typeof(fql_t.v) WHEN 'number' THEN ${number} WHEN 'string' THEN convert_to(fql_t.v #>> '{}', 'UTF8') || '\\x00'::bytea WHEN 'boolean' THEN (CASE WHEN fql_t.v = 'true'::jsonb THEN '\\x01'::bytea ELSE '\\x00'::bytea END) ELSE ''::bytea END)`;
  const position = `(CASE WHEN fql_m.k ~ '^(0|[1-9][0-9]{0,9})$' THEN (CASE WHEN fql_m.k::bigint < ${INDEX_LIMIT} THEN fql_m.k::bigint ELSE ${INDEX_LIMIT} + fql_m.o END) ELSE ${INDEX_LIMIT} + fql_m.o END)`;
  const children = [
    `SELECT fql_a.o, fql_a.e, ''::bytea FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fql_t.v) = 'array' THEN fql_t.v ELSE '[]'::jsonb END) WITH ORDINALITY AS fql_a(e, o)`,
    `SELECT ${position}, fql_m.e, convert_to(fql_m.k, 'UTF8') || '\\x00'::bytea FROM jsonb_each(CASE WHEN jsonb_typeof(fql_t.v) = 'object' THEN fql_t.v ELSE '{}'::jsonb END) WITH ORDINALITY AS fql_m(k, e, o)`,
  ];
  return (
    `(WITH RECURSIVE fql_t(p, v, name) AS (SELECT ARRAY[]::bigint[], ${x}, ''::bytea UNION ALL ` +
    `SELECT fql_t.p || fql_c.i, fql_c.v, fql_c.name FROM fql_t CROSS JOIN LATERAL (${children.join(" UNION ALL ")}) AS fql_c(i, v, name)) ` +
    `SELECT string_agg(fql_q.piece, ''::bytea ORDER BY fql_q.k) FROM (` +
    `SELECT fql_t.p, set_byte('\\x00'::bytea, 0, ${tag}) || fql_t.name || ${payload} FROM fql_t UNION ALL ` +
    `SELECT fql_t.p || 9223372036854775807::bigint, '\\x00'::bytea FROM fql_t WHERE jsonb_typeof(fql_t.v) IN ('object', 'array')` +
    `) AS fql_q(k, piece))`
  );
}
