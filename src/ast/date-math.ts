/** What a `DateMath` node means: `now ± amount unit`, resolved against a clock. */
import type { DateMathNode, DurationUnit } from "./nodes.js";

export const UNIT_MS: Readonly<Record<DurationUnit, number>> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

export function resolveDateMath(node: DateMathNode, now: Date): Date {
  if (node.offset === null) return new Date(now.getTime());
  const delta = node.offset.amount * UNIT_MS[node.offset.unit];
  return new Date(now.getTime() + (node.offset.sign === "+" ? delta : -delta));
}
