/**
 * The boolean skeleton shared by both storage modes. `not` is pushed down to the predicates
 * (De Morgan), so each predicate is emitted in the polarity it is needed in: a predicate's SQL
 * may then be NULL exactly where the predicate (in that polarity) does not hold, and SQL's
 * three-valued `AND`/`OR` treat such a NULL as false — no `NOT` ever meets a NULL.
 */
import type { CompareNode, ExprNode, PredicateNode } from "../ast/nodes.js";
import { positiveOf } from "../ast/positive-of.js";

/** A predicate in one polarity: `between` is already split, the `not` forms already folded into `positive`. */
export type Leaf = Exclude<PredicateNode, { kind: "Between" }>;

export interface PredicateEmitter {
  /** SQL that is TRUE exactly where the predicate holds (`positive`) or fails (`!positive`); FALSE or NULL elsewhere. */
  predicate(node: Leaf, positive: boolean): string;
}

export function condition(expr: ExprNode, positive: boolean, target: PredicateEmitter): string {
  switch (expr.kind) {
    case "And":
    case "Or": {
      const conjunction = (expr.kind === "And") === positive;
      const parts = expr.operands.map((o) => condition(o, positive, target));
      return `(${parts.join(conjunction ? " AND " : " OR ")})`;
    }
    case "Not":
      return condition(expr.operand, !positive, target);
    case "Between": {
      const low: CompareNode = { kind: "Compare", span: expr.span, op: "gte", field: expr.field, value: expr.low };
      const high: CompareNode = { kind: "Compare", span: expr.span, op: "lte", field: expr.field, value: expr.high };
      const parts = [target.predicate(low, positive), target.predicate(high, positive)];
      return `(${parts.join(positive ? " AND " : " OR ")})`;
    }
    default: {
      const polar = positiveOf(expr);
      return target.predicate(polar.positive, polar.negated !== positive);
    }
  }
}
