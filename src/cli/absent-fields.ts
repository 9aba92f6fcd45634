/**
 * `run` without a schema cannot tell a misspelt field from one the data lacks: `stauts = "x"`
 * quietly matches nothing. So the records are watched as they stream past, for each field the
 * query names, and afterwards a warning names every field that no record holds, with the closest
 * field the records do hold. A field costs nothing more once a record has shown it.
 */
import type { PathNode, QueryNode } from "../ast/nodes.js";
import { walk } from "../ast/visit.js";
import { closest } from "../check/closest.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Reporter } from "../diagnostics/reporter.js";
import { MISSING, someValue } from "../engine/path.js";

/** Records whose field paths are gathered for "did you mean" (the first ones are enough). */
const SAMPLE = 200;
/** How deep into nested objects those paths go. */
const DEPTH = 3;

export class AbsentFields {
  /** Fields not yet seen in any record, by dot path: the first place the query names each. */
  private readonly unseen = new Map<string, PathNode>();
  private readonly known = new Set<string>();
  private sampled = 0;
  private first: unknown;

  constructor(query: QueryNode) {
    walk(query, (node) => {
      if (node.kind === "Path" && !this.unseen.has(node.segments.join("."))) this.unseen.set(node.segments.join("."), node);
    });
  }

  /** A batch of the records, as they stream past. */
  see(records: readonly unknown[]): void {
    if (this.sampled === 0) this.first = records[0];
    for (let i = 0; i < records.length && this.sampled < SAMPLE; i++, this.sampled++) gatherPaths(records[i], "", DEPTH, this.known);
    for (const [name, path] of this.unseen) {
      for (const record of records) {
        if (someValue(record, path.segments, (v) => v !== MISSING)) {
          this.unseen.delete(name);
          break;
        }
      }
    }
  }

  /** A warning for each field no record held; none when no record was read. */
  warnings(text: string): Diagnostic[] {
    if (this.sampled === 0) return [];
    const reporter = new Reporter(text);
    const known = [...this.known];
    const wrapped = this.sampled === 1 ? wrappedRecords(this.first) : undefined;
    for (const [name, path] of this.unseen) {
      const meant = closest(name, known);
      const hint = wrapped !== undefined
        ? `the data is one record holding a list of ${wrapped.length} in \`${wrapped.key}\`: to query those, give them as the records (\`jq -c '.${wrapped.key}[]'\` makes NDJSON of them)`
        : meant === undefined ? "check its spelling, or pass --schema F" : `did you mean \`${meant}\`?`;
      reporter.warning("unknown-field", `no record has a field \`${name}\``, path.span, hint);
    }
    return reporter.diagnostics;
  }
}

/** `{"records": [{…}, …]}`: a file that wraps its records in one object. */
function wrappedRecords(record: unknown): { key: string; length: number } | undefined {
  if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))) return { key, length: value.length };
  }
  return undefined;
}

function gatherPaths(value: unknown, prefix: string, depth: number, into: Set<string>): void {
  if (depth === 0 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const element of value.slice(0, 3)) gatherPaths(element, prefix, depth, into);
    return;
  }
  for (const key of Object.keys(value)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    into.add(path);
    gatherPaths((value as Record<string, unknown>)[key], path, depth - 1, into);
  }
}
