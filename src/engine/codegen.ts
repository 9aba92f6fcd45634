/**
 * Optional code generation: the and/or/not structure and every predicate but `matches` and `~`
 * become one specialised function, so V8 can inline the whole test. Each operator's generated
 * form sits beside its closure in predicates.ts; this module reads the path into a temp (straight
 * reads through plain objects; a missing, null or scalar step ends the path, as in path.ts) and
 * hands the record to the closure wherever the path meets an array or any other object, so the
 * array rules of §4 stay the closures' alone. No user text is ever spliced
 * into the source: field names, values, Sets and closures reach it as bound parameters (`k0`,
 * `c0`, `s0`, `f0`); the source holds only names this module makes up. Where `new Function` is
 * forbidden (a CSP), callers fall back to the closures, which give identical results (a property
 * test compares the two on random records and queries).
 *
 * What makes the fast paths cheap and still exact:
 * - A record whose prototype is `Object.prototype` cannot inherit a field whose name is not a
 *   property of `Object.prototype`, so reading `r[k]` needs no own-property check. Records with
 *   any other prototype take the closures, and so does every record of a call that finds such a
 *   name added to `Object.prototype` since compiling.
 */
import type { ExprNode, PredicateNode } from "../ast/nodes.js";
import { positiveOf } from "../ast/positive-of.js";
import { internalize } from "./internalize.js";
import { isPlainObject } from "./path.js";
import { compileExpr, compilePredicate, predicateSource, scalarSink, type EvalContext, type SourceSink, type Test } from "./predicates.js";

class Generator {
  readonly params: string[] = [];
  readonly args: unknown[] = [];
  /** Field names read from plain objects with no own-property check: Object.prototype must still lack them. */
  readonly plainReads = new Set<string>();
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
        return this.predicate(node) ?? `${this.bind("f", compilePredicate(node, this.ctx))}(r)`;
    }
  }

  /**
   * Any predicate over a path of plain fields: read the path through plain objects into a temp,
   * then the operator's generated form (predicates.ts) on it. A middle step that is missing, null
   * or not an object ends the path (the leaf sees `undefined`, as path.ts reads it: MISSING); a
   * step that is an array or a non-plain object hands the record to the closure.
   */
  private predicate(node: PredicateNode): string | undefined {
    const { positive, negated } = positiveOf(node);
    const source = predicateSource(positive, this.ctx);
    const segments = node.field.segments;
    if (source === undefined || segments.some((s) => s in Object.prototype)) return undefined;
    let slow: string | undefined;
    const sink: SourceSink = {
      bind: (prefix, value) => this.bind(prefix, value),
      // The closure of the positive form: the generated form applies the negation itself.
      slow: () => (slow ??= `${this.bind("f", compilePredicate(positive, this.ctx))}(r)`),
      isArray: (x) => `isArray(${x})`,
    };
    for (const s of segments) this.plainReads.add(s);
    const keys = segments.map((s) => this.bind("k", s));
    const x = this.temp();
    const not = negated ? "!" : "";
    // A field the schema declares scalar: a value of that type (or none: null, missing) is compared
    // straight, with no array branch. Anything else, a record off its schema (an array where a
    // string was declared, as a schema inferred from a sample may meet), goes to the closure, so the
    // answer is the closures' on every record; only one form is written, which keeps a query of
    // many predicates small enough for V8 to optimise whole.
    const type = this.scalarType(positive);
    const compare = type === undefined ? source(x, sink) : `(typeof ${x} === "${type}" || ${x} == null ? ${source(x, scalarSink(sink))} : ${sink.slow()})`;
    if (keys.length === 1) return `${not}((${x} = r[${keys[0]}]), ${compare})`;
    // True once `x` holds the path's value (or undefined where the path ended); false where a step
    // needs the closure. A plain object's fields are own-or-absent reads.
    const reach = (from: string, i: number): string => {
      const k = keys[i] as string;
      if (i === keys.length - 1) return `((${x} = ${from}[${k}]), true)`;
      const p = this.temp();
      return `((${p} = ${from}[${k}]) !== null && typeof ${p} === "object" ? isPlain(${p}) && ${reach(p, i + 1)} : ((${x} = undefined), true))`;
    };
    const read = reach("r", 0);
    return `${not}(${read} ? ${compare} : ${sink.slow()})`;
  }

  /** The `typeof` of a field the schema declares a scalar (`string`, `number`, `integer`, `boolean`). */
  private scalarType(node: PredicateNode): "string" | "number" | "boolean" | undefined {
    const field = this.ctx.schema?.lookup(node.field.segments);
    if (field === undefined || field.array || field.open) return undefined;
    return field.base === "string" ? "string" : field.base === "number" || field.base === "integer" ? "number" : field.base === "boolean" ? "boolean" : undefined;
  }
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
  // The plain reads were safe when the query was compiled; a name added to Object.prototype since
  // (prototype pollution) would be inherited by every record lacking it, so each call checks that
  // the prototype still lacks them, and sends every record to the closures (own reads) if not.
  const guards = [...gen.plainReads].map((name) => `${gen.bind("p", name)} in objectPrototype`);
  const clean = guards.length > 0 ? `!(${guards.join(" || ")})` : "true";
  // `r.__proto__` (the standard accessor, which V8 inlines) rather than a call to
  // Object.getPrototypeOf, which costs ~5 ns per record here. A record with an own
  // `__proto__` key reads that key instead, so it too takes the closures: still exact.
  // An own `__proto__` getter may throw: such a record is simply not plain, and takes the closures.
  const test = (result: (expr: string) => string, plainProto: string) =>
    [
      'if (r === null || typeof r !== "object") {' + result("false") + "}",
      `else { let plain; try { plain = ${plainProto} && r.__proto__ === objectPrototype; } catch { plain = false; }`,
      `if (!plain) { ${result("!isArray(r) && closures(r)")} }`,
      `else { try { ${result(body)} } catch { ${result("false")} } } }`,
    ].join(" ");
  const source = [
    '"use strict";',
    `function filterqlTest(r) { ${declare} ${test((e) => `return ${e};`, clean)} }`,
    `function filterqlArray(records) { ${declare} const clean = ${clean}; const out = []; for (let i = 0; i < records.length; i++) { const r = records[i]; let keep; ${test((e) => `keep = ${e};`, "clean")} if (keep) out.push(r); } return out; }`,
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
