import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { check } from "../../src/check/check.js";
import { resolveSchema, type Schema } from "../../src/check/schema.js";
import { applyFixes } from "../../src/diagnostics/apply-fixes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { parse } from "../../src/syntax/parse.js";
import { RESERVED_WORDS } from "../../src/syntax/tokens.js";

const schema = JSON.parse(readFileSync(new URL("../../sample/schema.json", import.meta.url), "utf8")) as Schema;
const fields = resolveSchema(schema)!.entries();

/** Every diagnostic of a text: the parser's, or the checker's when it parses. */
function diagnose(text: string, withSchema = true): Diagnostic[] {
  const options = withSchema ? { schema } : {};
  const parsed = parse(text, options);
  return parsed.query === undefined ? parsed.diagnostics : check(parsed.query, options);
}

const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error");

const OPERATORS = ["=", "!=", ">", ">=", "<", "<=", "contains", "not contains", "starts with", "ends with", "~", "in [_]", "not in [_, _]", "between _ and _"];

/** Other languages' forms, which the habits read and fix, and what each means in FilterQL: `$f` the field, `$v` the value. */
const HABIT_FORMS: Record<string, string> = {
  "$f has $v": "$f contains $v",
  "$f includes $v": "$f contains $v",
  "$f startswith $v": "$f starts with $v",
  "$f ends_with $v": "$f ends with $v",
  "$f is $v": "$f = $v",
  "$f is not $v": "$f != $v",
  "$f:$v": "$f = $v",
  "-$f:$v": "not $f = $v",
  "$f:($v OR $v)": "$f in [$v, $v]",
  "$f:[$v TO $v]": "$f between $v and $v",
  "$f => $v": "$f >= $v",
  "$f == $v": "$f == $v",
};

/** `field op value`, the value put in every place the operator has. */
function condition(field: string, op: string, value: string): string {
  if (op.includes("$")) return op.replaceAll("$f", field).replaceAll("$v", value);
  return op.includes("_") ? `${field} ${op.replaceAll("_", value)}` : `${field} ${op} ${value}`;
}

/** A word a user may type for a value: an enum value, a near miss of one, or any other word. */
const wordArb = fc.oneof(
  fc.constantFrom(...fields.flatMap((f) => (f.enum ?? []).filter((v): v is string => typeof v === "string"))).chain((v) =>
    fc.oneof(
      fc.constant(v),
      fc.integer({ min: 0, max: v.length - 1 }).map((k) => v.slice(0, k) + v.slice(k + 1)),
      fc.integer({ min: 0, max: v.length - 1 }).map((k) => v.slice(0, k) + "x" + v.slice(k + 1)),
      fc.constant(v.toUpperCase()),
    ),
  ),
  fc.stringMatching(/^[a-z]{1,8}$/),
).filter((w) => /^[A-Za-z_]\w*$/.test(w) && !RESERVED_WORDS.has(w.toLowerCase()));

const caseArb = fc.record({
  field: fc.constantFrom(...fields.map((f) => f.path), "metadata", "nosuch"),
  op: fc.constantFrom(...OPERATORS, ...Object.keys(HABIT_FORMS)),
  word: wordArb,
  quoted: fc.boolean(),
  prefix: fc.constantFrom("", 'name = "Ada" and ', "not ", "from users where "),
}).map(({ field, op, word, quoted, prefix }) => {
  const value = quoted ? JSON.stringify(word) : word;
  // What the checker says of the condition written in FilterQL, with the value as it was quoted: a
  // repair that spells what was written (`id:("a" OR "b")` → `id in ["a", "b"]`) keeps such an
  // error. Only a guess (a bare word's value, `has` read as `contains`) must avoid them.
  const own = quoted ? errors(diagnose(condition(field, HABIT_FORMS[op] ?? op, value))).map((d) => d.message) : [];
  return { text: `${prefix}${condition(field, op, value)}`, own };
});
const queryArb = caseArb.map((c) => c.text);

describe("a fix, applied, gives a query the checker accepts", () => {
  test("over near-miss queries against the sample schema: field × operator or another language's form × bare word or quoted near miss", () => {
    let fixed = 0;
    fc.assert(
      fc.property(caseArb, ({ text, own }) => {
        const before = diagnose(text);
        if (!before.some((d) => d.fix !== undefined)) return;
        fixed++;
        const after = applyFixes(text, before);
        // A field the schema lacks stays unknown whatever the fix. An error reported with no fix
        // (`id => ACTIVE`: the arrow is fixed, the bare word is not a number) may stay as it was said.
        const unfixed = new Set([...own, ...errors(before).filter((d) => d.fix === undefined).map((d) => d.message)]);
        const left = errors(diagnose(after)).filter((d) => !(d.code === "unknown-field" && d.message === "unknown field `nosuch`") && !unfixed.has(d.message));
        expect(left, `${text} → ${after}`).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    // The property says something only if fixes are offered.
    expect(fixed).toBeGreaterThan(200);
  });

  test("a bare word always keeps its diagnostic, with or without a fix", () => {
    fc.assert(
      fc.property(queryArb.filter((t) => !t.includes('"') || t.startsWith("name")), (text) => {
        if (/ (=|!=|>|>=|<|<=|contains|with|~|\[|between|and) [A-Za-z]/.test(text.replace(/^name = "Ada" and /, ""))) {
          expect(errors(diagnose(text)).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the bare-word fix follows the field's type", () => {
  test.each([
    ["age > thirty", "`age` is an integer: write a number"],
    ["score <= high", "`score` is a number: write a number"],
    ["created > n", '`created` is a date: write a date in quotes, such as `"2024-05-01"`, or `now - 7d`'],
    ["verified = yes", "`verified` is a boolean: write `true` or `false`"],
    ["metadata = x", "`metadata` is an object: compare one of its fields"],
    ["age between 1 and thirty", "`age` is an integer: write a number"],
    ["age in [1, thirty]", "`age` is an integer: write a number"],
  ])("%s: no fix, and the hint says what the field takes", (text, hint) => {
    const [d, ...rest] = parse(text, { schema }).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "syntax", message: expect.stringContaining("is a bare word") as string, hint });
    expect(d?.fix).toBeUndefined();
  });

  test.each([
    ["name > thirty", 'name > "thirty"'],
    ["tags contains vip", 'tags contains "vip"'],
    ["profile.city starts with Ber", 'profile.city starts with "Ber"'],
    ["status starts with act", 'status starts with "act"'],
    ["status = activ", 'status = "active"'],
    ["role in [admin, editer]", 'role in ["admin", "editor"]'],
    ["nosuch > thirty", 'nosuch > "thirty"'],
  ])("%s: quoted where a string can stand → %s", (text, fixed) => {
    expect(applyFixes(text, parse(text, { schema }).diagnostics)).toBe(fixed);
  });

  test("without a schema a bare word is quoted as today, whatever the field", () => {
    expect(applyFixes("age > thirty", parse("age > thirty").diagnostics)).toBe('age > "thirty"');
  });

  test("a bare word outside an enum, where the checker reads the enum, keeps its diagnostic but gets no fix", () => {
    const [d] = parse("status = archived", { schema }).diagnostics;
    expect(d?.message).toBe("`archived` is a bare word; a text value is written in quotes");
    expect(d?.hint).toBe('`status` takes "active", "inactive", "pending"');
    expect(d?.fix).toBeUndefined();
  });

  test("Lucene's `field:word` is rewritten only where the word may be quoted", () => {
    expect(parse("age:thirty", { schema }).diagnostics.every((d) => d.fix === undefined)).toBe(true);
    expect(parse("status:foo", { schema }).diagnostics.every((d) => d.fix === undefined)).toBe(true);
    expect(applyFixes("status:activ", parse("status:activ", { schema }).diagnostics)).toBe('status = "active"');
  });
});

describe("a quoted value near an enum value", () => {
  test.each([
    ['status = "activ"', 'status = "active"'],
    ['status != "Pending"', 'status != "pending"'],
    ['role in ["admin", "editr"]', 'role in ["admin", "editor"]'],
    ['metadata.source = "refferal"', 'metadata.source = "referral"'],
  ])("%s → %s, as the bare word's closest value", (text, fixed) => {
    const ds = diagnose(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "invalid-value", hint: expect.stringMatching(/^did you mean `"[a-z]+"`\? allowed: /) as string });
    expect(applyFixes(text, ds)).toBe(fixed);
  });

  test("the same closest value as the bare word gets", () => {
    for (const word of ["activ", "inactiv", "pendin", "Active", "actve"]) {
      const bare = applyFixes(`status = ${word}`, diagnose(`status = ${word}`));
      const quoted = applyFixes(`status = "${word}"`, diagnose(`status = "${word}"`));
      expect(quoted).toBe(bare);
    }
  });

  test("no value is clearly closest: the allowed values, and no fix", () => {
    const [d] = diagnose('status = "zzz"');
    expect(d).toMatchObject({ code: "invalid-value", hint: 'allowed: "active", "inactive", "pending"' });
    expect(d?.fix).toBeUndefined();
    // Two values equally close: the meaning would be a guess.
    const tie = { kind: { type: "string", enum: ["cat", "car"] } } as const;
    const parsed = parse('kind = "cax"', { schema: tie });
    const [t] = check(parsed.query!, { schema: tie });
    expect(t).toMatchObject({ code: "invalid-value", hint: 'allowed: "cat", "car"' });
    expect(t?.fix).toBeUndefined();
  });
});
