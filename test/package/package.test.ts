import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

test("the shipped declarations type-check a strict consumer that imports the package by name", () => {
  // consumer.ts imports "filterql": the package's own `exports` (dist/index.js, dist/types) resolve it.
  expect(() => execFileSync(process.execPath, [tsc, "-p", join(here, "tsconfig.json")], { encoding: "utf8", stdio: "pipe" })).not.toThrow();
});

test("the built package runs the consumer's calls", async () => {
  const lib = await import("filterql");
  expect(lib.print(lib.parse('status = "active"').query!)).toBe('status = "active"');
  expect(Object.keys(lib)).toEqual(expect.arrayContaining(["parse", "check", "compile", "print", "toMixpeek", "fromMixpeek", "filter", "run", "suggest", "formatDiagnostics", "FilterQLError", "tokens", "toMixpeekRequest", "inferSchema", "indexRecords", "RecordIndex", "toMongo"]));
});
