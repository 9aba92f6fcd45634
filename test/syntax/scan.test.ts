import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { scan } from "../../src/syntax/scan.js";
import { createLexer } from "../../src/syntax/chevrotain/lexer.js";
import { tokenSoupArb } from "../support/arbitraries.js";

// The hand-written scanner is the hot path; Chevrotain's lexer, built from the same token
// definitions, is the reference it must agree with exactly.
const reference = createLexer(false);

function both(text: string) {
  const ours = scan(text);
  const theirs = reference.tokenize(text);
  return {
    ours: { tokens: ours.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]), errors: ours.errors.map((e) => [e.offset, e.length, e.message]) },
    theirs: { tokens: theirs.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]), errors: theirs.errors.map((e) => [e.offset, e.length, e.message]) },
  };
}

const alphabet = fc.constantFrom(
  ..."aZ_$é日0179smhdwe.+-=!<>~()[],:&|/\\\"'` \t\n\r\u00a0\u2028@#%^*?{};".split(""),
  "\u0000", "\u001b", "😀", "\u2000", "Ⅻ", "\u0301",
);

describe("scanner ≡ Chevrotain lexer", () => {
  test.each([
    'status = "active" or role == \'admin\' and not `order`.x >= -1.5e3',
    "a === 1 !== 2 => 3 =< 4 =~ 5 && || ! : != <> <= >=",
    'x matches /a\\/b/i and y ~ "w" and t > now - 7d and 7days 12abc 01 1e5 1.5e-3',
    '"unterminated \\" and \'also and `back',
    "@@ ## a@b /nope & | \u2000 日本 café",
  ])("%s", (text) => {
    const { ours, theirs } = both(text);
    expect(ours).toEqual(theirs);
  });

  test("random text from an alphabet of interesting characters", () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join("")), (text) => {
        const { ours, theirs } = both(text);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 5000 },
    );
  });

  test("token soups and arbitrary unicode", () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoupArb, fc.string({ maxLength: 40, unit: "binary" })), (text) => {
        const { ours, theirs } = both(text);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("Unicode identifiers start anywhere in the BMP", () => {
  test("every letter-like first character from U+0100 to U+FFFF lexes as one identifier, in both lexers", () => {
    const starts: string[] = [];
    for (let c = 0x100; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (/[\p{L}\p{Nl}]/u.test(ch)) starts.push(ch);
    }
    const text = starts.join(" ");
    const { ours, theirs } = both(text);
    expect(theirs.errors).toEqual([]);
    expect(ours).toEqual(theirs);
    expect(ours.tokens).toHaveLength(starts.length);
  });
});
