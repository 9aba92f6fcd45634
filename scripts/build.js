// Builds dist/: one ESM bundle for the library and one for the CLI (sharing chunks),
// plus type declarations. Chevrotain, the grammar of record, is never imported at run time
// (src/syntax/recover.ts); it stays external so that an import slipping in would show in dist/.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBrowser } from "./build-browser.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

// `--if-stale` (npm's `prepare`): nothing to do when dist/ was built after every input last
// changed. `npx filterql` in a fresh checkout installs the project into npm's cache and runs
// `prepare` again there, just after `npm install` built it: that second build is skipped.
const STAMP = join(root, "dist", ".built");
const INPUTS = ["src", "playground", "scripts", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((most, name) => Math.max(most, newest(join(path, name))), stat.mtimeMs);
}
if (process.argv.includes("--if-stale") && existsSync(STAMP) && statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map((p) => newest(join(root, p))))) {
  process.exit(0);
}

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
  // Compact syntax only. Lines are kept, so an uncaught error's source line is one statement, not
  // the whole bundle; names are kept as written, so stack frames and console.log show `compile`,
  // `Compiled`, `FilterQLError`. Not esbuild's keepNames: it names every function expression when
  // it is created, which put parse at 2.7 µs against 2.1 (an A/B in docs/performance.md); cold
  // start measured the same both ways.
  minifySyntax: true,
  // re2js is loaded on first use (see src/engine/regex.ts), so it stays out of the bundle.
  external: ["re2js", "chevrotain"],
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

writeFileSync(STAMP, `${new Date().toISOString()}\n`);
