import { resolveDateMath } from "./date-math.js";
import type { ValueNode } from "./nodes.js";

/**
 * The scalar a value node stands for: a literal as written, date math resolved against `now` as an
 * ISO-8601 string, a regex as its pattern. Every target starts from this.
 */
export function constantValue(value: ValueNode, now: Date): string | number | boolean | null {
  if (value.kind === "Literal") return value.value;
  if (value.kind === "DateMath") return resolveDateMath(value, now).toISOString();
  return value.pattern;
}
