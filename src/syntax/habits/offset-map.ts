import type { TextEdit } from "../../diagnostics/diagnostic.js";

/**
 * Offsets between the original text and the text after `edits` (sorted, not overlapping), by
 * binary search: a broken text can carry thousands of fixes, each mapped several times.
 */
export class OffsetMap {
  /** The text-length change of the edits before each one, and after all of them. */
  private readonly before: number[] = [0];
  /** Where each edit starts in the edited text. */
  private readonly editedStarts: number[] = [];

  constructor(private readonly edits: readonly TextEdit[]) {
    let delta = 0;
    for (const e of edits) {
      this.editedStarts.push(e.start + delta);
      delta += e.text.length - (e.end - e.start);
      this.before.push(delta);
    }
  }

  /** An offset of the original text in the edited text (inside a replaced range: after its replacement). */
  map(offset: number): number {
    // The edits wholly before the offset: ends never decrease, so they are a prefix.
    const k = countWhile(this.edits.length, (i) => (this.edits[i] as TextEdit).end <= offset);
    const e = this.edits[k];
    const delta = this.before[k] as number;
    return e !== undefined && e.start < offset ? e.start + delta + e.text.length : offset + delta;
  }

  /** An offset of the edited text in the original text (inside an edit's new text: the edit's start). */
  unmap(offset: number): number {
    const k = countWhile(this.edits.length, (i) => (this.editedStarts[i] as number) <= offset);
    const e = this.edits[k - 1];
    if (e !== undefined && offset < (this.editedStarts[k - 1] as number) + e.text.length) return e.start;
    return offset - (this.before[k] as number);
  }
}

/** How many of the first `n` indexes satisfy `holds`, which holds for a prefix of them. */
function countWhile(n: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
