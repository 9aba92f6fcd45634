/** `matches` patterns: the PCRE rewrite (run by the reference as the server would) ≡ RE2. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileRegex } from "../../src/engine/regex.js";
import { re2ToPcre } from "../../src/mongo/re2-to-pcre.js";
import { matchesMongo } from "../support/mongo-reference.js";

const PATTERNS = [
  "^a", "b$", "a.c", "^$", "^(?:a|b)+$", "(ab)?c", "[a-c]+", "[^a-c]", "[]a]", "[a\\-z]", "\\d{2,3}", "x\\s*$", "^\\w+$", "a{2}", "a{2,}",
  "é|😀", "\\.", "\\$", "\\x41", "\\x{1F600}", "(?P<n>a)b", "a*?b", "\\Aab\\z", "[\\d\\s]", "\\S\\D\\W", "\\n", "\\t", "\\v", "^.$", "(?:)", "a|", "[.]",
];
const subject = fc.array(fc.constantFrom("a", "b", "c", "A", "B", "ab", "\n", "\r", "\v", " ", "\t", "1", "12", "é", "É", "😀", "ſ", "K", "\u212A", "_", ".", "$", "z", "x", "]", "-"), { maxLength: 6 }).map((xs) => xs.join(""));

describe("re2ToPcre", () => {
  test("random subjects: the server's match (reference) equals RE2's", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), fc.boolean(), subject, (pattern, caseless, s) => {
        const t = re2ToPcre(pattern, caseless);
        const re2 = compileRegex(pattern, caseless);
        if (!re2.ok) throw new Error(`RE2 refused ${pattern}`);
        if (!t.ok) {
          // Among these patterns only \w under "i" and a repeated alternation are refused.
          expect((caseless && /\\[wW]/.test(pattern)) || t.reason.includes("repetition of a group")).toBe(true);
          return;
        }
        const server = matchesMongo({ f: caseless ? { $regex: t.pattern, $options: "i" } : { $regex: t.pattern } }, { f: s });
        expect(server).toBe(re2.regex.matcher(s).find());
      }),
      { numRuns: 4000 },
    );
  });

  test.each([
    ["\\bx", "the escape \\b"], ["(a+)+", "repetition of a group"], ["(a|ab)*", "repetition of a group"], ["(?i)a", "flag group"], ["\\pL", "the escape \\p"], ["[[:alpha:]]", "POSIX class"], ["\\Qa\\E", "the escape \\Q"],
  ])("refuses %s", (pattern, reason) => {
    const t = re2ToPcre(pattern, false);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.reason).toContain(reason);
  });

  test("literal words with distinct first letters may repeat: (foo|bar)+; (?:a|b)+ with i may not", () => {
    expect(re2ToPcre("^(foo|bar)+$", false)).toEqual({ ok: true, pattern: "^(?:(?:foo|bar))+\\z" });
    expect(re2ToPcre("(?:a|b)+", true).ok).toBe(false);
    expect(re2ToPcre("(?:a|[ab])+", false).ok).toBe(false);
  });

  test("every character leaves as an ASCII letter, a digit or \\x{…}: no RE2 text reaches PCRE unread", () => {
    const t = re2ToPcre("a-b c/é", false);
    expect(t).toEqual({ ok: true, pattern: "a\\x{2d}b\\x{20}c\\x{2f}\\x{e9}" });
  });
});
