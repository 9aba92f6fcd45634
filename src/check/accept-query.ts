/**
 * The step every function that takes a `Query` value goes through before any recursive pass
 * (checking, printing, emitting, compiling): the value is a Query, and its tree is within the
 * same limits (SPEC §6) that parsing holds text to — nesting depth counted as the parser counts
 * it (`depthOf`), predicates, values in one list. A tree built in code or decoded elsewhere is
 * thereby never deeper than the recursive passes are written for, whatever the stack.
 * One iterative walk: any depth, any width.
 */
import { expectQuery } from "../arguments.js";
import { depthOf } from "../ast/depth.js";
import type { ExprNode, QueryNode } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { Reporter } from "../diagnostics/reporter.js";
import { resolveLimits, type Limits } from "../options.js";
import { sourceOf } from "../syntax/source-text.js";

const HINT = "raise the limit in the options if this is intended";

/**
 * The `limit-exceeded` diagnostics of a query value (none when it is within the limits), for
 * doors that answer with diagnostics (`check`).
 */
export function queryLimitDiagnostics(query: QueryNode, options: Limits | undefined): Diagnostic[] {
  const filter = query.filter;
  if (filter === null) return [];
  const limits = resolveLimits(options);
  const reporter = new Reporter(sourceOf(query) ?? "");
  if (depthOf(filter) > limits.maxDepth) {
    reporter.error("limit-exceeded", `the query nests deeper than ${limits.maxDepth} levels (the limit counts every \`(\` and every \`not\`)`, filter.span, HINT);
    return reporter.diagnostics;
  }
  let predicates = 0;
  const stack: ExprNode[] = [filter];
  while (stack.length > 0) {
    const node = stack.pop() as ExprNode;
    if (node.kind === "And" || node.kind === "Or") {
      for (let i = node.operands.length - 1; i >= 0; i--) stack.push(node.operands[i] as ExprNode);
    } else if (node.kind === "Not") {
      stack.push(node.operand);
    } else if (++predicates > limits.maxPredicates) {
      reporter.error("limit-exceeded", `the query has more than ${limits.maxPredicates} conditions (the limit)`, node.span, HINT);
      return reporter.diagnostics;
    } else if (node.kind === "In" && node.values.length > limits.maxListItems) {
      reporter.error("limit-exceeded", `this list has more than ${limits.maxListItems} values (the limit)`, node.span, HINT);
      return reporter.diagnostics;
    }
  }
  return [];
}

/**
 * At the door of a function that throws its diagnostics (`compile`, `toMixpeek`, `toSql`,
 * `toMongo`, `print`…): a `TypeError` naming `fn` when the value is no Query, a `FilterQLError`
 * carrying the `limit-exceeded` diagnostic when it is past a limit.
 */
export function acceptQuery(fn: string, param: string, query: unknown, options: Limits | undefined): asserts query is QueryNode {
  expectQuery(fn, param, query);
  const diagnostics = queryLimitDiagnostics(query, options);
  if (diagnostics.length > 0) throw new FilterQLError(diagnostics, sourceOf(query));
}
