/** Placeholder replaced below. */
import type { ExprNode } from "../ast/nodes.js";
import type { EvalContext, Test } from "./predicates.js";

export function generateTest(_filter: ExprNode, _ctx: EvalContext): Test | undefined {
  return undefined;
}
