import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { compile, parse, suggest, toMixpeek, type Schema } from "../../src/index.js";
import { bundleForPage, launch, pageWith, root, watchedPage, type Watched } from "../support/chromium.js";

const records = JSON.parse(readFileSync(join(root, "sample", "data.json"), "utf8")) as Record<string, unknown>[];
const schema = JSON.parse(readFileSync(join(root, "sample", "schema.json"), "utf8")) as Schema;
const NOW = "2026-06-01T00:00:00.000Z";
const queries = [
  'name matches /^ra/i and not status = "inactive" order by age desc',
  'email matches "example\\\\.com$" and tags contains "early-adopter"',
  "created > now - 30d or score between 10 and 20 select name, score limit 3",
];

/** What the library answers for a query, computed the same way in Node and in the page. */
function answers(lib: { parse: typeof parse; toMixpeek: typeof toMixpeek; compile: typeof compile; suggest: typeof suggest }, q: string, data: unknown[], s: Schema, now: string) {
  const parsed = lib.parse(q);
  const strip = (_k: string, v: unknown) => (_k === "span" ? undefined : v);
  return {
    ast: JSON.parse(JSON.stringify(parsed.query, strip)) as unknown,
    body: lib.toMixpeek(parsed.query!, { now: new Date(now), dialect: "v2" }),
    matches: lib.compile(q, { schema: s, now: new Date(now) }).filter(data).map((r) => (r as { id: unknown }).id),
    suggestions: lib.suggest(q.slice(0, 6), 6, { schema: s }),
  };
}

let browser: Browser;
let watched: Watched;

beforeAll(async () => {
  browser = await launch();
  watched = await watchedPage(browser);
  await pageWith(watched, await bundleForPage("test/browser/fixtures/library-page.ts"));
});

afterAll(async () => {
  await browser?.close();
});

test.each(queries)("%s gives the same answers in Chromium as in Node", async (q) => {
  const expected = answers({ parse, toMixpeek, compile, suggest }, q, records, schema, NOW);
  const inPage = await watched.page.evaluate(
    ({ q, data, s, now, source }) => {
      const lib = (window as unknown as { filterql: never }).filterql;
      // The same function as in Node, shipped as source.
      const fn = new Function(`return (${source})`)() as (...args: unknown[]) => unknown;
      return fn(lib, q, data, s, now);
    },
    { q, data: records, s: schema, now: NOW, source: answers.toString() },
  );
  expect(inPage).toEqual(expected);
  expect(expected.matches.length).toBeGreaterThan(0);
  expect(watched.errors).toEqual([]);
});

test("text with errors gets the same diagnostics in the page as in Node (the recovering parser, habits and fixes)", async () => {
  const broken = ["a = and b = ", 'a in [1 2 3] and (b = 1 c = 2', "status:active && age => 30 limit 0", "from , where x between 1 2 order by"];
  const node = broken.map((q) => parse(q).diagnostics);
  const page = await watched.page.evaluate((broken) => {
    const lib = (window as unknown as { filterql: { parse: typeof parse } }).filterql;
    return broken.map((q) => lib.parse(q).diagnostics);
  }, broken);
  expect(page).toEqual(node);
  for (const diagnostics of node) expect(diagnostics.length).toBeGreaterThan(1);
  expect(watched.errors).toEqual([]);
});

test("a bad regex is refused in the page with the same diagnostic code as in Node", async () => {
  const q = 'name matches "(a)\\\\1"';
  const node = (() => {
    try {
      compile(q);
      return "compiled";
    } catch (error) {
      return (error as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    }
  })();
  const page = await watched.page.evaluate((q) => {
    const lib = (window as unknown as { filterql: { compile: (q: string) => unknown } }).filterql;
    try {
      lib.compile(q);
      return "compiled";
    } catch (error) {
      return (error as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    }
  }, q);
  expect(node).toEqual(["invalid-value"]);
  expect(page).toEqual(node);
});

test("a page that only parses and checks (no regex engine in its bundle) still refuses what RE2 refuses", async () => {
  const core = await watchedPage(browser);
  const script = await bundleForPage("test/browser/fixtures/core-page.ts");
  // esbuild marks each bundled module with its path: the engine is not among them.
  expect(script).not.toContain("node_modules/re2js");
  await pageWith(core, script);
  const codes = await core.page.evaluate((queries) => {
    const lib = (window as unknown as { core: { parse: typeof parse; check: (q: unknown) => { code: string }[] } }).core;
    return queries.map((q) => lib.check(lib.parse(q).query).map((d) => d.code));
  }, ['name matches "(ab"', "name matches /a(?=b)/", 'name matches "(?i)ab"', "name matches /[[:alpha:]]+/"]);
  expect(codes).toEqual([["invalid-value"], ["invalid-value"], [], []]);
  expect(core.errors).toEqual([]);
});
