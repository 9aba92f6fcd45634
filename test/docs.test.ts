import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { diagnosticsDoc, mixpeekDoc } from "../scripts/docs-source.js";
import { parse } from "../src/syntax/parse.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (p: string) => readFileSync(join(root, p), "utf8");

describe("docs stay true", () => {
  test("docs/diagnostics.md is the library's current output (run `npm run docs`)", () => {
    expect(read("docs/diagnostics.md")).toBe(diagnosticsDoc());
  });
  test("docs/mixpeek.md is the library's current output (run `npm run docs`)", () => {
    expect(read("docs/mixpeek.md")).toBe(mixpeekDoc());
  });
  test.each(["docs/language.md", "README.md"])("every filterql example in %s parses", (file) => {
    const examples = [...read(file).matchAll(/```filterql\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(parse(example).diagnostics, example).toEqual([]);
  });
  test("every code of docs/language.md's condition table parses", () => {
    const rows = [...read("docs/language.md").matchAll(/^\| `[^|]*` \| `([^`]+)` \|/gm)].map((m) => m[1] as string);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(parse(row).diagnostics, row).toEqual([]);
  });
});
