/**
 * check(query, { schema }): every diagnostic at once — unknown fields (with the closest known
 * one), operators a field's type cannot take, literals of the wrong type, values outside an
 * enum, bad dates and regexes, unsortable sort keys. Without a schema, the schema-free checks only.
 */
import type { ExprNode, PathNode, PredicateNode, QueryNode, ValueNode } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Reporter } from "../diagnostics/reporter.js";
import { textOf } from "../emit/print.js";
import type { Limits } from "../options.js";
import { queryLimitDiagnostics } from "./accept-query.js";
import { isIsoDate } from "../engine/dates.js";
import { badFlags, checkRegex } from "../engine/regex.js";
import { sourceOf } from "../syntax/source-text.js";
import { closest } from "./closest.js";
import { ANY_FIELD, resolveSchema, typeName, type BaseType, type FieldInfo, type ResolvedSchema, type Schema } from "./schema.js";
import { expectOptions, expectQuery, expectSchemaOption } from "../arguments.js";

/** The limits are those of parsing (SPEC §6): a query value past one gets only its `limit-exceeded` diagnostic. */
export interface CheckOptions extends Limits {
  readonly schema?: Schema | ResolvedSchema;
}

export function check(query: QueryNode, options: CheckOptions = {}): Diagnostic[] {
  expectQuery("check", "query", query);
  expectOptions("check", "options", options);
  expectSchemaOption("check", options);
  const overLimits = queryLimitDiagnostics("check", query, options);
  if (overLimits.length > 0) return overLimits;
  return checkQuery(query, resolveSchema(options.schema));
}

/** `check` for a query already through `acceptQuery` (the doors that throw): no argument or limit is checked again. */
export function checkQuery(query: QueryNode, schema: ResolvedSchema | undefined): Diagnostic[] {
  const source = sourceOf(query);
  const checker = new Checker(new Reporter(textOf(query)), schema, source !== undefined);
  if (query.filter !== null) checker.expr(query.filter);
  for (const key of query.orderBy) {
    const field = checker.field(key.field);
    if (field !== undefined && !field.sortable) {
      checker.reporter.error("not-sortable", `\`${key.field.segments.join(".")}\` is not sortable`, key.field.span, "the schema marks it `sortable: false`");
    } else if (field !== undefined && (field.base === "object" && !field.open)) {
      checker.reporter.error("not-sortable", `\`${key.field.segments.join(".")}\` is an object and cannot be sorted`, key.field.span);
    }
  }
  for (const path of query.select) checker.field(path);
  return checker.reporter.diagnostics;
}

/** The JavaScript type a literal must have for each scalar field type. */
const LITERAL_TYPE: Record<Exclude<BaseType, "object" | "any">, "string" | "number" | "boolean"> = {
  string: "string", number: "number", integer: "number", boolean: "boolean", date: "string",
};

const ORDERABLE = new Set(["string", "number", "integer", "date", "any"]);
const STRINGISH = new Set(["string", "any"]);

class Checker {
  constructor(
    readonly reporter: Reporter,
    private readonly schema: ResolvedSchema | undefined,
    /** True when spans point into the parsed text, so a fix's edits can too. */
    private readonly fixable: boolean,
  ) {}

  expr(node: ExprNode): void {
    // An explicit stack: hand-built or decoded trees may be deep.
    const stack: ExprNode[] = [node];
    while (stack.length > 0) {
      const n = stack.pop() as ExprNode;
      if (n.kind === "And" || n.kind === "Or") for (let i = n.operands.length - 1; i >= 0; i--) stack.push(n.operands[i] as ExprNode);
      else if (n.kind === "Not") stack.push(n.operand);
      else this.predicate(n);
    }
  }

  /** Looks a field up; reports `unknown-field` (with the closest known path) when the schema lacks it. */
  field(path: PathNode): FieldInfo | undefined {
    if (this.schema === undefined) return ANY_FIELD;
    const info = this.schema.lookup(path.segments);
    if (info !== undefined) return info;
    const name = path.segments.join(".");
    const suggestion = closest(name, this.schema.paths);
    this.reporter.error("unknown-field", `unknown field \`${name}\``, path.span, suggestion === undefined ? undefined : `did you mean \`${suggestion}\`?`);
    return undefined;
  }

  private predicate(node: PredicateNode): void {
    const field = this.field(node.field);
    const name = node.field.segments.join(".");
    switch (node.kind) {
      case "Compare":
        if (node.op !== "eq" && node.op !== "ne" && !this.orderable(node, field, name)) return;
        this.value(node.value, field, name, node.op === "eq" || node.op === "ne");
        return;
      case "Between":
        if (!this.orderable(node, field, name)) return;
        this.value(node.low, field, name, false);
        this.value(node.high, field, name, false);
        return;
      case "In":
        for (const v of node.values) this.value(v, field, name, true);
        return;
      case "IsNull":
      case "Exists":
        return;
      case "Text":
        this.stringOperator(node, field, name, "~");
        this.literalString(node.value);
        return;
      case "Match":
        this.match(node, field, name);
        return;
    }
  }

  private match(node: Extract<PredicateNode, { kind: "Match" }>, field: FieldInfo | undefined, name: string): void {
    if (node.value.kind === "DateMath") {
      this.reporter.error("type-mismatch", "date math cannot be used with this operator", node.value.span);
      return;
    }
    if (node.op === "contains") {
      if (field !== undefined && !field.array && !STRINGISH.has(field.base)) {
        this.reporter.error("type-mismatch", `\`contains\` needs a string or a list; \`${name}\` is ${article(typeName(field))}`, node.span);
        return;
      }
      // On a list, `contains` is membership: the value must fit the element type.
      if (field !== undefined && field.array) this.value(node.value, field, name, false);
      else if (node.value.kind === "Literal" && typeof node.value.value !== "string" && field !== undefined && field.base === "string") {
        this.reporter.error("type-mismatch", `\`contains\` on the string \`${name}\` needs a string`, node.value.span);
      }
      return;
    }
    const label = node.op === "regex" ? "matches" : node.op === "starts_with" ? "starts with" : "ends with";
    this.stringOperator(node, field, name, label);
    if (node.op === "regex") this.regex(node.value);
  }

  private stringOperator(node: PredicateNode, field: FieldInfo | undefined, name: string, label: string): void {
    if (field !== undefined && !STRINGISH.has(field.base)) {
      this.reporter.error("type-mismatch", `\`${label}\` needs a string field; \`${name}\` is ${article(typeName(field))}`, node.span);
    }
  }

  /** False (after reporting) when the field's type cannot be ordered. */
  private orderable(node: PredicateNode, field: FieldInfo | undefined, name: string): boolean {
    if (field !== undefined && !ORDERABLE.has(field.base)) {
      this.reporter.error("type-mismatch", `\`${name}\` is ${article(typeName(field))}; ordering comparisons need numbers, strings or dates`, node.span);
      return false;
    }
    return true;
  }

  private literalString(value: ValueNode): void {
    if (value.kind !== "Literal" || typeof value.value !== "string") this.reporter.error("type-mismatch", "this operator needs a string", value.span);
  }

  private regex(value: ValueNode): void {
    const pattern = value.kind === "Regex" ? value.pattern : value.kind === "Literal" && typeof value.value === "string" ? value.value : undefined;
    if (pattern === undefined) {
      this.reporter.error("type-mismatch", "`matches` needs a regex or a string", value.span);
      return;
    }
    if (value.kind === "Regex") {
      const bad = badFlags(value.flags);
      if (bad.length > 0) this.reporter.error("invalid-value", `regex flag${bad.length > 1 ? "s" : ""} ${bad.map((f) => `\`${f}\``).join(", ")} not supported`, value.span, "only `i` (case-insensitive) is supported");
    }
    const compiled = checkRegex(pattern);
    if (!compiled.ok) this.reporter.error("invalid-value", `invalid regex: ${compiled.message}`, value.span, "patterns use RE2 syntax (no backreferences or lookaround), which always runs in linear time");
  }

  /** A literal against a field's type; `nullable`: `null` is allowed (eq, ne, in). */
  private value(value: ValueNode, field: FieldInfo | undefined, name: string, nullable: boolean): void {
    if (value.kind === "Regex") {
      this.reporter.error("type-mismatch", "a regex is only allowed after `matches`", value.span);
      return;
    }
    if (field === undefined || field.base === "any") return;
    const type = typeName(field);
    if (value.kind === "DateMath") {
      if (field.base !== "date") this.reporter.error("type-mismatch", `\`now\` is a date; \`${name}\` is ${article(type)}`, value.span);
      return;
    }
    const v = value.value;
    if (v === null) {
      if (!nullable) this.reporter.error("type-mismatch", "`null` cannot be ordered; use `is null`", value.span);
      return;
    }
    if (field.base === "object") {
      this.reporter.error("type-mismatch", `\`${name}\` is an object; compare one of its fields instead`, value.span);
      return;
    }
    if (typeof v !== LITERAL_TYPE[field.base]) {
      this.reporter.error("type-mismatch", `\`${name}\` is ${article(type)}, but ${shown(v)} is ${article(typeof v)}`, value.span);
      return;
    }
    if (field.base === "integer" && !Number.isInteger(v)) {
      this.reporter.warning("invalid-value", `\`${name}\` holds whole numbers; ${String(v)} never equals one`, value.span);
    } else if (field.base === "date" && !isIsoDate(v as string)) {
      this.reporter.error("invalid-value", `${shown(v)} is not an ISO-8601 date`, value.span, 'write dates like "2024-05-01" or "2024-05-01T10:00:00Z", or use `now - 7d`');
    }
    if (field.enum !== undefined && !field.enum.some((allowed) => allowed === v)) {
      const allowed = `allowed: ${field.enum.map((a) => JSON.stringify(a)).join(", ")}`;
      // A near miss (`"activ"`) gets the enum's one closest value, as a bare word does.
      const near = typeof v === "string" ? closest(v, field.enum.filter((a): a is string => typeof a === "string"), true) : undefined;
      const message = `${shown(v)} is not one of the values of \`${name}\``;
      if (near === undefined) this.reporter.error("invalid-value", message, value.span, allowed);
      else {
        const quoted = JSON.stringify(near);
        const fix = this.fixable ? { title: `write ${quoted}`, edits: [{ start: value.span.start, end: value.span.end, text: quoted }] } : undefined;
        this.reporter.error("invalid-value", message, value.span, `did you mean \`${quoted}\`? ${allowed}`, fix);
      }
    }
  }
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

/** A value as a message quotes it: a long string is cut (the frame under the message shows where it is). */
function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  if (text.length <= 60) return text;
  const points = Array.from(text);
  return points.length <= 60 ? text : `${points.slice(0, 40).join("")}…${points.slice(-10).join("")}`;
}
