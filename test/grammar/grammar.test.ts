import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { grammarFiles } from "../../src/syntax/chevrotain/grammar-files.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("grammar/ stays in step with the parser", () => {
  for (const [name, text] of Object.entries(grammarFiles())) {
    test(`grammar/${name} is what the parser generates (run \`npm run grammar\` after changing the grammar)`, () => {
      expect(readFileSync(join(root, "grammar", name), "utf8")).toBe(text);
    });
  }

  test("the railroad page loads only local assets, and the build provides them", () => {
    const html = readFileSync(join(root, "grammar", "diagrams.html"), "utf8");
    expect(html).not.toMatch(/https?:\/\//);
    const refs = [...html.matchAll(/(?:src|href)='(\.\/assets\/[^']+)'/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) expect(existsSync(join(root, "grammar", ref)), ref).toBe(true);
  });

  test("every parser rule quotes its EBNF production above it", () => {
    const source = readFileSync(join(root, "src", "syntax", "chevrotain", "parser.ts"), "utf8");
    const rules = [...source.matchAll(/\n((?: {2}\/\/[^\n]*\n)+) {2}readonly (\w+) = this\.RULE\("(\w+)"/g)];
    const ruleCount = [...source.matchAll(/this\.RULE\(/g)].length;
    expect(rules).toHaveLength(ruleCount);
    for (const [, comment, field, name] of rules) {
      expect(field).toBe(name);
      expect(comment).toMatch(/:=/);
    }
  });
});
