/**
 * CST → AST. The only module besides the grammar that sees Chevrotain's types. It also reports
 * the rules a context-free grammar cannot say: a regex only after `matches`, `~` takes a string,
 * `limit` takes a whole number of 1 or more.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { and, or } from "../ast/build.js";
import type {
  CompareOp, DateMathNode, ExprNode, MatchOp, OrderKeyNode, PathNode, PredicateNode, QueryNode, Span, ValueNode,
} from "../ast/nodes.js";
import type { Reporter } from "../diagnostics/reporter.js";
import type { DurationPayload, RegexPayload } from "./post-lex.js";
import * as T from "./tokens.js";

const NONE: CstElement[] = [];

function elements(node: CstNode, key: string): CstElement[] {
  return node.children[key] ?? NONE;
}

function tok(node: CstNode, key: string, i = 0): IToken | undefined {
  return elements(node, key)[i] as IToken | undefined;
}

function sub(node: CstNode, key: string, i = 0): CstNode {
  const child = elements(node, key)[i];
  if (child === undefined) throw new Error(`internal: missing ${key} in ${node.name}`);
  return child as CstNode;
}

function subs(node: CstNode, key: string): CstNode[] {
  return elements(node, key) as CstNode[];
}

function span(node: CstNode): Span {
  const loc = node.location;
  return loc === undefined ? { start: 0, end: 0 } : { start: loc.startOffset, end: (loc.endOffset ?? loc.startOffset) + 1 };
}

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

const COMPARATORS: ReadonlyMap<string, CompareOp> = new Map([
  ["Eq", "eq"], ["EqEq", "eq"], ["NotEq", "ne"], ["Gt", "gt"], ["Gte", "gte"], ["Lt", "lt"], ["Lte", "lte"],
]);

type Expects = "plain" | "string" | "pattern";

export class CstToAst {
  constructor(private readonly reporter: Reporter) {}

  query(node: CstNode): QueryNode {
    const from = elements(node, "fromClause")[0] as CstNode | undefined;
    const orExpr = elements(node, "orExpr")[0] as CstNode | undefined;
    const order = elements(node, "orderClause")[0] as CstNode | undefined;
    const select = elements(node, "selectClause")[0] as CstNode | undefined;
    const limit = elements(node, "limitClause")[0] as CstNode | undefined;
    const caseClause = elements(node, "caseClause")[0] as CstNode | undefined;
    return {
      kind: "Query",
      span: span(node),
      collections: from === undefined ? [] : subs(from, "collection").map((c) => this.collection(c)),
      filter: orExpr === undefined ? null : this.orExpr(orExpr),
      orderBy: order === undefined ? [] : subs(order, "orderKey").map((k) => this.orderKey(k)),
      select: select === undefined ? [] : subs(select, "path").map((p) => this.path(p)),
      limit: limit === undefined ? null : this.limit(limit),
      caseSensitive: caseClause === undefined ? null : tok(caseClause, "Sensitive") !== undefined,
    };
  }

  private collection(node: CstNode): string {
    const token = (tok(node, "Identifier") ?? tok(node, "BackQuoted") ?? tok(node, "StringLiteral")) as IToken;
    return token.tokenType === T.Identifier ? token.image : (token.payload as string);
  }

  private limit(node: CstNode): number {
    const token = tok(node, "NumberLiteral") as IToken;
    const value = token.payload as number;
    if (!Number.isSafeInteger(value) || value < 1) {
      this.reporter.error("syntax", `\`limit\` takes a whole number of 1 or more, not ${token.image}`, tokenSpan(token));
    }
    return value;
  }

  private orderKey(node: CstNode): OrderKeyNode {
    return { kind: "OrderKey", span: span(node), field: this.path(sub(node, "path")), direction: tok(node, "Desc") === undefined ? "asc" : "desc" };
  }

  private orExpr(node: CstNode): ExprNode {
    return or(subs(node, "andExpr").map((a) => this.andExpr(a)), span(node));
  }

  private andExpr(node: CstNode): ExprNode {
    return and(subs(node, "notExpr").map((n) => this.notExpr(n)), span(node));
  }

  private notExpr(node: CstNode): ExprNode {
    if (tok(node, "Not") !== undefined) return { kind: "Not", span: span(node), operand: this.notExpr(sub(node, "notExpr")) };
    if (tok(node, "LParen") !== undefined) return this.orExpr(sub(node, "orExpr"));
    return this.predicate(sub(node, "predicate"));
  }

  private predicate(node: CstNode): PredicateNode {
    const s = span(node);
    const field = this.path(sub(node, "path"));
    const values = subs(node, "value");
    const comparator = elements(node, "comparator")[0] as CstNode | undefined;
    if (comparator !== undefined) {
      let op: CompareOp = "eq";
      for (const name in comparator.children) op = COMPARATORS.get(name) ?? op;
      return { kind: "Compare", span: s, op, field, value: this.value(values[0] as CstNode, "plain") };
    }
    if (tok(node, "Between") !== undefined) {
      return { kind: "Between", span: s, field, low: this.value(values[0] as CstNode, "plain"), high: this.value(values[1] as CstNode, "plain") };
    }
    if (tok(node, "Is") !== undefined) return { kind: "IsNull", span: s, field, negated: tok(node, "Not") !== undefined };
    if (tok(node, "Tilde") !== undefined) return { kind: "Text", span: s, field, value: this.value(values[0] as CstNode, "string", "~") };
    const negated = tok(node, "Not") !== undefined;
    const rest = sub(node, "negatable");
    if (tok(rest, "In") !== undefined) {
      const list = sub(rest, "list");
      return { kind: "In", span: s, field, negated, values: subs(list, "value").map((v) => this.value(v, "plain")) };
    }
    if (tok(rest, "Exists") !== undefined) return { kind: "Exists", span: s, field, negated };
    const [op, expects, label]: [MatchOp, Expects, string] =
      tok(rest, "Contains") !== undefined ? ["contains", "plain", "contains"]
      : tok(rest, "Starts") !== undefined ? ["starts_with", "string", "starts with"]
      : tok(rest, "Ends") !== undefined ? ["ends_with", "string", "ends with"]
      : ["regex", "pattern", "matches"];
    return { kind: "Match", span: s, op, negated, field, value: this.value(sub(rest, "value"), expects, label) };
  }

  path(node: CstNode): PathNode {
    const segments = subs(node, "segment").map((seg) => {
      const token = (tok(seg, "Identifier") ?? tok(seg, "BackQuoted")) as IToken;
      return token.tokenType === T.Identifier ? token.image : (token.payload as string);
    });
    return { kind: "Path", span: span(node), segments };
  }

  /**
   * `expects`: "plain" (any scalar or date math), "string" (`~`, `starts with`, `ends with`),
   * "pattern" (`matches`: a regex literal or a string).
   */
  private value(node: CstNode, expects: Expects, operator = ""): ValueNode {
    const s = span(node);
    const str = tok(node, "StringLiteral");
    if (str !== undefined) return { kind: "Literal", span: s, value: str.payload as string };
    const regex = tok(node, "RegexLiteral");
    if (regex !== undefined) {
      if (expects !== "pattern") this.reporter.error("syntax", "a regex literal is only allowed after `matches`", s, "write the value as a string");
      const { pattern, flags } = regex.payload as RegexPayload;
      return { kind: "Regex", span: s, pattern, flags };
    }
    if (expects !== "plain") {
      const what = expects === "pattern" ? "`matches` takes a regex (`/pattern/i`) or a string" : `\`${operator}\` takes a string`;
      this.reporter.error("syntax", what, s);
    }
    const num = tok(node, "NumberLiteral");
    if (num !== undefined) {
      const value = num.payload as number;
      return { kind: "Literal", span: s, value: tok(node, "Minus") === undefined || value === 0 ? value : -value };
    }
    if (tok(node, "True") !== undefined) return { kind: "Literal", span: s, value: true };
    if (tok(node, "False") !== undefined) return { kind: "Literal", span: s, value: false };
    if (tok(node, "Null") !== undefined) return { kind: "Literal", span: s, value: null };
    return this.dateMath(sub(node, "dateMath"));
  }

  private dateMath(node: CstNode): DateMathNode {
    const duration = tok(node, "Duration");
    if (duration === undefined) return { kind: "DateMath", span: span(node), offset: null };
    const { amount, unit } = duration.payload as DurationPayload;
    return { kind: "DateMath", span: span(node), offset: { sign: tok(node, "Plus") === undefined ? "-" : "+", amount, unit } };
  }
}
