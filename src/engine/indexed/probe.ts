/**
 * A stand-in record holding one value at one path, reused for every probe: testing a predicate
 * on it answers for every keyed record holding that value (see column.ts).
 */
import { defineData as define } from "../define-data.js";
import type { Key } from "./column.js";

export type Probe = (value: Key) => Record<string, unknown>;


export function probeFor(segments: readonly string[]): Probe {
  const root: Record<string, unknown> = {};
  let parent: Record<string, unknown> = root;
  for (const segment of segments.slice(0, -1)) {
    const child: Record<string, unknown> = {};
    define(parent, segment, child);
    parent = child;
  }
  const last = segments[segments.length - 1] as string;
  // Defined once; from then on an assignment writes that own data property (even `__proto__`,
  // whose setter on Object.prototype it shadows), far cheaper than a define per probe.
  define(parent, last, null);
  const holder = parent;
  return (value) => {
    holder[last] = value;
    return root;
  };
}

/** A record without the path at all: how every "missing" record answers. */
export const MISSING_RECORD: Readonly<Record<string, unknown>> = Object.freeze({});
