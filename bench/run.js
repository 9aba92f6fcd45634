// npm run bench: every benchmark, in one process, as tables of medians and ratios.
import { runCliBench } from "./cli.js";
import { memoryBench, runEngineBench } from "./engine.js";
import { formatTable } from "./measure.js";
import { PARSE_ROW_HEADER, parseRow, runParseBench } from "./parse.js";
import { runPushdownBench } from "./pushdown.js";
import { runSearchBoxBench } from "./search-box.js";

// `node bench/run.js parse,engine` runs only those suites.
const only = process.argv[2]?.split(",");
const suites = { parse: runParseBench, engine: runEngineBench, memory: memoryBench, pushdown: runPushdownBench, cli: runCliBench, "search-box": runSearchBoxBench };
for (const [name, run] of Object.entries(suites)) {
  if (only !== undefined && !only.includes(name)) continue;
  console.log(await run());
  // A server parses after doing other work: the same parse, timed again after the filter rows.
  if (name === "engine") console.log(formatTable("Parse again, after the filter rows (compare with the fresh row above)", PARSE_ROW_HEADER, [await parseRow("after the filter rows")]));
}
