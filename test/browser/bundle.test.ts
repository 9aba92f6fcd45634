import { build, type Metafile } from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { root } from "../support/chromium.js";

/** SPEC §8: budgets in bytes (KB read as 1,000, the stricter reading), minified and gzipped, on an esbuild bundle for a browser. */
const CORE = ["parse", "check", "suggest", "tokens", "toMixpeek", "formatDiagnostics"];
const WITH_ENGINE = [...CORE, "compile", "filter", "run"];
const BUDGET = { core: 70_000, engine: 125_000 };
async function bundle(contents: string): Promise<{ gzipped: number; text: string; inputs: string[] }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  // Any error rejects the build; any warning fails here.
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
  const file = result.outputFiles[0]!;
  // The modules that put code into the output (a module tree-shaken away contributes 0 bytes).
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  const inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([name]) => name);
  return { gzipped: gzipSync(file.contents).length, text: file.text, inputs };
}

const uses = (names: readonly string[], from = "filterql") => `import { ${names.join(", ")} } from "${from}";\nglobalThis.used = [${names.join(", ")}];\n`;

test(`import { ${CORE.join(", ")} } from "filterql" bundles for a browser within 70 KB`, async () => {
  const { gzipped, text, inputs } = await bundle(uses(CORE));
  expect(inputs.some((i) => i.startsWith("node:"))).toBe(false);
  expect(text).not.toMatch(/["']node:/);
  // Checking needs no regex engine: it stays out of this bundle.
  expect(inputs.filter((i) => i.includes("re2js"))).toEqual([]);
  // Nor Chevrotain: the library parses with its own descents (src/syntax/recover.ts).
  expect(inputs.filter((i) => i.includes("chevrotain"))).toEqual([]);
  expect(gzipped).toBeLessThanOrEqual(BUDGET.core);
  expect(gzipped).toBeGreaterThan(10 * 1024);
});

test("adding compile, filter, run (with the regex engine) stays within 125 KB, Compiled's pushdown included", async () => {
  const { gzipped, text, inputs } = await bundle(uses(WITH_ENGINE));
  expect(inputs.some((i) => i.includes("re2js"))).toBe(true);
  expect(inputs.filter((i) => i.includes("chevrotain"))).toEqual([]);
  expect(text).not.toMatch(/["']node:/);
  expect(gzipped).toBeLessThanOrEqual(BUDGET.engine);
});

test("no built file of the library, the CLI or the playground imports Chevrotain (the grammar of record, for tests and grammar/ only)", () => {
  const dist = join(root, "dist");
  const files = [...readdirSync(dist).map((f) => join(dist, f)), ...["browser", "playground"].flatMap((d) => readdirSync(join(dist, d)).map((f) => join(dist, d, f)))];
  const scripts = files.filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThanOrEqual(5);
  for (const file of scripts) expect(readFileSync(file, "utf8"), file).not.toMatch(/["']chevrotain["']/);
});

test("the whole package entry bundles for a browser with no node: module", async () => {
  const { inputs, text } = await bundle('import * as all from "filterql";\nglobalThis.all = all;\n');
  expect(inputs.filter((i) => i.startsWith("node:") || i.includes("load-re2.ts") || i.includes("chevrotain"))).toEqual([]);
  expect(text).not.toMatch(/["']node:|createRequire/);
});

test("filterql/codemirror bundles for a browser with its peers, without warnings", async () => {
  const { inputs } = await bundle(uses(["filterql", "setSchema"], "filterql/codemirror"));
  expect(inputs).toEqual(expect.arrayContaining(["dist/codemirror.js", "dist/browser/index.js"]));
  expect(inputs.some((i) => i.includes("@codemirror/view"))).toBe(true);
});
