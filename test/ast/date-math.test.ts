import { describe, expect, test } from "vitest";
import { compile, FilterQLError, parse, toMixpeek, toMongo, toSql, toSqlWhere, type Query } from "../../src/index.js";
import { caught } from "../support/caught.js";

const query = (text: string): Query => {
  const { query } = parse(text);
  if (query === undefined) throw new Error(text);
  return query;
};

/** The diagnostics a call throws, or [] when it returns. */
function thrown(call: () => unknown): { code: string; start: number; end: number }[] {
  const error = caught(call);
  if (error === undefined) return [];
  expect(error).toBeInstanceOf(FilterQLError);
  return (error as FilterQLError).diagnostics.map((d) => ({ code: d.code, start: d.span.start, end: d.span.end }));
}

describe("date math past a Date's range is an invalid-value error at every target, never a RangeError", () => {
  const doors: [string, (q: Query, now: Date) => unknown][] = [
    ["compile", (q, now) => compile(q, { now })],
    ["toMixpeek", (q, now) => toMixpeek(q, { now })],
    ["toMongo", (q, now) => toMongo(q, { now })],
    ["toSql", (q, now) => toSql(q, { now, table: "t", document: "doc" })],
    ["toSqlWhere", (q, now) => toSqlWhere(q, { now, document: "doc" })],
  ];
  const today = new Date("2026-11-30T00:00:00Z");

  test.each(doors)("%s", (_, door) => {
    // The duration alone fits a Date (8.64e15 ms), so it parses; from today's clock it does not.
    expect(thrown(() => door(query("a > now + 100000000d"), today))).toEqual([{ code: "invalid-value", start: 4, end: 20 }]);
    // Back from a clock before 1970.
    expect(thrown(() => door(query("a = 1 or b < now - 100000000d"), new Date(-86_400_000)))).toEqual([{ code: "invalid-value", start: 13, end: 29 }]);
    // From a clock at the far end of the range, one day past it.
    expect(thrown(() => door(query("a > now + 1d"), new Date(8.64e15)))).toEqual([{ code: "invalid-value", start: 4, end: 12 }]);
    // Within the range, each door answers.
    expect(thrown(() => door(query("a > now + 99999999d"), new Date(0)))).toEqual([]);
    expect(thrown(() => door(query("a > now - 7d"), today))).toEqual([]);
  });
});
