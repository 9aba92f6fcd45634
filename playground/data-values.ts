/**
 * Value completion from the page's own records: the playground runs over data it holds, so the
 * values a field takes there are known without a server. Strings, numbers and booleans the path
 * reaches (through arrays too), the most frequent first. With an inferred schema the page's
 * schema has no enums (a value the records lack is no error), so this is what completes values.
 */
import type { ValueOption, ValuesRequest } from "../src/codemirror/index.js";

const MAX_OPTIONS = 30;
/** Nesting past this is not walked (a record from a file may nest arrays thousands deep). */
const MAX_DEPTH = 64;

export function dataValues(records: readonly unknown[]): (request: ValuesRequest) => readonly ValueOption[] {
  const byField = new Map<string, [string, number][]>();
  return ({ field, prefix }) => {
    let counted = byField.get(field);
    if (counted === undefined) {
      const counts = new Map<string, number>();
      const segments = field.split(".");
      for (const record of records) reach(record, segments, 0, 0, (v) => counts.set(v, (counts.get(v) ?? 0) + 1));
      counted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      byField.set(field, counted);
    }
    const lower = prefix.toLowerCase();
    return counted.filter(([label]) => label.toLowerCase().startsWith(lower)).slice(0, MAX_OPTIONS).map(([label, n]) => ({ label, detail: `${n}×` }));
  };
}

/** Each scalar the path reaches, read from own properties only; an array is opened at every step. */
function reach(value: unknown, segments: readonly string[], i: number, depth: number, found: (label: string) => void): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const element of value) reach(element, segments, i, depth + 1, found);
    return;
  }
  if (i === segments.length) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") found(String(value));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const step = segments[i] as string;
  if (Object.hasOwn(value, step)) reach((value as Record<string, unknown>)[step], segments, i + 1, depth + 1, found);
}
