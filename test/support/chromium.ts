/**
 * Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with a fresh profile per
 * launch. Every page records console errors, uncaught errors and the URLs it requested, so a
 * test can assert the page stayed clean and offline.
 */
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Screenshots and other artifacts of the browser tests; ignored by git. */
export const artifacts = join(root, "test-artifacts");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env["CHROMIUM"] ?? "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

export interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

export async function watchedPage(browser: Browser): Promise<Watched> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  return { page, errors, requests };
}

/** Bundles a test page script as a browser would get it from a user's bundler (esbuild, platform browser). */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  if (result.warnings.length > 0) throw new Error(result.warnings.map((w) => w.text).join("\n"));
  return result.outputFiles[0]!.text;
}

/** A blank page running `script`; resolves when the script has run. */
export async function pageWith(watched: Watched, script: string): Promise<void> {
  await watched.page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await watched.page.addScriptTag({ content: script });
}

/**
 * One page showing a bundled fixture for a whole test file: opened in the file's first `beforeAll`,
 * its browser closed after the file. Read `page` and `watched` once that hook has run.
 */
export function fixturePage(entry: string): { page: Page; watched: Watched } {
  const held = {} as { page: Page; watched: Watched };
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    held.watched = await watchedPage(browser);
    held.page = held.watched.page;
    await pageWith(held.watched, await bundleForPage(entry));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return held;
}
