/**
 * Query → record test, compiled once. Every record is safe to test: anything that is not a
 * plain object (null, primitives, arrays) never matches, and a record whose getters throw simply
 * does not match.
 */
import type { ExprNode } from "../ast/nodes.js";
import { generate, guarded } from "./codegen.js";
import { compileExpr, type EvalContext, type Test } from "./predicates.js";

export interface FilterCompileOptions {
  /** Generate specialised code with `new Function` (default true; falls back to closures when forbidden, e.g. by a CSP). */
  readonly codegen?: boolean;
}

const matchAll: Test = (r) => r !== null && typeof r === "object" && !Array.isArray(r);

export interface CompiledFilter {
  readonly test: Test;
  /** The matching records of an array, in order. */
  readonly filterArray: <T>(records: readonly T[]) => T[];
}

function loopOver(test: Test): <T>(records: readonly T[]) => T[] {
  return <T>(records: readonly T[]): T[] => {
    const out: T[] = [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as T;
      if (test(r)) out.push(r);
    }
    return out;
  };
}

/** No filter: every record that is an object, copied in one go when (as usual) that is all of them. */
function everyRecord<T>(records: readonly T[]): T[] {
  for (let i = 0; i < records.length; i++) if (!matchAll(records[i])) return loopOver(matchAll)(records);
  return records.slice();
}

export function compileFilter(filter: ExprNode | null, ctx: EvalContext, options: FilterCompileOptions = {}): CompiledFilter {
  if (filter === null) return { test: matchAll, filterArray: everyRecord };
  const generated = (options.codegen ?? true) ? generate(filter, ctx) : undefined;
  if (generated !== undefined) return generated;
  const test = guarded(compileExpr(filter, ctx));
  return { test, filterArray: loopOver(test) };
}
