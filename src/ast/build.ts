/** Node constructors. `and`/`or` flatten nested nodes of their own kind, so the AST stays canonical. */
import { NO_SPAN, type Span } from "../diagnostics/diagnostic.js";
import type { AndNode, ExprNode, LiteralNode, OrNode, PathNode, Scalar } from "./nodes.js";

export function and(operands: readonly ExprNode[], span: Span = NO_SPAN): ExprNode {
  const flat = flatten("And", operands);
  return flat.length === 1 ? (flat[0] as ExprNode) : ({ kind: "And", span, operands: flat } satisfies AndNode);
}

export function or(operands: readonly ExprNode[], span: Span = NO_SPAN): ExprNode {
  const flat = flatten("Or", operands);
  return flat.length === 1 ? (flat[0] as ExprNode) : ({ kind: "Or", span, operands: flat } satisfies OrNode);
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
  return { kind: "Path", span, segments };
}

export function literal(value: Scalar, span: Span = NO_SPAN): LiteralNode {
  return { kind: "Literal", span, value };
}
