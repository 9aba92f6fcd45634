import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

test("in Node, importing the package loads no regex engine until a regex is evaluated", () => {
  // A fresh process, as a user starts one: the engine's tables stay off the start-up path.
  const script = `
    import { createRequire } from "node:module";
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("re2js"));
    const m = await import("filterql");
    const states = [loaded()];
    m.check(m.parse("a = 1").query);
    states.push(loaded());
    states.push(m.compile("a matches /^x/i").filter([{ a: "X1" }, { a: "y" }]).length);
    states.push(loaded());
    console.log(JSON.stringify(states));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
  expect(JSON.parse(out)).toEqual([false, false, 1, true]);
});
