/**
 * Optional code generation: the and/or/not structure and every predicate but `matches` and `~`
 * become one specialised function, so V8 can inline the whole test. Each operator's generated
 * form sits beside its closure in predicates.ts; this module reads the path into a temp (straight
 * reads through plain objects) and hands the record to the closure wherever the path meets
 * anything else, so the array rules of §4 stay the closures' alone. No user text is ever spliced
 * into the source: field names, values, Sets and closures reach it as bound parameters (`k0`,
 * `c0`, `s0`, `f0`); the source holds only names this module makes up. Where `new Function` is
 * forbidden (a CSP), callers fall back to the closures, which give identical results (a property
 * test compares the two on random records and queries).
 *
 * Two facts make the fast paths cheap and still exact:
 * - A record whose prototype is `Object.prototype` cannot inherit a field whose name is not a
 *   property of `Object.prototype`, so reading `r[k]` needs no own-property check. Records with
 *   any other prototype take the closures.
 * - With a schema, a field declared as a scalar (`string`, `number`, `integer`, `boolean`) needs
 *   no array branch: records are taken to follow their schema.
 */
import type { CompareNode, ExprNode, InNode, PredicateNode } from "../ast/nodes.js";
import { hasHighUnits } from "./code-point-order.js";
import { internalize } from "./internalize.js";
import { isPlainObject } from "./path.js";
import { compileExpr, compilePredicate, constantOf, predicateSource, type EvalContext, type SourceSink, type Test } from "./predicates.js";

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean"]);

class Generator {
  readonly params: string[] = [];
  readonly args: unknown[] = [];
  private temps = 0;

  constructor(private readonly ctx: EvalContext) {}

  bind(prefix: string, value: unknown): string {
    const name = `${prefix}${this.params.length}`;
    this.params.push(name);
    this.args.push(internalize(value));
    return name;
  }

  temp(): string {
    return `v${this.temps++}`;
  }

  get tempCount(): number {
    return this.temps;
  }

  expr(node: ExprNode): string {
    switch (node.kind) {
      case "And":
        return `(${node.operands.map((o) => this.expr(o)).join(" && ")})`;
      case "Or":
        return `(${node.operands.map((o) => this.expr(o)).join(" || ")})`;
      case "Not":
        return `!${this.expr(node.operand)}`;
      default:
        return (node.kind === "Compare" ? this.compare(node) : node.kind === "In" ? this.scalarIn(node) : undefined) ??
          this.predicate(node) ?? `${this.bind("f", compilePredicate(node, this.ctx))}(r)`;
    }
  }

  /**
   * Any predicate over a path of plain fields: read the path through plain objects into a temp,
   * then the operator's generated form (predicates.ts) on it. A path that meets anything else on
   * the way (an array, a class instance, a missing step) hands the record to the closure.
   */
  private predicate(node: PredicateNode): string | undefined {
    const positiveNode = positive(node);
    const source = predicateSource(positiveNode, this.ctx);
    const segments = node.field.segments;
    if (source === undefined || segments.some((s) => s in Object.prototype)) return undefined;
    let slow: string | undefined;
    const sink: SourceSink = {
      bind: (prefix, value) => this.bind(prefix, value),
      // The closure of the positive form: the generated form applies the negation itself.
      slow: () => (slow ??= `${this.bind("f", compilePredicate(positiveNode, this.ctx))}(r)`),
    };
    const keys = segments.map((s) => this.bind("k", s));
    const x = this.temp();
    const not = positiveNode === node ? "" : "!";
    if (keys.length === 1) return `${not}((${x} = r[${keys[0]}]), ${source(x, sink)})`;
    // Each step but the last must be a plain object; its fields are then own-or-absent reads.
    const steps: string[] = [];
    let from = "r";
    for (const k of keys.slice(0, -1)) {
      const p = this.temp();
      steps.push(`(${p} = ${from}[${k}]) !== null && typeof ${p} === "object" && isPlain(${p})`);
      from = p;
    }
    const leaf = source(x, sink);
    return `${not}(${steps.join(" && ")} ? ((${x} = ${from}[${keys.at(-1)}]), ${leaf}) : ${sink.slow()})`;
  }

  /**
   * A top-level field the schema declares scalar (records are taken to follow their schema): the
   * field is read straight, with no array branch and no closure behind it. Undefined elsewhere,
   * where the operator's generated form on the path (`predicate`) applies.
   */
  private scalarName(node: PredicateNode): string | undefined {
    const [name, ...rest] = node.field.segments;
    if (name === undefined || rest.length > 0 || name in Object.prototype) return undefined;
    const field = this.ctx.schema?.lookup(node.field.segments);
    return field !== undefined && !field.array && !field.open && SCALAR_TYPES.has(field.base) ? name : undefined;
  }

  /**
   * `in` on a schema scalar, as `compare` treats `=` there: nothing for null or missing to do when
   * the list holds no null (a Set never holds undefined). Unrolled for a few values, a bound Set for more.
   */
  private scalarIn(node: InNode): string | undefined {
    const name = this.scalarName(node);
    if (name === undefined || this.ctx.caseInsensitive) return undefined;
    if (node.values.some((v) => v.kind !== "Literal" || v.value === null)) return undefined;
    const constants = node.values.map((v) => constantOf(v, this.ctx));
    const not = node.negated ? "!" : "";
    if (constants.length === 0) return node.negated ? "true" : "false";
    const k = this.bind("k", name);
    if (constants.length > 6) return `${not}${this.bind("s", new Set(constants))}.has(r[${k}])`;
    const v = this.temp();
    return `${not}((${v} = r[${k}]) === ${constants.map((c) => this.bind("c", c)).join(` || ${v} === `)})`;
  }

  /** A schema scalar against a string or number (or a boolean for `=`/`!=`), where no folding applies. */
  private compare(node: CompareNode): string | undefined {
    const name = this.scalarName(node);
    if (name === undefined || node.value.kind !== "Literal") return undefined;
    const c = constantOf(node.value, this.ctx);
    if (typeof c !== "string" && typeof c !== "number" && !(typeof c === "boolean" && (node.op === "eq" || node.op === "ne"))) return undefined;
    if (typeof c === "string" && this.ctx.caseInsensitive && (node.op === "eq" || node.op === "ne")) return undefined;
    // `<` on strings is code-point order only when the constant has no unit from U+D800 up.
    if (typeof c === "string" && node.op !== "eq" && node.op !== "ne" && hasHighUnits(c)) return undefined;
    const k = this.bind("k", name);
    const cv = this.bind("c", c);
    if (node.op === "eq" || node.op === "ne") return `(r[${k}] ${node.op === "eq" ? "===" : "!=="} ${cv})`;
    const op = { gt: ">", gte: ">=", lt: "<", lte: "<=" }[node.op];
    const v = this.temp();
    return `(typeof (${v} = r[${k}]) === "${typeof c}" && ${v} ${op} ${cv})`;
  }
}

/** The predicate without its negation (`!=` as `=`, `not in` as `in`, …). */
function positive(node: PredicateNode): PredicateNode {
  if (node.kind === "Compare") return node.op === "ne" ? { ...node, op: "eq" } : node;
  return "negated" in node && node.negated ? { ...node, negated: false } : node;
}

let forbidden = false;

/** A compiled query's generated forms: the record test, and a loop over an array with the test inlined. */
export interface Generated {
  readonly test: Test;
  readonly filterArray: <T>(records: readonly T[]) => T[];
}

/**
 * The whole record test, guards included: a non-object or array record never matches, a record
 * with an unusual prototype takes the closures, and a throwing getter means no match. The array
 * loop repeats the same body inline, so no call per record is left for V8 to fail to inline.
 */
export function generate(filter: ExprNode, ctx: EvalContext): Generated | undefined {
  if (forbidden) return undefined;
  const gen = new Generator(ctx);
  const body = gen.expr(filter);
  const temps = Array.from({ length: gen.tempCount }, (_, i) => `v${i}`);
  const declare = temps.length > 0 ? `let ${temps.join(", ")};` : "";
  // `r.__proto__` (the standard accessor, which V8 inlines) rather than a call to
  // Object.getPrototypeOf, which costs ~5 ns per record here. A record with an own
  // `__proto__` key reads that key instead, so it too takes the closures: still exact.
  // An own `__proto__` getter may throw: such a record is simply not plain, and takes the closures.
  const test = (result: (expr: string) => string) =>
    [
      'if (r === null || typeof r !== "object") {' + result("false") + "}",
      "else { let plain; try { plain = r.__proto__ === objectPrototype; } catch { plain = false; }",
      `if (!plain) { ${result("!isArray(r) && closures(r)")} }`,
      `else { try { ${result(body)} } catch { ${result("false")} } } }`,
    ].join(" ");
  const source = [
    '"use strict";',
    `function filterqlTest(r) { ${declare} ${test((e) => `return ${e};`)} }`,
    `function filterqlArray(records) { ${declare} const out = []; for (let i = 0; i < records.length; i++) { const r = records[i]; let keep; ${test((e) => `keep = ${e};`)} if (keep) out.push(r); } return out; }`,
    "return { test: filterqlTest, filterArray: filterqlArray };",
  ].join("\n");
  try {
    const factory = new Function("objectPrototype", "isArray", "isPlain", "closures", ...gen.params, source) as (...args: unknown[]) => Generated;
    // The all-closures version serves only records that are not plain objects: built on first need.
    let closures: Test | undefined;
    const fallback: Test = (r) => (closures ??= guarded(compileExpr(filter, ctx)))(r);
    return factory(Object.prototype, Array.isArray, isPlainObject, fallback, ...gen.args);
  } catch {
    // `new Function` is refused (e.g. a Content-Security-Policy without 'unsafe-eval').
    forbidden = true;
    return undefined;
  }
}

/** The closure test with the same guards as the generated one. */
export function guarded(inner: Test): Test {
  return (r) => {
    if (r === null || typeof r !== "object" || Array.isArray(r)) return false;
    try {
      return inner(r);
    } catch {
      return false;
    }
  };
}
