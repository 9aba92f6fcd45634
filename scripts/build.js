// Builds dist/: one ESM bundle for the library and one for the CLI (sharing chunks),
// plus type declarations. Chevrotain is taken from its pre-bundled ESM file: its package
// entry pulls in lodash-es and costs ~300 ms to import, the bundled file ~15 ms.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBrowser } from "./build-browser.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
// The package exports only its entry (lib/src/api.js); the bundle sits beside lib/src.
const chevrotainBundle = join(dirname(require.resolve("chevrotain")), "..", "chevrotain.mjs");

rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: "src/index.ts", cli: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  // Half the bytes for V8 to parse at import (cold start); the source map keeps stack traces readable.
  minify: true,
  alias: { chevrotain: chevrotainBundle },
  // Loaded on first use (see src/engine/regex.ts), so it stays out of the bundle.
  external: ["re2js"],
  logLevel: "warning",
});
await buildBrowser(root);
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});

// The railroad-diagram page (grammar/diagrams.html) loads these from grammar/assets/.
const diagrams = join(dirname(require.resolve("chevrotain")), "..", "..", "diagrams");
for (const file of ["diagrams.css", "vendor/railroad-diagrams.js", "src/diagrams_builder.js", "src/diagrams_behavior.js", "src/main.js"]) {
  mkdirSync(dirname(join(root, "grammar", "assets", file)), { recursive: true });
  copyFileSync(join(diagrams, file), join(root, "grammar", "assets", file));
}
