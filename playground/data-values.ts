/**
 * Value completion from the page's own records: the playground runs over data it holds, so the
 * values a field takes there are known without a server. Strings, numbers and booleans the path
 * reaches, as a condition reads it (an array reached as a field stands for its elements), the most
 * frequent first. With an inferred schema the page's schema has no enums (a value the records lack
 * is no error), so this is what completes values.
 */
import type { ValueOption, ValuesRequest } from "../src/codemirror/index.js";
import { forEachValue } from "../src/engine/path.js";

const MAX_OPTIONS = 30;

export function dataValues(records: readonly unknown[]): (request: ValuesRequest) => readonly ValueOption[] {
  const byField = new Map<string, [string, number][]>();
  return ({ field, prefix }) => {
    let counted = byField.get(field);
    if (counted === undefined) {
      const counts = new Map<string, number>();
      const count = (v: unknown): void => {
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      };
      // The values the query's own path walk reaches (positions, arrays of documents), so what is
      // offered is what a condition on the field can match.
      const segments = field.split(".");
      for (const record of records) forEachValue(record, segments, (v, open) => (open && Array.isArray(v) ? v.forEach(count) : count(v)));
      counted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      byField.set(field, counted);
    }
    const lower = prefix.toLowerCase();
    return counted.filter(([label]) => label.toLowerCase().startsWith(lower)).slice(0, MAX_OPTIONS).map(([label, n]) => ({ label, detail: `${n}×` }));
  };
}
