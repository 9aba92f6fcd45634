// Regenerates grammar/filterql.ebnf and grammar/diagrams.html from the parser (npm run grammar).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { grammarFiles } from "../src/syntax/chevrotain/grammar-files.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
for (const [name, text] of Object.entries(grammarFiles())) writeFileSync(join(root, "grammar", name), text);
