/**
 * Renders the parser's own grammar (Chevrotain's serialized productions) as EBNF, so the
 * published grammar is derived from the code that parses and cannot silently drift from it.
 */
import type { ISerializedGast } from "chevrotain";
import { KEYWORD_TOKENS } from "../tokens.js";

const KEYWORDS = new Set<string>(KEYWORD_TOKENS.map((t) => t.name));

const TERMINAL_TEXT: Record<string, string> = {
  Identifier: "identifier",
  BackQuoted: "back_quoted",
  StringLiteral: "string",
  NumberLiteral: "number",
  RegexLiteral: "regex",
  Duration: "duration",
  EqEq: '"=="', Eq: '"="', NotEq: '( "!=" | "<>" )', Lte: '"<="', Lt: '"<"', Gte: '">="', Gt: '">"', Tilde: '"~"',
  LParen: '"("', RParen: '")"', LBracket: '"["', RBracket: '"]"', Comma: '","', Dot: '"."', Minus: '"-"', Plus: '"+"',
};

function terminal(name: string): string {
  if (KEYWORDS.has(name)) return `"${name.toLowerCase()}"`;
  return TERMINAL_TEXT[name] ?? name;
}

/** The fields of Chevrotain's serialized nodes that rendering reads. */
type Gast = ISerializedGast & { readonly name?: string; readonly definition?: readonly ISerializedGast[]; readonly separator?: ISerializedGast };

function sequence(items: readonly ISerializedGast[]): string {
  return items.map(node).join(" ");
}

function node(gast: ISerializedGast): string {
  const n = gast as Gast;
  const def = n.definition ?? [];
  switch (n.type) {
    case "Terminal":
      return terminal(n.name ?? "");
    case "NonTerminal":
      return snake(n.name ?? "");
    case "Alternative":
      return sequence(def);
    case "Option":
      return `[ ${sequence(def)} ]`;
    case "Repetition":
      return `( ${sequence(def)} )*`;
    case "RepetitionMandatory":
      return `( ${sequence(def)} )+`;
    case "RepetitionMandatoryWithSeparator":
      return `${sequence(def)} ( ${node(n.separator as ISerializedGast)} ${sequence(def)} )*`;
    case "RepetitionWithSeparator":
      return `[ ${sequence(def)} ( ${node(n.separator as ISerializedGast)} ${sequence(def)} )* ]`;
    case "Alternation":
      return `( ${def.map(node).join(" | ")} )`;
    default:
      return `?${n.type}?`;
  }
}

/** `orExpr` → `or_expr`: the EBNF uses the spec's snake_case names. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const LEXICAL = `(* Lexical grammar. Keywords are case-insensitive; whitespace separates tokens and is
   otherwise ignored, so a query may span lines.
   identifier   = letter_ , { letter_ | digit } ;   letter_ = Unicode letter | "_" | "$"
   back_quoted  = "\`" , { any character but "\`", "." or a line break }- , "\`" ;
   string       = '"' , { char | escape } , '"' | "'" , { char | escape } , "'" ;
                  escape = JSON escapes (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) and \\'
   number       = ( "0" | digit19 , { digit } ) , [ "." , digit+ ] , [ ( "e" | "E" ) , [ "+" | "-" ] , digit+ ] ;
   regex        = "/" , { any character but "/" or a line break | "\\" , any character }+ , "/" , { flag } ;  flag = "i"
   duration     = digit+ , ( "s" | "m" | "h" | "d" | "w" ) ;
   Reserved words (a field with one of these names is back-quoted):
   ${[...KEYWORDS].map((k) => k.toLowerCase()).sort().join(" ")} *)`;

export function grammarToEbnf(productions: readonly ISerializedGast[]): string {
  const rules = productions.map((rule) => {
    const r = rule as Gast;
    const name = snake(r.name ?? "");
    const body = sequence(r.definition ?? []);
    return `${name} ::= ${body}`;
  });
  return `(* FilterQL grammar, generated from the parser by \`npm run grammar\`; do not edit by hand. *)\n\n${rules.join("\n")}\n\n${LEXICAL}\n`;
}
