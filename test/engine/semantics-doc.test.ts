/**
 * docs/language.md's Semantics tables are claims about answers: each row is run. The rule table
 * through all four evaluation paths; the mingo table through the engine, the reference
 * interpreter of the server and mingo itself.
 */
import { readFileSync } from "node:fs";
import { Query as MingoQuery } from "mingo";
import { describe, expect, test } from "vitest";
import { parse } from "../../src/syntax/parse.js";
import { answers, EVALUATION_PATHS } from "../support/evaluation-paths.js";
import { toMongo } from "../support/mongo.js";
import { matchesMongo } from "../support/mongo-reference.js";

const doc = readFileSync(new URL("../../docs/language.md", import.meta.url), "utf8");
const section = doc.slice(doc.indexOf("## Semantics"), doc.indexOf("## Limits"));

/** A record as the docs write it (JavaScript object syntax, `\uFFFF` escapes). */
const record = (text: string): unknown => new Function(`return (${text});`)() as unknown;
const codes = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
const rows = (header: string): string[][] => {
  const table = section.slice(section.indexOf(header)).split("\n\n")[0] as string;
  return table.split("\n").slice(2).map((line) => line.replace(/^\| | \|$/g, "").split(" | "));
};

describe("docs/language.md: every rule's example answers as the table says, on every evaluation path", () => {
  const table = rows("| rule | query | record | matches |");
  test("the table has a row per rule", () => expect(table.length).toBeGreaterThanOrEqual(20));
  test.each(table.map((cells) => [codes(cells[1] as string)[0] as string, cells] as const))("%s", (query, cells) => {
    const records = codes(cells[2] as string).map(record);
    const expected = (cells[3] as string).startsWith("yes") ? records : [];
    const got = answers(query, records);
    for (const path of EVALUATION_PATHS) expect({ path, matches: got[path] }).toEqual({ path, matches: expected });
  });
});

describe("docs/language.md: where mingo differs, the server (reference), FilterQL and mingo answer as the table says", () => {
  const table = rows("| record | query | server and FilterQL | mingo | why |");
  test("the table is not empty", () => expect(table.length).toBeGreaterThanOrEqual(6));
  test.each(table.map((cells) => [codes(cells[1] as string)[0] as string, cells] as const))("%s", (query, cells) => {
    const rec = record(codes(cells[0] as string)[0] as string) as Record<string, unknown>;
    const filter = parse(query).query?.filter;
    if (filter === undefined || filter === null) throw new Error(`the docs query does not parse: ${query}`);
    const mongo = toMongo(filter);
    const server = cells[2] === "match";
    expect(matchesMongo(mongo, rec)).toBe(server);
    expect(answers(query, [rec]).codegen.length === 1).toBe(server);
    expect(new MingoQuery(mongo).test(rec)).toBe(cells[3] === "match");
  });
});
