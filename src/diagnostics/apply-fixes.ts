import { expectDiagnostics, expectString } from "../arguments.js";
import type { Diagnostic, TextEdit } from "./diagnostic.js";

/**
 * The text with every fix of `diagnostics` applied. Edits are offsets into the original text;
 * an edit that would overlap one already taken is left out (then so is the rest of its fix).
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  expectString("applyFixes", "text", text);
  expectDiagnostics("applyFixes", "diagnostics", diagnostics);
  const taken: TextEdit[] = [];
  for (const d of diagnostics) {
    const edits = d.fix?.edits ?? [];
    if (edits.every((e) => taken.every((t) => !overlap(e, t)))) taken.push(...edits);
  }
  return applyEdits(text, taken);
}

/** Two edits overlap when their ranges share a character, or both start at one offset (their order would be a guess). */
function overlap(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
