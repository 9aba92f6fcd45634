/**
 * The fast path for valid text: a hand-written recursive-descent reading of the same LL(1)
 * grammar as chevrotain/parser.ts (the grammar of record), building the same nodes with the same
 * spans. It gives up (returns undefined) at the first token it does not expect and at anything the
 * grammar's rules complain about (complaints.ts); the text then goes to the recovering descent
 * (recover.ts), which reports the faults. A property test holds it to Chevrotain's AST on every
 * text it accepts. It carries none of the recovery's bookkeeping, which keeps valid text cheap.
 */
import type { Lexeme, TokenType } from "./tokens.js";
import { andNode, orNode, queryNode } from "../ast/build.js";
import type { DateMathNode, ExprNode, MatchOp, OrderKeyNode, PathNode, PredicateNode, QueryNode, Span, ValueNode } from "../ast/nodes.js";
import { INDEX_STEPS, limitComplaint, valueComplaint, type Expects } from "./complaints.js";
import type { DurationPayload, RegexPayload } from "./post-lex.js";
import { COMPARATORS, nameOf, scalarOf, spanOver } from "./reading.js";
import * as T from "./tokens.js";

/** Thrown to abandon the fast path; never escapes `descend`. */
const GIVE_UP = Symbol("give up");

class Descent {
  private i = 0;
  /** The last token consumed (Chevrotain's LA(0)), for spans. */
  private last: Lexeme | undefined;

  constructor(private readonly tokens: readonly Lexeme[]) {}

  private peek(): TokenType | undefined {
    return this.tokens[this.i]?.tokenType;
  }

  private next(): Lexeme {
    const token = this.tokens[this.i++];
    if (token === undefined) throw GIVE_UP;
    this.last = token;
    return token;
  }

  private expect(type: TokenType): Lexeme {
    if (this.peek() !== type) throw GIVE_UP;
    return this.next();
  }

  private spanFrom(first: Lexeme): Span {
    return spanOver(first, this.last ?? first);
  }

  query(): QueryNode {
    const first = this.tokens[0];
    const collections = this.peek() === T.From ? this.fromClause() : undefined;
    const t = this.peek();
    const filter = t === T.Not || t === T.LParen || t === T.Identifier || t === T.BackQuoted ? this.orExpr() : undefined;
    const orderBy = this.peek() === T.Order ? this.orderClause() : undefined;
    const select = this.peek() === T.Select ? this.selectClause() : undefined;
    const limit = this.peek() === T.Limit ? this.limitClause() : undefined;
    const caseSensitive = this.peek() === T.Case ? this.caseClause() : undefined;
    if (this.i !== this.tokens.length) throw GIVE_UP;
    const span = first === undefined ? { start: 0, end: 0 } : this.spanFrom(first);
    return queryNode({ collections, filter, orderBy, select, limit, caseSensitive }, span);
  }

  private fromClause(): string[] {
    this.next();
    const names: string[] = [];
    do {
      const t = this.peek();
      if (t !== T.Identifier && t !== T.BackQuoted && t !== T.StringLiteral) throw GIVE_UP;
      names.push(nameOf(this.next()));
    } while (this.peek() === T.Comma && this.next());
    if (this.peek() === T.Where) this.next();
    return names;
  }

  private orExpr(): ExprNode {
    const first = this.tokens[this.i] as Lexeme;
    const operands = [this.andExpr()];
    while (this.peek() === T.Or) {
      this.next();
      operands.push(this.andExpr());
    }
    return operands.length === 1 ? (operands[0] as ExprNode) : orNode(operands, this.spanFrom(first));
  }

  private andExpr(): ExprNode {
    const first = this.tokens[this.i] as Lexeme;
    const operands = [this.notExpr()];
    while (this.peek() === T.And) {
      this.next();
      operands.push(this.notExpr());
    }
    return operands.length === 1 ? (operands[0] as ExprNode) : andNode(operands, this.spanFrom(first));
  }

  private notExpr(): ExprNode {
    const t = this.peek();
    if (t === T.Not) {
      const not = this.next();
      const operand = this.notExpr();
      return { kind: "Not", span: this.spanFrom(not), operand };
    }
    if (t === T.LParen) {
      this.next();
      const inner = this.orExpr();
      this.expect(T.RParen);
      return inner;
    }
    return this.predicate();
  }

  private predicate(): PredicateNode {
    const first = this.tokens[this.i];
    if (first === undefined) throw GIVE_UP;
    const field = this.path();
    const t = this.peek();
    const op = t === undefined ? undefined : COMPARATORS.get(t);
    if (op !== undefined) {
      this.next();
      const value = this.value("plain");
      return { kind: "Compare", span: this.spanFrom(first), op, field, value };
    }
    switch (t) {
      case T.Between: {
        this.next();
        const low = this.value("plain");
        this.expect(T.And);
        const high = this.value("plain");
        return { kind: "Between", span: this.spanFrom(first), field, low, high };
      }
      case T.Is: {
        this.next();
        const negated = this.peek() === T.Not && this.next() !== undefined;
        this.expect(T.Null);
        return { kind: "IsNull", span: this.spanFrom(first), negated, field };
      }
      case T.Tilde: {
        this.next();
        const value = this.value("string");
        return { kind: "Text", span: this.spanFrom(first), field, value };
      }
      default: {
        const negated = this.peek() === T.Not && this.next() !== undefined;
        return this.negatable(first, field, negated);
      }
    }
  }

  private negatable(first: Lexeme, field: PathNode, negated: boolean): PredicateNode {
    const match = (op: MatchOp, value: ValueNode): PredicateNode => ({ kind: "Match", span: this.spanFrom(first), op, negated, field, value });
    switch (this.peek()) {
      case T.In: {
        this.next();
        const values = this.list();
        return { kind: "In", span: this.spanFrom(first), negated, field, values };
      }
      case T.Exists:
        this.next();
        return { kind: "Exists", span: this.spanFrom(first), negated, field };
      case T.Contains:
        this.next();
        return match("contains", this.value("plain"));
      case T.Starts:
        this.next();
        this.expect(T.With);
        return match("starts_with", this.value("string"));
      case T.Ends:
        this.next();
        this.expect(T.With);
        return match("ends_with", this.value("string"));
      case T.Matches:
        this.next();
        return match("regex", this.value("pattern"));
      default:
        throw GIVE_UP;
    }
  }

  private path(): PathNode {
    const first = this.tokens[this.i];
    const t = this.peek();
    if (first === undefined || (t !== T.Identifier && t !== T.BackQuoted)) throw GIVE_UP;
    const segments = [nameOf(this.next())];
    while (this.peek() === T.Dot) {
      this.next();
      const s = this.peek();
      if (s === T.Identifier || s === T.BackQuoted) segments.push(nameOf(this.next()));
      else if (s === T.NumberLiteral) {
        const token = this.next();
        // Not a position: the recovering descent reports it.
        if (!INDEX_STEPS.test(token.image)) throw GIVE_UP;
        segments.push(...token.image.split("."));
      } else throw GIVE_UP;
    }
    return { kind: "Path", span: this.spanFrom(first), segments };
  }

  private value(expects: Expects): ValueNode {
    const first = this.tokens[this.i];
    if (first === undefined) throw GIVE_UP;
    let node: ValueNode;
    switch (first.tokenType) {
      case T.StringLiteral:
      case T.True:
      case T.False:
      case T.Null:
        this.next();
        node = { kind: "Literal", span: this.spanFrom(first), value: scalarOf(first) };
        break;
      case T.Minus:
      case T.NumberLiteral: {
        const minus = first.tokenType === T.Minus && this.next() !== undefined;
        const n = this.expect(T.NumberLiteral).payload as number;
        node = { kind: "Literal", span: this.spanFrom(first), value: !minus || n === 0 ? n : -n };
        break;
      }
      case T.RegexLiteral: {
        const payload = this.next().payload as RegexPayload | undefined;
        node = { kind: "Regex", span: this.spanFrom(first), pattern: payload?.pattern ?? "", flags: payload?.flags ?? "" };
        break;
      }
      case T.Now:
        node = this.dateMath();
        break;
      default:
        throw GIVE_UP;
    }
    // A value the grammar's rules complain about where it stands: the recovering descent reports it.
    if (valueComplaint(node, expects, "") !== undefined) throw GIVE_UP;
    return node;
  }

  private dateMath(): DateMathNode {
    const now = this.next();
    let offset: DateMathNode["offset"] = null;
    const t = this.peek();
    if (t === T.Plus || t === T.Minus) {
      const sign = this.next();
      const duration = this.expect(T.Duration).payload as DurationPayload | undefined;
      offset = duration === undefined ? null : { sign: sign.tokenType === T.Plus ? "+" : "-", amount: duration.amount, unit: duration.unit };
    }
    return { kind: "DateMath", span: this.spanFrom(now), offset };
  }

  private list(): ValueNode[] {
    this.expect(T.LBracket);
    const values: ValueNode[] = [];
    if (this.peek() !== T.RBracket) {
      values.push(this.value("plain"));
      while (this.peek() === T.Comma) {
        this.next();
        values.push(this.value("plain"));
      }
    }
    this.expect(T.RBracket);
    return values;
  }

  private orderClause(): OrderKeyNode[] {
    this.next();
    this.expect(T.By);
    const keys = [this.orderKey()];
    while (this.peek() === T.Comma) {
      this.next();
      keys.push(this.orderKey());
    }
    return keys;
  }

  private orderKey(): OrderKeyNode {
    const first = this.tokens[this.i];
    if (first === undefined) throw GIVE_UP;
    const field = this.path();
    const t = this.peek();
    const direction = t === T.Desc ? "desc" : "asc";
    if (t === T.Asc || t === T.Desc) this.next();
    return { kind: "OrderKey", span: this.spanFrom(first), field, direction };
  }

  private selectClause(): PathNode[] {
    this.next();
    const paths = [this.path()];
    while (this.peek() === T.Comma) {
      this.next();
      paths.push(this.path());
    }
    return paths;
  }

  private limitClause(): number {
    this.next();
    const value = this.expect(T.NumberLiteral).payload as number;
    // A limit the grammar's rules complain about: the recovering descent reports it.
    if (limitComplaint(value, "") !== undefined) throw GIVE_UP;
    return value;
  }

  private caseClause(): boolean {
    this.next();
    const t = this.peek();
    if (t !== T.Sensitive && t !== T.Insensitive) throw GIVE_UP;
    this.next();
    return t === T.Sensitive;
  }
}

/** The query for valid, clean text; undefined wherever the recovering descent must have its say. */
export function descend(tokens: readonly Lexeme[]): QueryNode | undefined {
  try {
    return new Descent(tokens).query();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
