// A search box's work per keystroke on a 2,000-character query: what filterql/codemirror runs
// on each change — highlighting (tokens), completion at the cursor (suggest) and lint
// (parse + check). The target is a median far under a frame: under 1 ms. Lint runs after a
// 100 ms pause in typing (the extension's default), the other two on every change.
import { readFileSync } from "node:fs";
import { check, parse, suggest, tokens } from "../dist/index.js";
import { fmt, formatTable, measure } from "./measure.js";

const schema = JSON.parse(readFileSync(new URL("../sample/schema.json", import.meta.url), "utf8"));
const CLAUSES = [
  'status = "active"',
  'role in ["admin", "editor"]',
  "age between 30 and 60",
  'not department = "HR"',
  'profile.city starts with "Ber"',
  'tags contains "early-adopter"',
  "created > now - 30d",
  'name matches /^ra/i',
  "score >= 12.5",
  "verified = true",
];

/** About `length` characters: whole clauses joined by `and`, then an `order by`. */
function longQuery(length) {
  const tail = " order by score desc";
  let text = "";
  for (let i = 0; ; i++) {
    const clause = CLAUSES[i % CLAUSES.length];
    const part = i % 3 === 2 ? `(${clause} or metadata.source = "import")` : clause;
    const next = text === "" ? part : `${text} and ${part}`;
    if (next.length + tail.length > length) return text + tail;
    text = next;
  }
}

export function runSearchBoxBench() {
  const query = longQuery(2000);
  if (parse(query).query === undefined) throw new Error("the search-box benchmark query does not parse");
  // The text after each of the last 200 keystrokes of typing it (unfinished queries included).
  const states = Array.from({ length: 200 }, (_, i) => query.slice(0, query.length - 199 + i));
  const at = (i) => states[i % states.length];
  const lint = (text) => {
    const parsed = parse(text);
    return parsed.query === undefined ? parsed.diagnostics : check(parsed.query, { schema });
  };
  const opts = { iterations: 20, batches: 25 };
  const suggestNs = measure((i) => suggest(at(i), at(i).length, { schema }).items.length, opts);
  const suggestMidNs = measure((i) => suggest(query, (i * 37) % query.length, { schema }).items.length, opts);
  const lintNs = measure((i) => lint(at(i)).length, opts);
  const lintFinishedNs = measure(() => lint(query).length, opts);
  const tokensNs = measure((i) => tokens(at(i)).length, opts);
  const allNs = measure((i) => {
    const text = at(i);
    return tokens(text).length + suggest(text, text.length, { schema }).items.length + lint(text).length;
  }, opts);
  const ms = (ns) => fmt(ns / 1e6, 3);
  return formatTable(
    `Search box: median ms per keystroke on a ${query.length}-character query (target: under 1 ms)`,
    ["work per keystroke", "ms"],
    [
      ["suggest at the cursor (end of text)", ms(suggestNs)],
      ["suggest at a cursor inside the text", ms(suggestMidNs)],
      ["lint: parse + check, while typing (mostly unfinished)", ms(lintNs)],
      ["lint: parse + check, the finished query", ms(lintFinishedNs)],
      ["highlight: tokens", ms(tokensNs)],
      ["all three, as the editor runs them", ms(allNs)],
    ],
  );
}
