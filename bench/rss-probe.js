// Preloaded into a benchmarked CLI run (`node --import`): writes the process's peak resident
// memory (KiB) to $FILTERQL_RSS_FILE as it exits.
import { writeFileSync } from "node:fs";

const file = process.env.FILTERQL_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
