/**
 * `run` without a schema cannot tell a misspelt field from one the data lacks: `stauts = "x"`
 * quietly matches nothing. So the records are watched as they stream past, for each field the
 * query names, and afterwards a warning names every field that no record holds, with the closest
 * field the records do hold. A field costs nothing more once a record has shown it.
 */
import type { PathNode, QueryNode } from "../ast/nodes.js";
import { walk } from "../ast/visit.js";
import { closest } from "../check/closest.js";
import { inferSchema } from "../check/infer-schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Reporter } from "../diagnostics/reporter.js";
import { MISSING, someValue } from "../engine/path.js";

/** Records kept for "did you mean": the fields of the first ones are enough. */
const SAMPLE = 200;

export class AbsentFields {
  /** Fields not yet seen in any record, by dot path: the first place the query names each. */
  private readonly unseen = new Map<string, PathNode>();
  private readonly sample: unknown[] = [];

  constructor(query: QueryNode) {
    walk(query, (node) => {
      if (node.kind === "Path" && !this.unseen.has(node.segments.join("."))) this.unseen.set(node.segments.join("."), node);
    });
  }

  /** A batch of the records, as they stream past. */
  see(records: readonly unknown[]): void {
    for (let i = 0; i < records.length && this.sample.length < SAMPLE; i++) this.sample.push(records[i]);
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
    if (this.sample.length === 0 || this.unseen.size === 0) return [];
    const reporter = new Reporter(text);
    // The fields the records hold, as the REPL infers its schema from them.
    const known = Object.keys(inferSchema(this.sample, { sample: SAMPLE }));
    const wrapped = this.sample.length === 1 ? wrappedRecords(this.sample[0]) : undefined;
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
