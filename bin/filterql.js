#!/usr/bin/env node
import { main } from "../dist/cli.js";

// A reader that stops early (`filterql run … --format ndjson | head`) closes the pipe: that ends
// the output, as it ends grep's, and is not an error to report.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`filterql: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
