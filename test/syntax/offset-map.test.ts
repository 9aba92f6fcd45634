/**
 * OffsetMap (habits/offset-map.ts) against the plain definition: walk the edits in order,
 * carrying the length change, on random non-overlapping edits and every offset of the text.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import type { TextEdit } from "../../src/diagnostics/diagnostic.js";
import { OffsetMap } from "../../src/syntax/habits/offset-map.js";

function mapByWalking(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= offset) delta += e.text.length - (e.end - e.start);
    else if (e.start < offset) return e.start + delta + e.text.length;
    else break;
  }
  return offset + delta;
}

function unmapByWalking(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    const start = e.start + delta;
    if (offset < start) break;
    if (offset < start + e.text.length) return e.start;
    delta += e.text.length - (e.end - e.start);
  }
  return offset - delta;
}

/** Sorted, non-overlapping edits of a 60-character text: insertions, deletions, replacements. */
const editsArb = fc
  .array(fc.tuple(fc.nat(60), fc.nat(4), fc.string({ maxLength: 5 })), { maxLength: 12 })
  .map((raw) => {
    const edits: TextEdit[] = [];
    let from = 0;
    for (const [at, length, text] of [...raw].sort((a, b) => a[0] - b[0])) {
      const start = Math.max(at, from);
      const end = Math.min(60, start + length);
      if (start > 60) break;
      edits.push({ start, end, text });
      from = end;
    }
    return edits;
  });

test("map and unmap equal walking the edits, at every offset", () => {
  fc.assert(
    fc.property(editsArb, (edits) => {
      const offsets = new OffsetMap(edits);
      const edited = 60 + edits.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
      for (let o = 0; o <= 60; o++) expect(offsets.map(o)).toBe(mapByWalking(o, edits));
      for (let o = 0; o <= edited; o++) expect(offsets.unmap(o)).toBe(unmapByWalking(o, edits));
    }),
    { numRuns: 2000 },
  );
});
