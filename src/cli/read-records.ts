/**
 * Reads records from a file or stdin (`-`): a JSON array, or NDJSON (one JSON value per line),
 * told apart by the first non-blank character. NDJSON is streamed line by line, so a file larger
 * than memory can be filtered; a bad line is an error naming its line number.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import { CliError } from "./cli-error.js";

export interface RecordSource {
  /** The records a chunk of input at a time, each with its NDJSON line: no promise per record. */
  readonly batches: AsyncIterable<RecordBatch>;
  /** Size in bytes when known (for progress). */
  readonly size: number | undefined;
}

export interface RecordBatch {
  readonly records: unknown[];
  /** Each record's NDJSON line (trimmed), or undefined when the input is a JSON array. */
  readonly lines: string[] | undefined;
}

export function openRecords(path: string, stdin: Readable = process.stdin): RecordSource {
  if (path !== "-") {
    if (!existsSync(path)) throw new CliError(`cannot read '${path}': no such file.`);
    if (statSync(path).isDirectory()) throw new CliError(`cannot read '${path}': it is a directory.`);
  }
  // Large reads: splitting and parsing a megabyte at a time costs far less per line than a line reader.
  const open = () => (path === "-" ? stdin : createReadStream(path, { highWaterMark: 1 << 20 }));
  return {
    batches: readBatches(open, path === "-" ? "standard input" : path),
    size: path === "-" ? undefined : statSync(path).size,
  };
}

async function* readBatches(open: () => Readable, name: string): AsyncGenerator<RecordBatch> {
  const decoder = new StringDecoder("utf8");
  let lineNo = 0;
  let mode = "unknown" as "unknown" | "ndjson" | "json";
  const jsonParts: string[] = [];
  let rest = "";
  let records: unknown[] = [];
  let lines: string[] = [];
  let parsedAny = false;
  const take = (raw: string) => {
    lineNo++;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (mode === "unknown") {
      const trimmed = line.replace(/^\uFEFF/, "").trim();
      if (trimmed === "") return;
      mode = trimmed.startsWith("[") ? "json" : "ndjson";
    }
    if (mode === "json") {
      jsonParts.push(line);
      return;
    }
    const text = (lineNo === 1 ? line.replace(/^\uFEFF/, "") : line).trim();
    if (text === "") return;
    try {
      records.push(JSON.parse(text));
    } catch (error) {
      // An object spread over lines (pretty-printed JSON) fails on its first line, `{`.
      const spread = !parsedAny && /^\{[^}]*$/.test(text);
      const why = spread ? "A JSON object written over several lines is not NDJSON: give a JSON array of records (`[{…}, {…}]`), or one record per line" : "NDJSON needs one JSON value per line";
      throw new CliError(`${name}: line ${lineNo} is not valid JSON (${describe(error)}). ${why}.`);
    }
    parsedAny = true;
    lines.push(text);
  };
  for await (const chunk of open()) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      take(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (records.length > 0) {
      yield { records, lines };
      records = [];
      lines = [];
    }
  }
  rest += decoder.end();
  if (rest !== "") take(rest);
  if (records.length > 0) yield { records, lines };
  if (mode === "json") {
    let data: unknown;
    try {
      data = JSON.parse(jsonParts.join("\n").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new CliError(`${name} is not valid JSON (${describe(error)}). Give a JSON array of records, or NDJSON.`);
    }
    if (!Array.isArray(data)) throw new CliError(`${name} must hold a JSON array of records.`);
    yield { records: data, lines: undefined };
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
  for await (const batch of source.batches) for (const r of batch.records) out.push(r);
  return out;
}

export async function readStdin(stdin: Readable = process.stdin): Promise<string> {
  const chunks: string[] = [];
  stdin.setEncoding("utf8");
  for await (const chunk of stdin) chunks.push(String(chunk));
  return chunks.join("");
}
