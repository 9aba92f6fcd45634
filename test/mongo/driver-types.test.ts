/**
 * The shapes `toMongo` returns fit the official driver: its `Filter`, `Sort` and `FindOptions`
 * types accept them (checked by `tsc`), and the driver's BSON serializer stores them as they are.
 */
import { BSON, type Document, type Filter, type FindOptions, type Sort } from "mongodb";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { toMongo, type MongoFind } from "../../src/index.js";
import { parse } from "../../src/syntax/parse.js";

/** Compile-time: what a user writes with the driver. */
function findArguments(find: MongoFind): [Filter<Document>, FindOptions] {
  const filter: Filter<Document> = find.filter;
  const sort: Sort = find.sort;
  const options: FindOptions = { sort, projection: find.projection, skip: find.skip, limit: find.limit };
  return [filter, options];
}

describe("toMongo output and the mongodb driver", () => {
  test("find arguments type-check against the driver's Filter, Sort and FindOptions", () => {
    const [filter, options] = findArguments(compile('status = "active" and not (age < 30 or tags contains "x") order by score desc select name limit 5').toMongo({ page: 2 }));
    expect(options).toEqual({ sort: { score: -1, _id: 1 }, projection: { name: 1, _id: 0 }, skip: 5, limit: 5 });
    expect(Object.keys(filter)).toEqual(["$and"]);
  });

  test("every part survives BSON serialization unchanged (strings, numbers, dates, nesting)", () => {
    const { query } = parse('a = "x\\u0000y" and b >= 1.5 and c < now - 1d and d starts with "é😀" and e matches /^k+$/i and f contains "z" order by a select b');
    if (query === undefined) throw new Error("parse failed");
    const find = toMongo(query, { schema: { a: "string", b: "number", c: "date", d: "string", e: "string", f: "string" }, now: new Date("2026-01-02T00:00:00Z") });
    for (const part of [find.filter, find.sort, find.projection]) {
      expect(BSON.deserialize(BSON.serialize(part as Document))).toEqual(part);
    }
  });
});
