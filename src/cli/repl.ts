/**
 * The REPL: type a query, see its results, its body and every error at once. The input line is
 * highlighted as you type, Tab completes from `suggest` (and the dot commands), an unclosed `(` or
 * `[` continues on the next line, a paste is one input, and history persists in ~/.filterql_history
 * (or $FILTERQL_HISTORY).
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { typeName, type ResolvedSchema } from "../check/schema.js";
import { compile, type Compiled } from "../compile.js";
import { applyFixes } from "../diagnostics/apply-fixes.js";
import { FilterQLError } from "../diagnostics/filterql-error.js";
import { formatDiagnostics, visible } from "../diagnostics/format-diagnostics.js";
import type { MixpeekBody } from "../mixpeek/body.js";
import type { Dialect } from "../mixpeek/dialects.js";
import { suggest } from "../suggest/suggest.js";
import { tokens } from "../suggest/tokens.js";
import { absentValues } from "./absent-values.js";
import { CliError } from "./cli-error.js";
import { inferredSchema } from "./inferred-schema.js";
import { exampleQuery } from "./example-query.js";
import { toExtendedJson } from "./extended-json.js";
import { highlight } from "./highlight.js";
import { missingCollections } from "../mixpeek/missing-collections.js";
import { openRecords, readAll } from "./read-records.js";
import { indexRecords, type RecordIndex } from "../engine/indexed/record-index.js";
import { columnsFor, renderTable } from "./table.js";
import { formatStatement } from "./sql-target.js";

export interface ReplOptions {
  readonly records: unknown[];
  readonly dataName: string;
  /** The schema queries are checked against. */
  readonly schema: ResolvedSchema;
  /** When the schema was inferred from the records: it with the values they hold (enums), for completion only. */
  readonly described?: ResolvedSchema;
  readonly schemaName: string;
  readonly dialect: Dialect;
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

const PROMPT = "filterql> ";
const BRACKETED_PASTE_ON = "\u001b[?2004h";
const BRACKETED_PASTE_OFF = "\u001b[?2004l";
/** First words that cannot start a query (`&&` and `||` are other languages' `and` and `or`). */
const CONTINUES: ReadonlySet<string> = new Set(["and", "or", "&&", "||", "where", "order", "select", "limit", "case"]);
const CONTINUE = "     ...> ";
const DIM = "\u001b[2m";
const RED = "\u001b[31m";
const YELLOW = "\u001b[33m";
const RESET = "\u001b[0m";

/** The readline internals used for live highlighting (present in every Node release since 10). */
interface RefreshableInterface extends Interface {
  line: string;
  _refreshLine?: () => void;
  _writeToOutput?: (s: string) => void;
}

export class Repl {
  private records: unknown[];
  /** Every query of a session runs over the same records: indexed once, on first use per field. */
  private index: RecordIndex;
  private dataName: string;
  private schema: ResolvedSchema;
  /** The inferred schema with its enums, or undefined when the schema was given: see ReplOptions. */
  private described: ResolvedSchema | undefined;
  private schemaName: string;
  private dialect: Dialect;
  private pending = "";
  /** The last query that ran: `.page`, `.body`, `.sql`… read it, even after a query that failed. */
  private last: { text: string; compiled: Compiled } | undefined;
  /** The query typed after `last`, when it failed: said before showing anything of `last`. */
  private failed: string | undefined;
  /** The last failed query with every fix applied: Enter on an empty line runs it. */
  private fix: string | undefined;
  private page = 1;
  private readonly color: boolean;
  /** Kept for a person at a terminal only, and never in the working directory for want of a home. */
  private readonly historyFile: string | undefined;

  constructor(private readonly options: ReplOptions) {
    this.records = options.records;
    this.index = indexRecords(this.records);
    this.dataName = options.dataName;
    this.schema = options.schema;
    this.described = options.described;
    this.schemaName = options.schemaName;
    this.dialect = options.dialect;
    this.color = options.output.isTTY === true && process.env["NO_COLOR"] === undefined;
    const home = homedir();
    this.historyFile = options.input.isTTY !== true ? undefined : (process.env["FILTERQL_HISTORY"] ?? (home === "" ? undefined : join(home, ".filterql_history")));
  }

  run(): Promise<number> {
    const { input, output } = this.options;
    const rl = createInterface({
      input,
      output,
      prompt: PROMPT,
      terminal: input.isTTY === true,
      history: this.loadHistory(),
      historySize: 1000,
      removeHistoryDuplicates: true,
      completer: (line: string) => this.complete(line),
    }) as RefreshableInterface;
    if (this.color) this.enableHighlighting(rl);
    const bracketed = input.isTTY === true && output.isTTY === true;
    if (bracketed) this.watchPastes();
    this.write(this.banner());
    rl.prompt();
    return new Promise((resolve) => {
      // One line at a time, in order: a line waits for `.data` before it to finish reading.
      let chain = Promise.resolve();
      const step = (handle: () => boolean) => {
        chain = chain.then(async () => {
          if (this.exited) return;
          const more = handle();
          if (this.loading !== undefined) {
            this.busy = true;
            await this.loading;
            this.loading = undefined;
            this.busy = false;
          }
          if (this.closed) return;
          rl.setPrompt(more ? CONTINUE : PROMPT);
          rl.prompt();
        });
      };
      rl.on("line", (line) => {
        // Read now, not when the line's turn comes: the paste may have ended by then.
        const pasted = this.pasting;
        step(() => this.accept(line, pasted));
      });
      // A paste that ended with a newline is a whole query: it runs at once, as a typed line would.
      this.pasteEnded = () => {
        if (rl.line === "") step(() => this.endPaste());
      };
      rl.on("SIGINT", () => {
        if (rl.line !== "" || this.pending !== "") {
          this.pending = "";
          rl.write(null, { ctrl: true, name: "u" });
          rl.write(null, { ctrl: true, name: "k" });
          this.write("\n");
          rl.setPrompt(PROMPT);
          rl.prompt();
        } else {
          this.write("\n(To exit, press Ctrl-D or type .exit)\n");
          rl.prompt();
        }
      });
      rl.on("close", () => {
        this.closed = true;
        if (bracketed) this.write(BRACKETED_PASTE_OFF);
        void chain.then(() => {
          this.write("\n");
          resolve(0);
        });
      });
      this.exit = () => {
        this.exited = true;
        if (!this.closed) rl.close();
      };
    });
  }

  private exit: () => void = () => undefined;
  private closed = false;
  /** `.exit` was typed (the input may have ended before it was run). */
  private exited = false;
  /** `.data` reading a file: the next prompt waits for it, so its report is not written over the prompt. */
  private loading: Promise<void> | undefined;
  /** Waiting for `.data`: the line is not redrawn meanwhile. */
  private busy = false;

  /** Inside a bracketed paste (between `\e[200~` and `\e[201~`): its lines are one input. */
  private pasting = false;
  /** `pending` holds pasted lines: joined by spaces, and run whole when the paste ends. */
  private pastedPending = false;
  private pasteEnded: () => void = () => undefined;
  /** The last query entered (run or failed): a line that cannot start a query continues it. */
  private lastText: string | undefined;

  /**
   * Bracketed paste: the terminal marks pasted text, so a query pasted over several lines is
   * taken as one, not run line by line (docs/language.md: a query may span lines).
   */
  private watchPastes(): void {
    this.write(BRACKETED_PASTE_ON);
    // Also when the process ends some other way: a shell left in paste mode garbles every paste.
    process.once("exit", () => this.options.output.write(BRACKETED_PASTE_OFF));
    this.options.input.on("keypress", (_: unknown, key: { name?: string } | undefined) => {
      if (key?.name === "paste-start") this.pasting = true;
      else if (key?.name === "paste-end") {
        this.pasting = false;
        this.pasteEnded();
      }
    });
  }

  private endPaste(): boolean {
    if (this.pending === "" || !this.pastedPending) return this.pending !== "";
    // The cursor is on the empty `...>` line the paste's last newline left: the output goes there.
    this.write("\r\u001b[2K");
    return this.accept("", false);
  }

  /** Handles one input line; true when the query continues on the next line. `pasted`: the line is part of a paste. */
  accept(line: string, pasted = false): boolean {
    if (pasted && !(this.pending === "" && line.trim().startsWith("."))) {
      this.pending = [this.pending, line.trim()].filter((part) => part !== "").join(" ");
      this.pastedPending = true;
      return true;
    }
    const text = this.pending === "" ? line : this.pastedPending ? `${this.pending} ${line.trim()}`.trim() : `${this.pending}\n${line}`;
    this.pastedPending = false;
    if (this.pending === "" && line.trim().startsWith(".")) {
      this.fix = undefined;
      this.command(line.trim());
      this.remember(line.trim());
      return false;
    }
    if (text.trim() === "") {
      this.pending = "";
      const fix = this.fix;
      if (fix !== undefined) {
        this.write(`${PROMPT}${fix}\n`);
        this.remember(fix);
        this.page = 1;
        this.query(fix);
      }
      return false;
    }
    if (unclosed(text)) {
      this.pending = text;
      return true;
    }
    this.pending = "";
    const whole = this.continued(text);
    this.remember(whole.replace(/\n/g, " "));
    this.page = 1;
    this.query(whole);
    return false;
  }

  /**
   * A line that starts with `and`, `or`, `where`, `order by`, `select`, `limit` or `case` cannot
   * start a query: it continues the last one entered (as a query typed or piped over several
   * lines does), and what runs is said.
   */
  private continued(text: string): string {
    if (this.lastText === undefined) return text;
    const first = tokens(text)[0];
    const word = first === undefined ? "" : text.slice(first.start, first.end).toLowerCase();
    if (!CONTINUES.has(word)) return text;
    const whole = `${this.lastText.replace(/\n/g, " ")} ${text.trim()}`;
    this.write(this.paint(`continues the last query: ${visible(whole)}`, DIM) + "\n");
    return whole;
  }

  private query(text: string): void {
    this.fix = undefined;
    this.lastText = text;
    try {
      const compiled = compile(text, { schema: this.schema, dialect: this.dialect });
      this.last = { text, compiled };
      this.failed = undefined;
      const absent = this.described === undefined ? [] : absentValues(compiled.query, text, this.described);
      const warnings = [...compiled.diagnostics, ...absent].sort((a, b) => a.span.start - b.span.start);
      if (warnings.length > 0) this.write(`${this.paint(formatDiagnostics(text, warnings), YELLOW)}\n`);
      this.showPage();
    } catch (error) {
      if (!(error instanceof FilterQLError)) throw error;
      this.failed = text;
      this.write(`${this.paint(formatDiagnostics(text, error.diagnostics), RED)}\n`);
      const fixed = applyFixes(text, error.diagnostics);
      if (fixed !== text) {
        this.fix = fixed;
        this.write(this.paint(`Enter on the empty line runs the fixed query: ${fixed}`, DIM) + "\n");
      } else if (/^\s*(help|exit|quit|q|\?)\s*$/i.test(text)) {
        this.write(this.paint("Commands start with a dot: .help lists them, .exit leaves (or Ctrl-D).", DIM) + "\n");
      }
    }
  }

  private showPage(): void {
    if (this.last === undefined) {
      const example = exampleQuery(this.described ?? this.schema, this.records);
      this.write(`No query yet. Type one${example === undefined ? "" : `, e.g. ${visible(example)}`}\n`);
      return;
    }
    const { compiled } = this.last;
    const out = compiled.run(this.index, { page: this.page });
    const columns = columnsFor(out.results, compiled.query.select.map((p) => p.segments), compiled.query.orderBy.map((k) => k.field.segments));
    const p = out.pagination;
    if (out.results.length > 0) this.write(`${renderTable(out.results, columns, this.options.output.columns ?? Infinity)}\n`);
    const more = p.next_page === null ? "" : ` · .page ${p.next_page} for more`;
    this.write(this.paint(`page ${p.current_page} of ${Math.max(1, p.total_pages)} · ${p.total} match${p.total === 1 ? "" : "es"}${more}`, DIM) + "\n");
  }

  private command(line: string): void {
    const name = line.split(/\s/, 1)[0] as string;
    // The rest as typed: a file name may hold several spaces in a row.
    const arg = line.slice(name.length).trim();
    switch (name) {
      case ".help":
        this.write(REPL_HELP);
        return;
      case ".exit":
        this.exit();
        return;
      case ".schema":
        // An inferred enum lists what the records hold, not what a query may ask for: said as such.
        this.write(`${this.schemaName}\n${(this.described ?? this.schema).entries().map((f) => `  ${f.path}: ${typeName(f)}${f.enum === undefined ? "" : this.described === undefined ? ` ${JSON.stringify(f.enum)}` : ` (the records hold ${JSON.stringify(f.enum)})`}${f.sortable ? "" : " (not sortable)"}`).join("\n")}\n`);
        return;
      case ".body":
      case ".mongo":
      case ".ast": {
        if (this.last === undefined) {
          this.write("No valid query yet: type one that runs, then .body, .mongo or .ast.\n");
          return;
        }
        this.sayFailed();
        try {
          const c = this.last.compiled;
          const value = name === ".body" ? this.body(this.last) : name === ".mongo" ? c.toMongo({ page: this.page }) : JSON.parse(JSON.stringify(c.query, (k, v: unknown) => (k === "span" ? undefined : v)));
          this.write(`${toExtendedJson(value)}\n`);
        } catch (error) {
          if (error instanceof FilterQLError) this.write(`${this.paint(formatDiagnostics(this.last.text, error.diagnostics), RED)}\n`);
          else throw error;
        }
        return;
      }
      case ".sql":
        this.showSql(arg);
        return;
      case ".dialect":
        if (arg !== "v1" && arg !== "v2") {
          this.write(`dialect is ${this.dialect}; use .dialect v1 or .dialect v2\n`);
          return;
        }
        this.dialect = arg;
        this.write(`dialect ${arg}\n`);
        return;
      case ".page": {
        const n = Number(arg);
        if (!Number.isSafeInteger(n) || n < 1) {
          this.write("usage: .page N (a whole number from 1)\n");
          return;
        }
        this.page = n;
        this.sayFailed();
        this.showPage();
        return;
      }
      case ".data":
        this.loading = this.loadData(unquoted(arg));
        return;
      default:
        this.write(`unknown command ${name}; type .help\n`);
    }
  }

  /** After a failed query, commands show the last one that ran: said first, so no one mistakes which. */
  private sayFailed(): void {
    if (this.failed === undefined || this.last === undefined) return;
    this.write(this.paint(`The last query failed; this is the one that ran before it: ${visible(this.last.text.replace(/\n/g, " "))}`, DIM) + "\n");
  }

  /** The body of the last query; a warning first when it lacks the `collections` the API requires. */
  private body(last: { text: string; compiled: Compiled }): MixpeekBody {
    const body = last.compiled.toMixpeek({ dialect: this.dialect });
    const missing = missingCollections(body, "start the query with `from <collection>` (`filterql compile` also takes --collections a,b)");
    if (missing.length > 0) this.write(`${this.paint(formatDiagnostics(last.text, missing), YELLOW)}\n`);
    return body;
  }

  /** `.sql`: the statement in document mode (jsonb column `doc`); `.sql columns`: typed columns from the schema. */
  private showSql(arg: string): void {
    if (this.last === undefined) {
      this.write("No valid query yet: type one that runs, then .sql.\n");
      return;
    }
    if (arg !== "" && arg !== "columns") {
      this.write("usage: .sql (records as jsonb in records.doc) or .sql columns (typed columns from the schema)\n");
      return;
    }
    this.sayFailed();
    try {
      // `from users` names the table itself; `records` stands in only for a query without `from`.
      const table = this.last.compiled.query.collections.length === 0 ? { table: "records" } : {};
      const options = arg === "columns" ? { ...table, schema: this.schema, page: this.page } : { ...table, document: "doc", page: this.page };
      this.write(formatStatement(this.last.compiled.toSql(options)));
    } catch (error) {
      if (error instanceof FilterQLError) this.write(`${this.paint(formatDiagnostics(this.last.text, error.diagnostics), RED)}\n`);
      else throw error;
    }
  }

  private async loadData(path: string): Promise<void> {
    if (path === "") {
      this.write("usage: .data FILE (a JSON array or NDJSON file)\n");
      return;
    }
    // `~/people.json` as a shell would read it.
    path = expandHome(path);
    try {
      this.records = await readAll(openRecords(path));
      this.index = indexRecords(this.records);
      const inferred = inferredSchema(this.records);
      this.schema = inferred.checking;
      this.described = inferred.described;
      this.dataName = path;
      this.schemaName = `schema inferred from ${path}`;
      this.last = undefined;
      this.failed = undefined;
      this.write(`${counted(this.records.length, "record")} from ${path}; ${this.schemaName} (.schema shows it)\n`);
    } catch (error) {
      this.write(`${error instanceof CliError ? error.message : String(error)}\n`);
    }
  }

  complete(line: string): [string[], string] {
    // A Tab inside pasted text is not a request to complete.
    if (this.pasting) return [[], line];
    if (this.pending === "" && line.trimStart().startsWith(".")) return completeCommand(line.trimStart());
    const text = this.pending === "" ? line : `${this.pending}\n${line}`;
    const lineStart = text.length - line.length;
    const s = suggest(text, text.length, { schema: this.described ?? this.schema });
    const from = Math.max(s.from, lineStart);
    return [s.items.map((i) => i.label), text.slice(from)];
  }

  private enableHighlighting(rl: RefreshableInterface): void {
    const write = rl._writeToOutput?.bind(rl);
    if (write === undefined || rl._refreshLine === undefined) return;
    rl._writeToOutput = (s: string) => {
      const prompt = s.startsWith(PROMPT) ? PROMPT : s.startsWith(CONTINUE) ? CONTINUE : undefined;
      write(prompt === undefined ? s : prompt + highlight(s.slice(prompt.length)));
    };
    let scheduled = false;
    this.options.input.on("keypress", () => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        // The key may have been the Enter of `.exit` (a closed interface draws nothing more) or of
        // `.data` (the prompt comes back once the file is read).
        if (!this.closed && !this.busy) rl._refreshLine?.();
      });
    });
  }

  private banner(): string {
    const example = exampleQuery(this.described ?? this.schema, this.records);
    return [
      `FilterQL — ${counted(this.records.length, "record")} from ${this.dataName} (${this.schemaName})`,
      ...(example === undefined ? [] : [`Try: ${visible(example)}`]),
      "Tab completes · .help lists the commands · Ctrl-D exits",
      "",
    ].join("\n");
  }

  private loadHistory(): string[] {
    if (this.historyFile === undefined) return [];
    try {
      if (!existsSync(this.historyFile)) return [];
      return readFileSync(this.historyFile, "utf8").split("\n").filter((l) => l !== "").slice(-1000).reverse();
    } catch {
      return [];
    }
  }

  private remember(entry: string): void {
    if (this.historyFile === undefined) return;
    try {
      appendFileSync(this.historyFile, `${entry.replace(/\n/g, " ")}\n`);
    } catch {
      // History is a convenience: an unwritable home directory must not break the REPL.
    }
  }

  private write(s: string): void {
    this.options.output.write(s);
  }

  private paint(s: string, color: string): string {
    return this.color ? `${color}${s}${RESET}` : s;
  }
}

/** The dot commands, and the fixed words some take: what Tab completes on a line that starts with a dot. */
const COMMANDS: Readonly<Record<string, readonly string[] | "file">> = {
  ".help": [],
  ".schema": [],
  ".data": "file",
  ".body": [],
  ".sql": ["columns"],
  ".mongo": [],
  ".ast": [],
  ".dialect": ["v1", "v2"],
  ".page": [],
  ".exit": [],
};

/** Tab on a command line: the command's name, then its word (`.dialect v2`) or a file path (`.data`). */
function completeCommand(line: string): [string[], string] {
  const space = line.search(/\s/);
  if (space === -1) return [Object.keys(COMMANDS).filter((c) => c.startsWith(line)), line];
  const args = COMMANDS[line.slice(0, space)];
  const arg = line.slice(space).trimStart();
  if (args === undefined) return [[], arg];
  if (args === "file") return [completePath(arg), arg];
  return [args.filter((a) => a.startsWith(arg)), arg];
}

/** File names that continue a partly typed path (a directory with its `/`), as a shell's Tab gives them. */
function completePath(typed: string): string[] {
  const quote = /^["']/.test(typed) ? typed[0] as string : "";
  const bare = typed.slice(quote.length);
  const slash = bare.lastIndexOf("/");
  const dir = slash === -1 ? "" : bare.slice(0, slash + 1);
  const base = bare.slice(slash + 1);
  const where = expandHome(dir === "" ? "." : dir);
  try {
    return readdirSync(where, { withFileTypes: true })
      .filter((e) => e.name.startsWith(base) && (base.startsWith(".") || !e.name.startsWith(".")))
      // A file's name closes the quote it was begun with; a directory's stays open for what is inside.
      .map((e) => `${quote}${dir}${e.name}${e.isDirectory() ? "/" : quote}`)
      .sort();
  } catch {
    return [];
  }
}

/** A path as a shell would take it: `"/my data.json"` or `'/my data.json'` without the quotes. */
function unquoted(arg: string): string {
  const m = /^(["'])(.*)\1$/s.exec(arg);
  return m === null ? arg : (m[2] as string);
}

/** "1 record", "3 records". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** True when `(` or `[` is still open: the query continues on the next line. */
export function unclosed(text: string): boolean {
  let depth = 0;
  const src = text;
  for (const t of tokens(src)) {
    const c = src.slice(t.start, t.end);
    if (t.type === "punctuation" && (c === "(" || c === "[")) depth++;
    else if (t.type === "punctuation" && (c === ")" || c === "]")) depth--;
  }
  return depth > 0;
}

const REPL_HELP = `Type a query and press Enter to see its results. An unclosed ( or [ continues on the next line,
a query pasted over several lines runs as one, and a line that starts with and, or, where, order by, select,
limit or case continues the last query.
When an error comes with a fix (= fix: under it), Enter on the empty line runs the fixed query.
  .help            this text
  .schema          the fields, their types and allowed values
  .data FILE       load records from a JSON array or NDJSON file (schema inferred)
  .body            the Mixpeek request body of the last query
  .sql [columns]   its PostgreSQL statement: records as jsonb in records.doc, or typed columns
  .mongo           the MongoDB find arguments of the last query (on the current page)
  .ast             the syntax tree of the last query
  .dialect v1|v2   the body dialect for .body
  .page N          page N of the last query's results
  .exit            leave (or press Ctrl-D); Ctrl-C clears the line
`;

export async function startRepl(options: { data?: string; schema?: string; dialect?: Dialect; sampleData: string; sampleSchema: string; loadSchema: (path: string | undefined) => ResolvedSchema | undefined }): Promise<number> {
  const dataPath = options.data ?? options.sampleData;
  const records = await readAll(openRecords(dataPath));
  const explicit = options.schema ?? (options.data === undefined ? options.sampleSchema : undefined);
  const inferred = explicit === undefined ? inferredSchema(records) : undefined;
  const repl = new Repl({
    records,
    dataName: options.data ?? "the bundled sample",
    schema: inferred?.checking ?? (options.loadSchema(explicit) as ResolvedSchema),
    ...(inferred === undefined ? {} : { described: inferred.described }),
    schemaName: explicit === undefined ? "schema inferred from the data" : options.schema === undefined ? "the sample's schema" : `schema ${options.schema}`,
    dialect: options.dialect ?? "v1",
    input: process.stdin,
    output: process.stdout,
  });
  return repl.run();
}

/** `~` or `~/…` as the home directory, as a shell reads a path. */
function expandHome(path: string): string {
  return path.replace(/^~(?=$|\/)/, homedir());
}
