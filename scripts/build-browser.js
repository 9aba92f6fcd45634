// Builds the web parts of dist/, after scripts/build.js has built the Node library and CLI:
//   dist/browser/index.js  the library for bundlers (the package's "browser" and "default" condition):
//                          no node: module, the regex engine imported statically (src/engine/load-re2.browser.ts)
//   dist/codemirror.js     the CodeMirror 6 extension; imports "filterql" and @codemirror/* (peers)
//   dist/playground/       the playground page, prebuilt so `filterql playground` builds nothing at run time
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";


/** Substitutes `load-re2.browser.ts` for `load-re2.ts`: the one Node-only module of the library. */
export const browserRegexPlugin = {
  name: "filterql-browser-regex",
  setup(b) {
    b.onResolve({ filter: /\/load-re2\.js$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\.js$/, ".browser.ts")) }));
  },
};

/** The extension reaches the library through its public entry, which stays a separate package import. */
const libraryAsPackage = {
  name: "filterql-as-package",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) => (args.importer.includes(join("src", "codemirror")) ? { path: "filterql", external: true } : undefined));
  },
};

// Any warning fails the build: a browser bundle must come out clean.
const strict = { logLevel: "silent", bundle: true, format: "esm", target: "es2022", sourcemap: true };

async function clean(options) {
  const result = await build({ ...strict, ...options });
  if (result.warnings.length > 0) throw new Error(`esbuild warnings:\n${result.warnings.map((w) => w.text).join("\n")}`);
}

export async function buildBrowser(root) {
  await clean({
    absWorkingDir: root,
    entryPoints: { index: "src/index.ts" },
    outdir: "dist/browser",
    platform: "browser",
    // re2js is left to the user's bundler (a dependency of the package), so it is bundled once.
    // Chevrotain is never imported at run time; external, an import slipping in would show.
    external: ["re2js", "chevrotain"],
    plugins: [browserRegexPlugin],
  });
  await clean({
    absWorkingDir: root,
    entryPoints: { codemirror: "src/codemirror/index.ts" },
    outdir: "dist",
    platform: "neutral",
    external: ["@codemirror/*"],
    plugins: [libraryAsPackage],
  });
  const page = join(root, "dist", "playground");
  await clean({
    absWorkingDir: root,
    entryPoints: { playground: "playground/main.ts" },
    outdir: "dist/playground",
    platform: "browser",
    minify: true,
    sourcemap: false,
    external: ["chevrotain"],
    plugins: [browserRegexPlugin],
  });
  mkdirSync(page, { recursive: true });
  for (const file of ["index.html", "playground.css"]) copyFileSync(join(root, "playground", file), join(page, file));
}
