/**
 * Derives a schema from sample records: scalar types, arrays (`string[]`), nested objects as
 * dot paths, ISO-8601 strings as `date`, and small sets of repeated strings as enums.
 */
import type { BaseType, FieldDefinition, Schema, TypeName } from "./schema.js";
import { isIsoDate } from "../engine/dates.js";
import { expectIterable, expectOptions } from "../arguments.js";

export interface InferOptions {
  /** A string field with at most this many distinct values (each seen twice or more) becomes an enum. Default 12. */
  readonly maxEnum?: number;
  /** Records to look at. Default 1,000. */
  readonly sample?: number;
}

interface Seen {
  types: Set<BaseType>;
  array: boolean;
  strings: Map<string, number>;
  count: number;
}

const MAX_DEPTH = 8;

export function inferSchema(records: Iterable<unknown>, options: InferOptions = {}): Schema {
  expectIterable("inferSchema", "records", records);
  expectOptions("inferSchema", "options", options);
  const maxEnum = options.maxEnum ?? 12;
  const sample = options.sample ?? 1000;
  const seen = new Map<string, Seen>();
  let n = 0;
  for (const record of records) {
    if (n++ >= sample) break;
    if (record !== null && typeof record === "object" && !Array.isArray(record)) visitObject(record as Record<string, unknown>, "", seen, 0);
  }
  const schema: Record<string, TypeName | FieldDefinition> = Object.create(null) as Record<string, TypeName | FieldDefinition>;
  for (const path of [...seen.keys()].sort()) {
    const s = seen.get(path) as Seen;
    const types = new Set(s.types);
    if (types.has("integer") && types.has("number")) types.delete("integer");
    const base: BaseType = types.size === 1 ? ([...types][0] as BaseType) : "any";
    // A field seen as an array anywhere is typed as one, even where other records hold a single
    // value: its queries are then checked, completed and pushed down as on a list (`contains` is
    // membership, SQL column mode reads an array column), which its array records need.
    const type = `${base}${s.array ? "[]" : ""}` as TypeName;
    const distinct = [...s.strings.entries()];
    const enumLike = base === "string" && distinct.length > 0 && distinct.length <= maxEnum && s.count >= 2 * distinct.length && distinct.every(([, c]) => c >= 2);
    schema[path] = enumLike ? { type, enum: distinct.map(([v]) => v).sort() } : type;
  }
  return { ...schema };
}

function visitObject(obj: Record<string, unknown>, prefix: string, seen: Map<string, Seen>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const key of Object.keys(obj)) {
    if (key.includes(".") || key.length === 0) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    visitValue(obj[key], path, seen, depth);
  }
}

function visitValue(value: unknown, path: string, seen: Map<string, Seen>, depth: number): void {
  if (value === undefined) return;
  let s = seen.get(path);
  if (s === undefined) {
    s = { types: new Set(), array: false, strings: new Map(), count: 0 };
    seen.set(path, s);
  }
  if (Array.isArray(value)) {
    s.array = true;
    // Nested arrays count as levels too, as objects do: past MAX_DEPTH their elements are not
    // looked at (an array nested 10,000 deep would otherwise exhaust the stack).
    if (depth >= MAX_DEPTH) return;
    for (const element of value) visitValue(element, path, seen, depth + 1);
    return;
  }
  if (value === null) return;
  s.count++;
  if (typeof value === "string") {
    if (isIsoDate(value)) s.types.add("date");
    else {
      s.types.add("string");
      if (s.strings.size <= 64) s.strings.set(value, (s.strings.get(value) ?? 0) + 1);
    }
  } else if (typeof value === "number") s.types.add(Number.isInteger(value) ? "integer" : "number");
  else if (typeof value === "boolean") s.types.add("boolean");
  else if (value instanceof Date) s.types.add("date");
  else if (typeof value === "object") {
    s.types.add("object");
    visitObject(value as Record<string, unknown>, path, seen, depth + 1);
  }
}
