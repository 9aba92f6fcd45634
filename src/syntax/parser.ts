/**
 * The grammar, as a Chevrotain CST parser. Each rule quotes its EBNF production from
 * grammar/filterql.ebnf; a test keeps the two in step. Error messages are produced as JSON by
 * `structuredMessages` and turned into plain words by `parser-diagnostics.ts`, so no position
 * or expectation is ever scraped from prose.
 */
import { CstParser, type IParserErrorMessageProvider, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

export interface StructuredError {
  readonly kind: "mismatch" | "no-viable" | "early-exit" | "not-all-input";
  readonly expected: readonly string[];
  readonly rule: string;
}

function names(paths: readonly (readonly TokenType[])[]): string[] {
  const out = new Set<string>();
  for (const p of paths) if (p[0] !== undefined) out.add(p[0].name);
  return [...out];
}

const structuredMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) =>
    JSON.stringify({ kind: "mismatch", expected: [expected.name], rule: ruleName } satisfies StructuredError),
  buildNotAllInputParsedMessage: ({ ruleName }) =>
    JSON.stringify({ kind: "not-all-input", expected: [], rule: ruleName } satisfies StructuredError),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    JSON.stringify({ kind: "no-viable", expected: names(expectedPathsPerAlt.flat()), rule: ruleName } satisfies StructuredError),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    JSON.stringify({ kind: "early-exit", expected: names(expectedIterationPaths), rule: ruleName } satisfies StructuredError),
};

export interface ParserMode {
  /** Re-sync after an error to find further, independent errors (slower). */
  readonly recovery: boolean;
  /** Skip Chevrotain's grammar validation at start-up; a test runs it with validation on. */
  readonly skipValidations: boolean;
}

export class FilterParser extends CstParser {
  constructor(mode: ParserMode) {
    super(T.ALL_TOKENS, {
      recoveryEnabled: mode.recovery,
      skipValidations: mode.skipValidations,
      maxLookahead: 3,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: structuredMessages,
    });
    this.performSelfAnalysis();
  }

  // query := [ from ] [ expr ] [ order ] [ select ] [ limit ] [ case ]
  readonly query = this.RULE("query", () => {
    this.OPTION(() => this.SUBRULE(this.fromClause));
    this.OPTION2(() => this.SUBRULE(this.orExpr));
    this.OPTION3(() => this.SUBRULE(this.orderClause));
    this.OPTION4(() => this.SUBRULE(this.selectClause));
    this.OPTION5(() => this.SUBRULE(this.limitClause));
    this.OPTION6(() => this.SUBRULE(this.caseClause));
  });

  // from := "from" name ( "," name )* [ "where" ]
  readonly fromClause = this.RULE("fromClause", () => {
    this.CONSUME(T.From);
    this.SUBRULE(this.collection);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.collection);
    });
    this.OPTION(() => this.CONSUME(T.Where));
  });

  // name := identifier | `back-quoted` | string
  readonly collection = this.RULE("collection", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.BackQuoted) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
    ]);
  });

  // expr := and_expr ( "or" and_expr )*
  readonly orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  // and_expr := not_expr ( "and" not_expr )*
  readonly andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  // not_expr := "not" not_expr | "(" expr ")" | predicate
  readonly notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.orExpr);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.predicate) },
    ]);
  });

  // predicate := path cmp value | path [ "not" ] "in" list | path "between" value "and" value
  //            | path "is" [ "not" ] "null" | path [ "not" ] "exists"
  //            | path [ "not" ] ( "contains" value | "starts" "with" value | "ends" "with" value | "matches" value )
  //            | path "~" value
  readonly predicate = this.RULE("predicate", () => {
    this.SUBRULE(this.path);
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.comparator);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Between);
          this.SUBRULE2(this.value);
          this.CONSUME(T.And);
          this.SUBRULE3(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Is);
          this.OPTION(() => this.CONSUME(T.Not));
          this.CONSUME(T.Null);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Tilde);
          this.SUBRULE4(this.value);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(T.Not));
          this.SUBRULE(this.negatable);
        },
      },
    ]);
  });

  // negatable := "in" list | "exists" | "contains" value | "starts" "with" value | "ends" "with" value | "matches" value
  readonly negatable = this.RULE("negatable", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.In);
          this.SUBRULE(this.list);
        },
      },
      { ALT: () => this.CONSUME(T.Exists) },
      {
        ALT: () => {
          this.CONSUME(T.Contains);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Starts);
          this.CONSUME(T.With);
          this.SUBRULE2(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Ends);
          this.CONSUME2(T.With);
          this.SUBRULE3(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Matches);
          this.SUBRULE4(this.value);
        },
      },
    ]);
  });

  // cmp := "=" | "==" | "!=" | "<>" | ">" | ">=" | "<" | "<="
  readonly comparator = this.RULE("comparator", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Eq) },
      { ALT: () => this.CONSUME(T.EqEq) },
      { ALT: () => this.CONSUME(T.NotEq) },
      { ALT: () => this.CONSUME(T.Gt) },
      { ALT: () => this.CONSUME(T.Gte) },
      { ALT: () => this.CONSUME(T.Lt) },
      { ALT: () => this.CONSUME(T.Lte) },
    ]);
  });

  // path := segment ( "." segment )*
  readonly path = this.RULE("path", () => {
    this.SUBRULE(this.segment);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE2(this.segment);
    });
  });

  // segment := identifier | `back-quoted`
  readonly segment = this.RULE("segment", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.BackQuoted) }]);
  });

  // value := string | [ "-" ] number | "true" | "false" | "null" | regex | date_math
  readonly value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Minus));
          this.CONSUME(T.NumberLiteral);
        },
      },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.CONSUME(T.RegexLiteral) },
      { ALT: () => this.SUBRULE(this.dateMath) },
    ]);
  });

  // date_math := "now" [ ( "+" | "-" ) duration ]      duration := digits ( "s" | "m" | "h" | "d" | "w" )
  readonly dateMath = this.RULE("dateMath", () => {
    this.CONSUME(T.Now);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.CONSUME(T.Duration);
    });
  });

  // list := "[" [ value ( "," value )* ] "]"
  readonly list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.value);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.value);
      });
    });
    this.CONSUME(T.RBracket);
  });

  // order := "order" "by" order_key ( "," order_key )*
  readonly orderClause = this.RULE("orderClause", () => {
    this.CONSUME(T.Order);
    this.CONSUME(T.By);
    this.SUBRULE(this.orderKey);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.orderKey);
    });
  });

  // order_key := path [ "asc" | "desc" ]
  readonly orderKey = this.RULE("orderKey", () => {
    this.SUBRULE(this.path);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]);
    });
  });

  // select := "select" path ( "," path )*
  readonly selectClause = this.RULE("selectClause", () => {
    this.CONSUME(T.Select);
    this.SUBRULE(this.path);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.path);
    });
  });

  // limit := "limit" integer
  readonly limitClause = this.RULE("limitClause", () => {
    this.CONSUME(T.Limit);
    this.CONSUME(T.NumberLiteral);
  });

  // case := "case" ( "sensitive" | "insensitive" )
  readonly caseClause = this.RULE("caseClause", () => {
    this.CONSUME(T.Case);
    this.OR([{ ALT: () => this.CONSUME(T.Sensitive) }, { ALT: () => this.CONSUME(T.Insensitive) }]);
  });
}

/** The happy path: no recovery bookkeeping. Chevrotain parsers are built once and fed new input. */
export const parser = new FilterParser({ recovery: false, skipValidations: true });

let recovering: FilterParser | undefined;

/** For text that has errors: a parser that recovers to report several. Built on first need. */
export function recoveringParser(): FilterParser {
  recovering ??= new FilterParser({ recovery: true, skipValidations: true });
  return recovering;
}
