import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = join(root, "bin", "filterql.js");

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], input?: string, env: Readonly<Record<string, string>> = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input: input ?? "", encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
