import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { Progress, type Io } from "../../src/cli/commands.js";

function io(isTTY: boolean): { io: Io; text: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let text = "";
  stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { io: { stdout: new PassThrough(), stderr, stdin: new PassThrough() }, text: () => text };
}

describe("run's progress line", () => {
  test("shown for big inputs when stderr is a terminal, and cleared at the end", async () => {
    const t = io(true);
    const p = new Progress(t.io, 64 * 1024 * 1024);
    for (let i = 1; i <= 250_000; i++) p.tick(i, Math.floor(i / 2));
    p.done();
    await new Promise((r) => setImmediate(r));
    expect(t.text()).toContain("\rfilterql: 100,000 records read, 50,000 matched…");
    expect(t.text()).toContain("\rfilterql: 200,000 records read, 100,000 matched…");
    expect(t.text().endsWith("\r\u001b[K")).toBe(true);
  });

  test("silent when stderr is not a terminal, or the input is small", async () => {
    for (const [tty, size] of [[false, 64 * 1024 * 1024], [true, 1000]] as const) {
      const t = io(tty);
      const p = new Progress(t.io, size);
      for (let i = 1; i <= 200_000; i++) p.tick(i, i);
      p.done();
      await new Promise((r) => setImmediate(r));
      expect(t.text()).toBe("");
    }
  });
});
