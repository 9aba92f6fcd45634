/**
 * The grammar, as a Chevrotain parser with embedded actions: each rule builds its AST node
 * directly (no intermediate CST), which halves the cost of a parse. Each rule quotes its EBNF
 * production from grammar/filterql.ebnf; a test keeps the two in step. Error messages are
 * produced as JSON by `structuredMessages` and turned into plain words by
 * `parser-diagnostics.ts`, so no position or expectation is ever scraped from prose.
 *
 * The actions also report what a context-free grammar cannot say (a regex only after `matches`,
 * `~` takes a string, `limit` takes a whole number of 1 or more) to `this.reporter`.
 *
 * Actions run inside `ACTION` so Chevrotain's recording phase skips them. In recovery mode a
 * sub-rule may return `undefined` (it was re-synced); the actions then build partial nodes that
 * are thrown away with the errors, and never throw.
 */
import { EmbeddedActionsParser, EOF, type IParserErrorMessageProvider, type IRecognitionException, type IToken } from "chevrotain";
import { andNode as and, orNode as or, queryNode } from "../../ast/build.js";
import type {
  DateMathNode, ExprNode, MatchOp, OrderKeyNode, PathNode, PredicateNode, QueryNode, Span, ValueNode,
} from "../../ast/nodes.js";
import type { Reporter } from "../../diagnostics/reporter.js";
import type { DurationPayload, RegexPayload } from "../post-lex.js";
import { INDEX_STEPS, limitComplaint, positionComplaint, valueComplaint, type Complaint, type Expects } from "../complaints.js";
import type { Fault, FaultKind } from "../fault.js";
import { comparatorOf, nameOf, spanOver, tokenSpan } from "../reading.js";
import * as T from "../tokens.js";
import type { Lexeme } from "../tokens.js";

/** What a recognition exception's message carries, as JSON: no expectation is scraped from prose. */
interface StructuredError {
  readonly kind: FaultKind;
  readonly required?: string;
  readonly rule: string;
}

const structured = (error: StructuredError): string => JSON.stringify(error);

const structuredMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) => structured({ kind: "mismatch", required: expected.name, rule: ruleName }),
  buildNotAllInputParsedMessage: ({ ruleName }) => structured({ kind: "not-all-input", rule: ruleName }),
  buildNoViableAltMessage: ({ ruleName }) => structured({ kind: "no-viable", rule: ruleName }),
  buildEarlyExitMessage: ({ ruleName }) => structured({ kind: "early-exit", rule: ruleName }),
};

export interface ParserMode {
  /** Re-sync after an error to find further, independent errors (slower). */
  readonly recovery: boolean;
  /** Skip Chevrotain's grammar validation at start-up; a test runs it with validation on. */
  readonly skipValidations: boolean;
}

export class FilterParser extends EmbeddedActionsParser {
  /** Receives the context checks' diagnostics; set before each parse. */
  reporter: Reporter | undefined;

  constructor(mode: ParserMode) {
    super(T.ALL_TOKENS, {
      recoveryEnabled: mode.recovery,
      skipValidations: mode.skipValidations,
      maxLookahead: 1,
      errorMessageProvider: structuredMessages,
    });
    this.performSelfAnalysis();
  }

  /**
   * Reports a context error. In recovery mode Chevrotain may insert virtual tokens, which have
   * no position; nothing is said about those (the syntax error already covers them).
   */
  private complain(complaint: Complaint, span: Span): void {
    if (Number.isFinite(span.start) && Number.isFinite(span.end)) this.reporter?.error("syntax", complaint.message, span, complaint.hint);
  }

  /** The span from `first` to the last token consumed so far. */
  private spanFrom(first: IToken): Span {
    // In recovery mode nothing may have been consumed yet.
    return spanOver(first, this.LA(0) ?? first);
  }

  // query := [ from ] [ expr ] [ order ] [ select ] [ limit ] [ case ]
  readonly query = this.RULE("query", (): QueryNode => {
    const first = this.LA(1);
    const collections = this.OPTION(() => this.SUBRULE(this.fromClause));
    const filter = this.OPTION2(() => this.SUBRULE(this.orExpr));
    const orderBy = this.OPTION3(() => this.SUBRULE(this.orderClause));
    const select = this.OPTION4(() => this.SUBRULE(this.selectClause));
    const limit = this.OPTION5(() => this.SUBRULE(this.limitClause));
    const caseSensitive = this.OPTION6(() => this.SUBRULE(this.caseClause));
    return this.ACTION(() => queryNode({ collections, filter, orderBy, select, limit, caseSensitive }, first.tokenType === EOF ? { start: 0, end: 0 } : this.spanFrom(first)));
  });

  // from := "from" name ( "," name )* [ "where" ]          name := identifier | `back-quoted` | string
  readonly fromClause = this.RULE("fromClause", (): string[] => {
    const names: string[] = [];
    this.CONSUME(T.From);
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const token = this.OR([
          { ALT: () => this.CONSUME(T.Identifier) },
          { ALT: () => this.CONSUME(T.BackQuoted) },
          { ALT: () => this.CONSUME(T.StringLiteral) },
        ]);
        this.ACTION(() => names.push(nameOf(token)));
      },
    });
    this.OPTION(() => this.CONSUME(T.Where));
    return names;
  });

  // expr := and_expr ( "or" and_expr )*
  readonly orExpr = this.RULE("orExpr", (): ExprNode => {
    const first = this.LA(1);
    const operands: ExprNode[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Or, DEF: () => this.collect(operands, this.SUBRULE(this.andExpr)) });
    return this.ACTION(() => (operands.length === 1 ? (operands[0] as ExprNode) : or(operands, this.spanFrom(first))));
  });

  // and_expr := not_expr ( "and" not_expr )*
  readonly andExpr = this.RULE("andExpr", (): ExprNode => {
    const first = this.LA(1);
    const operands: ExprNode[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.collect(operands, this.SUBRULE(this.notExpr)) });
    return this.ACTION(() => (operands.length === 1 ? (operands[0] as ExprNode) : and(operands, this.spanFrom(first))));
  });

  /** Appends a sub-rule's result (absent when recovery re-synced past it). */
  private collect<N>(into: N[], node: N | undefined): void {
    this.ACTION(() => {
      if (node !== undefined) into.push(node);
    });
  }

  // not_expr := "not" not_expr | "(" expr ")" | predicate
  readonly notExpr = this.RULE("notExpr", (): ExprNode => {
    return this.OR([
      {
        ALT: () => {
          const not = this.CONSUME(T.Not);
          const operand = this.SUBRULE(this.notExpr);
          return this.ACTION((): ExprNode => ({ kind: "Not", span: this.spanFrom(not), operand }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.orExpr);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
      { ALT: () => this.SUBRULE(this.predicate) },
    ]);
  });

  // predicate := path cmp value | path [ "not" ] "in" list | path "between" value "and" value
  //            | path "is" [ "not" ] "null" | path [ "not" ] "exists"
  //            | path [ "not" ] ( "contains" value | "starts" "with" value | "ends" "with" value | "matches" value )
  //            | path "~" value
  //   cmp := "=" | "==" | "!=" | "<>" | ">" | ">=" | "<" | "<="
  readonly predicate = this.RULE("predicate", (): PredicateNode => {
    const first = this.LA(1);
    const field = this.SUBRULE(this.path);
    return this.OR([
      {
        ALT: () => {
          const op = this.OR2([
            { ALT: () => this.CONSUME(T.Eq) },
            { ALT: () => this.CONSUME(T.EqEq) },
            { ALT: () => this.CONSUME(T.NotEq) },
            { ALT: () => this.CONSUME(T.Gt) },
            { ALT: () => this.CONSUME(T.Gte) },
            { ALT: () => this.CONSUME(T.Lt) },
            { ALT: () => this.CONSUME(T.Lte) },
          ]);
          const value = this.SUBRULE(this.value, { ARGS: ["plain", ""] });
          return this.ACTION((): PredicateNode => ({ kind: "Compare", span: this.spanFrom(first), op: comparatorOf(op.tokenType) ?? "eq", field, value }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Between);
          const low = this.SUBRULE2(this.value, { ARGS: ["plain", ""] });
          this.CONSUME(T.And);
          const high = this.SUBRULE3(this.value, { ARGS: ["plain", ""] });
          return this.ACTION((): PredicateNode => ({ kind: "Between", span: this.spanFrom(first), field, low, high }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Is);
          const not = this.OPTION(() => this.CONSUME(T.Not));
          this.CONSUME(T.Null);
          return this.ACTION((): PredicateNode => ({ kind: "IsNull", span: this.spanFrom(first), negated: not !== undefined, field }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Tilde);
          const value = this.SUBRULE4(this.value, { ARGS: ["string", "~"] });
          return this.ACTION((): PredicateNode => ({ kind: "Text", span: this.spanFrom(first), field, value }));
        },
      },
      {
        ALT: () => {
          const not = this.OPTION2(() => this.CONSUME2(T.Not));
          return this.SUBRULE(this.negatable, { ARGS: [first, field, not !== undefined] });
        },
      },
    ]);
  });

  // negatable := "in" list | "exists" | "contains" value | "starts" "with" value | "ends" "with" value | "matches" value
  readonly negatable = this.RULE("negatable", (first: IToken, field: PathNode, negated: boolean): PredicateNode => {
    const match = (op: MatchOp, value: ValueNode): PredicateNode => ({ kind: "Match", span: this.spanFrom(first), op, negated, field, value });
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.In);
          const values = this.SUBRULE(this.list);
          return this.ACTION((): PredicateNode => ({ kind: "In", span: this.spanFrom(first), negated, field, values }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Exists);
          return this.ACTION((): PredicateNode => ({ kind: "Exists", span: this.spanFrom(first), negated, field }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Contains);
          const value = this.SUBRULE(this.value, { ARGS: ["plain", "contains"] });
          return this.ACTION(() => match("contains", value));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Starts);
          this.CONSUME(T.With);
          const value = this.SUBRULE2(this.value, { ARGS: ["string", "starts with"] });
          return this.ACTION(() => match("starts_with", value));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Ends);
          this.CONSUME2(T.With);
          const value = this.SUBRULE3(this.value, { ARGS: ["string", "ends with"] });
          return this.ACTION(() => match("ends_with", value));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Matches);
          const value = this.SUBRULE4(this.value, { ARGS: ["pattern", "matches"] });
          return this.ACTION(() => match("regex", value));
        },
      },
    ]);
  });

  // path := segment ( "." ( segment | index ) )*     segment := identifier | `back-quoted`
  // index := digits ( "." digits )*     (`a.0`: the scanner reads `0` or `0.1` as a number)
  readonly path = this.RULE("path", (): PathNode => {
    const first = this.LA(1);
    const segments: string[] = [];
    const head = this.OR1([{ ALT: () => this.CONSUME1(T.Identifier) }, { ALT: () => this.CONSUME1(T.BackQuoted) }]);
    this.ACTION(() => segments.push(nameOf(head)));
    this.MANY(() => {
      this.CONSUME(T.Dot);
      const token = this.OR2([
        { ALT: () => this.CONSUME2(T.Identifier) },
        { ALT: () => this.CONSUME2(T.BackQuoted) },
        { ALT: () => this.CONSUME(T.NumberLiteral) },
      ]);
      this.ACTION(() => {
        if (token.tokenType !== T.NumberLiteral) segments.push(nameOf(token));
        else if (INDEX_STEPS.test(token.image)) segments.push(...token.image.split("."));
        else this.complain(positionComplaint(token.image), tokenSpan(token));
      });
    });
    return this.ACTION((): PathNode => ({ kind: "Path", span: this.spanFrom(first), segments }));
  });

  // value := string | [ "-" ] number | "true" | "false" | "null" | regex | date_math
  readonly value = this.RULE("value", (expects: Expects, operator: string): ValueNode => {
    const first = this.LA(1);
    const node = this.OR([
      { ALT: () => this.literal(first, (this.CONSUME(T.StringLiteral).payload as string | undefined) ?? "") },
      {
        ALT: () => {
          const minus = this.OPTION(() => this.CONSUME(T.Minus));
          const n = this.CONSUME(T.NumberLiteral).payload as number;
          return this.literal(first, minus === undefined || n === 0 ? n : -n);
        },
      },
      { ALT: () => this.literal(first, this.CONSUME(T.True) && true) },
      { ALT: () => this.literal(first, this.CONSUME(T.False) && false) },
      { ALT: () => this.literal(first, this.CONSUME(T.Null) && null) },
      {
        ALT: () => {
          const payload = this.CONSUME(T.RegexLiteral).payload as RegexPayload | undefined;
          return this.ACTION((): ValueNode => ({ kind: "Regex", span: this.spanFrom(first), pattern: payload?.pattern ?? "", flags: payload?.flags ?? "" }));
        },
      },
      { ALT: () => this.SUBRULE(this.dateMath) },
    ]);
    this.ACTION(() => this.checkValue(node, expects, operator));
    return node;
  });

  private literal(first: IToken, value: string | number | boolean | null): ValueNode {
    return this.ACTION((): ValueNode => ({ kind: "Literal", span: this.spanFrom(first), value }));
  }

  private checkValue(node: ValueNode | undefined, expects: Expects, operator: string): void {
    const complaint = node === undefined ? undefined : valueComplaint(node, expects, operator);
    if (complaint !== undefined) this.complain(complaint, (node as ValueNode).span);
  }

  // date_math := "now" [ ( "+" | "-" ) duration ]      duration := digits ( "s" | "m" | "h" | "d" | "w" )
  readonly dateMath = this.RULE("dateMath", (): DateMathNode => {
    const now = this.CONSUME(T.Now);
    const offset = this.OPTION(() => {
      const sign = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      const duration = this.CONSUME(T.Duration).payload as DurationPayload | undefined;
      return this.ACTION(() => (duration === undefined ? null : { sign: sign.tokenType === T.Plus ? ("+" as const) : ("-" as const), amount: duration.amount, unit: duration.unit }));
    });
    return this.ACTION((): DateMathNode => ({ kind: "DateMath", span: this.spanFrom(now), offset: offset ?? null }));
  });

  // list := "[" [ value ( "," value )* ] "]"
  readonly list = this.RULE("list", (): ValueNode[] => {
    const values: ValueNode[] = [];
    this.CONSUME(T.LBracket);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => this.collect(values, this.SUBRULE(this.value, { ARGS: ["plain", ""] })),
    });
    this.CONSUME(T.RBracket);
    return values;
  });

  // order := "order" "by" order_key ( "," order_key )*
  readonly orderClause = this.RULE("orderClause", (): OrderKeyNode[] => {
    const keys: OrderKeyNode[] = [];
    this.CONSUME(T.Order);
    this.CONSUME(T.By);
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => this.collect(keys, this.SUBRULE(this.orderKey)),
    });
    return keys;
  });

  // order_key := path [ "asc" | "desc" ]
  readonly orderKey = this.RULE("orderKey", (): OrderKeyNode => {
    const first = this.LA(1);
    const field = this.SUBRULE(this.path);
    const direction = this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]));
    return this.ACTION((): OrderKeyNode => ({ kind: "OrderKey", span: this.spanFrom(first), field, direction: direction?.tokenType === T.Desc ? "desc" : "asc" }));
  });

  // select := "select" path ( "," path )*
  readonly selectClause = this.RULE("selectClause", (): PathNode[] => {
    const paths: PathNode[] = [];
    this.CONSUME(T.Select);
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => this.collect(paths, this.SUBRULE(this.path)),
    });
    return paths;
  });

  // limit := "limit" integer
  readonly limitClause = this.RULE("limitClause", (): number => {
    this.CONSUME(T.Limit);
    const token = this.CONSUME(T.NumberLiteral);
    return this.ACTION(() => {
      const value = token.payload as number;
      const complaint = limitComplaint(value, token.image);
      if (complaint !== undefined) this.complain(complaint, tokenSpan(token));
      return value;
    });
  });

  // case := "case" ( "sensitive" | "insensitive" )
  readonly caseClause = this.RULE("caseClause", (): boolean => {
    this.CONSUME(T.Case);
    const which = this.OR([{ ALT: () => this.CONSUME(T.Sensitive) }, { ALT: () => this.CONSUME(T.Insensitive) }]);
    return this.ACTION(() => which.tokenType === T.Sensitive);
  });
}

let fast: FilterParser | undefined;

/** The parser without recovery, built once on first need; its grammar is what grammar/ publishes. */
export function fastParser(): FilterParser {
  fast ??= new FilterParser({ recovery: false, skipValidations: true });
  return fast;
}

let recovering: FilterParser | undefined;

/** A parser that recovers from errors to report several. Built on first need. */
function recoveringParser(): FilterParser {
  recovering ??= new FilterParser({ recovery: true, skipValidations: true });
  return recovering;
}

/**
 * Parses scanned tokens with the grammar of record, the way the library's parsers are held to:
 * the query (partial when there are faults), the faults, and the actions' complaints in
 * `reporter`. The scanner's tokens carry no Chevrotain type index, so they are given one here.
 */
export function parseWithChevrotain(tokens: readonly Lexeme[], reporter: Reporter, recovery: boolean): { query: QueryNode; faults: Fault[] } {
  const parser = recovery ? recoveringParser() : fastParser();
  parser.reporter = reporter;
  parser.input = tokens.map((t) => ({ ...t, tokenTypeIdx: t.tokenType.tokenTypeIdx as number }));
  const query = parser.query();
  return { query, faults: parser.errors.map(toFault) };
}

function toFault(error: IRecognitionException): Fault {
  const info = JSON.parse(error.message) as StructuredError;
  // The token is one of ours (or Chevrotain's end of input, which has the same fields).
  const { image, startOffset, tokenType, payload } = error.token;
  const token: Lexeme = { image, startOffset, endOffset: error.token.endOffset ?? NaN, tokenType: tokenType as T.TokenType, payload };
  return { token, kind: info.kind, rule: info.rule, ...(info.required === undefined ? {} : { required: info.required }) };
}
