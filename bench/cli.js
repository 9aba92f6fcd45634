// The CLI over a file: `filterql run Q --data F --format ndjson` against `jq -c 'select(…)'` on a
// 200 MB NDJSON file that the benchmark writes to the system's temporary directory (never
// committed; kept there between runs). MB/s of input for both, and filterql's peak memory.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeRecords } from "./data.js";
import { fmt, formatTable, median } from "./measure.js";

const MB = 1024 * 1024;
const TARGET = 200 * MB;
const bin = fileURLToPath(new URL("../bin/filterql.js", import.meta.url));
const rssProbe = fileURLToPath(new URL("./rss-probe.js", import.meta.url));

const CASES = [
  { label: "filter", filterql: 'status = "active" and score > 50', jq: 'select(.status == "active" and .score > 50)' },
  { label: "filter + select 2 fields", filterql: 'status = "active" and score > 50 select name, score', jq: 'select(.status == "active" and .score > 50) | {name, score}' },
];

function dataFile() {
  const dir = join(tmpdir(), "filterql-bench");
  const path = join(dir, "records-200mb.ndjson");
  if (existsSync(path) && statSync(path).size >= TARGET) return path;
  mkdirSync(dir, { recursive: true });
  const fd = openSync(`${path}.part`, "w");
  let written = 0;
  for (let seed = 1; written < TARGET; seed++) {
    const text = `${makeRecords(50_000, seed).map((r) => JSON.stringify(r)).join("\n")}\n`;
    writeSync(fd, text);
    written += Buffer.byteLength(text);
  }
  closeSync(fd);
  execFileSync("mv", [`${path}.part`, path]);
  return path;
}

/** Debian's jq, installed when missing (the benchmark may run as root on a fresh machine). */
function ensureJq() {
  if (spawnSync("jq", ["--version"]).status === 0) return true;
  if (process.getuid?.() !== 0) return false;
  spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore" });
  spawnSync("apt-get", ["install", "-y", "-qq", "jq"], { stdio: "ignore" });
  return spawnSync("jq", ["--version"]).status === 0;
}

/** Wall seconds, output lines and (for node) peak RSS of one run with stdout to a file. */
function timed(command, args, env = {}) {
  const out = join(tmpdir(), "filterql-bench", "out.ndjson");
  const rssFile = join(tmpdir(), "filterql-bench", "rss.txt");
  rmSync(rssFile, { force: true });
  const fd = openSync(out, "w");
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { stdio: ["ignore", fd, "pipe"], env: { ...process.env, ...env, FILTERQL_RSS_FILE: rssFile } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr}`);
  const lines = countLines(out);
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : undefined;
  return { seconds, lines, rss };
}

function countLines(path) {
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(4 * MB);
  let n = 0;
  for (let got; (got = readSync(fd, buf)) > 0;) for (let i = 0; i < got; i++) if (buf[i] === 10) n++;
  closeSync(fd);
  return n;
}


export function runCliBench() {
  if (!ensureJq()) return "\nCLI over a file: skipped (jq is not installed and cannot be installed here)";
  const file = dataFile();
  const size = statSync(file).size / MB;
  const runs = 3;
  const rows = [];
  for (const c of CASES) {
    const ours = [];
    const theirs = [];
    const rss = [];
    let lines;
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a busy moment of the machine hits both alike.
      const a = timed(process.execPath, ["--import", rssProbe, bin, "run", c.filterql, "--data", file, "--format", "ndjson"]);
      const b = timed("jq", ["-c", c.jq, file]);
      if (a.lines !== b.lines) throw new Error(`${c.label}: filterql wrote ${a.lines} lines, jq ${b.lines}`);
      lines = a.lines;
      ours.push(a.seconds);
      theirs.push(b.seconds);
      if (a.rss !== undefined) rss.push(a.rss);
    }
    const ratios = ours.map((t, i) => theirs[i] / t);
    rows.push([c.label, lines.toLocaleString("en"), fmt(size / median(ours)), fmt(size / median(theirs)), `${fmt(median(ratios))}x (${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))})`, rss.length > 0 ? fmt(median(rss), 0) : "?"]);
  }
  // Flat memory: the same streaming run over the first quarter of the file peaks at about the same size.
  const quarter = `${file}.quarter`;
  if (!existsSync(quarter)) {
    const head = Buffer.alloc(Math.floor(statSync(file).size / 4));
    const fd = openSync(file, "r");
    readSync(fd, head);
    closeSync(fd);
    writeFileSync(quarter, head.subarray(0, head.lastIndexOf(10) + 1));
  }
  const small = timed(process.execPath, ["--import", rssProbe, bin, "run", CASES[0].filterql, "--data", quarter, "--format", "ndjson"]);
  rows.push([`filter, first quarter of the file (${fmt(statSync(quarter).size / MB, 0)} MB)`, small.lines.toLocaleString("en"), fmt(statSync(quarter).size / MB / small.seconds), "", "", small.rss === undefined ? "?" : fmt(small.rss, 0)]);
  const jq = spawnSync("jq", ["--version"], { encoding: "utf8" }).stdout.trim();
  return formatTable(
    `CLI over a ${fmt(size, 0)} MB NDJSON file vs ${jq}: MB/s of input (median of ${runs} interleaved runs, output to a file); ratio = jq time / filterql time`,
    ["query", "matches", "filterql MB/s", "jq MB/s", "ratio (range)", "filterql peak RSS MB"],
    rows,
  );
}
