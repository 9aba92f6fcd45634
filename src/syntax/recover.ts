/**
 * The error path: a recursive descent for text the fast descent (descent.ts) gave up on. It finds
 * the faults that Chevrotain's recovering parser, the grammar of record (chevrotain/parser.ts),
 * finds, by the same recovery strategy, and its rules make the same complaints. A property test
 * holds the two to the same faults, complaints and queries on random text. The library thus
 * never loads Chevrotain, which keeps it out of browser bundles and start-up.
 *
 * The strategy is in recovery.ts; here are the rules, each quoted from grammar/filterql.ebnf, and
 * the grammar's FIRST sets and each call site's follow set, written out. One recovery is the
 * grammar's own: in a list, junk before a `,` or `]` is skipped and the list goes on.
 */
import type { Lexeme, TokenType } from "./tokens.js";
import { andNode, orNode, queryNode } from "../ast/build.js";
import type { DateMathNode, ExprNode, MatchOp, OrderKeyNode, PathNode, PredicateNode, QueryNode, ValueNode } from "../ast/nodes.js";
import type { Reporter } from "../diagnostics/reporter.js";
import { INDEX_STEPS, limitComplaint, positionComplaint, valueComplaint, type Expects } from "./complaints.js";
import type { Fault } from "./fault.js";
import { follow, LAST, Recovery } from "./recovery.js";
import type { DurationPayload, RegexPayload } from "./post-lex.js";
import { COMPARATORS, nameOf, scalarOf, tokenSpan } from "./reading.js";
import * as T from "./tokens.js";

const VALUE_FIRST = [T.StringLiteral, T.Minus, T.NumberLiteral, T.True, T.False, T.Null, T.RegexLiteral, T.Now];
const EXPR_FIRST = [T.Not, T.LParen, T.Identifier, T.BackQuoted];
const PATH_FIRST = [T.Identifier, T.BackQuoted];
const NEGATABLE_FIRST = [T.In, T.Exists, T.Contains, T.Starts, T.Ends, T.Matches];
const PREDICATE_OPS = [...COMPARATORS.keys(), T.Between, T.Is, T.Tilde, T.Not, ...NEGATABLE_FIRST];

const VALUES = new Set(VALUE_FIRST);
const EXPRS = new Set(EXPR_FIRST);
const PATHS = new Set(PATH_FIRST);
const NEGATABLES = new Set(NEGATABLE_FIRST);
const COLLECTION_NAMES = new Set([T.Identifier, T.BackQuoted, T.StringLiteral]);

/** The FIRST sets the rules decide by, per rule (a test derives them from the grammar of record). */
export const FIRST: Readonly<Record<string, ReadonlySet<TokenType>>> = {
  value: VALUES, orExpr: EXPRS, andExpr: EXPRS, notExpr: EXPRS, path: PATHS, orderKey: PATHS, negatable: NEGATABLES,
};

/** Each call site's follow set inside the calling rule. */
export const SITE = {
  fromInQuery: follow(true, ...EXPR_FIRST, T.Order, T.Select, T.Limit, T.Case),
  exprInQuery: follow(true, T.Order, T.Select, T.Limit, T.Case),
  orderInQuery: follow(true, T.Select, T.Limit, T.Case),
  selectInQuery: follow(true, T.Limit, T.Case),
  limitInQuery: follow(true, T.Case),
  andInOr: follow(true, T.Or),
  notInAnd: follow(true, T.And),
  exprInParens: follow(false, T.RParen),
  pathInPredicate: follow(false, ...PREDICATE_OPS),
  lowInBetween: follow(false, T.And),
  valueInList: follow(false, T.Comma, T.RBracket),
  keyInOrder: follow(true, T.Comma),
  pathInKey: follow(true, T.Asc, T.Desc),
  pathInSelect: follow(true, T.Comma),
} as const;

/** What follows the required tokens that are not last in their rule. */
export const BEFORE_VALUE = follow(false, ...VALUE_FIRST);
export const OPENING_LIST = follow(false, ...VALUE_FIRST, T.RBracket);
export const BEFORE_KEYS = follow(false, ...PATH_FIRST);

class Grammar extends Recovery {
  top(): QueryNode | undefined {
    return this.parseAll("query", () => this.query());
  }

  // query := [ from ] [ expr ] [ order ] [ select ] [ limit ] [ case ]
  private query(): QueryNode {
    const first = this.la();
    const collections = this.is(T.From) ? this.sub("fromClause", SITE.fromInQuery, () => this.fromClause()) : undefined;
    const filter = EXPRS.has(this.la().tokenType) ? this.sub("orExpr", SITE.exprInQuery, () => this.orExpr()) : undefined;
    const orderBy = this.is(T.Order) ? this.sub("orderClause", SITE.orderInQuery, () => this.orderClause()) : undefined;
    const select = this.is(T.Select) ? this.sub("selectClause", SITE.selectInQuery, () => this.selectClause()) : undefined;
    const limit = this.is(T.Limit) ? this.sub("limitClause", SITE.limitInQuery, () => this.limitClause()) : undefined;
    const caseSensitive = this.is(T.Case) ? this.sub("caseClause", LAST, () => this.caseClause()) : undefined;
    return queryNode({ collections, filter, orderBy, select, limit, caseSensitive }, this.atEnd(first) ? { start: 0, end: 0 } : this.spanFrom(first));
  }

  // from := "from" name ( "," name )* [ "where" ]
  private fromClause(): string[] {
    this.i++;
    if (!COLLECTION_NAMES.has(this.la().tokenType)) throw this.fault("early-exit");
    const names = [this.collectionName()];
    while (this.is(T.Comma)) {
      this.i++;
      names.push(this.collectionName());
    }
    if (this.is(T.Where)) this.i++;
    return names;
  }

  private collectionName(): string {
    const token = this.la();
    if (!COLLECTION_NAMES.has(token.tokenType)) throw this.fault("no-viable");
    this.i++;
    return nameOf(token);
  }

  // expr := and_expr ( "or" and_expr )*
  private orExpr(): ExprNode {
    const first = this.la();
    if (!EXPRS.has(first.tokenType)) throw this.fault("early-exit");
    const operands: ExprNode[] = [];
    do collect(operands, this.sub("andExpr", SITE.andInOr, () => this.andExpr()));
    while (this.is(T.Or) && this.i++ >= 0);
    return operands.length === 1 ? (operands[0] as ExprNode) : orNode(operands, this.spanFrom(first));
  }

  // and_expr := not_expr ( "and" not_expr )*
  private andExpr(): ExprNode {
    const first = this.la();
    if (!EXPRS.has(first.tokenType)) throw this.fault("early-exit");
    const operands: ExprNode[] = [];
    do collect(operands, this.sub("notExpr", SITE.notInAnd, () => this.notExpr()));
    while (this.is(T.And) && this.i++ >= 0);
    return operands.length === 1 ? (operands[0] as ExprNode) : andNode(operands, this.spanFrom(first));
  }

  // not_expr := "not" not_expr | "(" expr ")" | predicate
  private notExpr(): ExprNode {
    const token = this.la();
    if (token.tokenType === T.Not) {
      this.i++;
      const operand = this.sub("notExpr", LAST, () => this.notExpr());
      return { kind: "Not", span: this.spanFrom(token), operand };
    }
    if (token.tokenType === T.LParen) {
      this.i++;
      const inner = this.sub("orExpr", SITE.exprInParens, () => this.orExpr());
      this.consume(T.RParen, LAST);
      return inner;
    }
    if (PATHS.has(token.tokenType)) return this.sub("predicate", LAST, () => this.predicate());
    throw this.fault("no-viable");
  }

  // predicate := path cmp value | path [ "not" ] "in" list | path "between" value "and" value
  //            | path "is" [ "not" ] "null" | path [ "not" ] "exists"
  //            | path [ "not" ] ( "contains" value | "starts" "with" value | "ends" "with" value | "matches" value )
  //            | path "~" value
  private predicate(): PredicateNode {
    const first = this.la();
    const field = this.sub("path", SITE.pathInPredicate, () => this.path());
    const type = this.la().tokenType;
    const op = COMPARATORS.get(type);
    if (op !== undefined) {
      this.i++;
      const value = this.sub("value", LAST, () => this.value("plain", ""));
      return { kind: "Compare", span: this.spanFrom(first), op, field, value };
    }
    switch (type) {
      case T.Between: {
        this.i++;
        const low = this.sub("value", SITE.lowInBetween, () => this.value("plain", ""));
        this.consume(T.And, BEFORE_VALUE);
        const high = this.sub("value", LAST, () => this.value("plain", ""));
        return { kind: "Between", span: this.spanFrom(first), field, low, high };
      }
      case T.Is: {
        this.i++;
        const negated = this.is(T.Not) && this.i++ >= 0;
        this.consume(T.Null, LAST);
        return { kind: "IsNull", span: this.spanFrom(first), negated, field };
      }
      case T.Tilde: {
        this.i++;
        const value = this.sub("value", LAST, () => this.value("string", "~"));
        return { kind: "Text", span: this.spanFrom(first), field, value };
      }
      default: {
        if (type !== T.Not && !NEGATABLES.has(type)) throw this.fault("no-viable");
        const negated = this.is(T.Not) && this.i++ >= 0;
        return this.sub("negatable", LAST, () => this.negatable(first, field, negated));
      }
    }
  }

  // negatable := "in" list | "exists" | "contains" value | "starts" "with" value | "ends" "with" value | "matches" value
  private negatable(first: Lexeme, field: PathNode, negated: boolean): PredicateNode {
    const match = (op: MatchOp, value: ValueNode): PredicateNode => ({ kind: "Match", span: this.spanFrom(first), op, negated, field, value });
    switch (this.la().tokenType) {
      case T.In: {
        this.i++;
        const values = this.sub("list", LAST, () => this.list());
        return { kind: "In", span: this.spanFrom(first), negated, field, values };
      }
      case T.Exists:
        this.i++;
        return { kind: "Exists", span: this.spanFrom(first), negated, field };
      case T.Contains:
        this.i++;
        return match("contains", this.sub("value", LAST, () => this.value("plain", "contains")));
      case T.Starts:
        this.i++;
        this.consume(T.With, BEFORE_VALUE);
        return match("starts_with", this.sub("value", LAST, () => this.value("string", "starts with")));
      case T.Ends:
        this.i++;
        this.consume(T.With, BEFORE_VALUE);
        return match("ends_with", this.sub("value", LAST, () => this.value("string", "ends with")));
      case T.Matches:
        this.i++;
        return match("regex", this.sub("value", LAST, () => this.value("pattern", "matches")));
      default:
        throw this.fault("no-viable");
    }
  }

  // path := segment ( "." ( segment | index ) )*     segment := identifier | `back-quoted`
  private path(): PathNode {
    const first = this.la();
    if (!PATHS.has(first.tokenType)) throw this.fault("no-viable");
    this.i++;
    const segments = [nameOf(first)];
    while (this.is(T.Dot)) {
      this.i++;
      const token = this.la();
      if (PATHS.has(token.tokenType)) segments.push(nameOf(token));
      else if (token.tokenType !== T.NumberLiteral) throw this.fault("no-viable");
      else if (INDEX_STEPS.test(token.image)) segments.push(...token.image.split("."));
      else this.complain(positionComplaint(token.image), tokenSpan(token));
      this.i++;
    }
    return { kind: "Path", span: this.spanFrom(first), segments };
  }

  // value := string | [ "-" ] number | "true" | "false" | "null" | regex | date_math
  private value(expects: Expects, operator: string): ValueNode {
    const first = this.la();
    let node: ValueNode;
    switch (first.tokenType) {
      case T.StringLiteral:
      case T.True:
      case T.False:
      case T.Null: {
        this.i++;
        node = { kind: "Literal", span: this.spanFrom(first), value: scalarOf(first) };
        break;
      }
      case T.Minus:
      case T.NumberLiteral: {
        const minus = this.is(T.Minus) && this.i++ >= 0;
        const n = this.consume(T.NumberLiteral, LAST).payload as number;
        node = { kind: "Literal", span: this.spanFrom(first), value: !minus || n === 0 ? n : -n };
        break;
      }
      case T.RegexLiteral: {
        this.i++;
        const payload = first.payload as RegexPayload | undefined;
        node = { kind: "Regex", span: this.spanFrom(first), pattern: payload?.pattern ?? "", flags: payload?.flags ?? "" };
        break;
      }
      case T.Now:
        node = this.sub("dateMath", LAST, () => this.dateMath());
        break;
      default:
        throw this.fault("no-viable");
    }
    this.checkValue(node, expects, operator);
    return node;
  }

  private checkValue(node: ValueNode | undefined, expects: Expects, operator: string): void {
    const complaint = node === undefined ? undefined : valueComplaint(node, expects, operator);
    if (complaint !== undefined) this.complain(complaint, (node as ValueNode).span);
  }

  // date_math := "now" [ ( "+" | "-" ) duration ]
  private dateMath(): DateMathNode {
    const now = this.la();
    this.i++;
    let offset: DateMathNode["offset"] = null;
    const sign = this.la();
    if (sign.tokenType === T.Plus || sign.tokenType === T.Minus) {
      this.i++;
      const duration = this.consume(T.Duration, LAST).payload as DurationPayload | undefined;
      if (duration !== undefined) offset = { sign: sign.tokenType === T.Plus ? "+" : "-", amount: duration.amount, unit: duration.unit };
    }
    return { kind: "DateMath", span: this.spanFrom(now), offset };
  }

  // list := "[" [ value ( "," value )* ] "]"
  private list(): ValueNode[] {
    const values: ValueNode[] = [];
    this.consume(T.LBracket, OPENING_LIST);
    if (VALUES.has(this.la().tokenType)) {
      collect(values, this.sub("value", SITE.valueInList, () => this.value("plain", "")));
      this.moreValues(values);
    }
    this.consume(T.RBracket, LAST);
    return values;
  }

  /**
   * `( "," value )*`, then Chevrotain's in-list recovery: when neither inserting `]` nor
   * skipping one token helps, junk is skipped up to a `]` (the list ends) or a `,` (it goes on),
   * but not past the resync point; with neither in reach, `]` is left to fail.
   */
  private moreValues(values: ValueNode[]): void {
    for (;;) {
      while (this.is(T.Comma)) {
        this.i++;
        collect(values, this.sub("value", SITE.valueInList, () => this.value("plain", "")));
      }
      const stray = this.la();
      if (stray.tokenType === T.RBracket || this.follows(LAST).has(stray.tokenType) || this.is(T.RBracket, 2)) return;
      const resync = this.resyncPosition();
      let at = this.i;
      while (at < resync && this.tokens[at]?.tokenType !== T.RBracket && this.tokens[at]?.tokenType !== T.Comma) at++;
      const found = this.tokens[at]?.tokenType;
      if (found !== T.RBracket && found !== T.Comma) return;
      this.faults.push({ token: stray, kind: "mismatch", required: T.RBracket.name, rule: "list" });
      this.i = at;
      if (found === T.RBracket) return;
    }
  }

  // order := "order" "by" order_key ( "," order_key )*
  private orderClause(): OrderKeyNode[] {
    this.i++;
    this.consume(T.By, BEFORE_KEYS);
    if (!PATHS.has(this.la().tokenType)) throw this.fault("early-exit");
    const keys: OrderKeyNode[] = [];
    do collect(keys, this.sub("orderKey", SITE.keyInOrder, () => this.orderKey()));
    while (this.is(T.Comma) && this.i++ >= 0);
    return keys;
  }

  // order_key := path [ "asc" | "desc" ]
  private orderKey(): OrderKeyNode {
    const first = this.la();
    const field = this.sub("path", SITE.pathInKey, () => this.path());
    const type = this.la().tokenType;
    if (type === T.Asc || type === T.Desc) this.i++;
    return { kind: "OrderKey", span: this.spanFrom(first), field, direction: type === T.Desc ? "desc" : "asc" };
  }

  // select := "select" path ( "," path )*
  private selectClause(): PathNode[] {
    this.i++;
    if (!PATHS.has(this.la().tokenType)) throw this.fault("early-exit");
    const paths: PathNode[] = [];
    do collect(paths, this.sub("path", SITE.pathInSelect, () => this.path()));
    while (this.is(T.Comma) && this.i++ >= 0);
    return paths;
  }

  // limit := "limit" integer
  private limitClause(): number {
    this.i++;
    const token = this.consume(T.NumberLiteral, LAST);
    const value = token.payload as number;
    const complaint = limitComplaint(value, token.image);
    if (complaint !== undefined) this.complain(complaint, tokenSpan(token));
    return value;
  }

  // case := "case" ( "sensitive" | "insensitive" )
  private caseClause(): boolean {
    this.i++;
    const type = this.la().tokenType;
    if (type !== T.Sensitive && type !== T.Insensitive) throw this.fault("no-viable");
    this.i++;
    return type === T.Sensitive;
  }
}

/** Appends a rule's result, absent when the rule was resynced past. */
function collect<N>(into: N[], node: N | undefined): void {
  if (node !== undefined) into.push(node);
}

/**
 * Parses tokens, recovering from faults to find them all. `query` is whole only when there are no
 * faults and the rules made no complaint (those go to `reporter`).
 */
export function recover(tokens: readonly Lexeme[], reporter: Reporter): { query: QueryNode | undefined; faults: Fault[] } {
  const grammar = new Grammar(tokens, reporter);
  const query = grammar.top();
  return { query, faults: grammar.faults };
}
