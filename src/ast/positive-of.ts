/**
 * Every negated predicate is exactly `not` of its positive form: `!=` of `=`, `not in` of `in`,
 * `is not null` of `is null`, `not exists` of `exists`, `not contains` (and the other match
 * forms) of their positive forms. Targets evaluate or index the positive form and apply the
 * negation around it. Memoised per node, so a target may key its own caches by the result.
 */
import type { PredicateNode } from "./nodes.js";

export interface Polarity<N extends PredicateNode> {
  readonly positive: N;
  readonly negated: boolean;
}

export function positiveOf<N extends PredicateNode>(node: N): Polarity<N> {
  let found = POSITIVES.get(node);
  if (found === undefined) {
    found = split(node);
    POSITIVES.set(node, found);
  }
  return found as Polarity<N>;
}

function split(node: PredicateNode): Polarity<PredicateNode> {
  if (node.kind === "Compare") return node.op === "ne" ? { positive: { ...node, op: "eq" }, negated: true } : { positive: node, negated: false };
  if (node.kind !== "Between" && node.kind !== "Text" && node.negated) return { positive: { ...node, negated: false }, negated: true };
  return { positive: node, negated: false };
}

const POSITIVES = new WeakMap<PredicateNode, Polarity<PredicateNode>>();
