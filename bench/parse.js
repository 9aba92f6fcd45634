// Parse throughput against liqe and lucene, and cold start against a bare `node` start.
import { parse as liqeParse } from "liqe";
import lucene from "lucene";
import { fileURLToPath } from "node:url";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { parse } from "../dist/index.js";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fmt, formatTable, measure, median } from "./measure.js";

const SHORT = {
  filterql: 'status = "active" and role = "admin" and age >= 30 and not department = "HR"',
  liqe: "status:active AND role:admin AND age:>=30 AND NOT department:HR",
  lucene: "status:active AND role:admin AND age:[30 TO *] AND NOT department:HR",
};

const n = 40;
const LONG = {
  filterql: Array.from({ length: n }, (_, i) => `(f${i} = "v${i}" or g${i} > ${i})`).join(" and "),
  liqe: Array.from({ length: n }, (_, i) => `(f${i}:v${i} OR g${i}:>${i})`).join(" AND "),
  lucene: Array.from({ length: n }, (_, i) => `(f${i}:v${i} OR g${i}:{${i} TO *])`).join(" AND "),
};

function check() {
  for (const q of [SHORT, LONG]) {
    if (parse(q.filterql).query === undefined) throw new Error("filterql failed to parse its own benchmark query");
    liqeParse(q.liqe);
    lucene.parse(q.lucene);
  }
}

/**
 * The 4-predicate parse, with the garbage collections that ran while it was timed: parsing
 * allocates (tokens, nodes, the parser's own bookkeeping), so its speed depends on the heap the
 * process has built up. Called fresh by the parse suite and again after the filter rows.
 */
export async function parseRow(label) {
  const gcs = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  const us = measure(() => parse(SHORT.filterql).query, { iterations: 2000 }) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  const minor = gcs.filter((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR);
  const major = gcs.length - minor.length;
  const ms = (xs) => xs.reduce((sum, e) => sum + e.duration, 0);
  return [label, fmt(us), `${minor.length} (${fmt(ms(minor) / minor.length || 0)} ms each)`, `${major}`, fmt(process.memoryUsage().heapUsed / 1024 / 1024, 0)];
}

export const PARSE_ROW_HEADER = ["4-predicate parse", "µs", "scavenges while timed", "major GCs", "heap MB"];

export async function runParseBench() {
  check();
  const rows = [];
  for (const [label, q, iterations] of [["4 predicates", SHORT, 2000], [`${2 * n} predicates`, LONG, 100]]) {
    const ours = measure(() => parse(q.filterql).query, { iterations });
    const liqe = measure(() => liqeParse(q.liqe), { iterations: Math.max(5, iterations / 50), batches: 15 });
    const luc = measure(() => lucene.parse(q.lucene), { iterations: Math.max(10, iterations / 10), batches: 15 });
    rows.push([label, fmt(ours / 1000), fmt(liqe / 1000), fmt(luc / 1000), `${fmt(liqe / ours, 1)}x`, `${fmt(luc / ours, 1)}x`]);
  }
  const table = formatTable(
    "Parse: median µs per query (lower is better); ratios = peer time / filterql time",
    ["query", "filterql µs", "liqe µs", "lucene µs", "liqe ratio", "lucene ratio"],
    rows,
  );
  const fresh = formatTable("Parse in a fresh process (run again after the filter rows, below)", PARSE_ROW_HEADER, [await parseRow("fresh")]);
  return `${table}\n${fresh}\n${coldStart()}`;
}

/**
 * Cold start, from fresh processes run in alternation: wall time over a bare `node`, and the
 * CPU time the process spent (less sensitive to a busy machine). "compile only" parses the
 * bundle's chunks as modules without running them: what the bundle's size costs by itself.
 */
function coldStart() {
  const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const chunks = readdirSync(dirname(dist)).filter((f) => f.endsWith(".js") && f !== "cli.js").map((f) => join(dirname(dist), f));
  const cpu = "const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));";
  const variants = [
    ["bare node", ["-e", cpu]],
    ["compile the bundle only (vm.SourceTextModule)", ["--experimental-vm-modules", "--no-warnings", "--input-type=module", "-e", `import vm from "node:vm"; import { readFileSync } from "node:fs"; for (const f of ${JSON.stringify(chunks)}) new vm.SourceTextModule(readFileSync(f, "utf8")); ${cpu}`]],
    ["import filterql", ["--input-type=module", "-e", `await import(${JSON.stringify(dist)}); ${cpu}`]],
    ["import filterql + parse one query", ["--input-type=module", "-e", `const m = await import(${JSON.stringify(dist)}); if (!m.parse('a = 1').query) process.exit(1); ${cpu}`]],
  ];
  const runs = 15;
  const wall = variants.map(() => []);
  const cpuMs = variants.map(() => []);
  for (let i = 0; i < runs; i++) {
    variants.forEach(([, args], j) => {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
      wall[j].push(Number(process.hrtime.bigint() - start) / 1e6);
      cpuMs[j].push(Number(r.stdout));
    });
  }
  const bareWall = median(wall[0]);
  const bareCpu = median(cpuMs[0]);
  const rows = variants.map(([label], j) => [label, fmt(median(wall[j])), j === 0 ? "" : `+${fmt(median(wall[j]) - bareWall)}`, fmt(median(cpuMs[j])), j === 0 ? "" : `+${fmt(median(cpuMs[j]) - bareCpu)}`]);
  return formatTable(`Cold start: median of ${runs} fresh processes each, run in alternation`, ["", "wall ms", "over bare node", "CPU ms", "over bare node"], rows);
}
