/**
 * The REPL's "Try:" line, built from what is loaded: a real field compared with a value that
 * occurs in the data (an enum value when the schema has one), ordered by a numeric field. Built
 * as an AST and printed, so odd field names come out quoted as the language needs.
 */
import type { CompareNode, ExprNode, OrderKeyNode, QueryNode, Scalar } from "../ast/nodes.js";
import { literal, path, queryNode } from "../ast/build.js";
import type { FieldInfo, ResolvedSchema } from "../check/schema.js";
import { NO_SPAN } from "../diagnostics/diagnostic.js";
import { print } from "../emit/print.js";
import { displayValue } from "../engine/path.js";

/** Records looked at for a value; the first ones are enough. */
const SAMPLE = 50;

export function exampleQuery(schema: ResolvedSchema, records: readonly unknown[]): string | undefined {
  const fields = schema.entries().filter((f) => !f.array && f.path.split(".").every(writable));
  const filter = pick(fields, (f) => f.enum !== undefined && f.base === "string", records) ?? pick(fields, (f) => f.base === "string", records) ?? pick(fields, (f) => f.base === "boolean", records) ?? pick(fields, (f) => f.base === "integer" || f.base === "number", records);
  const sortBy = fields.find((f) => f.sortable && f.base === "number" && f !== filter?.field) ?? fields.find((f) => f.sortable && (f.base === "integer" || f.base === "date") && f !== filter?.field);
  if (filter === undefined && sortBy === undefined) return undefined;
  const orderBy: OrderKeyNode[] = sortBy === undefined ? [] : [{ kind: "OrderKey", span: NO_SPAN, field: path(sortBy.path.split(".")), direction: "desc" }];
  const query: QueryNode = queryNode({ filter: filter?.node, orderBy });
  return print(query);
}

/** A segment the language can write (back-quoted when need be): not empty, no back-quote, no control character. */
function writable(segment: string): boolean {
  return /^[^`\p{C}]+$/u.test(segment);
}

/** The first field passing `wanted` with a usable value in the data, as `field = value` (`>=` for numbers). */
function pick(fields: readonly FieldInfo[], wanted: (f: FieldInfo) => boolean, records: readonly unknown[]): { field: FieldInfo; node: ExprNode } | undefined {
  for (const field of fields) {
    if (!wanted(field)) continue;
    const value = valueIn(field, records);
    if (value === undefined) continue;
    const node: CompareNode = { kind: "Compare", span: NO_SPAN, op: typeof value === "number" ? "gte" : "eq", field: path(field.path.split(".")), value: literal(value) };
    return { field, node };
  }
  return undefined;
}

/** A value of the field as the data holds it: short, one line, of the field's type (and in its enum). */
function valueIn(field: FieldInfo, records: readonly unknown[]): Scalar | undefined {
  const segments = field.path.split(".");
  for (const record of records.slice(0, SAMPLE)) {
    const v = displayValue(record, segments);
    const fits =
      (typeof v === "string" && field.base === "string" && v.length > 0 && v.length <= 24 && /^[^\p{C}"\\]+$/u.test(v)) ||
      (typeof v === "boolean" && field.base === "boolean") ||
      (typeof v === "number" && Number.isFinite(v) && (field.base === "number" || field.base === "integer"));
    if (fits && (field.enum === undefined || field.enum.includes(v as Scalar))) return v as Scalar;
  }
  return undefined;
}
