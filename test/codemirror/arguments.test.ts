import type { EditorView } from "@codemirror/view";
import { describe, expect, test } from "vitest";
import * as codemirror from "../../src/codemirror/index.js";
import { filterql, setSchema } from "../../src/codemirror/index.js";
import { check, FilterQLError, parse, type Schema } from "../../src/index.js";

const bad = <T>(value: unknown) => value as T;

const misuses: readonly [string, () => unknown, string][] = [
  ["filterql", () => filterql(bad("status")), 'filterql: `options` must be an options object, not the string "status"'],
  ["filterql", () => filterql({ schema: bad(5) }), "filterql: `options.schema` must be a schema object, not number 5"],
  ["filterql", () => filterql({ values: bad(["a"]) }), "filterql: `options.values` must be a function, not an array"],
  ["filterql", () => filterql({ onSubmit: bad("go") }), 'filterql: `options.onSubmit` must be a function, not the string "go"'],
  ["setSchema", () => setSchema(bad<EditorView>(null), {}), "setSchema: `view` must be an EditorView, not null"],
  ["setSchema", () => setSchema(bad<EditorView>({ dispatch: () => undefined }), bad("schema.json")), 'setSchema: `schema` must be a schema object, not the string "schema.json"'],
];

describe("filterql/codemirror checks its arguments at the door", () => {
  test.each(misuses)("%s: %s", (_, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  test("a malformed schema throws the FilterQLError check throws, from filterql() and from setSchema", () => {
    const malformed = bad<Schema>({ agee: "strng" });
    let expected: unknown;
    try {
      check(parse("agee > 3").query!, { schema: malformed });
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(FilterQLError);
    const message = (expected as Error).message;
    expect(() => filterql({ schema: malformed })).toThrow(FilterQLError);
    expect(() => filterql({ schema: malformed })).toThrow(message);
    let dispatched = 0;
    const view = bad<EditorView>({ dispatch: () => dispatched++ });
    expect(() => setSchema(view, malformed)).toThrow(FilterQLError);
    expect(() => setSchema(view, malformed)).toThrow(message);
    expect(dispatched).toBe(0);
    setSchema(view, { age: "integer" });
    expect(dispatched).toBe(1);
  });

  test("every exported function has a misuse above", () => {
    const data = new Set(["setSchemaEffect"]);
    const covered = new Set(misuses.map(([name]) => name));
    expect(Object.keys(codemirror).filter((name) => !data.has(name) && !covered.has(name))).toEqual([]);
  });
});
