/**
 * Reads records from a file or stdin (`-`): a JSON array, or NDJSON (one JSON value per line),
 * told apart by the first non-blank character. NDJSON is streamed line by line, so a file larger
 * than memory can be filtered; a bad line is an error naming its line number.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { CliError } from "./cli-error.js";

export interface RecordSource {
  readonly records: AsyncIterable<unknown>;
  /** Size in bytes when known (for progress). */
  readonly size: number | undefined;
}

export function openRecords(path: string, stdin: Readable = process.stdin): RecordSource {
  if (path !== "-") {
    if (!existsSync(path)) throw new CliError(`cannot read '${path}': no such file.`);
    if (statSync(path).isDirectory()) throw new CliError(`cannot read '${path}': it is a directory.`);
  }
  const open = () => (path === "-" ? stdin : createReadStream(path, { encoding: "utf8" }));
  return { records: readRecords(open, path === "-" ? "standard input" : path), size: path === "-" ? undefined : statSync(path).size };
}

async function* readRecords(open: () => Readable, name: string): AsyncGenerator<unknown> {
  const stream = open();
  stream.setEncoding?.("utf8");
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let mode: "unknown" | "ndjson" | "json" = "unknown";
  const jsonParts: string[] = [];
  for await (const line of lines) {
    lineNo++;
    if (mode === "unknown") {
      const trimmed = line.replace(/^\uFEFF/, "").trim();
      if (trimmed === "") continue;
      mode = trimmed.startsWith("[") ? "json" : "ndjson";
    }
    if (mode === "json") {
      jsonParts.push(line);
      continue;
    }
    if (line.trim() === "") continue;
    try {
      yield JSON.parse(line);
    } catch (error) {
      throw new CliError(`${name}: line ${lineNo} is not valid JSON (${describe(error)}). NDJSON needs one JSON value per line.`);
    }
  }
  if (mode === "json") {
    let data: unknown;
    try {
      data = JSON.parse(jsonParts.join("\n").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new CliError(`${name} is not valid JSON (${describe(error)}). Give a JSON array of records, or NDJSON.`);
    }
    if (!Array.isArray(data)) throw new CliError(`${name} must hold a JSON array of records.`);
    yield* data;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a whole JSON file (a schema), with a clear error. */
export function readJsonFile(path: string, what: string): unknown {
  if (!existsSync(path)) throw new CliError(`cannot read ${what} '${path}': no such file.`);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`${what} '${path}' is not valid JSON (${describe(error)}).`);
  }
}

export async function readAll(source: RecordSource): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const r of source.records) out.push(r);
  return out;
}

export async function readStdin(stdin: Readable = process.stdin): Promise<string> {
  const chunks: string[] = [];
  stdin.setEncoding("utf8");
  for await (const chunk of stdin) chunks.push(String(chunk));
  return chunks.join("");
}
