import { argumentError, expectClockAndCase, expectOptions } from "../arguments.js";
import type { MixpeekOptions } from "./to-mixpeek.js";

/** The body options at the door: an object, a known dialect, collections as strings, a valid clock. */
export function expectMixpeekOptions(fn: string, options: MixpeekOptions | undefined): void {
  expectOptions(fn, "options", options);
  if (options === undefined) return;
  expectDialect(fn, options.dialect);
  expectClockAndCase(fn, options);
  const { collections, returnUrls } = options;
  if (collections !== undefined && !(Array.isArray(collections) && collections.every((c) => typeof c === "string"))) throw argumentError(fn, "options.collections", "an array of strings", collections);
  if (returnUrls !== undefined && typeof returnUrls !== "boolean") throw argumentError(fn, "options.returnUrls", "a boolean", returnUrls);
}

export function expectDialect(fn: string, dialect: unknown): void {
  if (dialect !== undefined && dialect !== "v1" && dialect !== "v2") throw argumentError(fn, "options.dialect", '"v1" or "v2"', dialect);
}
