/**
 * The CodeMirror extension as a user drives it, in real Chromium: completing inside a quoted
 * value, completing where only the host has values, typed host values, names that need
 * back-quotes, the README's onSubmit on a refused query, a quick fix after later edits.
 * Every wait is on editor state, never on time.
 */
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, expect, test } from "vitest";
import { fixturePage, type Watched } from "../support/chromium.js";

interface PageHooks {
  view: { state: { doc: { toString(): string; length: number } }; dispatch(spec: unknown): void };
  searched: number[];
  valueCalls: string[];
  flags: { throwOnSubmit: boolean };
  completionStatus(state: unknown): "active" | "pending" | null;
  currentCompletions(state: unknown): readonly { label: string }[];
  diagnosticCount(state: unknown): number;
  forceLinting(view: unknown): void;
}

declare const t: PageHooks;

const fixture = fixturePage("test/browser/fixtures/habits-page.ts");
let watched: Watched;
let page: Page;

beforeAll(() => {
  ({ watched, page } = fixture);
});

beforeEach(async () => {
  await page.evaluate(() => {
    t.view.dispatch({ changes: { from: 0, to: t.view.state.doc.length } });
    t.searched.length = 0;
    t.valueCalls.length = 0;
    t.flags.throwOnSubmit = false;
  });
  await page.click('[data-testid="users"] .cm-content');
  watched.errors.length = 0;
});

const text = () => page.evaluate(() => t.view.state.doc.toString());
const labels = () => page.evaluate(() => t.currentCompletions(t.view.state).map((c) => c.label));
const waitForCompletion = () => page.waitForFunction(() => t.completionStatus(t.view.state) === "active");
/** Types `typed`, then the labels of the completion list it opens. */
async function offers(typed: string): Promise<string[]> {
  await page.keyboard.type(typed);
  await waitForCompletion();
  return labels();
}

test('status = "active" and age > 30: Backspace×6 inside the quotes, in, Tab gives "inactive" with one closing quote', async () => {
  await page.keyboard.type('status = "active" and age > 30');
  await page.keyboard.press("Escape");
  await page.keyboard.press("Home");
  for (let i = 0; i < 'status = "active'.length; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < 6; i++) await page.keyboard.press("Backspace");
  expect(await offers("in")).toEqual(["inactive"]);
  await page.keyboard.press("Tab");
  expect(await text()).toBe('status = "inactive" and age > 30');
});

test.each([
  ['tags contains "v', "tags:v", ["vip", "vegan"], 'tags contains "vip"'],
  ['profile.city starts with "B', "profile.city:B", ["Berlin"], 'profile.city starts with "Berlin"'],
])("%s asks the host for values and Tab inserts one", async (typed, call, shown, accepted) => {
  expect(await offers(typed)).toEqual(shown);
  expect(await page.evaluate(() => t.valueCalls)).toContain(call);
  await page.keyboard.press("Tab");
  expect(await text()).toBe(accepted);
});

test("profile. opens the sub-fields when the dot is typed", async () => {
  expect(await offers("profile.")).toEqual(["city"]);
  await page.keyboard.press("Tab");
  expect(await text()).toBe("profile.city");
});

test("ord and ci find `order` and `city name`, inserted back-quoted", async () => {
  expect(await offers("ord")).toEqual(["`order`", "order by"]);
  await page.keyboard.press("Tab");
  expect(await offers(" > 1 and ci")).toEqual(["`city name`"]);
  await page.keyboard.press("Tab");
  expect(await text()).toBe("`order` > 1 and `city name`");
});

test("age = 3 inserts the host's 31 unquoted; verified = lists true and false once each", async () => {
  expect(await offers("age = 3")).toEqual(["31"]);
  await page.keyboard.press("Tab");
  expect(await text()).toBe("age = 31");
  expect(await offers(" and verified = ")).toEqual(["true", "false", "null"]);
  await page.keyboard.press("Tab");
  expect(await text()).toBe("age = 31 and verified = true");
});

test("README's onSubmit: Enter on a query with an unknown field searches nothing, throws nothing and types nothing", async () => {
  await page.keyboard.type('status = "active" and agee > 3');
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  expect(await text()).toBe('status = "active" and agee > 3');
  expect(await page.evaluate(() => t.searched)).toEqual([]);
  expect(watched.errors).toEqual([]);
  // A query with no error is searched.
  await page.keyboard.press("Control+a");
  await page.keyboard.type('status = "active" and age > 3');
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => t.searched)).toEqual([1]);
  expect(await text()).toBe('status = "active" and age > 3');
});

test("an onSubmit that throws: Enter is still taken (no space typed) and the error is reported on the console", async () => {
  await page.evaluate(() => (t.flags.throwOnSubmit = true));
  await page.keyboard.type("age > 3");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  expect(await text()).toBe("age > 3");
  expect(watched.errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
  expect(watched.errors.some((e) => e.startsWith("error:") && e.includes("search is down"))).toBe(true);
});

test("a quick fix clicked after typing before the error repairs the error where it now is", async () => {
  await page.keyboard.type('stauts = "x"');
  await page.keyboard.press("Escape");
  await page.evaluate(() => t.forceLinting(t.view));
  await page.waitForFunction(() => t.diagnosticCount(t.view.state) === 1);
  // Typed before the error; lint has not run since (it runs only when forced here).
  await page.keyboard.press("Home");
  await page.keyboard.type("age > 3 and ");
  await page.keyboard.press("Escape");
  const underline = page.locator('[data-testid="users"] .cm-lintRange-error');
  expect(await underline.innerText()).toBe("stauts");
  await underline.hover();
  const action = page.locator(".cm-tooltip-lint .cm-diagnosticAction");
  await action.waitFor();
  await action.click();
  expect(await text()).toBe('age > 3 and status = "x"');
});
