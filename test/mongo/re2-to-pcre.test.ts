/** `matches` patterns: the PCRE rewrite (run by the reference as the server would) ≡ RE2. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileRegex } from "../../src/engine/regex.js";
import { MAX_OPEN_LOOPS, MAX_WAYS_BY_OPEN_LOOPS } from "../../src/mongo/backtracking.js";
import { re2ToPcre } from "../../src/mongo/re2-to-pcre.js";
import { matchesMongo } from "../support/mongo-reference.js";
import { ambiguousLoop } from "../support/pcre-ambiguity.js";

const PATTERNS = [
  "^a", "b$", "a.c", "^$", "^(?:a|b)+$", "(ab)?c", "[a-c]+", "[^a-c]", "[]a]", "[a\\-z]", "\\d{2,3}", "x\\s*$", "^\\w+$", "a{2}", "a{2,}",
  "é|😀", "\\.", "\\$", "\\x41", "\\x{1F600}", "(?P<n>a)b", "a*?b", "\\Aab\\z", "[\\d\\s]", "\\S\\D\\W", "\\n", "\\t", "\\v", "^.$", "(?:)", "a|", "[.]",
  "(?i)k", "(?i:s)x", "\\pL", "\\p{Greek}+", "[[:alpha:]]", "\\Qa.b\\E", "(a|ab)*c", "(?:[a-z]+\\s)+", "(?s).", "[^\\x{e000}]", "ǅ", "σ",
];
const UNITS = ["a", "b", "c", "A", "B", "ab", "\n", "\r", "\v", " ", "\t", "1", "12", "é", "É", "😀", "ſ", "s", "S", "k", "K", "\u212A", "_", ".", "$", "z", "x", "]", "-", "ß", "ẞ", "σ", "ς", "Σ", "ǅ", "ǆ", "Ǆ", "α", "\ue000", "\ud7ff"];
const subject = fc.array(fc.constantFrom(...UNITS), { maxLength: 6 }).map((xs) => xs.join(""));

/** Generated RE2 patterns: every construct the rewrite reads or refuses, nested. */
const ATOMS = [
  "a", "b", "k", "K", "s", "S", "ſ", "\\x{212a}", "é", "É", "ß", "😀", "σ", "Σ", "ǅ", "\\n", "\\.", "-", "_", " ", "\\x{e000}",
  "[a-c]", "[^a]", "[^\\n]", "[ak]", "[^a-c]", "[]a]", "[a\\-z]", "[\\d\\s]", "[^\\W]", "[^\\x{e000}]",
  ".", "(?s:.)", "^", "$", "\\A", "\\z", "\\d", "\\D", "\\s", "\\S", "\\w", "\\W",
  "\\pL", "\\p{Greek}", "[[:alpha:]]", "\\Qa.\\E", "\\b", "\\B", "(?m:^)", "(?m:$)",
];
const QUANTIFIERS = ["*", "+", "?", "{2}", "{1,3}", "{2,}", "{0,2}", "*?", "+?", "??", "{1,2}?"];
const { pattern } = fc.letrec<{ pattern: string }>((tie) => ({
  pattern: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: fc.constantFrom(...ATOMS) },
    { weight: 2, arbitrary: fc.array(tie("pattern"), { minLength: 2, maxLength: 3 }).map((xs) => xs.join("")) },
    { weight: 1, arbitrary: fc.array(tie("pattern"), { minLength: 2, maxLength: 3 }).map((xs) => `(?:${xs.join("|")})`) },
    { weight: 2, arbitrary: fc.tuple(tie("pattern"), fc.constantFrom(...QUANTIFIERS), fc.boolean()).map(([p, q, capture]) => `(${capture ? "" : "?:"}${p})${q}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("(?i:", "(?-i:"), tie("pattern")).map(([f, p]) => `${f}${p})`) },
  ),
}));

/** Why a refusal may happen: each reason re2-to-pcre.ts and backtracking.ts give. */
const REASONS = /the escape \\[bB]|\(\?m\)|repetition of a group|ways, each of which PCRE may try|repetitions that can end in more than one place|longer than the \d+ characters the server takes|too large to check for backtracking/;

function serverMatches(pcre: string, s: string): boolean {
  return matchesMongo({ f: { $regex: pcre } }, { f: s });
}

function re2Find(pattern: string, caseless: boolean, s: string): boolean {
  const re2 = compileRegex(pattern, caseless);
  if (!re2.ok) throw new Error(`RE2 refused ${pattern}`);
  return re2.regex.matcher(s).find();
}

describe("re2ToPcre", () => {
  test("fixed patterns, random subjects: the server's match (reference) equals RE2's", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), fc.boolean(), subject, (p, caseless, s) => {
        const t = re2ToPcre(p, caseless);
        if (!t.ok) throw new Error(`refused ${p}: ${t.reason}`);
        expect(serverMatches(t.pattern, s), `${p} → ${t.pattern} on ${JSON.stringify(s)}`).toBe(re2Find(p, caseless, s));
      }),
      { numRuns: 4000 },
    );
  });

  test("generated patterns: a refusal with a reason or a translation that matches as RE2 does, and never a throw", () => {
    let translated = 0;
    fc.assert(
      fc.property(pattern, fc.boolean(), fc.array(subject, { minLength: 6, maxLength: 6 }), (p, caseless, subjects) => {
        const t = re2ToPcre(p, caseless);
        if (!compileRegex(p, caseless).ok) {
          expect(t.ok).toBe(false);
          return;
        }
        if (!t.ok) {
          expect(t.reason).toMatch(REASONS);
          return;
        }
        translated++;
        for (const s of subjects) expect(serverMatches(t.pattern, s), `${p} → ${t.pattern} on ${JSON.stringify(s)}`).toBe(re2Find(p, caseless, s));
      }),
      { numRuns: 3000 },
    );
    // The property is about translations: most generated patterns must get one.
    expect(translated).toBeGreaterThan(1500);
  });

  test("any text as a pattern: a translation or a refusal, never a throw", () => {
    const unit = fc.constantFrom("a", "k", "é", "(", ")", "(?:", "(?i", "(?P<n>", "|", "*", "+", "?", "{", "}", "2", ",", "[", "]", "^", "-", "\\", "x", "p", "Q", "E", "b", "$", ".", "\u0000", "\ud800");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }).map((xs) => xs.join("")), fc.boolean(), (p, caseless) => {
        const t = re2ToPcre(p, caseless);
        expect(t.ok ? typeof t.pattern : typeof t.reason).toBe("string");
        if (!compileRegex(p, caseless).ok) expect(t.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  test("every translation is safe for a backtracking engine: no repeated group reads a text two ways", () => {
    fc.assert(
      fc.property(pattern, fc.boolean(), (p, caseless) => {
        const t = re2ToPcre(p, caseless);
        if (t.ok) expect(ambiguousLoop(t.pattern), `${p} → ${t.pattern}`).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  test("the safety check finds what it looks for", () => {
    expect(ambiguousLoop("(?:a+)+")?.word).toEqual([0x61, 0x61]);
    expect(ambiguousLoop("(?:a|aa)*c")).toBeDefined();
    expect(ambiguousLoop("(?:a|ab)*c")).toBeUndefined();
    expect(ambiguousLoop("(?:a?a)+")).toBeDefined();
    expect(ambiguousLoop("(?:(?:)|(?:))c*")).toBeUndefined();
    expect(ambiguousLoop("(?:(?:(?:)|(?:))c)+")).toBeDefined();
    expect(ambiguousLoop("(?:[a-z]+\\x{20})+")).toBeUndefined();
    expect(ambiguousLoop("^(?:foo|bar)+\\z")).toBeUndefined();
  });

  test.each([
    ["\\bx", "the escape \\b"], ["a\\B", "the escape \\B"], ["(?m)^a", "(?m)"], ["(?m:a$)", "(?m)"],
    // Anchored where the danger is at an end: an optional part at an unanchored end is left out (see below).
    ["(a+)+", "repetition of a group"], ["^(a|aa)*b", "repetition of a group"], ["(a?a)+", "repetition of a group"], ["^(a*|b)*$", "repetition of a group"],
    ["(a*b*)+", "repetition of a group"], ["^(.*,)*x", "repetition of a group"], ["(\\d{2,3})+", "repetition of a group"],
    ["^(a?){20}a{20}", `more than ${MAX_WAYS_BY_OPEN_LOOPS[0]} ways`], ["^" + "a?".repeat(17) + "a".repeat(17), `more than ${MAX_WAYS_BY_OPEN_LOOPS[0]} ways`], [".*a.*b.*c.*d", `more than ${MAX_OPEN_LOOPS} repetition`],
    // Polynomial blow-ups: two open loops (with the unanchored search, the cube of the text's length), and many ways times an open loop.
    [".*a.*b.*c", `more than ${MAX_OPEN_LOOPS} repetition`], ["(.*),(.*),(.*),", `more than ${MAX_OPEN_LOOPS} repetition`], ["^a*a*a*a*bc", `more than ${MAX_OPEN_LOOPS} repetition`], ["[a-z]*x[a-z]*y[a-z]*z", `more than ${MAX_OPEN_LOOPS} repetition`],
    ["^[a-z]*(?:a?){15}a{15}!", "ways with 1 repetition that can end in more than one place"], ["^(?:a?){16}a{16}!", `more than ${MAX_WAYS_BY_OPEN_LOOPS[0]} ways`],
    // A repetition before an end anchor ends in every place PCRE tries the anchor: `a*a*\z` took 13 s on 4,001 characters.
    ["^a*a*\\z", `more than ${MAX_OPEN_LOOPS} repetition`], ["x\\s*\\s*\\s*$", `more than ${MAX_OPEN_LOOPS} repetition`], ["(a*|b)(a*|b)$", `more than ${MAX_OPEN_LOOPS} repetition`], ["[ab](?:a*|b)(?:a*|b)\\z", `more than ${MAX_OPEN_LOOPS} repetition`],
    ["x[^\\n]*[^\\n]*x", `more than ${MAX_OPEN_LOOPS} repetition`], ["foo.*bar.*baz", `more than ${MAX_OPEN_LOOPS} repetition`],
    // Empty-width parts that match two ways multiply the ways: counted, not copied (a list of copies ran out of memory).
    ["a" + "(?:|\\z)".repeat(20) + "b", "ways"], ["a" + "(?:^|\\z)".repeat(300) + "b", "ways"], ["\\w+\\w+\\w+\\w+\\w+x", `more than ${MAX_OPEN_LOOPS} repetitions`], ["\\pL{1000}", "characters the server takes"], ["a\\pL|b\\pL|c\\pL|d\\pL", "characters the server takes"], ["^" + "a?".repeat(1000) + "$", "too large to check"], ["[a-z]{1000}".repeat(5), "too large to check"], ["(", "an invalid pattern"],
  ])("refuses %s", (p, reason) => {
    const t = re2ToPcre(p, false);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.reason).toContain(reason);
  });

  test.each([
    // Refused before the rewrite read RE2's tree; each is exact (the generated property covers them).
    ["(?i)a", false, "[Aa]"], ["\\w+", true, "[0-9A-Z\\x{5f}a-z\\x{17f}\\x{212a}]+"], ["[[:alpha:]]", false, "[A-Za-z]"], ["\\Qa.\\E", false, "a\\x{2e}"],
    ["\\p{Greek}", false, undefined], ["^(a|ab)*$", false, "^(?:a(?:(?:)|b))*\\z"], ["(?:a|b)+", true, "[A-Ba-b]+"], ["(?:a|[ab])+", false, "[a-b]+"],
    ["(?:[a-z]+\\s)+", false, "(?:[a-z]+[\\x{9}-\\x{a}\\x{c}-\\x{d}\\x{20}])+"], ["(ab?)+$", false, "(?:ab?)+\\z"], ["x(?:^)*a", false, "x(?:^)*a"], ["(\\z)+", false, "(?:\\z)+"],
  ])("now translates %s (i: %s)", (p, caseless, expected) => {
    const t = re2ToPcre(p, caseless);
    expect(t.ok).toBe(true);
    if (t.ok && expected !== undefined) expect(t.pattern).toBe(expected);
  });

  test.each(["^[\\w.+-]+@[\\w-]+\\.[\\w.]+$", ".*foo.*bar", "^\\d{3}-\\d{4}$", "(?i)^(mr|mrs|ms)\\.? [a-z]+$", "^(\\d{1,3}\\.){3}\\d{1,3}$", "\\s*,\\s*", ".*a.*b", "(.*),(.*),(.*)", "[a-z]{0,30}x", "\\d{1,20}\\d", ".{0,1000}x", "a?".repeat(10) + "a".repeat(10)])("keeps %s, exact on sample texts", (p) => {
    const t = re2ToPcre(p, false);
    if (!t.ok) throw new Error(`refused ${p}: ${t.reason}`);
    for (const s of ["", "a", "x", "a.b@c.d", "12.34.5.6", "1.2.3.4", "mr a", "Mrs. bob", "foobar", "xabc", " , ", "abx", "1234567", "555-1234", "a".repeat(30), "a".repeat(14)]) {
      expect(serverMatches(t.pattern, s), `${p} on ${s}`).toBe(re2Find(p, false, s));
    }
  });

  test.each([
    [".*a.*b", "a[^\\x{a}]*b"], ["a*a*a*\\z", "\\z"], ["[^\\n]*[^\\n]*x", "x"], ["\\s*,\\s*", "\\x{2c}"], ["a*", "(?:)"], ["(?:x*)y(z?)", "y"],
    ["^.*a", "^[^\\x{a}]*a"], ["a.*\\z", "a[^\\x{a}]*\\z"], ["(a*|b)c", "(?:a*|b)c"],
  ])("%s: a search leaves out the optional parts at the pattern's unanchored ends → %s", (p, expected) => {
    const t = re2ToPcre(p, false);
    expect(t).toEqual({ ok: true, pattern: expected });
    for (const s of ["", "a", "b", "ab", "ba", "x", "a,b", "yz", "aac", "\nab", "a\nb", "a".repeat(20)]) {
      expect(serverMatches(expected, s), `${p} on ${JSON.stringify(s)}`).toBe(re2Find(p, false, s));
    }
  });

  test("literal words with distinct first letters may repeat, with or without i", () => {
    expect(re2ToPcre("^(foo|bar)+$", false)).toEqual({ ok: true, pattern: "^(?:foo|bar)+\\z" });
    expect(re2ToPcre("^(foo|bar)+$", true)).toEqual({ ok: true, pattern: "^(?:[Ff][Oo][Oo]|[Bb][Aa][Rr])+\\z" });
  });

  test("case folding is RE2's, written out: K also matches the Kelvin sign, s also ſ, and PCRE's own i is not used", () => {
    const t = re2ToPcre("^ks$", true);
    expect(t).toEqual({ ok: true, pattern: "^[Kk\\x{212a}][Ss\\x{17f}]\\z" });
    if (t.ok) for (const s of ["ks", "KS", "\u212Aſ"]) expect(serverMatches(t.pattern, s)).toBe(true);
  });

  test("every character leaves as an ASCII letter, a digit or \\x{…}: no RE2 text reaches PCRE unread", () => {
    expect(re2ToPcre("a-b c/é", false)).toEqual({ ok: true, pattern: "a\\x{2d}b\\x{20}c\\x{2f}\\x{e9}" });
  });

  test("no surrogate is written as \\x{…} (PCRE2 refuses one in UTF mode); none can be in a server string", () => {
    expect(re2ToPcre("[^\\x{e000}]", false)).toEqual({ ok: true, pattern: "[\\x{0}-\\x{d7ff}\\x{e001}-\\x{10ffff}]" });
    expect(re2ToPcre("\\x{d800}", false)).toEqual({ ok: true, pattern: "[^\\x{0}-\\x{10ffff}]" });
  });
});
