/**
 * FilterQL: a small filter query language. `parse → check → emit` (a Mixpeek body, an in-memory
 * predicate, canonical text), each a pure function with results as values.
 */
export type * from "./ast/nodes.js";
export { and, or, path, literal } from "./ast/build.js";
export { childKeys, children, walk, type ExhaustiveVisitor } from "./ast/visit.js";
export type { Diagnostic, DiagnosticCode, Severity, SourceSpan, Span } from "./diagnostics/diagnostic.js";
export { FilterQLError } from "./diagnostics/filterql-error.js";
export { formatDiagnostics } from "./diagnostics/format-diagnostics.js";
export type { Limits, ParseOptions } from "./options.js";
export { DEFAULT_LIMITS } from "./options.js";
export { parse, type ParseResult } from "./syntax/parse.js";
export { print } from "./emit/print.js";
