import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import type { Schema } from "../../src/check/schema.js";
import { cli } from "../support/cli.js";
import { startPlayground } from "../support/playground.js";

/** A GET with the Host header a browser would send after a DNS lookup of `host`. */
function getWithHost(url: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { headers: { host } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("filterql playground", () => {
  test.each([
    [["--port", "abc"], "filterql: --port takes a port number from 0 to 65535 (0 picks a free one), not 'abc'."],
    [["--port", "99999"], "filterql: --port takes a port number from 0 to 65535 (0 picks a free one), not '99999'."],
    [["extra"], "unexpected argument 'extra'"],
    [["--data", "no-such-file.json"], "no-such-file.json"],
    [["--nope"], "unknown option"],
  ])("%j: a clear error, exit 1", (args, message) => {
    const r = cli(["playground", ...args]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  test("a schema file that is not a schema: a clear error naming it, exit 1, no server", () => {
    const dir = mkdtempSync(join(tmpdir(), "fql-playground-"));
    const bad = join(dir, "bad-schema.json");
    writeFileSync(bad, JSON.stringify({ age: "nope" }));
    const r = cli(["playground", "--schema", bad, "--port", "0"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`schema '${bad}' is invalid`);
    expect(r.stdout).toBe("");
  });

  test("--help", () => {
    const r = cli(["playground", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--port N");
  });

  test("--data without --schema: the inferred schema it serves has no enums, so a value the records lack is no error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "filterql-playground-"));
    const data = join(dir, "data.ndjson");
    writeFileSync(data, [1, 2, 3, 4].map((n) => JSON.stringify({ profile: { city: n % 2 === 0 ? "Berlin" : "Paris" }, n })).join("\n"));
    const server = await startPlayground(["--data", data]);
    try {
      const schema = (await (await fetch(new URL("schema.json", server.url))).json()) as Schema;
      expect(schema).toEqual({ n: "integer", profile: "object", "profile.city": "string" });
      const checked = compile('profile.city in ["London", "Paris"]', { schema });
      expect(checked.diagnostics).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test("--data without --schema: serves the page, the records and a schema inferred from them, on 127.0.0.1 only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "filterql-playground-"));
    const data = join(dir, "data.ndjson");
    writeFileSync(data, '{"city":"Berlin","n":1}\n{"city":"Paris","n":2}\n');
    const server = await startPlayground(["--data", data]);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(server.url);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await page.text()).toContain('data-testid="query"');
      expect(await (await fetch(new URL("data.json", server.url))).json()).toEqual([{ city: "Berlin", n: 1 }, { city: "Paris", n: 2 }]);
      expect(await (await fetch(new URL("schema.json", server.url))).json()).toMatchObject({ city: "string" });
      const script = await fetch(new URL("playground.js", server.url));
      expect(script.headers.get("content-type")).toContain("text/javascript");
      expect((await script.text()).length).toBeGreaterThan(100_000);
      expect((await fetch(new URL("../../etc/passwd", server.url))).status).toBe(404);
      expect((await fetch(new URL("nope", server.url))).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  test("a request naming another host gets 403 (DNS rebinding): only 127.0.0.1:<port> and localhost:<port> are served", async () => {
    const server = await startPlayground();
    try {
      const port = new URL(server.url).port;
      for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`, "127.0.0.1"]) {
        for (const path of ["data.json", "schema.json", "/"]) {
          const r = await getWithHost(server.url, path, host);
          expect(r.status, `${host} ${path}`).toBe(403);
          expect(r.body).not.toContain("Radia");
        }
      }
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
        const r = await getWithHost(server.url, "data.json", host);
        expect(r.status, host).toBe(200);
        expect(r.body).toContain("Radia");
      }
    } finally {
      await server.stop();
    }
  });
});
