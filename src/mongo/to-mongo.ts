/**
 * toMongo(query, options) → the arguments of the official driver's `collection.find(filter,
 * { sort, projection, skip, limit })`, meaning on a MongoDB 8.0 server exactly what `run` means
 * in memory (SPEC §4, §7): the same records, in the same order, on the same page, projected alike.
 */
import { clockOf } from "../ast/date-math.js";
import { checkedPaging, expectClockAndCase, expectOptions, expectQuery, expectSchemaOption } from "../arguments.js";
import type { QueryNode } from "../ast/nodes.js";
import { checkQuery } from "../check/check.js";
import { resolveSchema, type ResolvedSchema, type Schema } from "../check/schema.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { Reporter } from "../diagnostics/reporter.js";
import { textOf } from "../emit/print.js";
import { acceptQuery } from "../check/accept-query.js";
import type { Limits } from "../options.js";
import { fieldPath, toFilter } from "./filter.js";
import type { MongoFind, MongoProjection, MongoSort } from "./types.js";

/** The limits are those of parsing (SPEC §6), applied to the query value before anything else. */
export interface MongoOptions extends Limits {
  /** Case-insensitive mode when false; overrides the query's `case` clause. */
  readonly caseSensitive?: boolean;
  /** The clock for date math (`now - 7d`); default the current time. */
  readonly now?: Date;
  /** Fields typed `date` compare as instants (stored as BSON dates). */
  readonly schema?: Schema | ResolvedSchema;
  /** 1-based page, as `run`'s; default 1. */
  readonly page?: number;
  /** Overrides the query's `limit`; default 10, as `run`'s. */
  readonly pageSize?: number;
  /** A unique field sorted on last, so that pages are deterministic; default `_id`. */
  readonly key?: string;
}

/** The options at the door: an object, a schema object, a valid clock, a boolean case mode. */
export function expectMongoOptions(fn: string, options: MongoOptions | undefined): void {
  expectOptions(fn, "options", options);
  expectSchemaOption(fn, options);
  expectClockAndCase(fn, options);
}

/** The `find` arguments for a query. Throws `FilterQLError` when MongoDB cannot express it exactly. */
export function toMongo(query: QueryNode, options: MongoOptions = {}): MongoFind {
  expectQuery("toMongo", "query", query);
  expectMongoOptions("toMongo", options);
  acceptQuery("toMongo", "query", query, options);
  const schema = resolveSchema(options.schema);
  const diagnostics = checkQuery(query, schema);
  if (hasErrors(diagnostics)) throw new FilterQLError(diagnostics, textOf(query));
  return emitMongo(query, options, schema);
}

/** `toMongo` for a query that has already passed `check` (as every `Compiled` query has). */
export function emitMongo(query: QueryNode, options: MongoOptions, schema: ResolvedSchema | undefined): MongoFind {
  const text = textOf(query);
  const reporter = new Reporter(text);
  const { pageSize, page } = checkedPaging("toMongo", options.pageSize ?? query.limit ?? 10, options.page);
  const caseSensitive = options.caseSensitive ?? query.caseSensitive ?? true;
  const now = clockOf(query, options.now, () => text);
  const ctx = { caseInsensitive: !caseSensitive, now, schema, reporter };
  const filter = query.filter === null ? {} : toFilter(query.filter, ctx);
  if (query.filter !== null && nesting(filter) > MAX_NESTING) {
    reporter.error("unsupported-by-dialect", `the MongoDB filter would nest ${nesting(filter)} levels deep; the server parses at most ${MAX_NESTING}`, query.filter.span, "flatten the query's parentheses and negations");
  }
  const key = options.key ?? "_id";
  // A Map, not an object: a path named `__proto__` stays a key.
  const sort = new Map<string, 1 | -1>();
  for (const k of query.orderBy) {
    const path = fieldPath(k.field, reporter);
    const direction = k.direction === "asc" ? 1 : -1;
    const earlier = sort.get(path);
    // A repeated key in the same direction changes nothing; in the other one it breaks the ties
    // of the first by the other end of an array, which a sort document cannot say.
    if (earlier !== undefined && earlier !== direction) reporter.error("unsupported-by-dialect", `\`${path}\` is sorted both ways; a MongoDB sort document holds each path once`, k.span, "sort each field in one direction");
    sort.set(path, earlier ?? direction);
  }
  if (!sort.has(key)) sort.set(key, 1);
  const result: MongoFind = { filter, sort: Object.fromEntries(sort) as MongoSort, projection: projection(query, reporter), skip: (page - 1) * pageSize, limit: pageSize };
  if (reporter.hasErrors) throw new FilterQLError(reporter.diagnostics, text);
  return result;
}

/** MatchExpressionParser::kMaximumTreeDepth: deeper filters are rejected by the server. */
const MAX_NESTING = 100;

/** How deep the server's parser goes: one level per logical list, `$elemMatch` and `$not`. */
function nesting(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(nesting));
  if (value === null || typeof value !== "object" || value instanceof Date) return 0;
  let deepest = 0;
  for (const [key, v] of Object.entries(value)) {
    const step = key === "$and" || key === "$or" || key === "$nor" || key === "$elemMatch" || key === "$not" ? 1 : 0;
    deepest = Math.max(deepest, step + nesting(v));
  }
  return deepest;
}

/**
 * Inclusion of the selected paths, `_id` excluded unless selected (`run` returns only what is
 * selected). A path below another selected path adds nothing and would be a path collision.
 */
function projection(query: QueryNode, reporter: Reporter): MongoProjection {
  if (query.select.length === 0) return {};
  const paths = query.select.map((p) => fieldPath(p, reporter));
  const out = new Map<string, 0 | 1>();
  for (const p of paths) {
    if (paths.some((q) => p.startsWith(`${q}.`))) continue;
    out.set(p, 1);
  }
  if (!out.has("_id")) out.set("_id", 0);
  return Object.fromEntries(out) as MongoProjection;
}
