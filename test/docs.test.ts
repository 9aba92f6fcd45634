import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { diagnosticsDoc, mixpeekDoc, schema } from "../scripts/docs-source.js";
import { check } from "../src/check/check.js";
import { compile } from "../src/compile.js";
import { parse } from "../src/syntax/parse.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (p: string) => readFileSync(join(root, p), "utf8");
/** A table cell's text: `\|` stands for `|`. */
const unpipe = (cell: string) => cell.replace(/\\\|/g, "|");

describe("docs stay true", () => {
  test("docs/diagnostics.md is the library's current output (run `npm run docs`)", () => {
    expect(read("docs/diagnostics.md")).toBe(diagnosticsDoc());
  });
  test("an example of docs/diagnostics.md shown with no diagnostics has none from parse or check", () => {
    const examples = [...read("docs/diagnostics.md").matchAll(/^Query( \(with schema\))?: `([^`]+)`\n\n```text\n([\s\S]*?)\n```/gm)];
    expect(examples.length).toBeGreaterThan(20);
    const quiet = examples.filter((m) => m[3] === "(no diagnostics)" && !(m[2] as string).endsWith("…"));
    for (const [, withSchema, query] of quiet) {
      const options = withSchema === undefined ? {} : { schema };
      const parsed = parse(query as string, options);
      expect([...parsed.diagnostics, ...(parsed.query === undefined ? [] : check(parsed.query, options))], query).toEqual([]);
    }
    expect(read("docs/diagnostics.md")).toContain("Query: `id = 12345678901234567890`\n\n```text\nwarning[invalid-value]: the number `12345678901234567890` cannot be held exactly");
  });
  test("docs/mixpeek.md is the library's current output (run `npm run docs`)", () => {
    expect(read("docs/mixpeek.md")).toBe(mixpeekDoc());
  });
  test.each(["docs/language.md", "README.md"])("every filterql example in %s parses", (file) => {
    const examples = [...read(file).matchAll(/```filterql\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(parse(example).diagnostics, example).toEqual([]);
  });
  test("every row of docs/mongodb.md's operator table is toMongo's filter", () => {
    const rows = [...read("docs/mongodb.md").matchAll(/^\| `([^`]+)` \| `(\{[^`]*\})` \|$/gm)].map((m) => [unpipe(m[1] as string), unpipe(m[2] as string)] as const);
    expect(rows.length).toBeGreaterThan(20);
    for (const [query, filter] of rows) expect(compile(query).toMongo({ now: new Date("2024-05-08T00:00:00Z") }).filter, query).toEqual(JSON.parse(filter));
  });
  test("every refusal listed in docs/mongodb.md is refused", () => {
    const section = read("docs/mongodb.md").split("## Refused, and why")[1]?.split("##")[0] ?? "";
    // The first code span of each row (`` `…` `` when the query holds a back-quote).
    const queries = [...section.matchAll(/^\| (`+) ?(.+?) ?\1[ ,]/gm)].map((m) => unpipe(m[2] as string)).filter((q) => !q.startsWith("contains"));
    expect(queries.length).toBeGreaterThan(5);
    for (const q of queries) expect(() => compile(q).toMongo(), q).toThrow(/unsupported-by-dialect/);
  });
  test("every code of docs/language.md's condition table parses", () => {
    const rows = [...read("docs/language.md").matchAll(/^\| `[^|]*` \| `([^`]+)` \|/gm)].map((m) => m[1] as string);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(parse(row).diagnostics, row).toEqual([]);
  });
});
