import { afterAll, expect, test, vi } from "vitest";
import { filter, run } from "../../src/compile.js";

const records = Array.from({ length: 50 }, (_, i) => ({ i, s: i % 3 === 0 ? "a" : "b", tags: i % 2 ? ["x"] : [] }));
const queries = ['s = "a" and i > 10', 'not s = "a" or tags = "x"', "i in [1, 2, 3] or i <= 2"];

test("where new Function is forbidden (a CSP), compiling falls back to closures with identical results", () => {
  const expected = queries.map((q) => filter(records, q, { codegen: false }));
  const paged = "i > 3 order by s desc, i select i, tags limit 7";
  const expectedRun = run(records, paged, { codegen: false, page: 2 });
  const refuse = vi.fn(() => {
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source");
  });
  vi.stubGlobal("Function", refuse);
  try {
    expect(queries.map((q) => filter(records, q))).toEqual(expected);
    expect(run(records, paged, { page: 2 })).toEqual(expectedRun);
    expect(refuse).toHaveBeenCalled();
  } finally {
    vi.unstubAllGlobals();
  }
});

afterAll(() => vi.unstubAllGlobals());
