/**
 * The CodeMirror extension in real Chromium: two editors on one page (test/browser/fixtures/
 * editors-page.ts), driven by the keyboard. Every wait is on editor state, never on time.
 */
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, expect, test } from "vitest";
import { fixturePage, type Watched } from "../support/chromium.js";

type Name = "people" | "orders";

interface PageHooks {
  views: Record<Name, { state: { doc: { toString(): string; lines: number } }; dispatch(spec: unknown): void; focus(): void }>;
  submitted: { editor: string; text: string; errors: number; query: boolean }[];
  valueCalls: { field: string; prefix: string; aborted: boolean }[];
  pending: { field: string; prefix: string; release: () => void }[];
  completionStatus(state: unknown): "active" | "pending" | null;
  currentCompletions(state: unknown): readonly { label: string }[];
  diagnosticCount(state: unknown): number;
  setSchema(view: unknown, schema: unknown): void;
}

declare const t: PageHooks;

const fixture = fixturePage("test/browser/fixtures/editors-page.ts");
let watched: Watched;
let page: Page;

beforeAll(() => {
  ({ watched, page } = fixture);
});

beforeEach(async () => {
  // Empty both editors and forget earlier calls.
  await page.evaluate(() => {
    for (const view of Object.values(t.views)) view.dispatch({ changes: { from: 0, to: view.state.doc.toString().length } });
    for (const p of t.pending.splice(0)) p.release();
    t.valueCalls.length = 0;
    t.submitted.length = 0;
  });
});

async function focus(name: Name): Promise<void> {
  await page.click(`[data-testid="${name}"] .cm-content`);
}

const text = (name: Name) => page.evaluate((n) => t.views[n].state.doc.toString(), name);
const labels = (name: Name) => page.evaluate((n) => t.currentCompletions(t.views[n].state).map((c) => c.label), name);

function waitForStatus(name: Name, status: "active" | "pending" | null) {
  return page.waitForFunction(([n, s]) => t.completionStatus(t.views[n as Name].state) === s, [name, status] as const);
}

async function waitForDiagnostics(name: Name, count: number): Promise<void> {
  try {
    await page.waitForFunction(([n, c]) => t.diagnosticCount(t.views[n as Name].state) === c, [name, count] as const, { timeout: 10_000 });
  } catch (error) {
    const now = await page.evaluate((n) => [t.views[n].state.doc.toString(), t.diagnosticCount(t.views[n].state)], name);
    throw new Error(`${name}: waited for ${count} diagnostics, have ${JSON.stringify(now)}`, { cause: error });
  }
}

test("a slow values callback shows its options; typing again cancels it; a value with a quote inserts escaped", async () => {
  await focus("people");
  await page.keyboard.type('city = "B');
  await page.waitForFunction(() => t.pending.some((p) => p.field === "city" && p.prefix === "B"));
  expect(await page.evaluate(() => t.completionStatus(t.views.people.state))).toBe("pending");
  await page.keyboard.type("e");
  // The text changed: the first call's signal fired.
  await page.waitForFunction(() => t.valueCalls.some((c) => c.prefix === "B" && c.aborted) && t.pending.some((p) => p.prefix === "Be"));
  // The aborted call is answered first: were its answer used, it would land before the fresh one.
  for (const p of ["B", "Be"]) await page.evaluate((prefix) => t.pending.find((x) => x.prefix === prefix)?.release(), p);
  await waitForStatus("people", "active");
  expect(await labels("people")).toEqual(["Berlin", "Bern", "Be (answer to Be)"]);

  // Shown raw, inserted quoted and escaped.
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("Sa");
  await page.waitForFunction(() => t.pending.some((p) => p.prefix === "Sa"));
  await page.evaluate(() => t.pending.find((p) => p.prefix === "Sa")?.release());
  await waitForStatus("people", "active");
  expect(await labels("people")).toEqual(['Say "hi"', "Sa (answer to Sa)"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  expect(await text("people")).toBe('city = "Say \\"hi\\""');
  expect(await page.evaluate(() => t.submitted.length)).toBe(0);
});

test("Enter with no completion selected submits and inserts no newline", async () => {
  await focus("orders");
  await page.keyboard.type('currency = "EUR" and total > 5');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => t.submitted.length === 1);
  expect(await page.evaluate(() => t.submitted)).toEqual([{ editor: "orders", text: 'currency = "EUR" and total > 5', errors: 0, query: true }]);
  expect(await page.evaluate(() => t.views.orders.state.doc.lines)).toBe(1);
});

test("sta: Tab accepts the first completion; ArrowDown then Enter accepts the selected one", async () => {
  await focus("people");
  await page.keyboard.type("sta");
  await waitForStatus("people", "active");
  expect(await labels("people")).toEqual(["status"]);
  await page.keyboard.press("Tab");
  expect(await text("people")).toBe("status");
  await page.keyboard.type(" ");
  await waitForStatus("people", "active");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  expect(await text("people")).toBe("status =");
  expect(await page.evaluate(() => t.submitted.length)).toBe(0);
});

test("pasting a\\nb gives one line", async () => {
  await focus("people");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "a = 1\nand\r\nb = 2");
    const target = document.querySelector('[data-testid="people"] .cm-content')!;
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  expect(await text("people")).toBe("a = 1 and b = 2");
  expect(await page.evaluate(() => t.views.people.state.doc.lines)).toBe(1);
});

test("an unknown field is underlined over exactly its name and the quick fix repairs it", async () => {
  await focus("people");
  await page.keyboard.type('stauts = "x"');
  await page.keyboard.press("Escape");
  await waitForDiagnostics("people", 1);
  const underline = page.locator('[data-testid="people"] .cm-lintRange-error');
  expect(await underline.innerText()).toBe("stauts");
  await underline.hover();
  const action = page.locator(".cm-tooltip-lint .cm-diagnosticAction");
  await action.waitFor();
  expect(await page.locator(".cm-tooltip-lint").innerText()).toContain("did you mean `status`?");
  await action.click();
  expect(await text("people")).toBe('status = "x"');
  await waitForDiagnostics("people", 0);
});

test("two editors with different schemas don't mix, and setSchema re-lints only its editor", async () => {
  for (const [name, own, other] of [["people", "city", "currency"], ["orders", "currency", "city"]] as const) {
    await focus(name);
    await page.keyboard.type("total > 1 and c");
    await waitForStatus(name, "active");
    expect(await labels(name)).toContain(own);
    expect(await labels(name)).not.toContain(other);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");
    await page.keyboard.type('currency = "EUR"');
  }
  // `total` and `currency` are fields of orders only.
  await waitForDiagnostics("people", 2);
  await waitForDiagnostics("orders", 0);

  await page.evaluate(() => t.setSchema(t.views.people, { city: "string", total: "number", currency: "string" }));
  await waitForDiagnostics("people", 0);
  expect(await page.evaluate(() => t.diagnosticCount(t.views.orders.state))).toBe(0);
  expect(watched.errors).toEqual([]);
});

test("hover shows a field's type; placeholder and accessible name; token classes coloured by CSS variables", async () => {
  await focus("people");
  expect(await page.locator('[data-testid="people"] .cm-placeholder').innerText()).toBe("search people");
  expect(await page.locator('[data-testid="people"] .cm-content').getAttribute("aria-label")).toBe("people filter");
  await page.keyboard.type('city = "x" and not age > 3');
  await page.keyboard.press("Escape");
  // (An earlier test set people's schema to { city, total, currency }.)
  await page.locator('[data-testid="people"] .cm-fql-field', { hasText: "city" }).hover();
  const tooltip = page.locator(".cm-tooltip-hover .cm-fql-hover");
  await tooltip.waitFor();
  expect(await tooltip.innerText()).toBe("city: string");

  const keyword = page.locator('[data-testid="people"] .cm-fql-keyword', { hasText: "not" });
  const before = await keyword.evaluate((e) => getComputedStyle(e).color);
  // A host's dark theme sets the variables on any ancestor.
  await page.evaluate(() => document.body.style.setProperty("--fql-keyword", "rgb(1, 2, 3)"));
  expect(await keyword.evaluate((e) => getComputedStyle(e).color)).toBe("rgb(1, 2, 3)");
  expect(before).not.toBe("rgb(1, 2, 3)");
  await page.evaluate(() => document.body.style.removeProperty("--fql-keyword"));
});
