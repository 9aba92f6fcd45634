/**
 * The regex engine in browsers and other bundles: imported statically by the evaluation path
 * (`requireRe2`), so `compile(...).filter` with `matches` works in a page without any extra
 * call. Checking (`loadRe2`) does not import it: a bundle of parse/check/suggest alone stays
 * free of the engine, and checks patterns with the engine only once evaluation has loaded it.
 * scripts/build-browser.js substitutes this file for `load-re2.ts` (Node's lazy require).
 */
import { RE2JS, RE2Set } from "re2js";
import type { Re2Module } from "./load-re2.js";

let loaded: typeof RE2JS | undefined;

export function requireRe2Module(): Re2Module {
  loaded = RE2JS;
  return { RE2JS, RE2Set };
}

export function requireRe2(): typeof RE2JS {
  loaded = RE2JS;
  return loaded;
}

export function loadRe2(): typeof RE2JS | undefined {
  return loaded;
}
