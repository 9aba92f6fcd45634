import { createSyntaxDiagramsCode } from "chevrotain";
import { grammarToEbnf } from "./ebnf.js";
import { fastParser } from "./parser.js";

/**
 * The generated files of grammar/: the EBNF and the railroad-diagram page. The page loads its
 * scripts from grammar/assets/, which the build copies from Chevrotain's package: no network.
 */
export function grammarFiles(): Record<string, string> {
  const productions = fastParser().getSerializedGastProductions();
  return {
    "filterql.ebnf": grammarToEbnf(productions),
    "diagrams.html": createSyntaxDiagramsCode(productions, { resourceBase: "./assets/", css: "./assets/diagrams.css" }),
  };
}
