/** What a `DateMath` node means: `now ± amount unit`, resolved against a clock. */
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { Reporter } from "../diagnostics/reporter.js";
import type { DateMathNode, DurationUnit, QueryNode } from "./nodes.js";
import { walk } from "./visit.js";

export const UNIT_MS: Readonly<Record<DurationUnit, number>> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

export function resolveDateMath(node: DateMathNode, now: Date): Date {
  if (node.offset === null) return new Date(now.getTime());
  const delta = node.offset.amount * UNIT_MS[node.offset.unit];
  return new Date(now.getTime() + (node.offset.sign === "+" ? delta : -delta));
}

/**
 * Every target resolves date math against its clock before it emits anything: `now + 100000000d`
 * parses (the duration alone fits a Date), but lands past the last instant a Date holds
 * (±8.64e15 ms from 1970) for today's clock. Throws `FilterQLError` (`invalid-value`, the span of
 * each such value) so that no target meets an invalid Date.
 */
export function expectDatesInRange(query: QueryNode, now: Date, text: string): void {
  if (query.filter === null) return;
  const reporter = new Reporter(text);
  walk(query.filter, (node) => {
    if (node.kind === "DateMath" && Number.isNaN(resolveDateMath(node, now).getTime())) {
      reporter.error("invalid-value", "this date is out of range: a date lies within 275,760 years of 1970", node.span, "use a shorter duration, or a date in quotes");
    }
  });
  if (reporter.hasErrors) throw new FilterQLError(reporter.diagnostics, text);
}
