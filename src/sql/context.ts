/** What both storage modes' emitters share: parameters, refusals, the clock and case mode. */
import type { ValueNode } from "../ast/nodes.js";
import { constantValue } from "../ast/constant-value.js";
import type { ResolvedSchema } from "../check/schema.js";
import { hasSigma } from "../engine/lowercase-pairs.js";
import { foldSql } from "./fold.js";
import type { Params } from "./params.js";
import type { Refusals } from "./refusal.js";

export interface EmitContext {
  readonly params: Params;
  readonly refusals: Refusals;
  readonly now: Date;
  readonly caseInsensitive: boolean;
  readonly schema: ResolvedSchema | undefined;
}

export type Constant = string | number | boolean | null;

/** The value a node stands for (date math resolved to an ISO string, a regex to its pattern), checked to fit PostgreSQL. */
export function constant(v: ValueNode, ctx: EmitContext): Constant {
  const c = constantValue(v, ctx.now);
  if (typeof c === "string") ctx.refusals.text(c, v.span, "this value");
  if (typeof c === "number") ctx.refusals.number(c, v.span);
  return c;
}

/** The folded form of a query string for a case-insensitive comparison, refusing what cannot be exact. */
export function foldedConstant(c: string, v: ValueNode, ctx: EmitContext): string {
  const lowered = c.toLowerCase();
  if (hasSigma(lowered)) ctx.refusals.unsupported("case-insensitive comparison with σ or ς", v.span, "JavaScript lower-cases Σ by its position in a word, which PostgreSQL cannot follow; compare case-sensitively");
  return lowered;
}

/** SQL folding a text expression as `toLowerCase` does. */
export function fold(expr: string, ctx: EmitContext): string {
  return foldSql(expr, (key, value) => ctx.params.once(key, value, "text"));
}
