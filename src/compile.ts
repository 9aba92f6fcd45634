/**
 * compile(textOrQuery, options) → Compiled: parse and check once (throwing `FilterQLError` with
 * every diagnostic), then test, filter, run or emit a body as often as needed.
 */
import { argumentError, checkedPaging, expectOptions, expectSchemaOption, expectTextOrQuery } from "./arguments.js";
import type { Query } from "./ast/nodes.js";
import { checkQuery } from "./check/check.js";
import { resolveSchema, type ResolvedSchema, type Schema } from "./check/schema.js";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import { FilterQLError } from "./diagnostics/filterql-error.js";
import { textOf } from "./emit/print.js";
import { acceptQuery } from "./check/accept-query.js";
import { compileFilter } from "./engine/compile-filter.js";
import { IndexPlan } from "./engine/indexed/index-plan.js";
import { RecordIndex } from "./engine/indexed/record-index.js";
import { pageOf, pagination, type Pagination } from "./engine/paginate.js";
import { compileProjection, type Projector } from "./engine/project.js";
import type { EvalContext, Test } from "./engine/predicates.js";
import { sortRecords, topK, type SortSpec } from "./engine/sort.js";
import type { MixpeekBody } from "./mixpeek/body.js";
import { requestWith, type MixpeekRequest, type MixpeekRequestOptions } from "./mixpeek/request.js";
import { expectMixpeekOptions } from "./mixpeek/mixpeek-options.js";
import { emitMixpeek, type MixpeekOptions } from "./mixpeek/to-mixpeek.js";
import { emitMongo, expectMongoOptions, type MongoOptions } from "./mongo/to-mongo.js";
import type { MongoFind } from "./mongo/types.js";
import { resolveLimits, type ParseOptions } from "./options.js";
import { toSql, toSqlWhere, type SqlOptions, type SqlStatement } from "./sql/to-sql.js";
import { expectSqlOptions } from "./sql/options.js";
import { parse } from "./syntax/parse.js";
import { clockOf } from "./ast/date-math.js";

export interface CompileOptions extends ParseOptions, MixpeekOptions {
  readonly schema?: Schema | ResolvedSchema;
  /** Page size for `run` when neither the call nor the query's `limit` sets one; default 10. */
  readonly pageSize?: number;
  /** Generate specialised code with `new Function` (default true; closures otherwise, identical results). */
  readonly codegen?: boolean;
}

export interface RunOptions {
  /** 1-based page number; default 1. */
  readonly page?: number;
  /** Overrides the query's `limit`; default 10. */
  readonly pageSize?: number;
}

export interface RunResult<T> {
  readonly results: T[];
  readonly pagination: Pagination;
}

export class Compiled {
  readonly query: Query;
  /** Warnings from parsing and checking (errors throw instead). */
  readonly diagnostics: readonly Diagnostic[];
  /** Tests one record. */
  readonly test: Test;
  private readonly filterArray: <T>(records: readonly T[]) => T[];
  private readonly sortSpec: SortSpec;
  private readonly projector: Projector | undefined;
  private readonly ctx: EvalContext;
  private plan: IndexPlan | undefined;

  constructor(
    query: Query,
    diagnostics: readonly Diagnostic[],
    private readonly options: CompileOptions,
    schema: ResolvedSchema | undefined,
  ) {
    acceptQuery("new Compiled", "query", query, options);
    this.query = query;
    this.diagnostics = diagnostics;
    const caseSensitive = options.caseSensitive ?? query.caseSensitive ?? true;
    const ctx = { caseInsensitive: !caseSensitive, now: clockOf(query, options.now, () => textOf(query)), schema };
    this.ctx = ctx;
    const compiled = compileFilter(query.filter, ctx, options.codegen === undefined ? {} : { codegen: options.codegen });
    this.test = compiled.test;
    this.filterArray = compiled.filterArray;
    this.sortSpec = { keys: query.orderBy, schema, codegen: options.codegen ?? true };
    this.projector = compileProjection(query.select, options.codegen ?? true);
  }

  /**
   * Matching records in input order. Arrays and record indexes give an array; other iterables
   * are filtered lazily.
   */
  filter<T>(records: RecordIndex<T>): T[];
  filter<T>(records: readonly T[]): T[];
  filter<T>(records: Iterable<T>): Generator<T, void, undefined>;
  filter<T>(records: AsyncIterable<T>): AsyncGenerator<T, void, undefined>;
  filter<T>(records: RecordIndex<T> | readonly T[] | Iterable<T> | AsyncIterable<T>): T[] | Generator<T, void, undefined> | AsyncGenerator<T, void, undefined> {
    const test = this.test;
    if (Array.isArray(records)) return this.filterArray(records as readonly T[]);
    if (records instanceof RecordIndex) return this.fromIndex(records as RecordIndex<T>);
    expectFilterable("Compiled.filter", records);
    if (Symbol.asyncIterator in records) {
      return (async function* () {
        for await (const r of records as AsyncIterable<T>) if (test(r)) yield r;
      })();
    }
    return (function* () {
      for (const r of records as Iterable<T>) if (test(r)) yield r;
    })();
  }

  /** Filter, sort, page and project, with the seed API's pagination object. */
  run<T>(records: readonly T[] | RecordIndex<T>, options: RunOptions = {}): RunResult<T | Record<string, unknown>> {
    expectRecords("Compiled.run", records);
    expectOptions("Compiled.run", "options", options);
    const { pageSize, page } = checkedPaging("Compiled.run", options.pageSize ?? this.query.limit ?? this.options.pageSize ?? 10, options.page);
    const matched = this.matching(records);
    const total = matched.length;
    const start = (page - 1) * pageSize;
    // Both are fresh arrays of this call's own, which pageOf reuses for the page.
    const ordered = this.sortSpec.keys.length === 0 ? matched : topK(matched, this.sortSpec, start + pageSize);
    const results = pageOf(ordered, start, pageSize, this.projector as ((record: T) => Record<string, unknown>) | undefined);
    return { results, pagination: pagination(total, pageSize, page) };
  }

  /** The query's `select` projection of one record (the record itself when there is no `select`). */
  project(record: unknown): unknown {
    return this.projector === undefined ? record : this.projector(record);
  }

  /** All matching records sorted by the query's `order by` (no paging). */
  sort<T>(records: readonly T[] | RecordIndex<T>): T[] {
    expectRecords("Compiled.sort", records);
    return sortRecords(this.matching(records), this.sortSpec);
  }

  /** The matches, in input order, as a fresh array the caller may change. */
  private matching<T>(records: readonly T[] | RecordIndex<T>): T[] {
    return records instanceof RecordIndex ? this.fromIndex(records) : this.filterArray(records);
  }

  /** The same records as a scan of `index.records`, found through the index. */
  private fromIndex<T>(index: RecordIndex<T>): T[] {
    if (this.query.filter === null) return this.filterArray(index.records);
    this.plan ??= new IndexPlan(this.query.filter, this.ctx, this.test, this.filterArray);
    return this.plan.select(index);
  }

  /** The request body; the query was checked by `compile`, so this only emits. */
  toMixpeek(options: MixpeekOptions = {}): MixpeekBody {
    expectMixpeekOptions("Compiled.toMixpeek", options);
    return emitMixpeek(this.query, { ...this.given(...MIXPEEK_DEFAULTS), ...options });
  }

  toMixpeekRequest(options: MixpeekRequestOptions = {}): MixpeekRequest {
    expectMixpeekOptions("Compiled.toMixpeekRequest", options);
    const merged = { ...this.given(...MIXPEEK_DEFAULTS, "pageSize"), ...options };
    return requestWith(this.query, merged, emitMixpeek(this.query, merged));
  }

  /** The driver's `find` arguments; the compiled schema, clock, case and page size apply unless overridden. */
  toMongo(options: Omit<MongoOptions, "schema"> = {}): MongoFind {
    expectMongoOptions("Compiled.toMongo", options);
    return emitMongo(this.query, { ...this.given(...MONGO_DEFAULTS), ...options }, this.ctx.schema);
  }

  /** One PostgreSQL SELECT for this query (SPEC §7); the compile options' schema, clock, case mode and page size are defaults. */
  toSql(options: SqlOptions): SqlStatement {
    expectSqlOptions("Compiled.toSql", options);
    return toSql(this.query, { ...this.given(...SQL_DEFAULTS), ...options });
  }

  /** The query's condition alone, to compose into a caller's statement. */
  toSqlWhere(options: SqlOptions): SqlStatement {
    expectSqlOptions("Compiled.toSqlWhere", options);
    return toSqlWhere(this.query, { ...this.given(...SQL_DEFAULTS), ...options });
  }

  /** The named compile options that were given: the defaults a target's own options override. */
  private given<K extends keyof CompileOptions>(...keys: K[]): Pick<CompileOptions, K> {
    const out: Partial<Pick<CompileOptions, K>> = {};
    for (const k of keys) if (this.options[k] !== undefined) out[k] = this.options[k];
    return out as Pick<CompileOptions, K>;
  }
}

/** The compile options each target takes as defaults. */
const MIXPEEK_DEFAULTS = ["dialect", "collections", "caseSensitive", "returnUrls", "now"] as const;
const SQL_DEFAULTS = ["schema", "now", "caseSensitive", "pageSize", "maxDepth", "maxPredicates", "maxListItems"] as const;
const MONGO_DEFAULTS = ["now", "caseSensitive", "pageSize"] as const;

/** `run` and `sort` take an array or a record index (they need every match at once). */
function expectRecords(fn: string, records: unknown): void {
  if (!Array.isArray(records) && !(records instanceof RecordIndex)) throw argumentError(fn, "records", "an array of records or a RecordIndex", records);
}

/** `filter` takes an array, a record index, or any (async) iterable. */
function expectFilterable(fn: string, records: unknown): void {
  if (records === null || typeof records !== "object" || !(records instanceof RecordIndex || Symbol.iterator in records || Symbol.asyncIterator in records)) {
    throw argumentError(fn, "records", "an array, a RecordIndex or an iterable", records);
  }
}

function expectCompileOptions(fn: string, options: CompileOptions): void {
  expectMixpeekOptions(fn, options);
  expectSchemaOption(fn, options);
  resolveLimits(fn, options);
}

/** Parses (when given text), checks against the schema, and compiles. Throws `FilterQLError` on any error. */
export function compile(textOrQuery: string | Query, options: CompileOptions = {}): Compiled {
  expectTextOrQuery("compile", "textOrQuery", textOrQuery);
  expectCompileOptions("compile", options);
  let query: Query;
  let text: string;
  let warnings: readonly Diagnostic[] = [];
  if (typeof textOrQuery === "string") {
    const parsed = parse(textOrQuery, options);
    if (parsed.query === undefined) throw new FilterQLError(parsed.diagnostics, textOrQuery);
    query = parsed.query;
    text = textOrQuery;
    warnings = parsed.diagnostics;
  } else {
    acceptQuery("compile", "textOrQuery", textOrQuery, options);
    query = textOrQuery;
    text = textOf(query);
  }
  const schema = resolveSchema(options.schema);
  // Past its limits already: parse held the text to them, acceptQuery the value.
  const checked = checkQuery(query, schema);
  const diagnostics = warnings.length === 0 ? checked : [...warnings, ...checked];
  if (hasErrors(diagnostics)) throw new FilterQLError(diagnostics, text);
  return new Compiled(query, diagnostics, options, schema);
}

/** Matching records, in input order (or lazily, for other iterables). */
export function filter<T>(records: RecordIndex<T>, textOrQuery: string | Query, options?: CompileOptions): T[];
export function filter<T>(records: readonly T[], textOrQuery: string | Query, options?: CompileOptions): T[];
export function filter<T>(records: Iterable<T>, textOrQuery: string | Query, options?: CompileOptions): Generator<T, void, undefined>;
export function filter<T>(records: AsyncIterable<T>, textOrQuery: string | Query, options?: CompileOptions): AsyncGenerator<T, void, undefined>;
export function filter<T>(records: RecordIndex<T> | readonly T[] | Iterable<T> | AsyncIterable<T>, textOrQuery: string | Query, options: CompileOptions = {}): T[] | Generator<T, void, undefined> | AsyncGenerator<T, void, undefined> {
  expectFilterable("filter", records);
  expectTextOrQuery("filter", "textOrQuery", textOrQuery);
  expectCompileOptions("filter", options);
  return compile(textOrQuery, options).filter(records as Iterable<T>);
}

/** `{ results, pagination }` after filter, sort, paging and projection. */
export function run<T>(records: readonly T[] | RecordIndex<T>, textOrQuery: string | Query, options: CompileOptions & RunOptions = {}): RunResult<T | Record<string, unknown>> {
  expectRecords("run", records);
  expectTextOrQuery("run", "textOrQuery", textOrQuery);
  expectCompileOptions("run", options);
  const { page, pageSize, ...rest } = options;
  return compile(textOrQuery, rest).run(records, { ...(page === undefined ? {} : { page }), ...(pageSize === undefined ? {} : { pageSize }) });
}
