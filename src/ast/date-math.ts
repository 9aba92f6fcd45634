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
 * The clock a target resolves date math against (the `now` option, else the current time), once
 * every date math of the query is checked to land on a Date: `now + 100000000d` parses (the
 * duration alone fits a Date), but lands past the last instant a Date holds (±8.64e15 ms from
 * 1970) from today's clock. Throws `FilterQLError` (`invalid-value`, each such value's span) so no
 * target meets an invalid Date. `text` is asked for only then.
 */
export function clockOf(query: QueryNode, given: Date | undefined, text: () => string): Date {
  const now = given ?? new Date();
  if (query.filter === null) return now;
  const outside: DateMathNode[] = [];
  walk(query.filter, (node) => {
    if (node.kind === "DateMath" && Number.isNaN(resolveDateMath(node, now).getTime())) outside.push(node);
  });
  if (outside.length === 0) return now;
  const source = text();
  const reporter = new Reporter(source);
  for (const node of outside) reporter.error("invalid-value", "this date is out of range: a date lies within 275,760 years of 1970", node.span, "use a shorter duration, or a date in quotes");
  throw new FilterQLError(reporter.diagnostics, source);
}
