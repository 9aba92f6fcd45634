/**
 * The RE2 → PostgreSQL translation is exact: for random patterns (built from every construct
 * the translator accepts and some it refuses) and random subjects, PostgreSQL's `~` — and
 * `like_regex` inside a jsonpath — agree with RE2's `find`, case-sensitive and not; a refused
 * pattern gives a reason, never a near miss.
 */
import fc from "fast-check";
import { RE2JS } from "re2js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { translateRegex } from "../../src/sql/regex.js";
import { databases, ENGINES, type Database } from "../support/databases.js";

const atom = fc.constantFrom("a", "b", "A", "é", "É", "ß", "k", "K", "😀", ".", "\\d", "\\w", "\\s", "\\W", "[a-c]", "[^a]", "[[:alpha:]]", "\\pL", "\\p{Greek}", "\\.", "\\n", "\\x{212a}", "(?s:.)", "\\b", "\\B", "^", "$", "\\A", "\\z", "(?m:^)", "ǅ", "σ", "Σ");
const { pattern } = fc.letrec<{ pattern: string }>((tie) => ({
  pattern: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: atom },
    { weight: 2, arbitrary: fc.array(tie("pattern"), { minLength: 2, maxLength: 3 }).map((xs) => xs.join("")) },
    { weight: 1, arbitrary: fc.array(tie("pattern"), { minLength: 2, maxLength: 3 }).map((xs) => `(?:${xs.join("|")})`) },
    { weight: 1, arbitrary: fc.tuple(tie("pattern"), fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "*?", "{0,}")).map(([p, q]) => `(${p})${q}`) },
  ),
}));
const subject = fc.string({ unit: fc.constantFrom("a", "b", "A", "B", "é", "É", "ß", "ẞ", "k", "K", "\u212a", "😀", "1", " ", "\n", "_", "σ", "ς", "Σ", "ǅ", "ǆ", "Ǆ", "."), maxLength: 6 });

let dbs: Database[] = [];
beforeAll(async () => {
  dbs = await databases();
});
afterAll(async () => {
  for (const db of dbs) await db.close();
});

describe.each(ENGINES)("regex translation on %s", (engine) => {
  const db = () => dbs.find((d) => d.name === engine) as Database;

  test("PostgreSQL ~ and like_regex agree with RE2 on every translated pattern", async () => {
    let translated = 0;
    await fc.assert(
      fc.asyncProperty(pattern, fc.boolean(), fc.array(subject, { minLength: 8, maxLength: 8 }), async (p, caseInsensitive, subjects) => {
        let re: RE2JS;
        try {
          re = RE2JS.compile(p, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
        } catch {
          expect(translateRegex(p, caseInsensitive).ok).toBe(false);
          return;
        }
        const t = translateRegex(p, caseInsensitive);
        if (!t.ok) {
          expect(t.message).toMatch(/PostgreSQL|64 KiB/);
          return;
        }
        translated++;
        const rows = await db().query<{ s: string; m: boolean; j: boolean }>(
          `SELECT s, s ~ $2::text AS m, jsonb_build_object('v', s) @? ('$.v ? (@ like_regex ' || to_json($2::text)::text || ')')::jsonpath AS j FROM unnest($1::text[]) WITH ORDINALITY AS u(s, i) ORDER BY i`,
          [subjects, t.source],
        );
        for (const row of rows) {
          const want = re.matcher(row.s).find();
          expect({ s: row.s, m: row.m, j: row.j }, `${p} → ${t.source}`).toEqual({ s: row.s, m: want, j: want });
        }
      }),
      { numRuns: 300 },
    );
    expect(translated).toBeGreaterThan(150);
  });

  test.each([
    ["(?m)^a", "line anchors"],
    ["(?<=a)b", "look-behind|invalid regex"],
    ["\\b*", "invalid regex|repeated assertion"],
  ])("%s is refused: %s", (p, reason) => {
    const t = translateRegex(p, false);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.message).toMatch(new RegExp(reason));
  });
});
