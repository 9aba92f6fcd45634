/** toMongo: the MongoDB form of each operator, and what is refused (the query string as title). */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { toMongo, type MongoOptions } from "../../src/mongo/to-mongo.js";
import { queryArb, tokenSoupArb } from "../support/arbitraries.js";
import { parse } from "../../src/syntax/parse.js";
import { matchesMongo } from "../support/mongo-reference.js";

const now = new Date("2026-03-01T12:00:00.000Z");
const mongo = (text: string, options: MongoOptions = {}) => compile(text).toMongo({ now, ...options });
const filterOf = (text: string, options: MongoOptions = {}) => mongo(text, options).filter;

function refusal(text: string, options: MongoOptions = {}): { message: string; start: number; end: number } {
  try {
    compile(text).toMongo(options);
  } catch (error) {
    if (!(error instanceof FilterQLError)) throw error;
    // One refusal, said once.
    expect(error.diagnostics).toHaveLength(1);
    const d = error.diagnostics[0];
    if (d === undefined) throw new Error("no diagnostic");
    expect(d.code).toBe("unsupported-by-dialect");
    return { message: d.message, start: d.span.start, end: d.span.end };
  }
  throw new Error(`not refused: ${text}`);
}

describe("one-to-one forms", () => {
  test.each([
    ['status = "active"', { status: { $eq: "active" } }],
    ['status != "active"', { $nor: [{ status: { $eq: "active" } }] }],
    ["age >= 30", { age: { $gte: 30 } }],
    ["age between 1 and 5", { $and: [{ age: { $gte: 1 } }, { age: { $lte: 5 } }] }],
    ['role in ["a", 1, null]', { role: { $in: ["a", 1, null] } }],
    ['role not in ["a"]', { $nor: [{ role: { $in: ["a"] } }] }],
    ["a is null", { a: { $eq: null } }],
    ["a is not null", { a: { $ne: null } }],
    ["a exists", { a: { $exists: true } }],
    ["a not exists", { a: { $exists: false } }],
    ["items.`0`.price > 2", { "items.0.price": { $gt: 2 } }],
    ['a = 1 or not (b = 2 and c = 3)', { $or: [{ a: { $eq: 1 } }, { $nor: [{ $and: [{ b: { $eq: 2 } }, { c: { $eq: 3 } }] }] }] }],
    ["created > now - 1d", { created: { $gt: "2026-02-28T12:00:00.000Z" } }],
  ])("%s", (text, expected) => {
    expect(filterOf(text)).toEqual(expected);
  });

  test("a date field compares Dates: `created > now - 1d`, `created = \"2026-01-01\"`", () => {
    const schema = { created: "date" } as const;
    expect(compile("created > now - 1d", { schema }).toMongo({ now }).filter).toEqual({ created: { $gt: new Date("2026-02-28T12:00:00.000Z") } });
    expect(compile('created = "2026-01-01"', { schema }).toMongo()).toMatchObject({ filter: { created: { $eq: new Date("2026-01-01T00:00:00.000Z") } } });
  });

  test("an empty query matches every document", () => {
    expect(mongo("order by a").filter).toEqual({});
  });
});

describe("operators MongoDB lacks", () => {
  test('tags contains "ab": membership, or a substring of a value that is not an array', () => {
    expect(filterOf('tags contains "ab"')).toEqual({
      $or: [{ tags: { $elemMatch: { $eq: "ab" } } }, { $and: [{ tags: { $not: { $type: "array" } } }, { tags: { $regex: "ab" } }] }],
    });
    const f = filterOf('tags contains "ab"');
    expect(matchesMongo(f, { tags: "xaby" })).toBe(true);
    expect(matchesMongo(f, { tags: ["ab", "c"] })).toBe(true);
    // A plain $regex would find "ab" inside an element; membership does not.
    expect(matchesMongo(f, { tags: ["xaby"] })).toBe(false);
    expect(matchesMongo({ tags: { $regex: "ab" } }, { tags: ["xaby"] })).toBe(true);
  });

  test('items.name contains "ab" enters arrays on the way with $elemMatch', () => {
    const f = filterOf('items.name contains "ab"');
    expect(matchesMongo(f, { items: [{ name: "cab" }, { name: 1 }] })).toBe(true);
    expect(matchesMongo(f, { items: [{ name: ["cab"] }] })).toBe(false);
    expect(matchesMongo(f, { items: [{ name: ["ab"] }] })).toBe(true);
    expect(matchesMongo(f, { items: { name: "ab" } })).toBe(true);
    expect(matchesMongo(f, { items: [[{ name: "ab" }]] })).toBe(false);
  });

  test("tags contains 5: membership only", () => {
    expect(filterOf("tags contains 5")).toEqual({ tags: { $elemMatch: { $eq: 5 } } });
  });

  test('name starts with "a.b" / ends with "(x)": escaped, anchored, \\z not $', () => {
    expect(filterOf('name starts with "a.b"')).toEqual({ name: { $regex: "^a\\x{2e}b" } });
    expect(filterOf('name ends with "(x)"')).toEqual({ name: { $regex: "\\x{28}x\\x{29}\\z" } });
    expect(matchesMongo(filterOf('name ends with "b"'), { name: "ab\n" })).toBe(false);
    expect(matchesMongo(filterOf('name starts with "a.b"'), { name: "axb" })).toBe(false);
  });

  test("a NUL character travels as \\x{0}, never as a byte in the pattern", () => {
    expect(filterOf('name starts with "a\\u0000"')).toEqual({ name: { $regex: "^a\\x{0}" } });
  });

  test("name matches /^ab+$/i: RE2 rewritten to PCRE, its case folding written out (no option i)", () => {
    expect(filterOf("name matches /^ab+$/i")).toEqual({ name: { $regex: "^[Aa][Bb]+\\z" } });
    expect(filterOf('name matches "\\\\s."')).toEqual({ name: { $regex: "[\\x{9}-\\x{a}\\x{c}-\\x{d}\\x{20}][^\\x{a}]" } });
    expect(filterOf("name matches /\\w/ case insensitive")).toEqual({ name: { $regex: "[0-9A-Z\\x{5f}a-z\\x{17f}\\x{212a}]" } });
  });
});

describe("case-insensitive mode (toLowerCase, not PCRE folding)", () => {
  test('name = "Kß" case insensitive: explicit classes of what lowercases to each letter, no option i', () => {
    const f = filterOf('name = "Kß" case insensitive');
    expect(f).toEqual({ name: { $regex: "^[kK\\x{212a}][\\x{df}\\x{1e9e}]\\z" } });
    expect(matchesMongo(f, { name: "\u212A\u1E9E" })).toBe(true);
    // ſ folds with s under PCRE's "i" but does not lowercase to s.
    expect(matchesMongo(filterOf('name = "s" case insensitive'), { name: "ſ" })).toBe(false);
    expect(matchesMongo({ name: { $regex: "^s$", $options: "i" } }, { name: "ſ" })).toBe(true);
  });

  test('İ lowercases to "i" + U+0307: whole, and at the open ends of contains', () => {
    expect(matchesMongo(filterOf('name = "i\\u0307" case insensitive'), { name: "İ" })).toBe(true);
    expect(matchesMongo(filterOf('name starts with "i" case insensitive'), { name: "İx" })).toBe(true);
    expect(matchesMongo(filterOf('name = "i" case insensitive'), { name: "İ" })).toBe(false);
    expect(matchesMongo(filterOf('name contains "\\u0307x" case insensitive'), { name: "İx" })).toBe(true);
  });

  test('role in ["Admin", 3] case insensitive: an $or of the list and one pattern per string', () => {
    expect(filterOf('role in ["Ab", 3] case insensitive')).toEqual({ $or: [{ role: { $in: [3] } }, { role: { $regex: "^[aA][bB]\\z" } }] });
  });

  test("ordering is not folded", () => {
    expect(filterOf('name > "a" case insensitive')).toEqual({ name: { $gt: "a" } });
  });
});

describe("refused with unsupported-by-dialect, naming the operator and MongoDB", () => {
  test('body ~ "quick fox"', () => {
    const r = refusal('body ~ "quick fox"');
    expect(r.message).toMatch(/`text`.*MongoDB/);
    expect([r.start, r.end]).toEqual([0, 18]);
  });

  test('name = "Σ" case insensitive', () => {
    expect(refusal('name = "ΑΣ" case insensitive').message).toMatch(/σ or ς/);
  });

  test.each(["name matches /\\bx/", "name matches /(a+)+$/", "name matches /^(a|aa)*$/", "name matches /(?:a|ab?)+/i", "name matches /(?m)^a/", "name matches /\\pL{100}/"])("%s", (text) => {
    expect(refusal(text).message).toMatch(/no exact MongoDB \(PCRE\) form/);
  });

  test('items.`0` contains "a": a numeric segment in a text contains', () => {
    expect(refusal('items.`0` contains "a"').message).toMatch(/position step/);
  });

  test('tags contains "Σx" case insensitive, and a value too long folded: refused once, not once per form', () => {
    expect(refusal('tags contains "Σx" case insensitive').message).toMatch(/σ or ς/);
    expect(refusal(`tags contains "${"é".repeat(3000)}" case insensitive`).message).toMatch(/characters/);
  });

  test('a.`01` and `0`.a contain "x": digits that are no position are field names, emitted', () => {
    const records = [
      { a: { "01": "xy" } }, { a: [{ "01": "x" }] }, { a: ["p", "x"] }, { a: { "01": ["x"] } }, { a: [{ "01": ["zx"] }] },
      { "0": { a: "ax" } }, { "0": [{ a: "x" }] }, { "0": { a: ["x"] } }, { "0": "x" }, {},
    ];
    for (const text of ['a.`01` contains "x"', '`0`.a contains "x"']) {
      const filter = filterOf(text);
      const engine = compile(text).filter(records);
      expect(records.filter((r) => matchesMongo(filter as Record<string, unknown>, r)), text).toEqual(engine);
      expect(engine.length, text).toBeGreaterThan(1);
    }
  });

  test("`$where` = 1: a name MongoDB reads as an operator", () => {
    const r = refusal("`$where` = 1");
    expect(r.message).toMatch(/cannot be queried in MongoDB/);
    expect(r.start).toBe(0);
  });

  test('name = "kkk…" case insensitive (3,000 letters): a pattern longer than the server takes', () => {
    expect(refusal(`name = "${"k".repeat(3000)}" case insensitive`).message).toMatch(/the server takes about 32000/);
    expect(() => matchesMongo({ name: { $regex: "k".repeat(32767) } }, { name: "k" })).toThrow(/limit/);
  });

  test("120 nested `not`s (with maxDepth raised): deeper than the server parses", () => {
    const text = `${"not ".repeat(120)}a = 1`;
    let message = "";
    try {
      compile(text, { maxDepth: 200 }).toMongo();
    } catch (error) {
      if (error instanceof FilterQLError) message = error.diagnostics[0]?.message ?? "";
    }
    expect(message).toMatch(/nest 120 levels deep; the server parses at most 100/);
    expect(() => compile(`${"not ".repeat(60)}a = 1`).toMongo()).not.toThrow();
  });

  test("order by a, a desc", () => {
    expect(refusal("order by a, a desc").message).toMatch(/sorted both ways/);
  });
});

describe("sort, projection, paging as run pages", () => {
  test("order by score desc, name: the unique key last", () => {
    expect(mongo("order by score desc, name").sort).toEqual({ score: -1, name: 1, _id: 1 });
    expect(mongo("order by id", { key: "id" }).sort).toEqual({ id: 1 });
  });

  test("select a.b, a, c: inclusion without _id, no path collision", () => {
    expect(mongo("select a.b, a, c").projection).toEqual({ a: 1, c: 1, _id: 0 });
    expect(mongo("select _id, x").projection).toEqual({ _id: 1, x: 1 });
    expect(mongo("a = 1").projection).toEqual({});
  });

  test("limit 7: skip/limit from page and pageSize, the option winning over the clause", () => {
    expect(mongo("a = 1 limit 7")).toMatchObject({ skip: 0, limit: 7 });
    expect(mongo("a = 1 limit 7", { page: 3 })).toMatchObject({ skip: 14, limit: 7 });
    expect(mongo("a = 1 limit 7", { page: 2, pageSize: 5 })).toMatchObject({ skip: 5, limit: 5 });
    expect(mongo("a = 1")).toMatchObject({ skip: 0, limit: 10 });
    expect(() => mongo("a = 1", { page: 0 })).toThrow(RangeError);
  });

  test("a __proto__ path stays a key of the sort and projection documents", () => {
    const find = mongo("order by `__proto__` select `__proto__`");
    expect(Object.keys(find.sort)).toEqual(["__proto__", "_id"]);
    expect(Object.keys(find.projection)).toEqual(["__proto__", "_id"]);
    expect(Object.getPrototypeOf(find.sort)).toBe(Object.prototype);
  });
});

describe("any query gives find arguments or diagnostics, never another throw", () => {
  test("random ASTs (odd names, `$x`, regexes, date math) and parsed token soup", () => {
    const attempt = (q: Parameters<typeof toMongo>[0]) => {
      try {
        const find = toMongo(q, { now });
        expect(JSON.parse(JSON.stringify(find.filter))).toBeTypeOf("object");
      } catch (error) {
        expect(error).toBeInstanceOf(FilterQLError);
        expect((error as FilterQLError).diagnostics.length).toBeGreaterThan(0);
      }
    };
    fc.assert(fc.property(queryArb, attempt), { numRuns: 1000 });
    fc.assert(
      fc.property(tokenSoupArb, (text) => {
        const { query } = parse(text);
        if (query !== undefined) attempt(query);
      }),
      { numRuns: 1000 },
    );
  });
});
