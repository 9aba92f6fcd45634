/**
 * The regex engine for Node: re2js is required on first use, synchronously through its CommonJS
 * build, because its Unicode tables cost ~10 ms to load and most queries (no `matches`) never
 * need them at start-up. The browser build swaps this file for `load-re2.browser.ts`.
 */
import { createRequire } from "node:module";
import type * as Re2 from "re2js";

export type Re2Module = Pick<typeof Re2, "RE2JS" | "RE2Set">;

let engine: Re2Module | undefined;

/** The engine's module, for evaluating a regex or translating one (SQL). */
export function requireRe2Module(): Re2Module {
  engine ??= createRequire(import.meta.url)("re2js") as Re2Module;
  return engine;
}

export function requireRe2(): Re2Module["RE2JS"] {
  return requireRe2Module().RE2JS;
}

/** The engine if it can be had without growing a browser bundle (in Node: always), for checking. */
export function loadRe2(): Re2Module["RE2JS"] | undefined {
  return requireRe2();
}
