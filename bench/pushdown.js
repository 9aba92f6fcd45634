// Pushdown benchmark: PGlite (PostgreSQL in WASM, in-process), 100k rows. Column mode: the
// statement toSql emits against a hand-written statement for the same query and page (median
// ratio, target ≤ 1.2x). Document mode: the same statements with and without a jsonb_path_ops
// GIN index on the jsonb column.
import { PGlite } from "@electric-sql/pglite";
import { parse, toSql } from "../dist/index.js";
import { makeRecords } from "./data.js";
import { fmt, formatTable, median } from "./measure.js";

const N = 100_000;
const schema = {
  id: "integer", name: "string", status: "string", role: "string", department: "string", location: "string",
  age: "integer", score: "number", verified: "boolean", tags: "string[]", "profile.city": "string",
};
const columns = { "profile.city": "city" };

const COLUMN_QUERIES = [
  { label: "1 predicate", query: 'status = "active"', hand: [`SELECT * FROM people WHERE status = $1 ORDER BY id LIMIT 10 OFFSET 0`, ["active"]] },
  {
    label: "card example",
    query: 'status = "active" or role = "admin" and not department = "HR"',
    hand: [`SELECT * FROM people WHERE status = $1 OR (role = $2 AND department <> $3) ORDER BY id LIMIT 10 OFFSET 0`, ["active", "admin", "HR"]],
  },
  {
    label: "range, order by score desc",
    query: "age >= 30 and score < 50 order by score desc",
    hand: [`SELECT * FROM people WHERE age >= $1 AND score < $2 ORDER BY score DESC, id LIMIT 10 OFFSET 0`, [30, 50]],
  },
  {
    label: "array contains, in, page 5",
    query: 'tags contains "beta" and profile.city in ["Paris", "Lima"]',
    page: 5,
    hand: [`SELECT * FROM people WHERE $1 = ANY(tags) AND city IN ($2, $3) ORDER BY id LIMIT 10 OFFSET 40`, ["beta", "Paris", "Lima"]],
  },
  { label: "starts with", query: 'name starts with "user12"', hand: [`SELECT * FROM people WHERE name LIKE $1 ORDER BY id LIMIT 10 OFFSET 0`, ["user12%"]] },
  { label: "point lookup", query: 'name = "user77777"', hand: [`SELECT * FROM people WHERE name = $1 ORDER BY id LIMIT 10 OFFSET 0`, ["user77777"]] },
];

const DOCUMENT_QUERIES = ['name = "user77777"', 'status = "banned" and role in ["admin", "editor"]', 'tags = "beta" and profile.city = "Lima"', "age >= 30 and score < 50", 'name starts with "user12"'];

async function load(db, records) {
  await db.exec(`
    CREATE TABLE people (id integer PRIMARY KEY, name text, status text, role text, department text, location text,
      age bigint, score double precision, verified boolean, tags text[], city text);
    CREATE TABLE docs (id integer PRIMARY KEY, doc jsonb NOT NULL);`);
  for (let i = 0; i < records.length; i += 10_000) {
    const chunk = JSON.stringify(records.slice(i, i + 10_000));
    await db.query(`INSERT INTO docs SELECT (d->>'id')::int, d FROM jsonb_array_elements($1::jsonb) AS d`, [chunk]);
  }
  await db.exec(`
    INSERT INTO people SELECT id, doc->>'name', doc->>'status', doc->>'role', doc->>'department', doc->>'location',
      (doc->>'age')::bigint, (doc->>'score')::double precision, (doc->>'verified')::boolean,
      ARRAY(SELECT jsonb_array_elements_text(doc->'tags')), doc->'profile'->>'city' FROM docs;
    CREATE INDEX people_name ON people (name);
    CREATE INDEX people_status ON people (status);
    ANALYZE people; ANALYZE docs;`);
}

/** Median ms of each statement, run alternately so drift hits both alike. */
async function race(db, statements, runs) {
  const times = statements.map(() => []);
  for (const [text, values] of statements) await db.query(text, values);
  for (let r = 0; r < runs; r++) {
    for (const [i, [text, values]] of statements.entries()) {
      const start = performance.now();
      await db.query(text, values);
      times[i].push(performance.now() - start);
    }
  }
  return times.map(median);
}

export async function runPushdownBench() {
  const db = new PGlite();
  await load(db, makeRecords(N));
  const out = [];

  const columnRows = [];
  const ratios = [];
  for (const q of COLUMN_QUERIES) {
    const st = toSql(parse(q.query).query, { table: "people", schema, columns, page: q.page ?? 1 });
    const [emitted, hand] = await race(db, [[st.text, st.values], q.hand], 31);
    const [a, b] = [(await db.query(st.text, st.values)).rows.map((r) => r.id), (await db.query(...q.hand)).rows.map((r) => r.id)];
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${q.label}: the emitted and hand-written statements disagree`);
    ratios.push(emitted / hand);
    columnRows.push([q.label, fmt(emitted), fmt(hand), `${fmt(emitted / hand)}x`]);
  }
  columnRows.push(["median ratio", "", "", `${fmt(median(ratios))}x`]);
  out.push(formatTable(`Pushdown, column mode (PGlite, ${N / 1000}k rows; ms per statement, median of 31)`, ["query", "toSql", "hand-written", "ratio"], columnRows));

  // Counting every match measures the filter over the whole table (a first page in id order
  // can stop after a few rows, which no index speeds up).
  const docStatements = DOCUMENT_QUERIES.map((text) => toSql(parse(text).query, { table: "docs", document: "doc", count: true }));
  const without = await race(db, docStatements.map((s) => [s.text, s.values]), 7);
  await db.exec(`CREATE INDEX docs_doc ON docs USING gin (doc jsonb_path_ops); ANALYZE docs;`);
  const withIndex = await race(db, docStatements.map((s) => [s.text, s.values]), 7);
  out.push(
    formatTable(
      `Pushdown, document mode (PGlite, ${N / 1000}k jsonb rows; ms to count the matches, median of 7)`,
      ["query", "no index", "GIN jsonb_path_ops", "speed-up"],
      DOCUMENT_QUERIES.map((q, i) => [q, fmt(without[i]), fmt(withIndex[i]), `${fmt(without[i] / withIndex[i])}x`]),
    ),
  );
  await db.close();
  return out.join("\n");
}
