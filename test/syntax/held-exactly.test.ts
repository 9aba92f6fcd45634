import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { formatDiagnostics } from "../../src/diagnostics/format-diagnostics.js";
import { parse } from "../../src/syntax/parse.js";

describe("a number a double cannot hold exactly is a warning", () => {
  test("id = 12345678901234567890", () => {
    const r = parse("id = 12345678901234567890");
    expect(r.query).toBeDefined();
    expect(r.diagnostics).toEqual([
      {
        severity: "warning",
        code: "invalid-value",
        message: "the number `12345678901234567890` cannot be held exactly; it would be read as 12345678901234567000",
        span: { start: 5, end: 25, line: 1, column: 6 },
        hint: 'quote it if the field holds strings ("12345678901234567890"); otherwise use a number with fewer digits (whole numbers up to 9007199254740991 are exact)',
      },
    ]);
  });

  test("compile keeps the warning and does not throw", () => {
    const compiled = compile("id = 12345678901234567890 or id in [1, -9007199254740993]");
    expect(compiled.diagnostics.map((d) => [d.severity, d.code, d.span.start])).toEqual([
      ["warning", "invalid-value", 5],
      ["warning", "invalid-value", 40],
    ]);
    expect(compiled.test({ id: 1 })).toBe(true);
  });

  test("formatDiagnostics shows it as a warning, with the caret and the hint", () => {
    const text = "score > 0.10000000000000000001";
    expect(formatDiagnostics(text, parse(text).diagnostics)).toBe(
      [
        "warning[invalid-value]: the number `0.10000000000000000001` cannot be held exactly; it would be read as 0.1",
        " --> 1:9",
        "  |",
        `1 | ${text}`,
        "  |         ^^^^^^^^^^^^^^^^^^^^^^",
        '  = hint: quote it if the field holds strings ("0.10000000000000000001"); otherwise use a number with fewer digits (whole numbers up to 9007199254740991 are exact)',
      ].join("\n"),
    );
  });

  test("a warning beside an error: both are reported, and no query comes out", () => {
    const r = parse("a = 99999999999999999999 and = 1");
    expect(r.query).toBeUndefined();
    expect(r.diagnostics.map((d) => d.severity)).toEqual(["warning", "error"]);
  });

  test.each(["a = 0.1", "a = 9007199254740991", "a = 9007199254740992", "a = 1.5e300", "a = 5e-324", "a = 0.000001", "a = 1e21", "a = 12345678901234567000"])(
    "%s reads as written: no warning",
    (text) => {
      expect(parse(text).diagnostics).toEqual([]);
    },
  );

  test.each(["a = 9007199254740993", "a = 1e-400", "a = 123456789012345678", "a = 1.00000000000000001"])("%s warns", (text) => {
    expect(parse(text).diagnostics.map((d) => d.code)).toEqual(["invalid-value"]);
  });

  test("any whole number of 18 or more significant digits warns (a double's shortest form has at most 17)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 17n, max: 10n ** 40n }).filter((n) => n % 10n !== 0n), (n) => {
        const r = parse(`a = ${n}`);
        expect(r.query).toBeDefined();
        expect(r.diagnostics.map((d) => [d.severity, d.span.start, d.span.end])).toEqual([["warning", 4, 4 + String(n).length]]);
      }),
    );
  });

  test("any number as a double prints reads back without a warning", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(parse(`a = ${String(d)}`).diagnostics).toEqual([]);
      }),
    );
  });
});
