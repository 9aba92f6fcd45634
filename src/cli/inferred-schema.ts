/**
 * The schema the REPL and the playground infer from a person's own records when no --schema is
 * given. `inferSchema` names a small set of repeated strings an enum: that describes the records
 * read, not a rule of the data, so a query for a value they lack must run (as `filterql run`
 * without a schema runs it) and not be refused. The enums feed completion and the example query
 * only; the schema that checks queries is the same one without them.
 */
import { inferSchema } from "../check/infer-schema.js";
import { resolveSchema, type FieldDefinition, type ResolvedSchema, type Schema, type TypeName } from "../check/schema.js";

export interface InferredSchema {
  /** What the records hold, enums included: for completion, examples and `.schema`. */
  readonly described: ResolvedSchema;
  /** The same fields and types without the enums: what queries are checked against. */
  readonly checking: ResolvedSchema;
}

export function inferredSchema(records: readonly unknown[]): InferredSchema {
  // Every record, not the first thousand: a value missing from an enum is then missing from the data.
  const described = inferSchema(records, { sample: records.length });
  return { described: resolveSchema(described) as ResolvedSchema, checking: resolveSchema(withoutEnums(described)) as ResolvedSchema };
}

/** The schema with every `enum` left out; an entry left with only its type is written as the type name. */
export function withoutEnums(schema: Schema): Schema {
  const out: Record<string, TypeName | FieldDefinition> = Object.create(null) as Record<string, TypeName | FieldDefinition>;
  for (const [path, spec] of Object.entries(schema)) {
    if (typeof spec === "string") out[path] = spec;
    else if (spec.sortable === undefined) out[path] = spec.type;
    else out[path] = { type: spec.type, sortable: spec.sortable };
  }
  return { ...out };
}
