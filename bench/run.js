// npm run bench: every benchmark, in one process, as tables of medians and ratios.
import { runEngineBench } from "./engine.js";
import { runParseBench } from "./parse.js";
import { runPushdownBench } from "./pushdown.js";
import { runSearchBoxBench } from "./search-box.js";

const only = process.argv[2];
const suites = { parse: runParseBench, engine: runEngineBench, pushdown: runPushdownBench, "search-box": runSearchBoxBench };
for (const [name, run] of Object.entries(suites)) {
  if (only !== undefined && only !== name) continue;
  console.log(await run());
}
