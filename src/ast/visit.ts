import type { AstNode, Kind, NodeOfKind } from "./nodes.js";
import { argumentError, expectFunction, expectNode, expectObject } from "../arguments.js";

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
  expectNode("children", "node", node);
  return childrenOf(node);
}

function childrenOf(node: AstNode): AstNode[] {
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
  expectNode("walk", "root", root);
  expectFunction("walk", "visit", visit);
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AstNode;
    visit(node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AstNode);
  }
}

/** A handler for every kind: adding a kind without handling it is a compile error. */
export type ExhaustiveVisitor<R> = { readonly [K in Kind]: (node: NodeOfKind<K>) => R };

export function dispatch<R>(visitor: ExhaustiveVisitor<R>, node: AstNode): R {
  expectObject("dispatch", "visitor", visitor, "a visitor");
  expectNode("dispatch", "node", node);
  if (typeof visitor[node.kind] !== "function") throw argumentError("dispatch", "visitor", `a visitor with a handler for \`${node.kind}\``, visitor);
  return (visitor[node.kind] as (n: AstNode) => R)(node);
}
