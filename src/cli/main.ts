import { formatDiagnostics, parse } from "../index.js";

/** CLI entry: returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, text] = argv;
  if (command !== "compile" || text === undefined) {
    process.stderr.write("usage: filterql compile QUERY\n");
    return 1;
  }
  const result = parse(text);
  if (result.query === undefined) {
    process.stderr.write(`${formatDiagnostics(text, result.diagnostics)}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result.query, null, 2)}\n`);
  return 0;
}
