import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { caught } from "../support/caught.js";

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

test("the built package keeps its names and lines: stack frames, console.log and uncaught errors read as the source does", async () => {
  const lib = await import("filterql");
  expect(lib.compile("a = 1").constructor.name).toBe("Compiled");
  expect(lib.indexRecords([]).constructor.name).toBe("RecordIndex");
  const thrown = caught(() => lib.compile("a ="));
  expect(thrown).toBeInstanceOf(lib.FilterQLError);
  expect((thrown as Error).constructor.name).toBe("FilterQLError");
  expect((thrown as Error).stack).toMatch(/\n\s+at (\w+\.)?compile \(/);
  // Node prints the source line an uncaught error was thrown from: one statement, not the bundle.
  const uncaught = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { compile } from "filterql"; compile("a =");'], { cwd: here, encoding: "utf8" });
  expect(uncaught.status).toBe(1);
  expect(uncaught.stderr).toContain("FilterQLError: error[syntax]");
  expect(uncaught.stderr.length).toBeLessThan(4000);
});
