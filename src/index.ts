/**
 * FilterQL: a small filter query language. `parse → check → emit` (a Mixpeek body, an in-memory
 * predicate, canonical text), each a pure function with results as values.
 */
export type * from "./ast/nodes.js";
export { and, or, path, literal } from "./ast/build.js";
export { childKeys, children, walk, dispatch, type ExhaustiveVisitor } from "./ast/visit.js";
export type { Diagnostic, DiagnosticCode, Fix, Severity, SourceSpan, Span, TextEdit } from "./diagnostics/diagnostic.js";
export { applyFixes } from "./diagnostics/apply-fixes.js";
export { FilterQLError } from "./diagnostics/filterql-error.js";
export { formatDiagnostics } from "./diagnostics/format-diagnostics.js";
export type { Limits, ParseOptions } from "./options.js";
export { DEFAULT_LIMITS } from "./options.js";
export { parse, type ParseResult } from "./syntax/parse.js";
export { print } from "./emit/print.js";
export { check, type CheckOptions } from "./check/check.js";
export { inferSchema, type InferOptions } from "./check/infer-schema.js";
export { resolveSchema, type Schema, type TypeName, type BaseType, type FieldDefinition } from "./check/schema.js";
export { compile, filter, run, Compiled, type CompileOptions, type RunOptions, type RunResult } from "./compile.js";
export type { Pagination } from "./engine/paginate.js";
export { indexRecords, RecordIndex } from "./engine/indexed/record-index.js";
export type { MixpeekBody, MixpeekCondition, MixpeekConditionV1, MixpeekConditionV2, MixpeekGroup, MixpeekItem, MixpeekSort, JsonScalar } from "./mixpeek/body.js";
export type { Dialect, Operator } from "./mixpeek/dialects.js";
export { toMixpeek, type MixpeekOptions } from "./mixpeek/to-mixpeek.js";
export { fromMixpeek, type FromMixpeekOptions } from "./mixpeek/from-mixpeek.js";
export { toMongo, type MongoOptions } from "./mongo/to-mongo.js";
export type { MongoFind, MongoFilter, MongoProjection, MongoSort, MongoValue } from "./mongo/types.js";
export { toMixpeekRequest, type MixpeekRequest, type MixpeekRequestOptions } from "./mixpeek/request.js";
export { toSql, toSqlWhere, type SqlOptions, type SqlStatement } from "./sql/to-sql.js";
export { suggest, type Suggestion, type Suggestions, type SuggestionKind, type SuggestOptions } from "./suggest/suggest.js";
export { tokens, type Token, type TokenKind } from "./suggest/tokens.js";
