/** CLI entry: `filterql [command] ...`. Returns the exit status; user errors never print a stack trace. */
import { fileURLToPath } from "node:url";
import { dialect, parse, str } from "./args.js";
import { CliError } from "./cli-error.js";
import { checkCommand, checkedSchema, compileCommand, decompileCommand, help, loadSchema, runCommand, type Io } from "./commands.js";
import { exampleQuery } from "./example-query.js";
import { inferredSchema } from "./inferred-schema.js";
import { SAMPLE_QUERY, startPlayground } from "./playground.js";
import { openRecords, readAll, readJsonFile } from "./read-records.js";
import { startRepl } from "./repl.js";

const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };

function samplePath(name: string): string {
  // dist/cli.js → ../sample/NAME
  return fileURLToPath(new URL(`../sample/${name}`, import.meta.url));
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
        return await repl([]);
      case "repl":
        return await repl(rest);
      case "compile":
        return compileCommand(rest, io);
      case "run":
        return await runCommand(rest, io);
      case "check":
        return checkCommand(rest, io);
      case "decompile":
        return await decompileCommand(rest, io);
      case "playground":
        return await playground(rest);
      case "help":
        return help(rest[0] ?? "main", io);
      case "--help":
      case "-h":
        return help("main", io);
      case "--version":
      case "-v":
        io.stdout.write("filterql 0.1.0\n");
        return 0;
      default:
        throw new CliError(`unknown command '${command}'. Commands: repl, compile, run, check, decompile, playground (see 'filterql --help').`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`filterql: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function repl(argv: readonly string[]): Promise<number> {
  const p = parse(argv, { data: { type: "string" }, schema: { type: "string" }, dialect: { type: "string" } }, "repl");
  if (p.values["help"] === true) return help("repl", io);
  if (p.positionals.length > 0) throw new CliError(`unexpected argument '${p.positionals[0] ?? ""}'. See 'filterql repl --help'.`);
  const data = str(p.values, "data");
  const schema = str(p.values, "schema");
  const d = dialect(p.values);
  return startRepl({
    ...(data === undefined ? {} : { data }),
    ...(schema === undefined ? {} : { schema }),
    ...(d === undefined ? {} : { dialect: d }),
    sampleData: samplePath("data.json"),
    sampleSchema: samplePath("schema.json"),
    loadSchema,
  });
}

async function playground(argv: readonly string[]): Promise<number> {
  const p = parse(argv, { port: { type: "string" }, data: { type: "string" }, schema: { type: "string" } }, "playground");
  if (p.values["help"] === true) return help("playground", io);
  if (p.positionals.length > 0) throw new CliError(`unexpected argument '${p.positionals[0] ?? ""}'. See 'filterql playground --help'.`);
  const port = portArg(str(p.values, "port"));
  const data = str(p.values, "data");
  const schemaFile = str(p.values, "schema") ?? (data === undefined ? samplePath("schema.json") : undefined);
  const records = await readAll(openRecords(data ?? samplePath("data.json")));
  // As in the REPL: without a schema file, the schema is inferred from the data, and the page checks
  // queries against it without its enums (a value the records lack is no error). The page gets a
  // schema file's JSON as it is, once it has been checked.
  const inferred = schemaFile === undefined ? inferredSchema(records) : undefined;
  const schema = inferred !== undefined ? inferred.checking.source : readJsonFile(schemaFile as string, "schema");
  const resolved = inferred !== undefined ? inferred.described : checkedSchema(schema, schemaFile as string);
  // The page opens on the sample's own query, or on one made from the user's data (as the REPL's "Try:").
  const query = data === undefined ? SAMPLE_QUERY : (exampleQuery(resolved, records) ?? "");
  const { server, url } = await startPlayground({ port, records, schema, query });
  io.stdout.write(`FilterQL playground: ${url}  (Ctrl-C stops it)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

/** `--port N`: 0 (a free port) to 65535; 4173 when absent. */
function portArg(raw: string | undefined): number {
  if (raw === undefined) return 4173;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) throw new CliError(`--port takes a port number from 0 to 65535 (0 picks a free one), not '${raw}'.`);
  return n;
}
