/**
 * What the grammar's rules say that a context-free grammar cannot: a regex only after `matches`,
 * a string after `~`/`starts with`/`ends with`, a position after `.` written in digits, `limit`
 * a whole number from 1 to the largest a number holds exactly. One source for the words, shared by the grammar of record
 * (chevrotain/parser.ts) and the recovering descent (recover.ts).
 */
import type { ValueNode } from "../ast/nodes.js";

export interface Complaint {
  readonly message: string;
  readonly hint?: string;
}

/** What `value` accepts where it stands: any scalar, a string only, or a regex or string. */
export type Expects = "plain" | "string" | "pattern";

/** A number token that stands for path steps: `0`, `12`, `0.1` (two steps). */
export const INDEX_STEPS = /^\d+(?:\.\d+)?$/;

export function valueComplaint(node: ValueNode, expects: Expects, operator: string): Complaint | undefined {
  if (node.kind === "Regex") return expects === "pattern" ? undefined : { message: "a regex literal is only allowed after `matches`", hint: "write the value as a string" };
  if (expects === "plain" || (node.kind === "Literal" && typeof node.value === "string")) return undefined;
  return { message: expects === "pattern" ? "`matches` takes a regex (`/pattern/i`) or a string" : `\`${operator}\` takes a string` };
}

export function positionComplaint(image: string): Complaint {
  return { message: `expected a field name or a position after \`.\`, found \`${image}\``, hint: "a position is written in digits, as in `items.0`" };
}

export function limitComplaint(value: number, image: string): Complaint | undefined {
  return Number.isSafeInteger(value) && value >= 1 ? undefined : { message: `\`limit\` takes a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, not ${image}` };
}
