/**
 * The playground served by the CLI, in real Chromium: typing updates the count, the table and
 * the body; completion, undo, pasting past the limits; offline. Waits are on page and editor
 * state, never on time. A screenshot is kept in test-artifacts/ (not in git).
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { run, type Schema } from "../../src/index.js";
import { artifacts, launch, root, watchedPage, type Watched } from "../support/chromium.js";
import { startPlayground, type RunningPlayground } from "../support/playground.js";

const records = JSON.parse(readFileSync(join(root, "sample", "data.json"), "utf8")) as unknown[];
const schema = JSON.parse(readFileSync(join(root, "sample", "schema.json"), "utf8")) as Schema;

interface Hooks {
  view: { state: { doc: { toString(): string } }; dispatch(spec: unknown): void };
  completionStatus(state: unknown): string | null;
  currentCompletions(state: unknown): readonly { label: string }[];
  diagnosticCount(state: unknown): number;
}
declare const playground: Hooks;

let browser: Browser;
let server: RunningPlayground;
let watched: Watched;
let page: Page;

beforeAll(async () => {
  server = await startPlayground();
  browser = await launch();
  watched = await watchedPage(browser);
  page = watched.page;
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const testid = (id: string) => page.locator(`[data-testid="${id}"]`);
const text = () => page.evaluate(() => playground.view.state.doc.toString());

async function replaceQuery(query: string, closeCompletion = true): Promise<void> {
  await page.click('[data-testid="query"] .cm-content');
  await page.keyboard.press("Control+A");
  await page.keyboard.type(query);
  if (closeCompletion) await page.keyboard.press("Escape");
}

test("the page opens on the sample with the first query's results", async () => {
  const initial = await text();
  const expected = run(records, initial, { schema });
  await page.waitForFunction((n) => document.querySelector('[data-testid="count"]')?.textContent === n, String(expected.pagination.total));
  expect(await testid("results").locator("tbody tr, tr:has(td)").count()).toBe(expected.results.length);
  expect(await testid("schema").innerText()).toContain('"profile.city"');
  // More matches than the first page holds: the heading says which ones the table shows.
  expect(expected.pagination.total).toBeGreaterThan(expected.results.length);
  expect(await testid("page-note").innerText()).toBe(`, showing 1–${expected.results.length}`);
});

test('typing role = "admin" and verified = true updates count, table and body', async () => {
  const query = 'role = "admin" and verified = true';
  await replaceQuery(query);
  const expected = run(records, query, { schema });
  await page.waitForFunction((n) => document.querySelector('[data-testid="count"]')?.textContent === n, String(expected.pagination.total));
  expect(expected.pagination.total).toBeGreaterThan(0);
  const rows = testid("results").locator("tr:has(td)");
  expect(await rows.count()).toBe(expected.results.length);
  expect(await rows.first().innerText()).toContain(String((expected.results[0] as { name: string }).name));
  expect(JSON.parse(await testid("body").innerText())).toEqual({
    filters: { AND: [{ key: "role", operator: "eq", value: "admin" }, { key: "verified", operator: "eq", value: true }] },
  });
  await page.click('[data-testid="dialect-v2"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="body"]')?.textContent?.includes('"field"'));
  await page.click('[data-testid="dialect-v1"]');
  expect(await testid("canonical").innerText()).toBe(query);
  expect(await testid("diagnostics").innerText()).toBe("");
  // No `from`: the body lacks the collections the API requires, and the note under it says so.
  expect(await testid("body-note").innerText()).toBe("the body has no `collections`, which the API requires: start the query with `from <collection>`");
  await replaceQuery(`from users where ${query}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="body"]')?.textContent?.includes('"collections"'));
  expect(await testid("body-note").innerText()).toBe("");
  expect(await testid("diagnostics").innerText()).toBe("");
});

test("sta shows status, Tab inserts it, undo restores sta", async () => {
  await replaceQuery("sta", false);
  await page.waitForFunction(() => playground.completionStatus(playground.view.state) === "active");
  expect(await page.evaluate(() => playground.currentCompletions(playground.view.state).map((c) => c.label))).toEqual(["status"]);
  await page.keyboard.press("Tab");
  expect(await text()).toBe("status");
  await page.keyboard.press("Control+z");
  expect(await text()).toBe("sta");
});

test("an unknown field shows in the diagnostics panel and as an underline, and no earlier query's output stays", async () => {
  await replaceQuery("age > 1");
  await page.waitForFunction(() => document.querySelector('[data-testid="canonical"]')?.textContent === "age > 1");
  await replaceQuery('stauts = "active"');
  await page.waitForFunction(() => playground.diagnosticCount(playground.view.state) === 1);
  expect(await testid("diagnostics").innerText()).toContain("unknown-field");
  expect(await page.locator('[data-testid="query"] .cm-lintRange-error').innerText()).toBe("stauts");
  const stale = async () => ({
    count: await testid("count").innerText(),
    note: await testid("page-note").innerText(),
    rows: await testid("results").locator("tr").count(),
    body: await testid("body").innerText(),
    canonical: await testid("canonical").innerText(),
    ast: await testid("ast").innerText(),
  });
  const cleared = { count: "–", note: " (the query has errors)", rows: 0, body: "", canonical: "", ast: "" };
  expect(await stale()).toEqual(cleared);
  // Switching the dialect on the refused query brings no body back.
  await page.click('[data-testid="dialect-v2"]');
  expect(await stale()).toEqual(cleared);
  await page.click('[data-testid="dialect-v1"]');
  expect(await stale()).toEqual(cleared);
});

test("--data F: the page opens on a query made from F's fields, and a __proto__ key of one record stays in its row", async () => {
  const dir = mkdtempSync(join(tmpdir(), "filterql-playground-"));
  const file = join(dir, "people.json");
  writeFileSync(file, '[{"name":"Ada","city":"Oslo","age":36,"__proto__":{"admin":true}},{"name":"Bo","city":"Rome","age":41},{"name":"Cy","city":"Oslo","age":29}]');
  const own = await startPlayground(["--data", file]);
  const other = await watchedPage(browser);
  try {
    await other.page.goto(own.url);
    await other.page.waitForSelector('body[data-ready="true"]');
    expect(await other.page.evaluate(() => playground.view.state.doc.toString())).toBe('city = "Oslo" order by age desc');
    const id = (name: string) => other.page.locator(`[data-testid="${name}"]`);
    expect(await id("diagnostics").innerText()).toBe("");
    expect(await id("count").innerText()).toBe("2");
    expect(await id("page-note").innerText()).toBe("");
    const table = await id("results").evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)));
    expect(table).toEqual([
      ["name", "city", "age", "__proto__"],
      ["Ada", "Oslo", "36", '{"admin":true}'],
      ["Cy", "Oslo", "29", ""],
    ]);
    // Values complete from the page's own records (the inferred schema has no enums), the most frequent first.
    await other.page.click('[data-testid="query"] .cm-content');
    await other.page.keyboard.press("Control+A");
    await other.page.keyboard.type('city = "');
    await other.page.waitForFunction(() => playground.completionStatus(playground.view.state) === "active");
    const labels = await other.page.evaluate(() => playground.currentCompletions(playground.view.state).map((c) => c.label));
    expect(labels.map((l) => l.replaceAll('"', ""))).toEqual(["Oslo", "Rome"]);
    // A value no record holds is no error: the query runs and finds nothing.
    await other.page.keyboard.press("Escape");
    await other.page.keyboard.type('Paris"');
    await other.page.waitForFunction(() => document.querySelector('[data-testid="count"]')?.textContent === "0");
    expect(await id("diagnostics").innerText()).toBe("");
    expect(other.errors).toEqual([]);
  } finally {
    await other.page.close();
    await own.stop();
  }
});

async function paste(content: string): Promise<void> {
  await page.click('[data-testid="query"] .cm-content');
  await page.keyboard.press("Control+A");
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData("text/plain", content);
    document.querySelector('[data-testid="query"] .cm-content')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, content);
}

test.each([
  ["more than 64 KiB of text", `name = "${"x".repeat(70 * 1024)}"`],
  ["nesting deeper than 64", `${"(".repeat(300)}a = 1${")".repeat(300)}`],
  ["more than 1,024 predicates", Array.from({ length: 1100 }, (_, i) => `a = ${i}`).join(" or ")],
])("pasting %s shows limit-exceeded and the page stays responsive", async (_what, content) => {
  await paste(content);
  await page.waitForFunction(() => document.querySelector('[data-testid="diagnostics"]')?.textContent?.includes("limit-exceeded"));
  await page.waitForFunction(() => playground.diagnosticCount(playground.view.state) > 0);
  expect(await text()).toHaveLength(content.length);
  // The page still answers and still edits.
  await replaceQuery("age > 1");
  await page.waitForFunction(() => playground.diagnosticCount(playground.view.state) === 0);
});

test("the page asked for nothing outside its server, logged no error, and a screenshot is kept", async () => {
  await replaceQuery('status = "active" and age >= 30 order by score desc');
  await page.waitForFunction(() => playground.diagnosticCount(playground.view.state) === 0);
  const origin = new URL(server.url).origin;
  expect(watched.requests.length).toBeGreaterThan(3);
  expect(watched.requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
  expect(watched.errors).toEqual([]);
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, "playground.png");
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size).toBeGreaterThan(10_000);
});
