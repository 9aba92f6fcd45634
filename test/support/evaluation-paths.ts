/**
 * The four ways the engine can answer a query — generated code, closures only, the record index
 * over generated code, the record index over closures — each as `records → matches`. Semantics
 * tests run every rule through all four, so a rule cannot hold in one and not another.
 */
import type { QueryNode } from "../../src/ast/nodes.js";
import { compile, type CompileOptions } from "../../src/compile.js";
import { indexRecords } from "../../src/engine/indexed/record-index.js";

export type Evaluate = (records: readonly unknown[]) => unknown[];

export const EVALUATION_PATHS = ["codegen", "closures", "index", "index over closures"] as const;
export type EvaluationPath = (typeof EVALUATION_PATHS)[number];

export function evaluator(query: string | QueryNode, path: EvaluationPath, options: CompileOptions = {}): Evaluate {
  const codegen = path === "codegen" || path === "index";
  const compiled = compile(query, { ...options, codegen });
  if (path === "codegen" || path === "closures") return (records) => compiled.filter(records);
  return (records) => compiled.filter(indexRecords(records));
}

/** Every path's answer, keyed by path: equal answers make one entry per path with the same list. */
export function answers(query: string | QueryNode, records: readonly unknown[], options: CompileOptions = {}): Record<EvaluationPath, unknown[]> {
  const out = {} as Record<EvaluationPath, unknown[]>;
  for (const path of EVALUATION_PATHS) out[path] = evaluator(query, path, options)(records);
  return out;
}
