import type { AstNode, Kind, NodeOfKind } from "./nodes.js";

/**
 * Which properties of each kind hold child nodes, in source order. This one table drives every
 * generic walk; `Record<Kind, …>` makes a new kind fail to compile until it is listed here.
 */
export const childKeys: { readonly [K in Kind]: readonly (keyof NodeOfKind<K>)[] } = {
  Query: ["filter", "orderBy", "select"],
  And: ["operands"],
  Or: ["operands"],
  Not: ["operand"],
  Compare: ["field", "value"],
  In: ["field", "values"],
  Between: ["field", "low", "high"],
  IsNull: ["field"],
  Exists: ["field"],
  Match: ["field", "value"],
  Text: ["field", "value"],
  OrderKey: ["field"],
  Path: [],
  Literal: [],
  Regex: [],
  DateMath: [],
};

/** The direct children of a node, in source order. */
export function children(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const record = node as unknown as Record<string, unknown>;
  for (const key of childKeys[node.kind] as readonly string[]) {
    const value = record[key];
    if (Array.isArray(value)) out.push(...(value as AstNode[]));
    else if (value !== null && value !== undefined) out.push(value as AstNode);
  }
  return out;
}

/**
 * Visits every node depth-first (pre-order) with an explicit stack, so a decoded body or
 * a hand-built AST of any depth cannot overflow the call stack.
 */
export function walk(root: AstNode, visit: (node: AstNode) => void): void {
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AstNode;
    visit(node);
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AstNode);
  }
}

/** A handler for every kind: adding a kind without handling it is a compile error. */
export type ExhaustiveVisitor<R> = { readonly [K in Kind]: (node: NodeOfKind<K>) => R };

export function dispatch<R>(visitor: ExhaustiveVisitor<R>, node: AstNode): R {
  return (visitor[node.kind] as (n: AstNode) => R)(node);
}
