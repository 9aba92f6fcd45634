/**
 * The regex engine for Node: re2js is required on first use, synchronously through its CommonJS
 * build, because its Unicode tables cost ~10 ms to load and most queries (no `matches`) never
 * need them at start-up. The browser build swaps this file for `load-re2.browser.ts`.
 */
import { createRequire } from "node:module";
import type { RE2JS } from "re2js";

let engine: typeof RE2JS | undefined;

/** The engine, for evaluating a regex. */
export function requireRe2(): typeof RE2JS {
  engine ??= (createRequire(import.meta.url)("re2js") as { RE2JS: typeof RE2JS }).RE2JS;
  return engine;
}

/** The engine if it can be had without growing a browser bundle (in Node: always), for checking. */
export function loadRe2(): typeof RE2JS | undefined {
  return requireRe2();
}
