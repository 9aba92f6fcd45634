/**
 * Checks at the door of every public function. A wrong argument is a programming error, so it
 * throws a `TypeError` that names the function, the parameter and what it expects — instead of an
 * engine error from deep inside ("Cannot read properties of null"). Each check is a `typeof` or
 * two: none walks a query or a data set.
 */
import type { AstNode, QueryNode } from "./ast/nodes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
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
 * An array of diagnostics as `parse`, `check` and the targets make them: each an object with a
 * `severity`, a `code`, a `message` and a `span` of offsets, and where present a string `hint`
 * and `path` and a `fix` of edits. The first part that is wrong is named (`diagnostics[0].span`).
 */
export function expectDiagnostics(fn: string, param: string, value: unknown): asserts value is readonly Diagnostic[] {
  expectArray(fn, param, value, "an array of diagnostics");
  value.forEach((d: unknown, i) => {
    const at = `${param}[${i}]`;
    expectObject(fn, at, d, "a diagnostic (an object with `severity`, `code`, `message` and `span`)");
    const { severity, code, message, span, hint, path, fix } = d as Record<string, unknown>;
    if (severity !== "error" && severity !== "warning") throw argumentError(fn, `${at}.severity`, '"error" or "warning"', severity);
    expectString(fn, `${at}.code`, code);
    expectString(fn, `${at}.message`, message);
    expectRange(fn, `${at}.span`, span, "a span (`{ start, end }`, offsets into the text)");
    if (hint !== undefined) expectString(fn, `${at}.hint`, hint);
    if (path !== undefined) expectString(fn, `${at}.path`, path);
    if (fix === undefined) return;
    expectObject(fn, `${at}.fix`, fix, "a fix (`{ title, edits }`)");
    const { title, edits } = fix as Record<string, unknown>;
    expectString(fn, `${at}.fix.title`, title);
    expectArray(fn, `${at}.fix.edits`, edits, "an array of edits");
    edits.forEach((e: unknown, j) => {
      expectRange(fn, `${at}.fix.edits[${j}]`, e, "an edit (`{ start, end, text }`)");
      expectString(fn, `${at}.fix.edits[${j}].text`, (e as Record<string, unknown>)["text"]);
    });
  });
}

/** An object whose `start` and `end` are offsets, `start` ≤ `end`. */
function expectRange(fn: string, param: string, value: unknown, expected: string): void {
  const offset = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  const { start, end } = (value ?? {}) as Record<string, unknown>;
  if (value === null || typeof value !== "object" || !offset(start) || !offset(end) || start > end) throw argumentError(fn, param, expected, value);
}

/**
 * A whole-number argument: not a number is a TypeError, a number outside the whole numbers from
 * `min` to `max` a RangeError, each naming the function and the parameter. `Infinity` passes only
 * where `max` is `Infinity` (a limit that may be lifted).
 */
export function checkedWhole(fn: string, param: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const range = max === Number.MAX_SAFE_INTEGER ? `a whole number of ${min} or more` : max === Number.POSITIVE_INFINITY ? `a whole number of ${min} or more, or Infinity` : `a whole number from ${min} to ${max}`;
  if (typeof value !== "number") throw argumentError(fn, param, range, value);
  const whole = Number.isSafeInteger(value) || (value === Number.POSITIVE_INFINITY && max === Number.POSITIVE_INFINITY);
  if (!whole || value < min || value > max) {
    // A number past the largest whole number held exactly: the range says where it ends.
    const said = max === Number.MAX_SAFE_INTEGER && value > max ? `a whole number from ${min} to ${max}` : range;
    throw new RangeError(`${fn}: \`${param}\` must be ${said}, not ${value}`);
  }
  return value;
}

/**
 * The page size and 1-based page number a call asked for, checked as every paging target checks
 * them: not a number is a TypeError, a number that is no whole number from 1 a RangeError, each
 * naming the function and the option.
 */
export function checkedPaging(fn: string, pageSize: unknown, page: unknown = 1): { pageSize: number; page: number } {
  return { pageSize: checkedWhole(fn, "pageSize", pageSize, 1), page: checkedWhole(fn, "page", page, 1) };
}
