import { describe, expect, test } from "vitest";
import { parse } from "../../src/syntax/parse.js";
import { check, compile, FilterQLError, fromMixpeek, print } from "../../src/index.js";
import { MAX_DEPTH_CEILING } from "../../src/options.js";

const unlimitedText = { maxLength: Number.POSITIVE_INFINITY };

describe("limits (SPEC §6)", () => {
  test("100,000 nested parentheses: limit-exceeded, no stack overflow", () => {
    const text = `${"(".repeat(100_000)}a = 1${")".repeat(100_000)}`;
    const result = parse(text, unlimitedText);
    expect(result.query).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "limit-exceeded", span: expect.objectContaining({ start: 64, end: 65 }) })]);
  });

  test("50,000 chained nots: limit-exceeded, no stack overflow", () => {
    const text = `${"not ".repeat(50_000)}a = 1`;
    const result = parse(text, unlimitedText);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "limit-exceeded" })]);
    expect(result.diagnostics[0]?.span.start).toBe(64 * 4);
  });

  test("with default options the text limit answers first", () => {
    const result = parse(`${"(".repeat(100_000)}a = 1${")".repeat(100_000)}`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "limit-exceeded", message: expect.stringMatching(/characters long; the limit is 65536/) })]);
  });

  test("depth 64 is allowed, 65 is not; `not` and `(` both count", () => {
    const ok = `${"not (".repeat(32)}a = 1${")".repeat(32)}`;
    expect(parse(ok).diagnostics).toEqual([]);
    const over = `not ${ok}`;
    expect(parse(over).diagnostics[0]?.code).toBe("limit-exceeded");
    expect(parse("not not a = 1", { maxDepth: 1 }).diagnostics[0]?.code).toBe("limit-exceeded");
    expect(parse("not a = 1", { maxDepth: 1 }).diagnostics).toEqual([]);
  });

  test("postfix nots (a not in [], a not exists) are not nesting", () => {
    expect(parse("a not in [1] and b not exists and c is not null", { maxDepth: 0 }).diagnostics).toEqual([]);
  });

  test("1,024 predicates are allowed, 1,025 are not", () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => `f${i} = ${i}`).join(" and ");
    expect(parse(make(1024)).diagnostics).toEqual([]);
    expect(parse(make(1025)).diagnostics[0]).toMatchObject({ code: "limit-exceeded", message: "the query has more than 1024 conditions (the limit)" });
    expect(parse(make(3), { maxPredicates: 2 }).diagnostics[0]?.code).toBe("limit-exceeded");
  });

  test("1,024 list items are allowed, 1,025 are not", () => {
    const list = (n: number) => `x in [${Array.from({ length: n }, (_, i) => i).join(", ")}]`;
    expect(parse(list(1024)).diagnostics).toEqual([]);
    expect(parse(list(1025)).diagnostics[0]).toMatchObject({ code: "limit-exceeded", message: "this list has more than 1024 values (the limit)" });
  });

  test("64 KiB of text is allowed, one more character is not", () => {
    const pad = (n: number) => `a = "${"x".repeat(n - 6)}"`;
    expect(parse(pad(65_536)).diagnostics).toEqual([]);
    expect(parse(pad(65_537)).diagnostics[0]).toMatchObject({ code: "limit-exceeded", span: { start: 65_536, end: 65_537 } });
  });

  test("a large flat query parses into one n-ary and", () => {
    const text = Array.from({ length: 500 }, (_, i) => `(f${i} = ${i} or g${i} in [1, 2, 3])`).join(" and ");
    const result = parse(text, unlimitedText);
    expect(result.diagnostics).toEqual([]);
    expect(result.query?.filter?.kind === "And" && result.query.filter.operands.length).toBe(500);
  });

  test("a limit that is not a whole number of 0 or more is refused at the door, not an internal error", () => {
    const deep = `${"(".repeat(20_000)}a = 1${")".repeat(20_000)}`;
    expect(() => parse(deep, { maxDepth: "x" as unknown as number })).toThrow(new TypeError('parse: `options.maxDepth` must be a whole number from 0 to 500, not the string "x"'));
    expect(() => parse(deep, { maxDepth: Number.POSITIVE_INFINITY, maxLength: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => parse("a=1", { maxLength: "x" as unknown as number })).toThrow(TypeError);
    expect(parse("a=1", { maxLength: 2 }).diagnostics[0]?.code).toBe("limit-exceeded");
  });
});

describe(`maxDepth's ceiling (${MAX_DEPTH_CEILING}): every stage takes a query that deep`, () => {
  const n = MAX_DEPTH_CEILING;
  const options = { maxDepth: n, maxLength: Number.POSITIVE_INFINITY, maxPredicates: Number.POSITIVE_INFINITY };
  /** Calls `f` from `frames` frames down, as a caller's own stack would. */
  const from = <T>(frames: number, f: () => T): T => (frames === 0 ? f() : from(frames - 1, f));
  const internal = (text: string) => from(200, () => parse(text, options)).diagnostics.filter((d) => d.message.startsWith("internal error"));

  test.each([
    ["parentheses", `${"(".repeat(n)}a = 1${")".repeat(n)}`],
    ["nots", `${"not ".repeat(n)}a = 1`],
    ["not (… or …)", `${"not (b = 2 or ".repeat(n / 2)}a = 1${")".repeat(n / 2)}`],
  ])("valid, %s: parse, check, print and every target", (shape, text) => {
    expect(internal(text)).toEqual([]);
    const compiled = from(200, () => compile(text, options));
    const q = compiled.query;
    // A query value is held to the limits again at each door: the raised ones are given again.
    // (Parentheses leave no node, so only the other shapes are that deep as a tree.)
    if (shape !== "parentheses") expect(() => print(q)).toThrow(/limit-exceeded/);
    expect(print(q, options).length).toBeGreaterThan(0);
    expect(check(q, options)).toEqual([]);
    expect(compiled.filter([{ a: 1, b: 2 }, { a: 2, b: 1 }]).length).toBeLessThanOrEqual(2);
    expect(compile(text, { ...options, codegen: false }).filter([{ a: 1, b: 2 }]).length).toBeLessThanOrEqual(1);
    expect(fromMixpeek(compiled.toMixpeek(), options).filter).not.toBeNull();
    expect(compiled.toSql({ table: "t", document: "doc" }).text.length).toBeGreaterThan(0);
    // MongoDB's own nesting limit may refuse it, with diagnostics (a FilterQLError), never a stack overflow.
    let mongo: unknown;
    try {
      mongo = from(200, () => compiled.toMongo());
    } catch (error) {
      mongo = error;
    }
    expect(mongo instanceof FilterQLError || (typeof mongo === "object" && mongo !== null && "filter" in mongo), String(mongo)).toBe(true);
  });

  test.each([
    ["parentheses round a broken predicate", `${"(".repeat(n)}a = ${")".repeat(n)}`],
    ["parentheses round junk", `${"(".repeat(n)}a = 1 b${")".repeat(n)}`],
    ["parentheses never closed", `${"(".repeat(n)}a == 1`],
    ["nots before a broken predicate", `${"not ".repeat(n)}a = `],
    ["not (… or …) round a broken predicate", `${"not (b = 2 or ".repeat(n / 2)}a = ${")".repeat(n / 2)}`],
  ])("broken, %s: diagnostics, no internal error", (_, text) => {
    const result = from(200, () => parse(text, options));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.filter((d) => d.message.startsWith("internal error"))).toEqual([]);
  });
});
