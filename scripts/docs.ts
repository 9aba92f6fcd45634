// Regenerates docs/diagnostics.md and docs/mixpeek.md (npm run docs).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { diagnosticsDoc, mixpeekDoc } from "./docs-source.js";
import { sqlDoc } from "./sql-doc.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
writeFileSync(join(root, "docs", "diagnostics.md"), diagnosticsDoc());
writeFileSync(join(root, "docs", "mixpeek.md"), mixpeekDoc());
writeFileSync(join(root, "docs", "sql.md"), sqlDoc());
