/**
 * After parsing failed: looks for habits from other languages and replaces the generic
 * diagnostics they explain with targeted ones that carry a fix. A fix is kept only when the
 * text it gives parses where the habit stood (the fixed text is parsed once to see), and a
 * generic diagnostic is kept only when the fixed text still has an error at its place.
 */
import type { IToken } from "chevrotain";
import type { ResolvedSchema } from "../../check/schema.js";
import { applyEdits } from "../../diagnostics/apply-fixes.js";
import type { Diagnostic, TextEdit } from "../../diagnostics/diagnostic.js";
import { Reporter } from "../../diagnostics/reporter.js";
import type { ScanError } from "../scan.js";
import { HABITS } from "./catalogue.js";
import { Source, type Finding, type Match } from "./source.js";

/** Every habit match in the text, left to right; regions never overlap. */
export function findHabits(s: Source): Match[] {
  const matches: Match[] = [];
  let claimedTo = -1;
  for (const error of s.errors) {
    if (error.offset < claimedTo) continue;
    for (const habit of HABITS) {
      const m = habit.on === "character" ? habit.recognise(s, error) : undefined;
      if (m !== undefined) {
        matches.push(m);
        claimedTo = m.to;
        break;
      }
    }
  }
  const claimed = (offset: number) => matches.some((m) => offset >= m.from && offset < m.to);
  let i = 0;
  while (i < s.length) {
    if (claimed(s.start(i))) {
      i++;
      continue;
    }
    let next = i + 1;
    for (const habit of HABITS) {
      const m = habit.on === "token" ? habit.recognise(s, i) : undefined;
      if (m !== undefined && !matches.some((o) => m.from < o.to && o.from < m.to)) {
        matches.push(m);
        next = Math.max(m.next, i + 1);
        break;
      }
    }
    i = next;
  }
  if (matches.length === 0) {
    for (const habit of HABITS) {
      const m = habit.on === "query" ? habit.recognise(s, 0) : undefined;
      if (m !== undefined) return [m];
    }
  }
  return matches.sort((a, b) => a.from - b.from);
}

/** Maps an offset of the original text to the text after `edits`. */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= offset) delta += e.text.length - (e.end - e.start);
    else if (e.start < offset) return e.start + delta + e.text.length;
    else break;
  }
  return offset + delta;
}

/** Maps an offset of the text after `edits` back to the original text (inside an edit: its start). */
function unmapOffset(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    const start = e.start + delta;
    if (offset < start) break;
    if (offset < start + e.text.length) return e.start;
    delta += e.text.length - (e.end - e.start);
  }
  return offset - delta;
}

export interface HabitInput {
  readonly text: string;
  readonly tokens: readonly IToken[];
  readonly errors: readonly ScanError[];
  readonly schema: ResolvedSchema | undefined;
  /** Parses a text without consulting habits: the diagnostics it has. */
  readonly reparse: (text: string) => readonly Diagnostic[];
}

export function withHabits(input: HabitInput, generic: readonly Diagnostic[]): Diagnostic[] {
  const { text } = input;
  const s = new Source(text, input.tokens, input.errors, input.schema);
  const after = (offset: number) => {
    let k = 0;
    while (k < s.length && s.start(k) < offset) k++;
    return k < s.length ? s.end(k) : text.length;
  };
  // A habit stands only where parsing failed (at its region or the token after it), or past the
  // first error, where recovery may have skipped it.
  const explains = (m: Match, d: Diagnostic) => d.span.start >= m.from && d.span.start <= after(m.to);
  const errors = generic.filter((d) => d.severity === "error");
  const first = errors.reduce((min, d) => Math.min(min, d.span.start), Number.POSITIVE_INFINITY);
  const matches = findHabits(s).filter((m) => m.from > first || errors.some((d) => explains(m, d))).map((m) => separated(text, m));
  if (matches.length === 0) return [...generic];
  const edits = matches.flatMap((m) => m.findings.flatMap((f) => f.fix?.edits ?? [])).sort((a, b) => a.start - b.start);
  const fixed = applyEdits(text, edits);
  const remaining = input.reparse(fixed).filter((d) => d.severity === "error");
  const stillFails = (from: number, to: number) => remaining.some((d) => d.span.start >= mapOffset(from, edits) && d.span.start <= mapOffset(to, edits));
  const reporter = new Reporter(text);
  for (const m of matches) {
    const sure = !stillFails(m.from, m.to);
    for (const f of m.findings) report(reporter, f, sure);
  }
  // What a habit covers is said by the habit; anything else stays if the fixed text still fails there.
  const kept = generic.filter((d) => !matches.some((m) => d.span.start >= m.from && d.span.start < m.to) && (d.severity !== "error" || remaining.some((r) => r.span.start === mapOffset(d.span.start, edits))));
  // Errors that recovery hid behind the habits' and show up once they are fixed.
  const inside = (offset: number) => matches.some((m) => offset >= m.from && offset <= m.to);
  for (const r of remaining) {
    const start = unmapOffset(r.span.start, edits);
    if (inside(start) || kept.some((d) => d.span.start === start)) continue;
    reporter.error(r.code, r.message, { start, end: Math.max(start, unmapOffset(r.span.end, edits)) }, r.hint);
  }
  return [...reporter.diagnostics, ...kept];
}

/** Edits that would glue a word to the word beside it (`now()status` → `now status`) get a space. */
function separated(text: string, m: Match): Match {
  const word = /[\p{L}\p{N}_$`"']/u;
  const edit = (e: TextEdit): TextEdit => {
    const before = e.text !== "" && e.start > 0 && word.test(text[e.start - 1] as string) && word.test(e.text[0] as string) ? " " : "";
    const after = e.text !== "" && e.end < text.length && word.test(text[e.end] as string) && word.test(e.text[e.text.length - 1] as string) ? " " : "";
    return before === "" && after === "" ? e : { ...e, text: `${before}${e.text}${after}` };
  };
  return { ...m, findings: m.findings.map((f) => (f.fix === undefined ? f : { ...f, fix: { ...f.fix, edits: f.fix.edits.map(edit) } })) };
}

function report(reporter: Reporter, f: Finding, sure: boolean): void {
  reporter.error("syntax", f.message, { start: f.start, end: f.end }, f.hint, sure ? f.fix : undefined);
}
