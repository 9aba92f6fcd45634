/**
 * `filterql playground`: serves the prebuilt page (dist/playground, made by the build that
 * `npm install` runs) with the data and schema, on 127.0.0.1 only. Nothing is built at run time
 * and the page asks for nothing outside this server (its Content-Security-Policy says so). A
 * request naming another host is refused: a page elsewhere whose name resolves to 127.0.0.1 (DNS
 * rebinding) would otherwise read the data as a same-origin page.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { CliError } from "./cli-error.js";

export interface PlaygroundOptions {
  readonly port: number;
  readonly records: readonly unknown[];
  readonly schema: unknown;
  /** The text the page opens on. */
  readonly query: string;
}

/** What the page opens on over the sample data. */
export const SAMPLE_QUERY = 'status = "active" and age >= 30 order by score desc';

const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/index.html": { file: "index.html", type: "text/html; charset=utf-8" },
  "/playground.js": { file: "playground.js", type: "text/javascript; charset=utf-8" },
  "/playground.css": { file: "playground.css", type: "text/css; charset=utf-8" },
};

// CodeMirror injects its styles at run time, hence 'unsafe-inline' for styles; 'unsafe-eval' lets
// the engine generate its specialised code (without it, it falls back to closures).
const POLICY = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

function asset(file: string): Buffer {
  // dist/cli.js → dist/playground/FILE
  const path = fileURLToPath(new URL(`./playground/${file}`, import.meta.url));
  try {
    return readFileSync(path);
  } catch {
    throw new CliError(`the playground page is missing (${path}); run 'npm run build' first.`);
  }
}

/** Starts the server; resolves once it listens, with its address. */
export async function startPlayground(options: PlaygroundOptions): Promise<{ server: Server; url: string }> {
  const files = new Map(Object.entries(ASSETS).map(([route, a]) => [route, { body: asset(a.file), type: a.type }]));
  files.set("/data.json", { body: Buffer.from(JSON.stringify(options.records)), type: "application/json" });
  files.set("/schema.json", { body: Buffer.from(JSON.stringify(options.schema ?? null)), type: "application/json" });
  files.set("/query.json", { body: Buffer.from(JSON.stringify(options.query)), type: "application/json" });
  const server = createServer((request, response) => {
    const route = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const found = request.method === "GET" || request.method === "HEAD" ? files.get(route) : undefined;
    const headers = { "content-security-policy": POLICY, "x-content-type-options": "nosniff", "cache-control": "no-store" };
    if (!ownHost(request.headers.host, server)) {
      response.writeHead(403, { ...headers, "content-type": "text/plain" }).end("forbidden: this server answers only to 127.0.0.1 and localhost\n");
      return;
    }
    if (found === undefined) {
      response.writeHead(404, { ...headers, "content-type": "text/plain" }).end("not found\n");
      return;
    }
    response.writeHead(200, { ...headers, "content-type": found.type, "content-length": found.body.length });
    response.end(request.method === "HEAD" ? undefined : found.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new CliError(`port ${options.port} is in use; pick another with --port N.`) : error));
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** True when the request names this server as the browser reached it: `127.0.0.1:<port>` or `localhost:<port>`. */
function ownHost(host: string | undefined, server: Server): boolean {
  const address = server.address();
  if (host === undefined || typeof address !== "object" || address === null) return false;
  const name = host.toLowerCase();
  // A browser leaves the port out of Host when it is 80.
  const port = address.port === 80 ? ["", ":80"] : [`:${address.port}`];
  return port.some((p) => name === `127.0.0.1${p}` || name === `localhost${p}`);
}
