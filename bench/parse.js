// Parse throughput against liqe and lucene, and cold start against a bare `node` start.
import { parse as liqeParse } from "liqe";
import lucene from "lucene";
import { fileURLToPath } from "node:url";
import { parse } from "../dist/index.js";
import { fmt, formatTable, measure, timeNode } from "./measure.js";

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

export function runParseBench() {
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
  const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const bare = timeNode(["-e", ""]);
  const cold = timeNode(["--input-type=module", "-e", `const m = await import(${JSON.stringify(dist)}); if (!m.parse('a = 1').query) process.exit(1);`]);
  const coldTable = formatTable("Cold start: median ms over 15 runs", ["", "ms"], [
    ["bare node", fmt(bare)],
    ["node + import filterql + parse one query", fmt(cold)],
    ["cost over bare node", fmt(cold - bare)],
  ]);
  return `${table}\n${coldTable}`;
}
