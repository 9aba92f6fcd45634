import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { deepJsonText, jsonText } from "../../src/cli/json-text.js";
import { renderTable } from "../../src/cli/table.js";
import { cli } from "../support/cli.js";

describe("jsonText: JSON.stringify at any depth", () => {
  test("the explicit-stack writer writes what JSON.stringify writes, flat and indented", () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3, withDate: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: false }));
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (v, indent) => {
        let expected: string | undefined;
        try {
          expected = JSON.stringify(v, null, indent);
        } catch {
          return; // a bigint: both throw
        }
        expect(deepJsonText(v, indent)).toBe(expected ?? "null");
      }),
      { numRuns: 2000 },
    );
  });

  test("a value nested 100,000 levels deep, where JSON.stringify overflows", () => {
    let v: unknown = { d: new Date(0), u: undefined, n: NaN };
    for (let i = 0; i < 100_000; i++) v = i % 2 === 0 ? [v, undefined] : { x: v };
    expect(() => JSON.stringify(v)).toThrow(RangeError);
    const text = jsonText(v);
    expect(text.startsWith('{"x":[{"x":[')).toBe(true);
    expect(text).toContain('{"d":"1970-01-01T00:00:00.000Z","n":null}');
    expect(text.endsWith(",null]}")).toBe(true);
    expect(JSON.parse(text)).toBeTruthy();
  });

  test("a value that contains itself is a TypeError, as with JSON.stringify", () => {
    const a: unknown[] = [];
    a.push(a);
    expect(() => deepJsonText(a, 0)).toThrow(TypeError);
  });

  test("a table cell of such a value is cut to the column", () => {
    const deep = JSON.parse(`{"a":${"[".repeat(20_000)}1${"]".repeat(20_000)}}`) as unknown;
    expect(renderTable([deep], [["a"]])).toContain("[[[[");
  });
});

describe("the CLI over records nested 10,000 levels deep", () => {
  const dir = mkdtempSync(join(tmpdir(), "filterql-deep-"));
  const data = join(dir, "deep.ndjson");
  writeFileSync(data, `{"id":1,"a":${"[".repeat(10_000)}1${"]".repeat(10_000)}}\n{"id":2,"a":[[2]]}\n`);

  test("filterql run 'order by a' writes the sorted page", () => {
    const r = cli(["run", "order by a select id", "--data", data]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { results: unknown[] }).results).toEqual([{ id: 2 }, { id: 1 }]);
    const whole = cli(["run", "order by a desc", "--data", data, "--format", "ndjson"]);
    expect(whole.status).toBe(0);
    expect(whole.stdout.split("\n").map((l) => l.slice(0, 12))).toEqual(['{"id":1,"a":', '{"id":2,"a":', ""]);
  });

  test("filterql run 'select a' writes the deep value (ndjson: the indented page would be 100 MB of spaces)", () => {
    const r = cli(["run", "select a", "--data", data, "--format", "ndjson"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`{"a":${"[".repeat(10_000)}1${"]".repeat(10_000)}}\n{"a":[[2]]}\n`);
  });

  test("filterql repl starts on them (the schema is inferred) and shows them in its table", () => {
    const r = cli(["repl", "--data", data], "order by a\n");
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stdout).toContain("2 records");
    expect(r.stdout).toContain("[[2]]");
    expect(r.stdout).toContain("[[[[[[");
  });
});
