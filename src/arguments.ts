/**
 * Checks at the door of every public function. A wrong argument is a programming error, so it
 * throws a `TypeError` that names the function, the parameter and what it expects — instead of an
 * engine error from deep inside ("Cannot read properties of null"). Each check is a `typeof` or
 * two: none walks a query or a data set.
 */
import type { AstNode, QueryNode } from "./ast/nodes.js";
import { childKeys } from "./ast/visit.js";

export function argumentError(fn: string, param: string, expected: string, got: unknown): TypeError {
  return new TypeError(`${fn}: \`${param}\` must be ${expected}, not ${describe(got)}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      return value.length > 20 ? "a string" : `the string ${JSON.stringify(value)}`;
    case "number":
    case "bigint":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return "an object";
  }
}

export function expectString(fn: string, param: string, value: unknown): asserts value is string {
  if (typeof value !== "string") throw argumentError(fn, param, "a string", value);
}

export function expectNumber(fn: string, param: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || Number.isNaN(value)) throw argumentError(fn, param, "a number", value);
}

export function expectFunction(fn: string, param: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== "function") throw argumentError(fn, param, "a function", value);
}

export function expectArray(fn: string, param: string, value: unknown, of = "an array"): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw argumentError(fn, param, of, value);
}

/** An options object: absent, or a plain object (not null, not an array). */
export function expectOptions(fn: string, param: string, value: unknown): void {
  if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value))) throw argumentError(fn, param, "an options object", value);
}

/** `options.schema`: absent, or an object (its entries are checked by `resolveSchema`, with diagnostics). */
export function expectSchemaOption(fn: string, options: { readonly schema?: unknown } | undefined): void {
  const schema = options?.schema;
  if (schema !== undefined && (schema === null || typeof schema !== "object" || Array.isArray(schema))) throw argumentError(fn, "options.schema", "a schema object", schema);
}

/** The options every target shares: `now` a valid Date, `caseSensitive` a boolean (each may be left out). */
export function expectClockAndCase(fn: string, options: { readonly now?: unknown; readonly caseSensitive?: unknown } | undefined): void {
  const now = options?.now;
  if (now !== undefined && !(now instanceof Date && !Number.isNaN(now.getTime()))) throw argumentError(fn, "options.now", "a valid Date", now);
  const caseSensitive = options?.caseSensitive;
  if (caseSensitive !== undefined && typeof caseSensitive !== "boolean") throw argumentError(fn, "options.caseSensitive", "a boolean", caseSensitive);
}

/** An object: what a visitor table or a record must at least be. */
export function expectObject(fn: string, param: string, value: unknown, expected = "an object"): void {
  if (value === null || typeof value !== "object") throw argumentError(fn, param, expected, value);
}

export function expectNode(fn: string, param: string, value: unknown): asserts value is AstNode {
  if (value === null || typeof value !== "object" || !Object.hasOwn(childKeys, (value as { kind?: unknown }).kind as string)) {
    throw argumentError(fn, param, "an AST node", value);
  }
}

const QUERY = "a Query";

export function expectQuery(fn: string, param: string, value: unknown): asserts value is QueryNode {
  if (value === null || typeof value !== "object" || (value as { kind?: unknown }).kind !== "Query") throw argumentError(fn, param, QUERY, value);
}

export function expectTextOrQuery(fn: string, param: string, value: unknown): asserts value is string | QueryNode {
  if (typeof value !== "string" && (value === null || typeof value !== "object" || (value as { kind?: unknown }).kind !== "Query")) {
    throw argumentError(fn, param, `query text or ${QUERY}`, value);
  }
}

/** Something `for … of` can read (a string is refused: it would be read as characters). */
export function expectIterable(fn: string, param: string, value: unknown, expected = "an iterable"): asserts value is Iterable<unknown> {
  if (value === null || typeof value !== "object" || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") throw argumentError(fn, param, expected, value);
}

/**
 * The page size and 1-based page number a call asked for, checked as every paging target checks
 * them: not a number is a TypeError, a number that is no whole number from 1 a RangeError, each
 * naming the function and the option.
 */
export function checkedPaging(fn: string, pageSize: unknown, page: unknown = 1): { pageSize: number; page: number } {
  const whole = (name: string, value: unknown): number => {
    if (typeof value !== "number") throw argumentError(fn, name, "a whole number of 1 or more", value);
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${fn}: \`${name}\` must be a whole number of 1 or more, not ${value}`);
    return value;
  };
  return { pageSize: whole("pageSize", pageSize), page: whole("page", page) };
}
