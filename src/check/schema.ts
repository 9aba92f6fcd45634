/**
 * The schema (SPEC §5): a plain object from dot path to a type name, or to
 * `{ type, enum?, sortable? }`. Without a schema every field is `any`.
 */
import { NO_SPAN } from "../diagnostics/diagnostic.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Scalar } from "../ast/nodes.js";
import { argumentError } from "../arguments.js";

export type BaseType = "string" | "number" | "integer" | "boolean" | "date" | "object" | "any";
export type TypeName = BaseType | `${BaseType}[]`;

export interface FieldDefinition {
  readonly type: TypeName;
  readonly enum?: readonly Scalar[];
  readonly sortable?: boolean;
}

export type Schema = { readonly [path: string]: TypeName | FieldDefinition };

/** A schema entry after validation: what the checker and the engine read. */
export interface FieldInfo {
  readonly path: string;
  readonly base: BaseType;
  readonly array: boolean;
  readonly enum?: readonly Scalar[];
  readonly sortable: boolean;
  /** True when the field is not in the schema but below an `object`/`any` field (or no schema). */
  readonly open: boolean;
}

const BASE_TYPES: ReadonlySet<string> = new Set(["string", "number", "integer", "boolean", "date", "object", "any"]);

export const ANY_FIELD: FieldInfo = { path: "", base: "any", array: false, sortable: true, open: true };

export class ResolvedSchema {
  private readonly fields = new Map<string, FieldInfo>();
  /** Paths that are prefixes of declared paths: implicit objects (`metadata` for `metadata.tags`). */
  private readonly parents = new Set<string>();

  constructor(readonly source: Schema) {
    const errors: Diagnostic[] = [];
    for (const path of Object.keys(source)) {
      const spec = source[path];
      const def: FieldDefinition | undefined = typeof spec === "string" ? { type: spec } : spec !== null && typeof spec === "object" ? spec : undefined;
      const where = `/${escapePointer(path)}`;
      const unwritable = unwritablePath(path);
      if (unwritable !== undefined) {
        errors.push(schemaError(unwritable, where, "a path is names joined by `.`; a name may be anything but empty or hold a back quote or a line break"));
        continue;
      }
      if (def === undefined || typeof def.type !== "string") {
        errors.push(schemaError(`the schema entry for \`${path}\` must be a type name or { type, enum?, sortable? }`, where));
        continue;
      }
      const array = def.type.endsWith("[]");
      const base = array ? def.type.slice(0, -2) : def.type;
      if (!BASE_TYPES.has(base)) {
        errors.push(schemaError(`unknown type \`${def.type}\` for \`${path}\``, `${where}${typeof spec === "string" ? "" : "/type"}`, "types: string, number, integer, boolean, date, object, any, and arrays such as string[]"));
        continue;
      }
      if (def.enum !== undefined && !Array.isArray(def.enum)) {
        errors.push(schemaError(`\`enum\` of \`${path}\` must be a list`, `${where}/enum`));
        continue;
      }
      if (def.sortable !== undefined && typeof def.sortable !== "boolean") {
        errors.push(schemaError(`\`sortable\` of \`${path}\` must be true or false`, `${where}/sortable`));
        continue;
      }
      const wrongValue = def.enum?.findIndex((v: unknown) => !enumValueFits(base as BaseType, v)) ?? -1;
      if (wrongValue >= 0) {
        errors.push(schemaError(enumMismatch(path, def.type, (def.enum as readonly unknown[])[wrongValue]), `${where}/enum/${wrongValue}`));
        continue;
      }
      const info: FieldInfo = { path, base: base as BaseType, array, sortable: def.sortable ?? true, open: false, ...(def.enum === undefined ? {} : { enum: def.enum }) };
      this.fields.set(path, info);
      const segments = path.split(".");
      for (let i = 1; i < segments.length; i++) this.parents.add(segments.slice(0, i).join("."));
    }
    for (const path of this.fields.keys()) {
      const parent = this.scalarParent(path);
      if (parent !== undefined) errors.push(schemaError(`\`${path}\` is below \`${parent.path}\`, which is ${article(typeName(parent))} and has no fields`, `/${escapePointer(path)}`, `declare \`${parent.path}\` as "object" (or "object[]") to give it fields`));
    }
    if (errors.length > 0) throw new FilterQLError(errors);
  }

  /** The declared field above `path` that holds scalars, which cannot have fields below it. */
  private scalarParent(path: string): FieldInfo | undefined {
    const segments = path.split(".");
    for (let i = segments.length - 1; i > 0; i--) {
      const parent = this.fields.get(segments.slice(0, i).join("."));
      if (parent !== undefined && parent.base !== "object" && parent.base !== "any") return parent;
    }
    return undefined;
  }

  /** The field at a dot path, or undefined when the schema does not know it. */
  lookup(segments: readonly string[]): FieldInfo | undefined {
    const path = segments.join(".");
    const exact = this.fields.get(path);
    if (exact !== undefined) return exact;
    if (this.parents.has(path)) return { path, base: "object", array: false, sortable: true, open: false };
    const element = this.positionLookup(segments);
    if (element !== undefined) return element;
    // Below an `any` field, or an `object` field whose sub-fields the schema does not declare,
    // any sub-path is allowed and untyped. An object with declared sub-fields is closed.
    for (let i = segments.length - 1; i > 0; i--) {
      const parentPath = segments.slice(0, i).join(".");
      const parent = this.fields.get(parentPath);
      if (parent === undefined) continue;
      const open = parent.base === "any" || (parent.base === "object" && !this.parents.has(parentPath));
      return open ? { ...ANY_FIELD, path } : undefined;
    }
    return undefined;
  }

  /** Whether the field at a dot path is declared `date`: its values compare as instants (SPEC §4). */
  isDate(segments: readonly string[]): boolean {
    return this.lookup(segments)?.base === "date";
  }

  /**
   * A position step into an array field (SPEC §4): `tags.0` is an element of `tags`,
   * `items.0.price` is `items.price`.
   */
  private positionLookup(segments: readonly string[]): FieldInfo | undefined {
    const kept: string[] = [];
    let dropped = false;
    let last = false;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      if (i > 0 && /^\d+$/.test(segment) && this.fields.get(kept.join("."))?.array === true) {
        dropped = true;
        last = i === segments.length - 1;
        continue;
      }
      kept.push(segment);
    }
    if (!dropped) return undefined;
    const info = this.lookup(kept);
    return info !== undefined && last ? { ...info, path: segments.join("."), array: false } : info;
  }

  get paths(): string[] {
    return [...this.fields.keys()];
  }

  entries(): FieldInfo[] {
    return [...this.fields.values()];
  }
}

const cache = new WeakMap<object, ResolvedSchema>();

/** Validates and indexes a schema once per schema object. Throws `FilterQLError` on a bad schema. */
export function resolveSchema(schema: Schema | ResolvedSchema | undefined): ResolvedSchema | undefined {
  if (schema === undefined || schema instanceof ResolvedSchema) return schema;
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) {
    throw argumentError("resolveSchema", "schema", "a schema object", schema);
  }
  let resolved = cache.get(schema);
  if (resolved === undefined) {
    resolved = new ResolvedSchema(schema);
    cache.set(schema, resolved);
  }
  return resolved;
}

/**
 * Whether a query can write `name` as one path segment: back-quoted, any name but an empty one
 * or one holding a `.` (a step), a back quote or a line break (the lexer's BackQuoted token).
 */
export function isWritableName(name: string): boolean {
  return name !== "" && !/[.`\r\n]/.test(name);
}

/** Why no query could name `path` (a segment empty, or holding a back quote or a line break), or undefined. */
function unwritablePath(path: string): string | undefined {
  if (path === "") return "the schema has an empty path, which no query can name";
  const segments = path.split(".");
  if (segments.some((s) => s === "")) return `the schema path \`${path}\` has an empty name, which no query can write`;
  if (!segments.every(isWritableName)) return `the schema path ${JSON.stringify(path)} has a name with a back quote or a line break, which no query can write`;
  return undefined;
}

/** Whether an enum value is one the field's type holds (`any` holds every scalar; an object none). */
function enumValueFits(base: BaseType, value: unknown): boolean {
  switch (base) {
    case "string":
    case "date":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isSafeInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "any":
      return value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
    case "object":
      return false;
  }
}

function enumMismatch(path: string, type: string, value: unknown): string {
  const shown = typeof value === "string" ? JSON.stringify(value) : value === null || typeof value !== "object" ? String(value) : Array.isArray(value) ? "a list" : "an object";
  if (type.startsWith("object")) return `\`enum\` of \`${path}\` lists ${shown}, but an object's values cannot be listed`;
  return `\`enum\` of \`${path}\` lists ${shown}, which ${article(type)} field never holds`;
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

function schemaError(message: string, path: string, hint?: string): Diagnostic {
  const d: Diagnostic = { severity: "error", code: "invalid-value", message, span: { ...NO_SPAN, line: 1, column: 1 }, path };
  return hint === undefined ? d : { ...d, hint };
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function typeName(info: FieldInfo): string {
  return `${info.base}${info.array ? "[]" : ""}`;
}
