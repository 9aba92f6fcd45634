import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

/** Strict flag parsing: an unknown flag or a missing value is a CliError naming it. */
export function parse(argv: readonly string[], options: OptionSpec, command: string): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new CliError(`${flagProblem(error, argv, command)}. See 'filterql ${command} --help'.`);
  }
}

/** node:util's parseArgs messages, said in one line in the CLI's own words. */
function flagProblem(error: unknown, argv: readonly string[], command: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']*)'/.exec(message);
  if (unknown !== null) {
    const flag = unknown[1] ?? "";
    // `-status:active` (Lucene's exclusion) is read as the short options -s -t -a …
    const query = flag.startsWith("--") ? undefined : argv.find((a) => a.startsWith(flag) && a.length > flag.length);
    if (query !== undefined) return `unknown option '${flag}'; a query that starts with '-' goes after '--': filterql ${command} -- '${query}'`;
    return `unknown option '${flag}'`;
  }
  const missing = /^Option '(-[^' ]*)(?: <value>)?' argument (missing|is ambiguous)/.exec(message);
  if (missing !== null) {
    const flag = missing[1] ?? "";
    const next = argv[argv.indexOf(flag) + 1];
    if (missing[2] === "missing" || next === undefined) return `${flag} needs a value`;
    return `${flag} needs a value, and '${next}' looks like an option: write ${flag}=${next} if it is the value`;
  }
  return message.split("\n")[0]?.replace(/\.$/, "") ?? message;
}

export function str(values: Parsed["values"], name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

export function positiveInt(values: Parsed["values"], name: string): number | undefined {
  const raw = str(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) {
    // Past the largest whole number held exactly, the range has to say where it ends.
    const range = /^\d+$/.test(raw) && n >= 1 ? `from 1 to ${Number.MAX_SAFE_INTEGER}` : "of 1 or more";
    throw new CliError(`--${name} takes a whole number ${range}, not '${raw}'.`);
  }
  return n;
}

export function dialect(values: Parsed["values"]): "v1" | "v2" | undefined {
  const d = str(values, "dialect");
  if (d === undefined || d === "v1" || d === "v2") return d;
  throw new CliError(`--dialect takes v1 or v2, not '${d}'.`);
}
