import { describe, expect, test } from "vitest";
import { dataValues } from "../../playground/data-values.js";

const records = [
  { tags: ["vip", "new"], items: [{ sku: "a1" }, { sku: "b2" }], city: "Oslo" },
  { tags: ["new"], items: [{ sku: "a1" }], city: "Oslo" },
  { tags: "solo", items: [[{ sku: "nested" }]], city: "Rome" },
];
const signal = new AbortController().signal;
const labels = (field: string, prefix = "") => dataValues(records)({ field, prefix, signal }).map((o) => (typeof o === "string" ? o : o.label));

describe("the playground's value completion reads paths as a condition does", () => {
  test("an array reached as a field stands for its elements, the most frequent first", () => {
    expect(labels("tags")).toEqual(["new", "solo", "vip"]);
    expect(labels("city", "r")).toEqual(["Rome"]);
  });
  test("a numeric step is a position; documents in an array take the next step; an array in an array does not", () => {
    expect(labels("tags.0")).toEqual(["new", "vip"]);
    expect(labels("items.sku")).toEqual(["a1", "b2"]);
  });
});
