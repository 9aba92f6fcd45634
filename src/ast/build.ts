/** Node constructors. `and`/`or` flatten nested nodes of their own kind, so the AST stays canonical. */
import { NO_SPAN, type Span } from "../diagnostics/diagnostic.js";
import type { AndNode, ExprNode, LiteralNode, OrNode, PathNode, QueryNode, Scalar } from "./nodes.js";
import { argumentError, expectArray, expectNode } from "../arguments.js";

export function and(operands: readonly ExprNode[], span: Span = NO_SPAN): ExprNode {
  expectNodes("and", operands);
  expectSpan("and", span);
  return andNode(operands, span);
}

export function or(operands: readonly ExprNode[], span: Span = NO_SPAN): ExprNode {
  expectNodes("or", operands);
  expectSpan("or", span);
  return orNode(operands, span);
}

/** `and` without the argument checks, for the parser and the body decoder (their operands are nodes). */
export function andNode(operands: readonly ExprNode[], span: Span = NO_SPAN): ExprNode {
  const flat = flatten("And", operands);
  return flat.length === 1 ? (flat[0] as ExprNode) : ({ kind: "And", span, operands: flat } satisfies AndNode);
}

export function orNode(operands: readonly ExprNode[], span: Span = NO_SPAN): ExprNode {
  const flat = flatten("Or", operands);
  return flat.length === 1 ? (flat[0] as ExprNode) : ({ kind: "Or", span, operands: flat } satisfies OrNode);
}

function expectNodes(fn: string, operands: unknown): void {
  expectArray(fn, "operands", operands, "an array of expression nodes");
  for (const op of operands) expectNode(fn, "operands", op);
}

function expectSpan(fn: string, span: unknown): void {
  if (span === null || typeof span !== "object" || typeof (span as Span).start !== "number" || typeof (span as Span).end !== "number") throw argumentError(fn, "span", "a span", span);
}

function flatten(kind: "And" | "Or", operands: readonly ExprNode[]): readonly ExprNode[] {
  // The common case has nothing to flatten: keep the array as it is.
  if (!operands.some((op) => op.kind === kind)) return operands;
  const out: ExprNode[] = [];
  for (const op of operands) {
    if (op.kind === kind) out.push(...op.operands);
    else out.push(op);
  }
  return out;
}

export function path(segments: readonly string[], span: Span = NO_SPAN): PathNode {
  if (!Array.isArray(segments) || segments.length === 0 || !segments.every((s) => typeof s === "string")) throw argumentError("path", "segments", "a non-empty array of strings", segments);
  expectSpan("path", span);
  return { kind: "Path", span, segments };
}

export function literal(value: Scalar, span: Span = NO_SPAN): LiteralNode {
  if (!(value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)))) {
    throw argumentError("literal", "value", "a string, a finite number, a boolean or null", value);
  }
  expectSpan("literal", span);
  return { kind: "Literal", span, value };
}

/** The clauses of a query; any left out is absent (no `from`, no filter, no `order by`…). */
export type QueryClauses = { readonly [K in Exclude<keyof QueryNode, "kind" | "span">]?: QueryNode[K] | undefined };

/** A query node from the clauses it has: one place for the defaults every producer of a query shares. */
export function queryNode(clauses: QueryClauses = {}, span: Span = NO_SPAN): QueryNode {
  return {
    kind: "Query",
    span,
    collections: clauses.collections ?? [],
    filter: clauses.filter ?? null,
    orderBy: clauses.orderBy ?? [],
    select: clauses.select ?? [],
    limit: clauses.limit ?? null,
    caseSensitive: clauses.caseSensitive ?? null,
  };
}
