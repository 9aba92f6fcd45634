/** Starts `filterql playground --port 0` as a user would (the built CLI) and stops it. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { root } from "./chromium.js";

export interface RunningPlayground {
  readonly url: string;
  stop(): Promise<void>;
}

export function startPlayground(args: readonly string[] = []): Promise<RunningPlayground> {
  const child: ChildProcess = spawn(process.execPath, [join(root, "bin", "filterql.js"), "playground", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url !== undefined) resolve({ url, stop: () => stop(child) });
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the playground exited (${code}): ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
