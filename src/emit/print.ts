/**
 * AST → canonical text: lowercase keywords, double-quoted strings, minimal parentheses,
 * back-quotes only where a name needs them. `parse(print(q))` gives `q` back (spans aside),
 * and printing printed text again changes nothing.
 */
import type { AstNode, ExprNode, Kind, NodeOfKind, PathNode, QueryNode, Scalar } from "../ast/nodes.js";
import { expectNode, expectOptions } from "../arguments.js";
import { queryNode } from "../ast/build.js";
import { acceptQuery } from "../check/accept-query.js";
import type { Limits } from "../options.js";
import { sourceOf } from "../syntax/source-text.js";
import { isPlainIdentifier, RESERVED_WORDS } from "../syntax/tokens.js";

/** Binding strength: a child binding more loosely than its parent needs parentheses. */
const PRECEDENCE: Record<ExprNode["kind"], number> = {
  Or: 1, And: 2, Not: 3, Compare: 4, In: 4, Between: 4, IsNull: 4, Exists: 4, Match: 4, Text: 4,
};

function operand(node: ExprNode, parentPrecedence: number): string {
  const text = printNode(node);
  return PRECEDENCE[node.kind] <= parentPrecedence ? `(${text})` : text;
}

const COMPARE_TEXT = { eq: "=", ne: "!=", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
const MATCH_TEXT = { contains: "contains", starts_with: "starts with", ends_with: "ends with", regex: "matches" } as const;

const printers: { readonly [K in Kind]: (node: NodeOfKind<K>) => string } = {
  Query: printQuery,
  Or: (n) => n.operands.map((o) => operand(o, PRECEDENCE.Or)).join(" or "),
  And: (n) => n.operands.map((o) => operand(o, PRECEDENCE.And)).join(" and "),
  Not: (n) => `not ${operand(n.operand, PRECEDENCE.Not - 1)}`,
  Compare: (n) => `${printNode(n.field)} ${COMPARE_TEXT[n.op]} ${printNode(n.value)}`,
  In: (n) => `${printNode(n.field)} ${n.negated ? "not in" : "in"} [${n.values.map(printNode).join(", ")}]`,
  Between: (n) => `${printNode(n.field)} between ${printNode(n.low)} and ${printNode(n.high)}`,
  IsNull: (n) => `${printNode(n.field)} is ${n.negated ? "not null" : "null"}`,
  Exists: (n) => `${printNode(n.field)} ${n.negated ? "not exists" : "exists"}`,
  Match: (n) => `${printNode(n.field)} ${n.negated ? "not " : ""}${MATCH_TEXT[n.op]} ${printNode(n.value)}`,
  Text: (n) => `${printNode(n.field)} ~ ${printNode(n.value)}`,
  OrderKey: (n) => `${printNode(n.field)}${n.direction === "desc" ? " desc" : ""}`,
  Path: (n) => n.segments.map((s, i) => (i > 0 && POSITION.test(s) ? s : printName(s))).join("."),
  Literal: (n) => printScalar(n.value),
  Regex: (n) => (regexLiteralCanHold(n.pattern) ? `/${escapeSlashes(n.pattern)}/${n.flags}` : printScalar(n.flags.includes("i") ? `(?i)${n.pattern}` : n.pattern)),
  DateMath: (n) => (n.offset === null ? "now" : `now ${n.offset.sign} ${n.offset.amount}${n.offset.unit}`),
};

/**
 * Canonical text of a query, or of any node. A query or expression is held to the limits of
 * parsing first (SPEC §6; `options`, else the defaults): past one, a `FilterQLError` with a
 * `limit-exceeded` diagnostic, never a stack overflow.
 */
export function print(node: AstNode, options?: Limits): string {
  expectNode("print", "node", node);
  expectOptions("print", "options", options);
  if (node.kind === "Query") acceptQuery("print", "node", node, options);
  else if (node.kind === "And" || node.kind === "Or" || node.kind === "Not") acceptQuery("print", "node", queryNode({ filter: node }), options);
  return printNode(node);
}

/**
 * The text diagnostics about a query point into: the text it was parsed from, else its canonical
 * text. For a query already through `acceptQuery` (no limit is checked again).
 */
export function textOf(query: QueryNode): string {
  return sourceOf(query) ?? printNode(query);
}

function printNode(node: AstNode): string {
  return (printers[node.kind] as (n: AstNode) => string)(node);
}

function printQuery(q: QueryNode): string {
  const parts: string[] = [];
  if (q.collections.length > 0) {
    parts.push(`from ${q.collections.map(printCollection).join(", ")}`);
    if (q.filter !== null) parts.push("where");
  }
  if (q.filter !== null) parts.push(printNode(q.filter));
  if (q.orderBy.length > 0) parts.push(`order by ${q.orderBy.map(printNode).join(", ")}`);
  if (q.select.length > 0) parts.push(`select ${q.select.map((p: PathNode) => printNode(p)).join(", ")}`);
  if (q.limit !== null) parts.push(`limit ${q.limit}`);
  if (q.caseSensitive !== null) parts.push(q.caseSensitive ? "case sensitive" : "case insensitive");
  return parts.join(" ");
}

/** A step after the first that is written bare as digits (`items.0`); others with leading zeros are back-quoted. */
const POSITION = /^(?:0|[1-9]\d*)$/;

/** A path segment: bare when it lexes as an identifier and is not reserved, else back-quoted. */
export function printName(name: string): string {
  return isPlainIdentifier(name) && !RESERVED_WORDS.has(name.toLowerCase()) ? name : `\`${name}\``;
}

function printCollection(name: string): string {
  return isPlainIdentifier(name) && !RESERVED_WORDS.has(name.toLowerCase()) ? name : JSON.stringify(name);
}

export function printScalar(value: Scalar): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  return String(value);
}

/**
 * A regex literal writes `/` as `\/`, so it cannot hold a pattern that itself contains the
 * escape `\/`, a line break, or nothing; such a pattern is printed as a string (`matches "…"`).
 */
export function regexLiteralCanHold(pattern: string): boolean {
  if (pattern.length === 0 || /[\r\n]/.test(pattern)) return false;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") {
      if (pattern[i + 1] === "/" || i + 1 === pattern.length) return false;
      i++;
    }
  }
  return true;
}

/** In a regex literal a bare `/` must be written `\/`; escapes already in the pattern stay. */
function escapeSlashes(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "\\" && i + 1 < pattern.length) {
      out += c + (pattern[i + 1] as string);
      i++;
    } else out += c === "/" ? "\\/" : c;
  }
  return out;
}
