import { expect, test } from "vitest";
import { FilterParser } from "../../src/syntax/chevrotain/parser.js";
import { createLexer } from "../../src/syntax/chevrotain/lexer.js";

// The shipped lexer and parser skip Chevrotain's start-up validation to load faster;
// this is where that validation runs.
test("the grammar passes Chevrotain's validations (ambiguities, left recursion, unreachable tokens)", () => {
  expect(() => new FilterParser({ recovery: true, skipValidations: false })).not.toThrow();
  expect(() => new FilterParser({ recovery: false, skipValidations: false })).not.toThrow();
  const lexer = createLexer(false);
  expect(lexer.lexerDefinitionErrors).toEqual([]);
  expect(lexer.tokenize("a = 1").errors).toEqual([]);
});
