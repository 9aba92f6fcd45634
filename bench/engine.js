// Engine benchmark: ns/record on 200k records, against a hand-written predicate and the peers.
import filtrex from "filtrex";
import { filter as liqeFilter, parse as liqeParse } from "liqe";
import { Query as MingoQuery } from "mingo";
import sift from "sift";
import { compile, indexRecords } from "../dist/index.js";
import { makeRecords } from "./data.js";
import { fmt, formatTable, measure, median } from "./measure.js";

const N = 200_000;
// Built when the suite runs, not at import: a 200k-record heap would slow the other suites' GC.
let records = [];
const schema = {
  id: "integer", name: "string", status: "string", role: "string", department: "string", location: "string",
  age: "integer", score: "number", verified: "boolean", tags: "string[]", "profile.city": "string", "profile.zip": "string",
};

const twenty = [
  'status = "active"', 'role != "guest"', "age >= 21", "age < 70", "score > 5", "score <= 95", 'department != "Legal"',
  'location = "office"', "verified = true", 'name != "user7"', "id >= 10", "id < 199990", 'status != "banned"', "age != 40",
  "score != 50", 'role != "nobody"', 'department != "Nowhere"', "id != 12345", "age <= 77", "score >= 0",
];

const QUERIES = [
  {
    label: "1 predicate",
    filterql: 'status = "active"',
    hand: (r) => r.status === "active",
    mongo: { status: "active" },
    liqe: "status:active",
    filtrex: 'status == "active"',
  },
  {
    label: "card example",
    filterql: 'status = "active" or role = "admin" and not department = "HR"',
    hand: (r) => r.status === "active" || (r.role === "admin" && r.department !== "HR"),
    mongo: { $or: [{ status: "active" }, { $and: [{ role: "admin" }, { $nor: [{ department: "HR" }] }] }] },
    liqe: "status:active OR (role:admin AND NOT department:HR)",
    filtrex: 'status == "active" or (role == "admin" and not (department == "HR"))',
  },
  {
    label: "20 predicates",
    filterql: twenty.join(" and "),
    hand: (r) =>
      r.status === "active" && r.role !== "guest" && r.age >= 21 && r.age < 70 && r.score > 5 && r.score <= 95 && r.department !== "Legal" &&
      r.location === "office" && r.verified === true && r.name !== "user7" && r.id >= 10 && r.id < 199990 && r.status !== "banned" && r.age !== 40 &&
      r.score !== 50 && r.role !== "nobody" && r.department !== "Nowhere" && r.id !== 12345 && r.age <= 77 && r.score >= 0,
    mongo: {
      status: { $eq: "active", $ne: "banned" }, role: { $nin: ["guest", "nobody"] }, age: { $gte: 21, $lt: 70, $ne: 40, $lte: 77 },
      score: { $gt: 5, $lte: 95, $ne: 50, $gte: 0 }, department: { $nin: ["Legal", "Nowhere"] }, location: "office", verified: true,
      name: { $ne: "user7" }, id: { $gte: 10, $lt: 199990, $ne: 12345 },
    },
    liqe: "status:active AND NOT role:guest AND age:>=21 AND age:<70 AND score:>5 AND score:<=95 AND NOT department:Legal AND location:office AND verified:true AND NOT name:user7 AND id:>=10 AND id:<199990 AND NOT status:banned AND NOT age:40 AND NOT score:50 AND NOT role:nobody AND NOT department:Nowhere AND NOT id:12345 AND age:<=77 AND score:>=0",
    filtrex: 'status == "active" and role != "guest" and age >= 21 and age < 70 and score > 5 and score <= 95 and department != "Legal" and location == "office" and verified and name != "user7" and id >= 10 and id < 199990 and status != "banned" and age != 40 and score != 50 and role != "nobody" and department != "Nowhere" and id != 12345 and age <= 77 and score >= 0',
  },
];

function count(pred) {
  let n = 0;
  for (let i = 0; i < records.length; i++) if (pred(records[i])) n++;
  return n;
}

export function runEngineBench() {
  records = makeRecords(N);
  const rows = [];
  const indexRows = [];
  const floorRows = [];
  const index = indexRecords(records);
  const opts = { iterations: 1, batches: 9, warmup: 2 };
  const perRecord = (fn, n = N) => measure(fn, opts) / n;
  for (const q of QUERIES) {
    const ours = compile(q.filterql, { schema });
    const closures = compile(q.filterql, { schema, codegen: false });
    const mingo = new MingoQuery(q.mongo);
    const siftTest = sift(q.mongo);
    const liqeAst = liqeParse(q.liqe);
    const filtrexTest = filtrex.compileExpression(q.filtrex);
    const expected = count(q.hand);
    const checks = { filterql: count(ours.test), closures: count(closures.test), mingo: count((r) => mingo.test(r)), sift: count(siftTest), filtrex: count((r) => filtrexTest(r) === true), liqe: liqeFilter(liqeAst, records.slice(0, 20_000)).length };
    for (const [name, got] of Object.entries(checks)) {
      if (name !== "liqe" && got !== expected) throw new Error(`${q.label}: ${name} selected ${got} records, the hand-written predicate ${expected}`);
    }
    const hand = perRecord(() => records.filter(q.hand).length);
    const fq = perRecord(() => ours.filter(records).length);
    const fqClosures = perRecord(() => closures.filter(records).length);
    const mg = perRecord(() => records.filter((r) => mingo.test(r)).length, N);
    const sf = perRecord(() => records.filter(siftTest).length);
    const fx = perRecord(() => records.filter(filtrexTest).length);
    const lqRecords = records.slice(0, 20_000);
    const lq = measure(() => liqeFilter(liqeAst, lqRecords).length, { iterations: 1, batches: 5, warmup: 1 }) / lqRecords.length;
    rows.push([q.label, `${expected}`, fmt(fq), fmt(fqClosures), fmt(hand), `${fmt(hand / fq)}x`, `${fmt(mg / fq, 1)}x`, `${fmt(sf / fq, 1)}x`, `${fmt(lq / fq, 1)}x`, `${fmt(fx / fq, 1)}x`]);
    indexRows.push(indexRow(q.label, ours, index, { fq, mg, sf, lq }));
    if (q.label === "1 predicate") floorRows.push(...floors({ mg, sf, lq }));
  }
  for (const [label, text] of SELECTIVE) {
    const c = compile(text, { schema });
    const fq = perRecord(() => c.filter(records).length);
    indexRows.push(indexRow(label, c, index, { fq }));
  }
  const filterTable = formatTable(
    `Filter: median ns per record over ${N.toLocaleString("en")} records (with a schema). Ratio columns = other's time / filterql's time (higher = filterql faster)`,
    ["query", "matches", "filterql", "closures", "hand", "hand ratio", "mingo", "sift", "liqe", "filtrex"],
    rows,
  );
  const indexTable = formatTable(
    `Repeated queries over indexRecords(records): median ns per record of the ${N.toLocaleString("en")}. "first query" includes indexing its fields. Ratios as above`,
    ["query", "indexed", "first query", "vs scan", "mingo", "sift", "liqe"],
    indexRows,
  );
  const floorTable = formatTable(
    "The floor of any scan for the 1-predicate query, and each peer's time over it (the most a scan could gain)",
    ["step alone", "ns/record", "mingo", "sift", "liqe"],
    floorRows,
  );
  return `${filterTable}\n${indexTable}\n${floorTable}\n${sortAndProjectBench()}`;
}

/**
 * What no scan of the query can avoid: reading the field of every record. A filter that visits
 * every record can be at most (peer time / floor) times faster than a peer; only an index can
 * do better.
 */
function floors(times) {
  const opts = { iterations: 1, batches: 15, warmup: 3 };
  const read = measure(() => {
    let n = 0;
    for (let i = 0; i < records.length; i++) if (records[i].status === "active") n++;
    return n;
  }, opts) / N;
  const ratios = (floor) => [`${fmt(times.mg / floor, 1)}x`, `${fmt(times.sf / floor, 1)}x`, `${fmt(times.lq / floor, 1)}x`];
  return [["read the field of every record, no output", fmt(read), ...ratios(read)]];
}

/** Selective queries, where an index shines most (no peer columns: the scan row shows the peers' scale). */
const SELECTIVE = [
  ["one record by name", 'name = "user4242"'],
  ["a value and a narrow range", 'status = "active" and score > 99.5'],
];

function indexRow(label, compiled, index, times) {
  const expected = compiled.filter(records).length;
  if (compiled.filter(index).length !== expected) throw new Error(`${label}: the index selected other records than the scan`);
  const firsts = [0, 1, 2].map(() => {
    const fresh = indexRecords(records);
    const start = process.hrtime.bigint();
    compiled.filter(fresh);
    return Number(process.hrtime.bigint() - start) / N;
  });
  const ix = measure(() => compiled.filter(index).length, { iterations: 1, batches: 15, warmup: 3 }) / N;
  const ratio = (t) => (t === undefined ? "" : `${fmt(t / ix, 1)}x`);
  return [label, fmt(ix), fmt(median(firsts)), ratio(times.fq), ratio(times.mg), ratio(times.sf), ratio(times.lq)];
}

function sortAndProjectBench() {
  const opts = { iterations: 1, batches: 7, warmup: 1 };
  const rows = [];
  const top = compile('status = "active" order by score desc limit 10');
  const handTop = () => records.filter((r) => r.status === "active").sort((a, b) => b.score - a.score).slice(0, 10);
  assertSame(top.run(records).results, handTop(), "top-k page");
  const a = measure(() => top.run(records).results.length, opts);
  const b = measure(() => handTop().length, opts);
  rows.push(["top-10 page (order by score desc)", fmt(a / N), fmt(b / N), `${fmt(b / a)}x`, "filter + full sort + slice"]);

  const multi = compile("order by department, age desc, name");
  const handCmp = (x, y) => (x.department < y.department ? -1 : x.department > y.department ? 1 : y.age - x.age || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  assertSame(multi.sort(records).slice(0, 50), records.slice().sort(handCmp).slice(0, 50), "multi-key sort");
  const c = measure(() => multi.sort(records).length, opts);
  const d = measure(() => records.slice().sort(handCmp).length, opts);
  rows.push(["full 3-key sort", fmt(c / N), fmt(d / N), `${fmt(d / c)}x`, "hand comparator"]);

  const project = compile("select name, profile.city");
  const handProject = (r) => ({ name: r.name, profile: { city: r.profile.city } });
  assertSame(project.run(records, { pageSize: N }).results.slice(0, 50), records.slice(0, 50).map(handProject), "projection");
  const e = measure(() => project.run(records, { pageSize: N }).results.length, opts);
  const f = measure(() => records.map(handProject).length, opts);
  rows.push(["projection of 2 paths", fmt(e / N), fmt(f / N), `${fmt(f / e)}x`, "hand map"]);
  return formatTable("Sort and select: median ns per record. Ratio = baseline time / filterql time", ["operation", "filterql", "baseline", "ratio", "baseline is"], rows);
}

function assertSame(x, y, label) {
  if (JSON.stringify(x) !== JSON.stringify(y)) throw new Error(`${label}: filterql and the baseline disagree`);
}
