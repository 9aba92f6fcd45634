/**
 * Query → record test, compiled once. Every record is safe to test: anything that is not a
 * plain object (null, primitives, arrays) never matches, and a record whose getters throw simply
 * does not match.
 */
import type { ExprNode } from "../ast/nodes.js";
import { generateTest, guarded } from "./codegen.js";
import { compileExpr, type EvalContext, type Test } from "./predicates.js";

export interface FilterCompileOptions {
  /** Generate specialised code with `new Function` (default true; falls back to closures when forbidden, e.g. by a CSP). */
  readonly codegen?: boolean;
}

const matchAll: Test = (r) => r !== null && typeof r === "object" && !Array.isArray(r);

export function compileFilter(filter: ExprNode | null, ctx: EvalContext, options: FilterCompileOptions = {}): Test {
  if (filter === null) return matchAll;
  return ((options.codegen ?? true) ? generateTest(filter, ctx) : undefined) ?? guarded(compileExpr(filter, ctx));
}
