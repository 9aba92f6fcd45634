import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../support/cli.js";

interface Person {
  readonly name: string;
  readonly email: string;
}

const people = JSON.parse(readFileSync(join(root, "sample", "data.json"), "utf8")) as Person[];

describe("the bundled sample reads like real data", () => {
  test("an e-mail address keeps every letter of the name, accents transliterated", () => {
    for (const { name, email } of people) {
      const local = email.slice(0, email.indexOf("@")).replace(/\d+$/, "");
      expect(local, email).toMatch(/^[a-z]+\.[a-z]+$/);
      // Every letter of the name has a letter in the address (ß and æ may give two).
      expect(local.replace(".", "").length, `${name} → ${email}`).toBeGreaterThanOrEqual(name.replace(/[^\p{L}]/gu, "").length);
    }
  });

  test.each([
    ["Søren", "soren."],
    ["Lucía", "lucia."],
    ["Fernández", ".fernandez"],
  ])("%s is spelled %s", (part, spelled) => {
    const named = people.filter((p) => p.name.includes(part));
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p.email).toContain(spelled);
  });
});
