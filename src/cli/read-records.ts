/**
 * Reads records from a file or stdin (`-`): a JSON array, or NDJSON (one JSON value per line),
 * told apart by the first non-blank character; UTF-8, or UTF-16 with its byte order mark. NDJSON is
 * streamed line by line, so a file larger than memory can be filtered; a bad line is an error
 * naming its line number.
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
  const decoder = new RecordDecoder(name);
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

/**
 * Bytes to text: UTF-8, or UTF-16 when the input starts with its byte order mark (as Windows tools
 * save "Unicode" text), so such a file reads as it would in an editor rather than failing on its
 * first byte. The encoding is decided on the first four bytes, whatever the chunks' sizes.
 */
class RecordDecoder {
  private decoder: StringDecoder | undefined;
  /** UTF-16 big-endian: bytes are swapped into little-endian, a pair at a time. */
  private bigEndian = false;
  private head = Buffer.alloc(0);
  private odd: Buffer = Buffer.alloc(0);

  constructor(private readonly name: string) {}

  write(chunk: Buffer): string {
    if (this.decoder === undefined) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 4) return "";
      chunk = this.decide();
    }
    return this.decode(chunk);
  }

  end(): string {
    const last = this.decoder === undefined ? this.decode(this.decide()) : "";
    return last + (this.decoder as StringDecoder).end();
  }

  private decide(): Buffer {
    const h = this.head;
    if ((h[0] === 0xff && h[1] === 0xfe && h[2] === 0 && h[3] === 0) || (h[0] === 0 && h[1] === 0 && h[2] === 0xfe && h[3] === 0xff)) {
      throw new CliError(`${this.name} is UTF-32 text; save it as UTF-8 (or UTF-16).`);
    }
    const le = h[0] === 0xff && h[1] === 0xfe;
    this.bigEndian = h[0] === 0xfe && h[1] === 0xff;
    this.decoder = new StringDecoder(le || this.bigEndian ? "utf16le" : "utf8");
    // The UTF-16 mark is dropped here; a UTF-8 one is dropped where the first line is read.
    return le || this.bigEndian ? h.subarray(2) : h;
  }

  private decode(chunk: Buffer): string {
    const decoder = this.decoder as StringDecoder;
    if (!this.bigEndian) return decoder.write(chunk);
    const bytes = Buffer.concat([this.odd, chunk]);
    const even = bytes.length - (bytes.length % 2);
    this.odd = Buffer.from(bytes.subarray(even));
    return decoder.write(Buffer.from(bytes.subarray(0, even)).swap16());
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a whole JSON file (a schema), with a clear error. */
export function readJsonFile(path: string, what: string): unknown {
  if (!existsSync(path)) throw new CliError(`cannot read ${what} '${path}': no such file.`);
  // Decoded as the records are: UTF-8 or UTF-16, a byte order mark dropped.
  const decoder = new RecordDecoder(`${what} '${path}'`);
  const text = (decoder.write(readFileSync(path)) + decoder.end()).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
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
