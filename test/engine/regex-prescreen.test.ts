import fc from "fast-check";
import { RE2JS } from "re2js";
import { describe, expect, test } from "vitest";
import { prescreenRegex } from "../../src/engine/regex-prescreen.js";

function re2Refuses(pattern: string): boolean {
  try {
    RE2JS.compile(pattern);
    return false;
  } catch {
    return true;
  }
}

describe("prescreenRegex: what RE2 certainly refuses, without RE2", () => {
  test.each(["(a)\\1", "x(?=y)", "x(?!y)", "(?<=a)b", "(?<!a)b", "(ab", "ab)", "[ab", "*a", "a|+b", "(*)", "a**", "a+*", "a*??", "abc\\"])("%s is refused, as RE2 refuses it", (pattern) => {
    expect(prescreenRegex(pattern)).toBeDefined();
    expect(re2Refuses(pattern)).toBe(true);
  });

  test.each(["(?i)abc", "(?P<year>\\d{4})", "[[:alpha:]]+", "\\Q(a\\E", "a*?b", "a+?", "a??", "[]a]", "[^]a]", "[(]", "a{2}", "\\pL+", "^$", "[\\]]"])("%s is accepted, as RE2 accepts it", (pattern) => {
    expect(prescreenRegex(pattern)).toBeUndefined();
    expect(re2Refuses(pattern)).toBe(false);
  });

  test("it never refuses a pattern RE2 accepts", () => {
    const piece = fc.constantFrom("a", "1", "(", ")", "[", "]", "^", "*", "+", "?", "|", "\\", "\\1", "\\Q", "\\E", ":", "(?", "(?:", "(?i)", "=", "!", "<", "{", "}", "{2}", ".", "-", "[:alpha:]", "$");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const pattern = pieces.join("");
        if (prescreenRegex(pattern) !== undefined) expect(re2Refuses(pattern), pattern).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
