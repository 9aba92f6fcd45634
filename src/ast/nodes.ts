/**
 * The typed AST. Node kinds are plain strings; every node carries a span (offsets into the
 * text it was parsed from, or {0,0} for nodes built from a body). Nodes are immutable data:
 * no closures, no parser objects. `and`/`or` are n-ary and never directly nest in themselves.
 */
import type { Span } from "../diagnostics/diagnostic.js";

export type { Span };

/** A dot path: `metadata.tags`, `` `order`.id ``. */
export interface PathNode {
  readonly kind: "Path";
  readonly span: Span;
  readonly segments: readonly string[];
}

export type Scalar = string | number | boolean | null;

export interface LiteralNode {
  readonly kind: "Literal";
  readonly span: Span;
  readonly value: Scalar;
}

/** `/pattern/flags`; flags other than `i` are reported by the checker. */
export interface RegexNode {
  readonly kind: "Regex";
  readonly span: Span;
  readonly pattern: string;
  readonly flags: string;
}

export type DurationUnit = "s" | "m" | "h" | "d" | "w";

/** `now`, `now - 7d`, `now + 2h`: resolved against a clock when emitting or evaluating. */
export interface DateMathNode {
  readonly kind: "DateMath";
  readonly span: Span;
  readonly offset: { readonly sign: "+" | "-"; readonly amount: number; readonly unit: DurationUnit } | null;
}

export type ValueNode = LiteralNode | RegexNode | DateMathNode;

export type CompareOp = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";

/** `path = v`, `path != v`, `path >= v`, ... */
export interface CompareNode {
  readonly kind: "Compare";
  readonly span: Span;
  readonly op: CompareOp;
  readonly field: PathNode;
  readonly value: ValueNode;
}

/** `path in [..]` (`negated`: `path not in [..]`, operator `nin`). */
export interface InNode {
  readonly kind: "In";
  readonly span: Span;
  readonly negated: boolean;
  readonly field: PathNode;
  readonly values: readonly ValueNode[];
}

/** `path between low and high`: `>= low and <= high`. */
export interface BetweenNode {
  readonly kind: "Between";
  readonly span: Span;
  readonly field: PathNode;
  readonly low: ValueNode;
  readonly high: ValueNode;
}

/** `path is null` (`negated`: `path is not null`). */
export interface IsNullNode {
  readonly kind: "IsNull";
  readonly span: Span;
  readonly negated: boolean;
  readonly field: PathNode;
}

/** `path exists` (`negated`: `path not exists`). */
export interface ExistsNode {
  readonly kind: "Exists";
  readonly span: Span;
  readonly negated: boolean;
  readonly field: PathNode;
}

export type MatchOp = "contains" | "starts_with" | "ends_with" | "regex";

/** `contains`, `starts with`, `ends with`, `matches`; `negated` is the `path not contains v` form. */
export interface MatchNode {
  readonly kind: "Match";
  readonly span: Span;
  readonly op: MatchOp;
  readonly negated: boolean;
  readonly field: PathNode;
  readonly value: ValueNode;
}

/** `path ~ "words"`: full-text match (operator `text`). */
export interface TextNode {
  readonly kind: "Text";
  readonly span: Span;
  readonly field: PathNode;
  readonly value: ValueNode;
}

export type PredicateNode = CompareNode | InNode | BetweenNode | IsNullNode | ExistsNode | MatchNode | TextNode;

export interface AndNode {
  readonly kind: "And";
  readonly span: Span;
  readonly operands: readonly ExprNode[];
}

export interface OrNode {
  readonly kind: "Or";
  readonly span: Span;
  readonly operands: readonly ExprNode[];
}

export interface NotNode {
  readonly kind: "Not";
  readonly span: Span;
  readonly operand: ExprNode;
}

export type ExprNode = AndNode | OrNode | NotNode | PredicateNode;

export type SortDirection = "asc" | "desc";

export interface OrderKeyNode {
  readonly kind: "OrderKey";
  readonly span: Span;
  readonly field: PathNode;
  readonly direction: SortDirection;
}

export interface QueryNode {
  readonly kind: "Query";
  readonly span: Span;
  /** From `from a, b`; empty when the query has no `from` clause. */
  readonly collections: readonly string[];
  readonly filter: ExprNode | null;
  readonly orderBy: readonly OrderKeyNode[];
  readonly select: readonly PathNode[];
  /** `limit N`: the page size. */
  readonly limit: number | null;
  /** `case sensitive` → true, `case insensitive` → false, absent → null. */
  readonly caseSensitive: boolean | null;
}

/** The public name of the root node. */
export type Query = QueryNode;

export type AstNode = QueryNode | ExprNode | OrderKeyNode | PathNode | ValueNode;

export type Kind = AstNode["kind"];

export type NodeOfKind<K extends Kind> = Extract<AstNode, { kind: K }>;
