import { describe, expect, test } from "vitest";
import { parse } from "../../src/syntax/parse.js";
import { print } from "../../src/emit/print.js";
import { stripSpans } from "../support/strip-spans.js";

function canonical(text: string): string {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  return print(result.query!);
}

/** Uses every construct of the language at least once. */
const KITCHEN_SINK = `FROM collection_123, "my-coll", \`order\` WHERE
  name == 'John' AND age >= 30 AND (status = "active" OR role <> "admin")
  AND NOT (department = "HR" OR location = "remote")
  and not not score between -1.5 and 1e3
  and tags in ["a", 'b', null, true, 2] and tags not in []
  and deleted_at IS NULL and owner is not null and meta exists and draft not exists
  and title contains "x" and title not contains 'y' and body starts with "The" and body not ends with "."
  and email matches /^[a-z]+@example\\.com$/i and path not matches "a/b" and path matches /a\\/b/
  and summary ~ "quick brown fox" and created > now - 7d and updated <= now and due < now + 2h
  and \`select\`.\`first name\`.café = "é😀\\n"
ORDER BY score DESC, name ASC, age
SELECT metadata.tags, name
LIMIT 20
CASE INSENSITIVE`;

describe("print", () => {
  test.each([
    ['status = "active" or role = "admin" and not department = "HR" order by score desc', 'status = "active" or role = "admin" and not department = "HR" order by score desc'],
    ["A == 1 AND B <> 2", "A = 1 and B != 2"],
    ["((a = 1))", "a = 1"],
    ["(a = 1 or b = 2) and c = 3", "(a = 1 or b = 2) and c = 3"],
    ["a = 1 or (b = 2 and c = 3)", "a = 1 or b = 2 and c = 3"],
    ["not (a = 1 and b = 2)", "not (a = 1 and b = 2)"],
    ["not (a = 1)", "not a = 1"],
    ["not (not a = 1)", "not not a = 1"],
    ["x = 'single'", 'x = "single"'],
    ["`order` = 1 and `ok` = 2 and `first name` = 3", "`order` = 1 and ok = 2 and `first name` = 3"],
    ["x matches /a\\/b/i", "x matches /a\\/b/i"],
    ["t > now-7d", "t > now - 7d"],
    ["order by a asc, b desc", "order by a, b desc"],
    ["from `x y`, order_items a = 1", 'from "x y", order_items where a = 1'],
    ["from a", "from a"],
    ["x = -0", "x = 0"],
    ["x = 1E21", "x = 1e+21"],
    ["", ""],
  ])("%s", (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  test("the kitchen sink survives parse(print(q)) and printing is idempotent", () => {
    const first = parse(KITCHEN_SINK);
    expect(first.diagnostics).toEqual([]);
    const printed = print(first.query!);
    const second = parse(printed);
    expect(second.diagnostics).toEqual([]);
    expect(stripSpans(second.query)).toEqual(stripSpans(first.query));
    expect(print(second.query!)).toBe(printed);
    expect(printed).toMatchSnapshot();
  });
});
