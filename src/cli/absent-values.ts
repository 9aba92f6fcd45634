/**
 * With a schema inferred from the records, a value the query compares a field to that no record
 * holds is most likely misspelt (`"Londn"`) or simply absent: the query still runs, and a warning
 * says so, with the closest value the records hold. Only fields whose every value the inferred
 * schema lists (its enums) are looked at: for them, "no record has it" is certain.
 */
import type { QueryNode, ValueNode } from "../ast/nodes.js";
import { walk } from "../ast/visit.js";
import { closest } from "../check/closest.js";
import type { ResolvedSchema } from "../check/schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Reporter } from "../diagnostics/reporter.js";

export function absentValues(query: QueryNode, text: string, described: ResolvedSchema): Diagnostic[] {
  const reporter = new Reporter(text);
  const insensitive = query.caseSensitive === false;
  walk(query, (node) => {
    const compared: readonly ValueNode[] = node.kind === "Compare" && (node.op === "eq" || node.op === "ne") ? [node.value] : node.kind === "In" ? node.values : [];
    if (compared.length === 0 || (node.kind !== "Compare" && node.kind !== "In")) return;
    const field = described.lookup(node.field.segments);
    if (field?.enum === undefined) return;
    const held = field.enum.filter((v): v is string => typeof v === "string");
    const holds = (v: string) => (insensitive ? held.some((h) => h.toLowerCase() === v.toLowerCase()) : held.includes(v));
    for (const value of compared) {
      if (value.kind !== "Literal" || typeof value.value !== "string" || holds(value.value)) continue;
      const near = closest(value.value, held, true);
      const name = node.field.segments.join(".");
      reporter.warning("invalid-value", `no record has ${JSON.stringify(value.value)} in \`${name}\``, value.span, `${near === undefined ? "" : `did you mean ${JSON.stringify(near)}? `}the records hold ${held.map((h) => JSON.stringify(h)).join(", ")}`);
    }
  });
  return reporter.diagnostics;
}
