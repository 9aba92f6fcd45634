import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Schema } from "../../src/check/schema.js";
import { suggest } from "../../src/suggest/suggest.js";
import { tokens } from "../../src/suggest/tokens.js";
import { tokenSoupArb } from "../support/arbitraries.js";

const schema: Schema = {
  status: { type: "string", enum: ["active", "inactive"] },
  score: "number",
  verified: "boolean",
  created: "date",
  tags: "string[]",
  "metadata.tags": "string[]",
  "metadata.source": "string",
  "profile.zip": { type: "string", sortable: false },
  order: "string",
};

const labels = (text: string, offset = text.length) => suggest(text, offset, { schema }).items.map((i) => i.label);

describe("suggest", () => {
  test("at the start: fields with their types, not, (, and the clauses", () => {
    const s = suggest("", 0, { schema });
    expect(s).toMatchObject({ from: 0, to: 0 });
    expect(s.items).toContainEqual({ kind: "field", label: "status", detail: "string" });
    expect(s.items).toContainEqual({ kind: "field", label: "metadata", detail: "object" });
    expect(s.items).toContainEqual({ kind: "field", label: "metadata.tags", detail: "string[]" });
    expect(s.items).toContainEqual({ kind: "field", label: "`order`", detail: "string" });
    expect(s.items).toContainEqual({ kind: "keyword", label: "not" });
    expect(s.items).toContainEqual({ kind: "keyword", label: "order by" });
  });

  test("null is offered only where it checks: after =, == and != and in a list, not after an ordering, a text operator or between", () => {
    for (const text of ["created = ", "created != ", "verified == ", "status in [", "status in [\"active\", "]) expect(labels(text), text).toContain("null");
    for (const text of ["created > ", "created <= ", "created between ", "created between now - 7d and ", "tags contains ", "status starts with ", "status ~ "]) expect(labels(text), text).not.toContain("null");
    expect(labels("created > ")).toEqual(["now", "now - 1d", "now - 7d"]);
  });

  test("a partial word: the range covers it and items match it", () => {
    expect(suggest("x = 1 and sc", 12, { schema })).toEqual({ from: 10, to: 12, items: [{ kind: "field", label: "score", detail: "number" }] });
  });

  test("nested segments after metadata.", () => {
    expect(labels("metadata.")).toEqual(["tags", "source"]);
    expect(labels("metadata.so")).toEqual(["source"]);
  });

  test("operators valid for the field at hand", () => {
    const forScore = labels("score ");
    expect(forScore).toEqual(expect.arrayContaining(["=", "<", ">=", "between", "in", "is null", "exists"]));
    expect(forScore).not.toContain("contains");
    expect(forScore).not.toContain("starts with");
    const forBool = labels("verified ");
    expect(forBool).not.toContain("<");
    expect(forBool).not.toContain("between");
    expect(labels("status ")).toEqual(expect.arrayContaining(["contains", "starts with", "matches", "~"]));
    expect(labels("tags ")).toContain("contains");
    expect(labels("status not ")).toEqual(["in", "exists", "contains", "starts with", "ends with", "matches"]);
    expect(labels("status is ")).toEqual(["null", "not null"]);
    expect(labels("status starts ")).toEqual(["with"]);
  });

  test("word operators are keywords, symbols are operators", () => {
    const items = suggest("score ", 6, { schema }).items;
    expect(items).toContainEqual({ kind: "keyword", label: "between" });
    expect(items).toContainEqual({ kind: "operator", label: ">=" });
  });

  test("values that fit the field, labelled as typed", () => {
    expect(suggest("status = ", 9, { schema }).items).toEqual([
      { kind: "value", label: '"active"', detail: "string" },
      { kind: "value", label: '"inactive"', detail: "string" },
      { kind: "value", label: "null", detail: "string" },
    ]);
    expect(labels('status = "ac')).toEqual(['"active"']);
    expect(labels("status = 'in")).toEqual(['"inactive"']);
    expect(labels("verified = ")).toEqual(["true", "false", "null"]);
    expect(labels("created > ")).toContain("now - 7d");
    expect(labels('status in ["active", ')).toEqual(['"active"', '"inactive"', "null"]);
  });

  test("keywords that may come next", () => {
    expect(labels('status = "active" ')).toEqual(["and", "or", "order by", "select", "limit", "case"]);
    expect(labels('(status = "active" ')).toEqual(["and", "or", ")"]);
    expect(labels("order by score ")).toEqual(["asc", "desc", "select", "limit", "case"]);
    expect(labels("x = 1 case ")).toEqual(["sensitive", "insensitive"]);
    expect(labels("x = 1 order ")).toEqual(["by"]);
  });

  test("an operator from another language, substituted by the parser, is not taken for a word being typed", () => {
    expect(labels('status = "active" &&')).toContain("score");
    expect(labels("score > 1 ||")).toContain("status");
  });

  test("an unclosed back-quoted name on an earlier line is still that field", () => {
    const s: Schema = { "first name": "number" };
    const items = suggest("`first name\n", 12, { schema: s }).items.map((i) => i.label);
    expect(items).toContain("<");
    expect(items).not.toContain("contains");
  });

  test("order by offers sortable fields only", () => {
    const fields = labels("order by ");
    expect(fields).toContain("score");
    expect(fields).not.toContain("profile.zip");
  });

  test("the cursor in the middle of the text completes what is before it", () => {
    expect(suggest("sta = 1", 3, { schema })).toMatchObject({ from: 0, to: 3, items: [{ label: "status" }] });
  });

  test('status = "in|" and age > 30: the range runs through the closing quote, so a value replaces the whole string', () => {
    const text = 'status = "in" and age > 30';
    expect(suggest(text, 12, { schema })).toEqual({ from: 9, to: 13, items: [{ kind: "value", label: '"inactive"', detail: "string" }], valueFor: ["status"] });
    // A word is replaced whole too; an unclosed string ends at the cursor, not at the end of the line.
    expect(suggest("score > 1", 2, { schema })).toMatchObject({ from: 0, to: 5, items: [{ label: "score" }] });
    expect(suggest('status = "in and age > 30', 12, { schema })).toMatchObject({ from: 9, to: 12 });
    expect(suggest("`ord and x", 4, { schema })).toMatchObject({ from: 0, to: 4 });
  });

  test("ord finds `order`: a name that needs back-quotes is found by its name too", () => {
    const s: Schema = { "city name": "string", "first-name": "string", order: "integer", "profile.first-name": "string" };
    const find = (text: string) => suggest(text, text.length, { schema: s }).items.map((i) => i.label);
    expect(find("ci")).toEqual(["`city name`"]);
    expect(find("fir")).toEqual(["`first-name`"]);
    expect(find("ord")).toEqual(["`order`", "order by"]);
    expect(find("`ord")).toEqual(["`order`"]);
    expect(find("profile.fi")).toEqual(["`first-name`"]);
  });

  test("tags contains \"v: a value position even when no value is suggested", () => {
    const s: Schema = { tags: "string[]", "profile.city": "string", age: "integer" };
    const at = (text: string) => suggest(text, text.length, { schema: s });
    for (const [text, field] of [['tags contains "v', "tags"], ['profile.city starts with "B', "profile.city"], ['profile.city ends with ', "profile.city"], ["age between 1 and ", "age"], ["age in [1, ", "age"], ["age > ", "age"]] as const) {
      expect(at(text).valueFor, text).toEqual(field.split("."));
    }
    expect(at('tags contains "v').items).toEqual([]);
    for (const text of ["", "tags ", "age in ", "age > 3 ", "age > -", "order by "]) expect(at(text).valueFor, text).toBeUndefined();
    expect(Object.keys(suggest("age ", 4, { schema: s })).sort()).toEqual(["from", "items", "to"]);
  });

  test("without a schema: operators and keywords still come", () => {
    expect(suggest("anything ", 9).items.map((i) => i.label)).toContain("contains");
    expect(suggest("", 0).items.map((i) => i.label)).toContain("not");
  });

  test("never throws on text: any text, any offset, any schema", () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoupArb, fc.string({ maxLength: 40 })), fc.integer({ min: -5, max: 200 }), (text, offset) => {
        const s = suggest(text, offset, { schema });
        expect(s.from).toBeLessThanOrEqual(s.to);
        expect(s.to).toBeLessThanOrEqual(Math.max(text.length, offset));
        expect(Array.isArray(s.items)).toBe(true);
        suggest(text, offset, { schema: { x: "nonsense" } as unknown as Schema });
      }),
      { numRuns: 2000 },
    );
    expect(() => suggest(null as unknown as string, 0)).toThrow(TypeError);
  });
});

describe("tokens", () => {
  test('status = "a" and x === 1 or `y` ~ /r/i @ now - 7d "open', () => {
    const text = 'status = "a" and x === 1 or `y` ~ /r/i @ now - 7d "open';
    const types = tokens(text).map((t) => [t.type, text.slice(t.start, t.end)]);
    expect(types).toEqual([
      ["field", "status"], ["operator", "="], ["string", '"a"'], ["keyword", "and"], ["field", "x"], ["error", "==="], ["number", "1"],
      ["keyword", "or"], ["field", "`y`"], ["operator", "~"], ["regex", "/r/i"], ["error", "@"], ["keyword", "now"], ["operator", "-"],
      ["number", "7d"], ["error", '"open'],
    ]);
  });

  test("punctuation and keyword case", () => {
    expect(tokens("(a.b IN [1, 2])").map((t) => t.type)).toEqual(["punctuation", "field", "punctuation", "field", "keyword", "punctuation", "number", "punctuation", "number", "punctuation", "punctuation"]);
  });

  test("tokens cover the text without overlap, for any input", () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoupArb, fc.string({ maxLength: 60, unit: "binary" })), (text) => {
        let at = 0;
        for (const t of tokens(text)) {
          expect(t.start).toBeGreaterThanOrEqual(at);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(at, t.start).trim()).toBe("");
          at = t.end;
        }
        expect(text.slice(at).trim()).toBe("");
      }),
      { numRuns: 2000 },
    );
  });
});
