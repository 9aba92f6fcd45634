/** The batch commands: compile, run, check, decompile. Each returns the exit status. */
import { check } from "../check/check.js";
import { resolveSchema, type ResolvedSchema, type Schema } from "../check/schema.js";
import { compile, type Compiled, type CompileOptions } from "../compile.js";
import { applyFixes } from "../diagnostics/apply-fixes.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { formatDiagnostics } from "../diagnostics/format-diagnostics.js";
import type { QueryNode } from "../ast/nodes.js";
import { print } from "../emit/print.js";
import { pagination } from "../engine/paginate.js";
import type { Dialect } from "../mixpeek/dialects.js";
import { fromMixpeek } from "../mixpeek/from-mixpeek.js";
import { toMixpeek } from "../mixpeek/to-mixpeek.js";
import { parse as parseQuery } from "../syntax/parse.js";
import { dialect, parse, positiveInt, str, type Parsed } from "./args.js";
import { AbsentFields } from "./absent-fields.js";
import { CliError } from "./cli-error.js";
import { toExtendedJson } from "./extended-json.js";
import { jsonText } from "./json-text.js";
import { HELP } from "./help.js";
import { missingCollections } from "../mixpeek/missing-collections.js";
import { openRecords, readJsonFile, readStdin, type RecordBatch, type RecordSource } from "./read-records.js";
import { namesNoTable } from "../sql/table.js";
import { pagingOptions, SQL_FLAGS, sqlOptions } from "./sql-target.js";

export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Reading standard input from a terminal looks like a hang: say what is awaited, and how to end it. */
function awaitingTerminal(io: Io, what: string): void {
  if (io.stdin.isTTY === true) io.stderr.write(`filterql: reading ${what} from the terminal; end it with Ctrl-D (or pipe a file in).\n`);
}

export function loadSchema(path: string | undefined): ResolvedSchema | undefined {
  return path === undefined ? undefined : checkedSchema(readJsonFile(path, "schema"), path);
}

/** A schema file's JSON (an object, so resolved to a schema), checked; what is wrong with it is a usage error naming the file. */
export function checkedSchema(json: unknown, path: string): ResolvedSchema {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new CliError(`schema '${path}' is invalid: a schema is a JSON object from dot path to type.`);
  try {
    return resolveSchema(json as Schema) as ResolvedSchema;
  } catch (error) {
    if (error instanceof FilterQLError) {
      throw new CliError(`schema '${path}' is invalid: ${error.diagnostics.map((d) => `${d.message}${d.path === undefined || d.path === "" ? "" : ` (at ${d.path})`}`).join("; ")}.`);
    }
    throw error;
  }
}

function now(values: Parsed["values"]): Date | undefined {
  const raw = str(values, "now");
  if (raw === undefined) return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new CliError(`--now takes an ISO-8601 date, not '${raw}'.`);
  return d;
}

function queryArg(p: Parsed, command: string): string {
  const [query, extra] = p.positionals;
  if (query === undefined) throw new CliError(`missing QUERY. Usage: filterql ${command} QUERY ... (see 'filterql ${command} --help').`);
  if (extra !== undefined) throw new CliError(`unexpected argument '${extra}'. Quote the query as one argument: filterql ${command} '${p.positionals.join(" ")}'.`);
  return query;
}

/** Compiles, printing diagnostics as formatted text and returning undefined on errors. */
function compileOrReport(query: string, options: CompileOptions, io: Io): ReturnType<typeof compile> | undefined {
  try {
    const compiled = compile(query, options);
    if (compiled.diagnostics.length > 0) io.stderr.write(`${formatDiagnostics(query, compiled.diagnostics)}\n`);
    return compiled;
  } catch (error) {
    if (error instanceof FilterQLError) {
      io.stderr.write(`${formatDiagnostics(query, error.diagnostics)}\n`);
      return undefined;
    }
    throw error;
  }
}

type Target = "mixpeek" | "sql" | "mongo";

/** The compile flags that apply to some targets only: given with another, they would be silently ignored. */
const FLAG_TARGETS: Record<string, readonly Target[]> = {
  dialect: ["mixpeek"],
  collections: ["mixpeek"],
  table: ["sql"],
  document: ["sql"],
  key: ["sql", "mongo"],
  page: ["sql", "mongo"],
  "page-size": ["sql", "mongo"],
};

export function compileCommand(argv: readonly string[], io: Io): number {
  const p = parse(argv, { schema: { type: "string" }, dialect: { type: "string" }, collections: { type: "string" }, now: { type: "string" }, to: { type: "string" }, ...SQL_FLAGS }, "compile");
  if (p.values["help"] === true) return help("compile", io);
  const query = queryArg(p, "compile");
  const schema = loadSchema(str(p.values, "schema"));
  const collections = str(p.values, "collections")?.split(",").map((c) => c.trim()).filter((c) => c !== "");
  const d = dialect(p.values);
  const clock = now(p.values);
  const options: CompileOptions = { ...(schema === undefined ? {} : { schema }), ...(d === undefined ? {} : { dialect: d }), ...(collections === undefined ? {} : { collections }), ...(clock === undefined ? {} : { now: clock }) };
  const to = str(p.values, "to") ?? "mixpeek";
  if (to !== "mixpeek" && to !== "sql" && to !== "mongo") throw new CliError(`--to takes mixpeek, sql or mongo, not '${to}'.`);
  for (const [flag, targets] of Object.entries(FLAG_TARGETS)) {
    if (p.values[flag] !== undefined && !targets.includes(to)) throw new CliError(`--${flag} is for ${targets.map((t) => `--to ${t}`).join(" and ")}, not --to ${to}.`);
  }
  const sql = to === "sql" ? sqlOptions(p.values, schema) : undefined;
  const compiled = compileOrReport(query, options, io);
  if (compiled === undefined) return 1;
  if (sql !== undefined && namesNoTable(compiled.query, sql.table)) {
    throw new CliError("--to sql needs a table: --table T, or a query that starts with `from <table>`.");
  }
  try {
    if (to === "mongo") {
      io.stdout.write(`${toExtendedJson(compiled.toMongo(pagingOptions(p.values)))}\n`);
      return 0;
    }
    if (sql !== undefined) {
      io.stdout.write(`${JSON.stringify(compiled.toSql(sql), null, 2)}\n`);
      return 0;
    }
    const body = compiled.toMixpeek();
    const missing = missingCollections(body, "start the query with `from <collection>`, or pass --collections a,b");
    if (missing.length > 0) io.stderr.write(`${formatDiagnostics(query, missing)}\n`);
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof FilterQLError) {
      io.stderr.write(`${formatDiagnostics(query, error.diagnostics)}\n`);
      return 1;
    }
    throw error;
  }
}

export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const p = parse(argv, { data: { type: "string" }, schema: { type: "string" }, page: { type: "string" }, "page-size": { type: "string" }, now: { type: "string" }, format: { type: "string" } }, "run");
  if (p.values["help"] === true) return help("run", io);
  const query = queryArg(p, "run");
  const dataPath = str(p.values, "data");
  if (dataPath === undefined) throw new CliError("missing --data F (a JSON array or NDJSON file, or - for standard input).");
  const format = str(p.values, "format") ?? "json";
  if (format !== "json" && format !== "ndjson") throw new CliError(`--format takes json or ndjson, not '${format}'.`);
  if (format === "ndjson" && (p.values["page"] !== undefined || p.values["page-size"] !== undefined)) {
    throw new CliError("--page and --page-size shape the json page; --format ndjson writes every match.");
  }
  const schema = loadSchema(str(p.values, "schema"));
  const page = positiveInt(p.values, "page") ?? 1;
  const clock = now(p.values);
  const compiled = compileOrReport(query, { ...(schema === undefined ? {} : { schema }), ...(clock === undefined ? {} : { now: clock }) }, io);
  if (compiled === undefined) return 1;
  // Without a schema, a field no record holds is most likely misspelt: said once the run is done.
  const absent = schema === undefined ? new AbsentFields(compiled.query) : undefined;
  if (dataPath === "-") awaitingTerminal(io, "records");
  const source = openRecords(dataPath, io.stdin as never);
  const matches = matchBatches(compiled, source, new Progress(io, source.size), absent);
  const status = await runOver(compiled, matches, format, page, positiveInt(p.values, "page-size"), io);
  const warnings = absent?.warnings(query) ?? [];
  if (warnings.length > 0) io.stderr.write(`${formatDiagnostics(query, warnings)}\n`);
  return status;
}

async function runOver(compiled: Compiled, matches: AsyncIterable<RecordBatch>, format: "json" | "ndjson", page: number, size: number | undefined, io: Io): Promise<number> {
  if (format === "ndjson") return streamNdjson(compiled, matches, io);
  const pageSize = size ?? compiled.query.limit ?? 10;
  if (compiled.query.orderBy.length > 0) {
    io.stdout.write(`${jsonText(compiled.run(await gather(matches), { page, pageSize }), 2)}\n`);
    return 0;
  }
  // No order: stream, keeping only the requested page.
  const start = (page - 1) * pageSize;
  const results: unknown[] = [];
  let total = 0;
  for await (const { records } of matches) {
    for (const record of records) {
      if (total >= start && total < start + pageSize) results.push(compiled.project(record));
      total++;
    }
  }
  io.stdout.write(`${jsonText({ results, pagination: pagination(total, pageSize, page) }, 2)}\n`);
  return 0;
}

/** The matches of each batch read, with their NDJSON lines; the progress line meanwhile; every record shown to `watch`. */
async function* matchBatches(compiled: Compiled, source: RecordSource, progress: Progress, watch: AbsentFields | undefined): AsyncGenerator<RecordBatch> {
  const test = compiled.test;
  let read = 0;
  let matched = 0;
  for await (const batch of source.batches) {
    watch?.see(batch.records);
    const records: unknown[] = [];
    const lines: string[] | undefined = batch.lines === undefined ? undefined : [];
    for (let i = 0; i < batch.records.length; i++) {
      progress.tick(++read, matched);
      if (!test(batch.records[i])) continue;
      matched++;
      records.push(batch.records[i]);
      lines?.push(batch.lines?.[i] as string);
    }
    yield { records, lines };
  }
  progress.done();
}

/** Sorting needs every match, but only the matches: memory follows them, not the input. */
async function gather(matches: AsyncIterable<RecordBatch>): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const { records } of matches) for (const r of records) all.push(r);
  return all;
}

/**
 * `--format ndjson`: every match on its own line, projected when the query selects. Without
 * `order by` nothing is kept (memory stays flat) and a match without `select` is written as its
 * input line, unparsed again; with `order by` the matches are kept, sorted, then written.
 */
async function streamNdjson(compiled: Compiled, matches: AsyncIterable<RecordBatch>, io: Io): Promise<number> {
  const out = new LineWriter(io.stdout);
  const line = (record: unknown) => jsonText(compiled.project(record));
  if (compiled.query.orderBy.length > 0) {
    for (const record of compiled.sort(await gather(matches))) await out.line(line(record));
  } else {
    const raw = compiled.query.select.length === 0;
    for await (const { records, lines } of matches) {
      for (let i = 0; i < records.length; i++) out.push(raw && lines !== undefined ? (lines[i] as string) : line(records[i]));
      await out.flush();
    }
  }
  await out.flush();
  return 0;
}

/** Buffers output lines into large writes and waits whenever the stream asks it to (backpressure). */
class LineWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  push(line: string): void {
    this.buffer.push(line);
    this.size += line.length + 1;
  }

  /** Pushes a line, and writes out once enough has gathered. */
  async line(line: string): Promise<void> {
    this.push(line);
    if (this.size >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join("\n")}\n`;
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once("drain", () => resolve()));
  }
}

export function checkCommand(argv: readonly string[], io: Io): number {
  const p = parse(argv, { schema: { type: "string" }, fix: { type: "boolean" }, dialect: { type: "string" } }, "check");
  if (p.values["help"] === true) return help("check", io);
  const query = queryArg(p, "check");
  const schema = loadSchema(str(p.values, "schema"));
  const d = dialect(p.values);
  if (p.values["fix"] === true) return printFixed(query, schema, d, io);
  const checked = checkText(query, schema, d);
  if (checked.diagnostics.length > 0) io.stderr.write(`${formatDiagnostics(query, checked.diagnostics)}\n`);
  if (hasErrors(checked.diagnostics) || checked.query === undefined) return 1;
  io.stdout.write(`ok: ${print(checked.query)}\n`);
  return 0;
}

/**
 * The query, with the parser's diagnostics and (when the text parses) the checker's; with a
 * dialect, also what keeps the Mixpeek body from being written in it.
 */
function checkText(text: string, schema: ResolvedSchema | undefined, d?: Dialect): { query: QueryNode | undefined; diagnostics: Diagnostic[] } {
  const options = schema === undefined ? {} : { schema };
  const { query, diagnostics } = parseQuery(text, options);
  if (query === undefined) return { query, diagnostics: [...diagnostics] };
  const all = [...diagnostics, ...check(query, options)];
  if (d !== undefined && !hasErrors(all)) {
    try {
      toMixpeek(query, { dialect: d });
    } catch (error) {
      if (!(error instanceof FilterQLError)) throw error;
      all.push(...error.diagnostics);
    }
  }
  return { query, diagnostics: all };
}

/**
 * `check --fix`: the text with every fix applied on stdout; what is still wrong with it on stderr
 * (so a text nothing could fix says why); exit 0 when it checks clean. A fix can reveal the next
 * (`status in ("activ")` becomes a list, whose value then gets its own), so fixes are applied
 * until none is left, a few rounds at most: a second `--fix` changes nothing.
 */
function printFixed(query: string, schema: ResolvedSchema | undefined, d: Dialect | undefined, io: Io): number {
  let fixed = query;
  let left = checkText(fixed, schema, d).diagnostics;
  for (let round = 0; round < 4; round++) {
    const next = applyFixes(fixed, left);
    if (next === fixed) break;
    fixed = next;
    left = checkText(fixed, schema, d).diagnostics;
  }
  io.stdout.write(`${fixed}\n`);
  if (left.length > 0) io.stderr.write(`${formatDiagnostics(fixed, left)}\n`);
  return hasErrors(left) ? 1 : 0;
}

export async function decompileCommand(argv: readonly string[], io: Io): Promise<number> {
  const p = parse(argv, { dialect: { type: "string" } }, "decompile");
  if (p.values["help"] === true) return help("decompile", io);
  if (p.positionals.length > 0) throw new CliError("decompile reads the body on standard input: filterql decompile < body.json");
  const d = dialect(p.values);
  awaitingTerminal(io, "the body");
  const text = await readStdin(io.stdin as never);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new CliError(`standard input is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    io.stdout.write(`${print(fromMixpeek(body, d === undefined ? {} : { dialect: d }))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof FilterQLError) {
      io.stderr.write(`${formatDiagnostics("", error.diagnostics)}\n`);
      return 1;
    }
    throw error;
  }
}

export function help(command: string, io: Io): number {
  io.stdout.write(`${HELP[command] ?? HELP["main"]}\n`);
  return 0;
}

/** Progress on stderr for big inputs, only when stderr is a terminal. */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;

  constructor(private readonly io: Io, size: number | undefined) {
    this.enabled = io.stderr.isTTY === true && (size === undefined || size > 8 * 1024 * 1024);
  }

  tick(read: number, matched: number): void {
    if (this.enabled && read % 100_000 === 0) {
      this.io.stderr.write(`\rfilterql: ${read.toLocaleString("en")} records read, ${matched.toLocaleString("en")} matched…`);
      this.shown = true;
    }
  }

  done(): void {
    if (this.shown) this.io.stderr.write("\r\u001b[K");
  }
}
