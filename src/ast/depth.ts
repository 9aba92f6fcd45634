/**
 * The nesting depth of an expression as the parser counts it: every `not`, and every `(` that
 * its canonical text needs (an `or` inside an `and`, an `and`/`or` under a `not`). A decoded or
 * built tree measured this way is held to the same limit as parsed text. Iterative: any depth.
 */
import type { ExprNode } from "./nodes.js";

export function depthOf(root: ExprNode): number {
  let max = 0;
  const stack: [ExprNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [ExprNode, number];
    if (depth > max) max = depth;
    switch (node.kind) {
      case "And":
        for (const o of node.operands) stack.push([o, o.kind === "Or" || o.kind === "And" ? depth + 1 : depth]);
        break;
      case "Or":
        for (const o of node.operands) stack.push([o, o.kind === "Or" ? depth + 1 : depth]);
        break;
      case "Not":
        stack.push([node.operand, node.operand.kind === "And" || node.operand.kind === "Or" ? depth + 2 : depth + 1]);
        break;
      default:
        break;
    }
  }
  return max;
}
