/**
 * After parsing failed: looks for habits from other languages and replaces the generic
 * diagnostics they explain with targeted ones that carry a fix. A fix is kept only when the
 * text it gives parses where the habit stood (the fixed text is parsed once to see), and a
 * generic diagnostic is kept only when the fixed text still has an error at its place.
 */
import type { Lexeme } from "../tokens.js";
import type { ResolvedSchema } from "../../check/schema.js";
import { applyEdits } from "../../diagnostics/apply-fixes.js";
import type { Diagnostic, TextEdit } from "../../diagnostics/diagnostic.js";
import { OffsetMap } from "./offset-map.js";
import { Reporter } from "../../diagnostics/reporter.js";
import type { QueryNode } from "../../ast/nodes.js";
import { check } from "../../check/check.js";
import type { ScanError } from "../scan.js";
import { HABITS } from "./catalogue.js";
import { Source, type Finding, type Match } from "./source.js";

/** Every habit match in the text, left to right; regions never overlap. */
export function findHabits(s: Source): Match[] {
  const characters: Match[] = [];
  for (const error of s.errors) {
    if (error.offset < (characters[characters.length - 1]?.to ?? -1)) continue;
    for (const habit of HABITS) {
      const m = habit.on === "character" ? habit.recognise(s, error) : undefined;
      if (m !== undefined) {
        characters.push(m);
        break;
      }
    }
  }
  // Token habits go left to right, each past the last; `c` follows the character matches along.
  const matches: Match[] = [];
  let c = 0;
  let i = 0;
  while (i < s.length) {
    const at = s.start(i);
    while (c < characters.length && (characters[c] as Match).to <= at) c++;
    const blocker = characters[c];
    if (blocker !== undefined && at >= blocker.from) {
      i++;
      continue;
    }
    let next = i + 1;
    for (const habit of HABITS) {
      const m = habit.on === "token" ? habit.recognise(s, i) : undefined;
      if (m !== undefined && (blocker === undefined || m.to <= blocker.from)) {
        matches.push(m);
        next = Math.max(m.next, i + 1);
        break;
      }
    }
    i = next;
  }
  if (matches.length === 0 && characters.length === 0) {
    for (const habit of HABITS) {
      const m = habit.on === "query" ? habit.recognise(s, 0) : undefined;
      if (m !== undefined) return [m];
    }
  }
  return [...characters, ...matches].sort((a, b) => a.from - b.from);
}

/** The first index of sorted `values` not below `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first match (sorted by `from`) that starts after `offset`. */
function upperBound(matches: readonly Match[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as Match).from <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface HabitInput {
  readonly text: string;
  readonly tokens: readonly Lexeme[];
  readonly errors: readonly ScanError[];
  readonly schema: ResolvedSchema | undefined;
  /** Parses a text without consulting habits: the query (when it parses) and the diagnostics. */
  readonly reparse: (text: string) => { readonly query?: QueryNode; readonly diagnostics: readonly Diagnostic[] };
}

export function withHabits(input: HabitInput, generic: readonly Diagnostic[]): Diagnostic[] {
  const { text } = input;
  const parses = (candidate: string) => !input.reparse(candidate).diagnostics.some((d) => d.severity === "error");
  const s = new Source(text, input.tokens, input.errors, input.schema, parses);
  // A habit stands only where parsing failed (at its region or the token after it), or past the
  // first error, where recovery may have skipped it.
  const starts = generic.filter((d) => d.severity === "error").map((d) => d.span.start).sort((a, b) => a - b);
  const first = starts[0] ?? Number.POSITIVE_INFINITY;
  const explained = (m: Match) => {
    const k = lowerBound(starts, m.from);
    return k < starts.length && (starts[k] as number) <= s.end(s.tokenAt(m.to));
  };
  const matches = findHabits(s).filter((m) => m.from > first || explained(m)).map((m) => separated(text, m));
  if (matches.length === 0) return [...generic];
  const edits = matches.flatMap((m) => m.findings.flatMap((f) => f.fix?.edits ?? [])).sort((a, b) => a.start - b.start);
  const fixed = applyEdits(text, edits);
  const offsets = new OffsetMap(edits);
  const reparsed = input.reparse(fixed);
  const remaining = reparsed.diagnostics.filter((d) => d.severity === "error");
  const rejected = new Spans(typeErrors(reparsed.query, input.schema));
  // What the checker says against the text a finding's fix writes. A guess it refuses — a value
  // read from a bare word that is not allowed there (`status:archived`), an operator the field does
  // not take (`age has 30` → `contains`) — is not sure to be what was meant: its match gets no fix,
  // and a hint that proposed the refused text (`proposes`) gives the checker's reason instead.
  // A repair that spells what was written (`'it's'` escaped) stands: its value's error is the checker's to report.
  const refusal = (f: Finding): Diagnostic | undefined => {
    for (const e of f.fix?.edits ?? []) {
      const from = offsets.map(e.start);
      const found = rejected.find(from, from + e.text.length);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const remainingSorted = [...remaining].sort((a, b) => a.span.start - b.span.start);
  const remainingStarts = remainingSorted.map((d) => d.span.start);
  /** The first error the fixed text still has within [from, to] of the original. */
  const stillFails = (from: number, to: number): Diagnostic | undefined => {
    const k = lowerBound(remainingStarts, offsets.map(from));
    return k < remainingStarts.length && (remainingStarts[k] as number) <= offsets.map(to) ? remainingSorted[k] : undefined;
  };
  const remainingAt = new Set(remainingStarts);
  const covering = (offset: number) => {
    const k = upperBound(matches, offset) - 1;
    return k >= 0 && offset < (matches[k] as Match).to;
  };
  const reporter = new Reporter(text);
  for (const m of matches) {
    const refusals = m.findings.map(refusal);
    const guessRefused = m.findings.some((f) => f.guessed === true) && refusals.some((r) => r !== undefined);
    const failing = stillFails(m.from, m.to);
    const sure = failing === undefined && !guessRefused;
    m.findings.forEach((f, i) => {
      // Why the fix is not offered: the error its text still has, or the checker's refusal.
      const why = failing ?? (guessRefused ? refusals[i] : undefined);
      const proposal = why !== undefined && f.fix !== undefined && f.proposes === true;
      const hint = !proposal ? f.hint : why.hint === undefined ? why.message : `${why.message}; ${why.hint}`;
      report(reporter, { ...f, hint }, sure);
    });
  }
  // What a habit covers is said by the habit; anything else stays if the fixed text still fails there.
  const kept = generic.filter((d) => !covering(d.span.start) && (d.severity !== "error" || remainingAt.has(offsets.map(d.span.start))));
  // Errors that recovery hid behind the habits' and show up once they are fixed.
  const keptAt = new Set(kept.map((d) => d.span.start));
  const ends = new Set(matches.map((m) => m.to));
  for (const r of remaining) {
    const start = offsets.unmap(r.span.start);
    if (covering(start) || ends.has(start) || keptAt.has(start)) continue;
    reporter.error(r.code, r.message, { start, end: Math.max(start, offsets.unmap(r.span.end)) }, r.hint);
  }
  return [...reporter.diagnostics, ...kept];
}

/** Diagnostics asked which overlaps a range, by binary search (a broken list may hold thousands). */
class Spans {
  private readonly sorted: Diagnostic[];
  private readonly starts: number[];
  /** The furthest end among the spans up to each one, by start. */
  private readonly reach: number[] = [];

  constructor(diagnostics: readonly Diagnostic[]) {
    this.sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start);
    this.starts = this.sorted.map((d) => d.span.start);
    let far = Number.NEGATIVE_INFINITY;
    for (const d of this.sorted) this.reach.push((far = Math.max(far, d.span.end)));
  }

  /** The diagnostic starting last among those whose span shares a character with [from, to). */
  find(from: number, to: number): Diagnostic | undefined {
    // Spans before k start before `to`; going back, none overlaps once the furthest end is ≤ from.
    for (let j = lowerBound(this.starts, to) - 1; j >= 0 && (this.reach[j] as number) > from; j--) {
      const d = this.sorted[j] as Diagnostic;
      if (d.span.end > from) return d;
    }
    return undefined;
  }
}

/** The checker's errors on the fixed text, when it parsed and a schema is known. */
function typeErrors(query: QueryNode | undefined, schema: ResolvedSchema | undefined): Diagnostic[] {
  if (query === undefined || schema === undefined) return [];
  return check(query, { schema }).filter((d) => d.severity === "error" && (d.code === "type-mismatch" || d.code === "invalid-value"));
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
