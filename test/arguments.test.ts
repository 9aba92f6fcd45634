import { describe, expect, test } from "vitest";
import * as filterql from "../src/index.js";
import { and, applyFixes, check, children, compile, Compiled, dispatch, FilterQLError, filter, formatDiagnostics, fromMixpeek, indexRecords, inferSchema, literal, or, parse, path, print, RecordIndex, resolveSchema, run, suggest, tokens, toMixpeek, toMixpeekRequest, toMongo, toSql, toSqlWhere, walk } from "../src/index.js";
import { caught } from "./support/caught.js";

// Wrong arguments on purpose: each call goes through `unknown` as a JavaScript caller's would.
const bad = <T>(value: unknown) => value as T;
const query = parse("a = 1").query!;
const compiled = compile("a = 1");

/** Every public function and method, called wrongly: the TypeError names the function, the parameter and what it expects. */
const misuses: readonly [string, () => unknown, string][] = [
  ["and", () => and(bad(null)), "and: `operands` must be an array of expression nodes, not null"],
  ["and", () => and([bad({ kind: "Nope" })]), "and: `operands` must be an AST node, not an object"],
  ["or", () => or(bad("a = 1")), 'or: `operands` must be an array of expression nodes, not the string "a = 1"'],
  ["or", () => or([query.filter!], bad(3)), "or: `span` must be a span, not number 3"],
  ["path", () => path(bad("a.b")), 'path: `segments` must be a non-empty array of strings, not the string "a.b"'],
  ["path", () => path([]), "path: `segments` must be a non-empty array of strings, not an array"],
  ["literal", () => literal(bad(undefined)), "literal: `value` must be a string, a finite number, a boolean or null, not undefined"],
  ["literal", () => literal(Number.NaN), "literal: `value` must be a string, a finite number, a boolean or null, not number NaN"],
  ["children", () => children(bad(null)), "children: `node` must be an AST node, not null"],
  ["walk", () => walk(query, bad(undefined)), "walk: `visit` must be a function, not undefined"],
  ["walk", () => walk(bad({}), () => undefined), "walk: `root` must be an AST node, not an object"],
  ["dispatch", () => dispatch(bad(null), query), "dispatch: `visitor` must be a visitor, not null"],
  ["dispatch", () => dispatch(bad({}), query), "dispatch: `visitor` must be a visitor with a handler for `Query`, not an object"],
  ["FilterQLError", () => new FilterQLError(bad("oops")), 'new FilterQLError: `diagnostics` must be an array of diagnostics, not the string "oops"'],
  ["formatDiagnostics", () => formatDiagnostics(bad(null), []), "formatDiagnostics: `text` must be a string, not null"],
  ["formatDiagnostics", () => formatDiagnostics("a", bad(undefined)), "formatDiagnostics: `diagnostics` must be an array of diagnostics, not undefined"],
  ["formatDiagnostics", () => formatDiagnostics("a", bad([{}])), 'formatDiagnostics: `diagnostics[0].severity` must be "error" or "warning", not undefined'],
  ["formatDiagnostics", () => formatDiagnostics("a", bad([null])), "formatDiagnostics: `diagnostics[0]` must be a diagnostic (an object with `severity`, `code`, `message` and `span`), not null"],
  ["formatDiagnostics", () => formatDiagnostics("a", bad([{ severity: "error", code: "syntax", message: "m", span: { start: 1 } }])), "formatDiagnostics: `diagnostics[0].span` must be a span (`{ start, end }`, offsets into the text), not an object"],
  ["formatDiagnostics", () => formatDiagnostics("a", bad([{ severity: "warning", code: "syntax", message: 3, span: { start: 0, end: 0 } }])), "formatDiagnostics: `diagnostics[0].message` must be a string, not number 3"],
  ["parse", () => parse(bad(undefined)), "parse: `text` must be a string, not undefined"],
  ["parse", () => parse("a = 1", bad(64)), "parse: `options` must be an options object, not number 64"],
  ["parse", () => parse("a = 1", { schema: bad("x") }), 'parse: `options.schema` must be a schema object, not the string "x"'],
  ["parse", () => parse("a = 1", { maxDepth: bad("x") }), 'parse: `options.maxDepth` must be a whole number from 0 to 500, not the string "x"'],
  ["parse", () => parse("a = 1", { maxLength: bad("x") }), 'parse: `options.maxLength` must be a whole number of 0 or more, or Infinity, not the string "x"'],
  ["applyFixes", () => applyFixes(bad(undefined), []), "applyFixes: `text` must be a string, not undefined"],
  ["applyFixes", () => applyFixes("a", bad(null)), "applyFixes: `diagnostics` must be an array of diagnostics, not null"],
  ["applyFixes", () => applyFixes("a", bad([{ severity: "error", code: "syntax", message: "m", span: { start: 0, end: 1 }, fix: { title: "t", edits: [{ start: 0, end: 1 }] } }])), "applyFixes: `diagnostics[0].fix.edits[0].text` must be a string, not undefined"],
  ["print", () => print(bad(null)), "print: `node` must be an AST node, not null"],
  ["check", () => check(bad("a = 1")), 'check: `query` must be a Query, not the string "a = 1"'],
  ["check", () => check(query, bad(null)), "check: `options` must be an options object, not null"],
  ["check", () => check(query, { schema: bad("schema.json") }), 'check: `options.schema` must be a schema object, not the string "schema.json"'],
  ["inferSchema", () => inferSchema(bad(null)), "inferSchema: `records` must be an iterable, not null"],
  ["resolveSchema", () => resolveSchema(bad(null)), "resolveSchema: `schema` must be a schema object, not null"],
  ["compile", () => compile(bad(42)), "compile: `textOrQuery` must be query text or a Query, not number 42"],
  ["compile", () => compile("a = 1", { dialect: bad("v3") }), 'compile: `options.dialect` must be "v1" or "v2", not the string "v3"'],
  ["compile", () => compile("a = 1", { schema: bad(null) }), "compile: `options.schema` must be a schema object, not null"],
  ["compile", () => compile("a = 1", { maxPredicates: bad(null) }), "compile: `options.maxPredicates` must be a whole number of 0 or more, or Infinity, not null"],
  ["filter", () => filter(bad<unknown[]>(null), "a = 1"), "filter: `records` must be an array, a RecordIndex or an iterable, not null"],
  ["filter", () => filter([], bad(undefined)), "filter: `textOrQuery` must be query text or a Query, not undefined"],
  ["run", () => run(bad<unknown[]>({ length: 1 }), "a = 1"), "run: `records` must be an array of records or a RecordIndex, not an object"],
  ["run", () => run([], "a = 1", bad(false)), "run: `options` must be an options object, not boolean false"],
  ["Compiled", () => new Compiled(bad(undefined), [], {}, undefined), "new Compiled: `query` must be a Query, not undefined"],
  ["Compiled.filter", () => compiled.filter(bad<unknown[]>(7)), "Compiled.filter: `records` must be an array, a RecordIndex or an iterable, not number 7"],
  ["Compiled.run", () => compiled.run(bad<unknown[]>("records")), 'Compiled.run: `records` must be an array of records or a RecordIndex, not the string "records"'],
  ["Compiled.sort", () => compiled.sort(bad<unknown[]>(undefined)), "Compiled.sort: `records` must be an array of records or a RecordIndex, not undefined"],
  ["Compiled.toMixpeek", () => compiled.toMixpeek({ collections: bad("c") }), 'Compiled.toMixpeek: `options.collections` must be an array of strings, not the string "c"'],
  ["Compiled.toMixpeekRequest", () => compiled.toMixpeekRequest(bad(1)), "Compiled.toMixpeekRequest: `options` must be an options object, not number 1"],
  ["indexRecords", () => indexRecords(bad<unknown[]>(undefined)), "indexRecords: `records` must be an iterable, not undefined"],
  ["RecordIndex", () => new RecordIndex(bad<unknown[]>(5)), "new RecordIndex: `records` must be an iterable, not number 5"],
  ["toMixpeek", () => toMixpeek(bad(undefined)), "toMixpeek: `query` must be a Query, not undefined"],
  ["toMixpeek", () => toMixpeek(query, { now: bad("2024-01-01") }), 'toMixpeek: `options.now` must be a valid Date, not the string "2024-01-01"'],
  ["toMixpeek", () => toMixpeek(query, { caseSensitive: bad("yes") }), 'toMixpeek: `options.caseSensitive` must be a boolean, not the string "yes"'],
  ["fromMixpeek", () => fromMixpeek({}, bad("v2")), 'fromMixpeek: `options` must be an options object, not the string "v2"'],
  ["fromMixpeek", () => fromMixpeek({}, { dialect: bad("v9") }), 'fromMixpeek: `options.dialect` must be "v1" or "v2", not the string "v9"'],
  ["fromMixpeek", () => fromMixpeek({}, { maxListItems: bad("10") }), 'fromMixpeek: `options.maxListItems` must be a whole number of 0 or more, or Infinity, not the string "10"'],
  ["toMixpeekRequest", () => toMixpeekRequest(bad(null)), "toMixpeekRequest: `query` must be a Query, not null"],
  ["toSql", () => toSql(bad(undefined), { table: "t", document: "doc" }), "toSql: `query` must be a Query, not undefined"],
  ["toSql", () => toSql(query, bad(undefined)), "toSql: `options` must be an options object, not undefined"],
  ["toSql", () => toSql(query, { table: "t", document: "doc", now: bad(0) }), "toSql: `options.now` must be a valid Date, not number 0"],
  ["toSqlWhere", () => toSqlWhere(bad("a = 1"), { document: "doc" }), 'toSqlWhere: `query` must be a Query, not the string "a = 1"'],
  ["toSqlWhere", () => toSqlWhere(query, bad([])), "toSqlWhere: `options` must be an options object, not an array"],
  ["Compiled.toSql", () => compiled.toSql(bad(null)), "Compiled.toSql: `options` must be an options object, not null"],
  ["Compiled.toSqlWhere", () => compiled.toSqlWhere({ document: "doc", schema: bad(1) }), "Compiled.toSqlWhere: `options.schema` must be a schema object, not number 1"],
  ["toMongo", () => toMongo(bad(null)), "toMongo: `query` must be a Query, not null"],
  ["toMongo", () => toMongo(query, { caseSensitive: bad(0) }), "toMongo: `options.caseSensitive` must be a boolean, not number 0"],
  ["Compiled.toMongo", () => compiled.toMongo(bad("page 2")), 'Compiled.toMongo: `options` must be an options object, not the string "page 2"'],
  ["suggest", () => suggest(bad(null), 0), "suggest: `text` must be a string, not null"],
  ["suggest", () => suggest("a", bad("1")), 'suggest: `offset` must be a number, not the string "1"'],
  ["suggest", () => suggest("a", 1, { schema: bad([]) }), "suggest: `options.schema` must be a schema object, not an array"],
  ["tokens", () => tokens(bad(undefined)), "tokens: `text` must be a string, not undefined"],
];

describe("every public function checks its arguments at the door", () => {
  test.each(misuses)("%s: %s", (_, call, message) => {
    const thrown = caught(call);
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as TypeError).message).toBe(message);
  });

  test("every exported function and class has a misuse above", () => {
    const data = new Set(["childKeys", "DEFAULT_LIMITS"]);
    const covered = new Set(misuses.map(([name]) => name.split(".")[0]));
    const exported = Object.keys(filterql).filter((name) => !data.has(name));
    expect(exported.filter((name) => !covered.has(name))).toEqual([]);
  });

  // A limit that is a number but not one the parser can keep: a RangeError naming the option and the range.
  test.each([
    ["parse", () => parse("a = 1", { maxDepth: Number.POSITIVE_INFINITY }), "parse: `options.maxDepth` must be a whole number from 0 to 500, not Infinity"],
    ["parse", () => parse("a = 1", { maxDepth: 501 }), "parse: `options.maxDepth` must be a whole number from 0 to 500, not 501"],
    ["parse", () => parse("a = 1", { maxDepth: -1 }), "parse: `options.maxDepth` must be a whole number from 0 to 500, not -1"],
    ["parse", () => parse("a = 1", { maxLength: Number.NaN }), "parse: `options.maxLength` must be a whole number of 0 or more, or Infinity, not NaN"],
    ["parse", () => parse("a = 1", { maxPredicates: 2.5 }), "parse: `options.maxPredicates` must be a whole number of 0 or more, or Infinity, not 2.5"],
    ["compile", () => compile("a = 1", { maxDepth: 1e6 }), "compile: `options.maxDepth` must be a whole number from 0 to 500, not 1000000"],
    ["fromMixpeek", () => fromMixpeek({}, { maxDepth: Number.NEGATIVE_INFINITY }), "fromMixpeek: `options.maxDepth` must be a whole number from 0 to 500, not -Infinity"],
    ["run", () => run([], "a = 1", { pageSize: 1e20 }), "Compiled.run: `pageSize` must be a whole number from 1 to 9007199254740991, not 100000000000000000000"],
    ["toMongo", () => toMongo(query, { page: 2 ** 53 }), "toMongo: `page` must be a whole number from 1 to 9007199254740991, not 9007199254740992"],
  ])("%s: %s", (_, call, message) => {
    expect(call).toThrow(new RangeError(message));
  });

  test("right arguments still work, including the lenient ones", () => {
    expect(parse("a = 1", undefined).query).toBeDefined();
    expect(parse("a = 1", { maxDepth: 500, maxLength: Number.POSITIVE_INFINITY, maxPredicates: Number.POSITIVE_INFINITY, maxListItems: 0 }).query).toBeDefined();
    expect(parse("a = 1", { maxDepth: undefined as unknown as number }).query).toBeDefined();
    // An offset past the end is the end.
    expect(suggest("a = ", 99)).toEqual(suggest("a = ", 4));
    expect(suggest("a = ", 99).items.length).toBeGreaterThan(0);
    expect(resolveSchema(undefined)).toBeUndefined();
    expect(filter(indexRecords([{ a: 1 }, { a: 2 }]), "a = 1")).toEqual([{ a: 1 }]);
    expect([...filter(new Set([{ a: 1 }]), "a = 1")]).toEqual([{ a: 1 }]);
    expect(and([query.filter!, query.filter!]).kind).toBe("And");
    expect(print(path(["order"]))).toBe("`order`");
    expect(compiled.test(null)).toBe(false);
  });
});
