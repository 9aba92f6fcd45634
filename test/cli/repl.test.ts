import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { displayWidth } from "../../src/diagnostics/display-width.js";
import { bin, cli, root } from "../support/cli.js";

// The REPL is driven in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen.
const tmp = mkdtempSync(join(tmpdir(), "filterql-repl-"));
const sessions: string[] = [];
let counter = 0;

// A private tmux server for this file, kept alive by one idle session from first test to last:
// otherwise killing a test's session can stop the server while the next test is starting one.
const socket = `filterql-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
}

beforeAll(() => {
  tmux("new-session", "-d", "-s", "keepalive", "sleep 600");
});

afterAll(() => {
  const path = tmux("display-message", "-p", "-t", "keepalive", "#{socket_path}").trim();
  spawnSync("tmux", ["-L", socket, "kill-server"]);
  rmSync(path, { force: true });
});

function start(args: string[] = [], history = join(tmp, `history-${counter}`), columns = 140): string {
  const name = `filterql-test-${process.pid}-${counter++}`;
  sessions.push(name);
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  tmux("new-session", "-d", "-s", name, "-x", String(columns), "-y", "50", "-c", root, `env -u NO_COLOR FILTERQL_HISTORY='${history}' TERM=xterm-256color ${command}; echo "[exited $?]"; sleep 30`);
  return name;
}

/** A REPL in a terminal, at its first prompt. */
async function session(args: string[] = [], history?: string, columns?: number): Promise<string> {
  const s = start(args, history, columns);
  await waitFor(s, "filterql>");
  return s;
}

function screen(name: string, escapes = false): string {
  return tmux("capture-pane", "-t", name, "-p", ...(escapes ? ["-e"] : []));
}

/** The screen with the terminal's wrapping undone: one line per line written. */
function joined(name: string): string {
  return tmux("capture-pane", "-t", name, "-p", "-J");
}

async function waitFor(name: string, pattern: RegExp | string, escapes = false): Promise<string> {
  const deadline = Date.now() + 10_000;
  let last = "";
  while (Date.now() < deadline) {
    last = screen(name, escapes);
    if (typeof pattern === "string" ? last.includes(pattern) : pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${String(pattern)}; the screen was:\n${last}`);
}

function send(name: string, ...keys: string[]): void {
  tmux("send-keys", "-t", name, ...keys);
}

afterEach(() => {
  for (const s of sessions.splice(0)) spawnSync("tmux", ["-L", socket, "kill-session", "-t", s]);
});

describe("the REPL in a real terminal", () => {
  test("opens on the bundled sample; a query shows results and the pagination line", async () => {
    const s = start();
    await waitFor(s, "FilterQL — 300 records from the bundled sample");
    send(s, 'status = "active" order by score desc select name, score limit 3', "Enter");
    const out = await waitFor(s, /page 1 of \d+ · \d+ matches · \.page 2 for more/);
    expect(out).toMatch(/name\s+score\n─+\s+─+\n\S.*\d+(\.\d+)?\n/);
  });

  test("Tab completes a field; a second Tab lists values", async () => {
    const s = await session();
    send(s, "depa", "Tab");
    await waitFor(s, "filterql> department");
    send(s, " = ", "Tab", "Tab");
    await waitFor(s, /"Engineering"\s+"Sales"/);
  });

  test("Tab on a line that starts with a dot completes commands, then their words or a file path", async () => {
    const s = await session();
    const tabTab = async () => {
      send(s, "Tab");
      await new Promise((r) => setTimeout(r, 200));
      send(s, "Tab");
    };
    send(s, ".d");
    await tabTab();
    const listed = await waitFor(s, /\.data\s+\.dialect/);
    expect(listed).not.toContain(".department");
    send(s, "C-u", ".");
    await tabTab();
    const all = await waitFor(s, /\.exit/);
    for (const name of [".help", ".schema", ".data", ".body", ".sql", ".mongo", ".ast", ".dialect", ".page", ".exit"]) expect(all).toContain(name);
    send(s, "C-l", "C-u", ".dia", "Tab");
    await waitFor(s, /filterql> \.dialect\s*$/m);
    send(s, " ");
    await tabTab();
    await waitFor(s, /v1\s+v2/);
    send(s, "2", "Enter");
    await waitFor(s, "dialect v2");
    send(s, ".sql c", "Tab");
    await waitFor(s, /filterql> \.sql columns\s*$/m);
    const dir = join(tmp, "completion dir");
    mkdirSync(join(dir, "nested"), { recursive: true });
    writeFileSync(join(dir, "people one.json"), JSON.stringify([{ who: "x" }]));
    send(s, "C-l", "C-u", `.data ${dir}/pe`, "Tab");
    await waitFor(s, `filterql> .data ${dir}/people one.json`);
    send(s, "Enter");
    await waitFor(s, `1 record from ${dir}/people one.json;`);
    send(s, `.data ${dir}/n`, "Tab");
    await waitFor(s, `filterql> .data ${dir}/nested/`);
    // Begun with a quote: the file's name closes it, and the quotes are not part of the path.
    send(s, "C-u", `.data "${dir}/peo`, "Tab");
    await waitFor(s, `filterql> .data "${dir}/people one.json"`);
    send(s, "Enter");
    await waitFor(s, /1 record from .*people one\.json;[^\n]*\n[\s\S]*1 record from .*people one\.json;/);
  });

  test("an error shows the caret and the hint", async () => {
    const s = await session();
    send(s, 'stauts = "active"', "Enter");
    const out = await waitFor(s, "hint: did you mean `status`?");
    expect(out).toContain('1 | stauts = "active"\n  | ^^^^^^');
  });

  test("an error with a fix shows it, and Enter on the empty line runs it: status = activ && age > 60", async () => {
    const s = await session();
    send(s, "status = activ && age > 60 select name, status, age", "Enter");
    const out = await waitFor(s, "Enter on the empty line runs the fixed query");
    expect(out).toContain('= fix: status = "active" && age > 60 select name, status, age');
    expect(out).toContain('runs the fixed query: status = "active" and age > 60 select name, status, age');
    send(s, "Enter");
    const after = await waitFor(s, /page 1 of \d+ · \d+ match/);
    const results = after.slice(after.lastIndexOf('filterql> status = "active" and age > 60'));
    expect(results).toMatch(/\bactive\b[\s\S]*page 1 of/);
    expect(results).not.toContain("inactive");
    expect(readFileSync(join(tmp, `history-${counter - 1}`), "utf8")).toContain('status = "active" and age > 60 select name, status, age\n');
  });

  test(".help says which key applies a fix", async () => {
    const s = await session();
    send(s, ".help", "Enter");
    await waitFor(s, "Enter on the empty line runs the fixed query");
  });

  test("an unclosed ( continues on the next line", async () => {
    const s = await session();
    send(s, "(age > 60", "Enter");
    await waitFor(s, "...>");
    send(s, "or age < 22) select name, age", "Enter");
    await waitFor(s, /page 1 of \d+ · \d+ match/);
  });

  test("a query pasted over several lines is one input (bracketed paste), whether or not the paste ends with a newline", async () => {
    const s = await session();
    tmux("set-buffer", "-b", "q", 'status = "active"\n  and role = "admin"\n  order by score desc limit 2');
    tmux("paste-buffer", "-p", "-b", "q", "-t", s);
    await waitFor(s, /order by score desc limit 2\s*$/);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen(s)).not.toMatch(/match|error/);
    send(s, "Enter");
    const out = await waitFor(s, /page 1 of \d+ · \d+ matches/);
    expect(out).not.toContain("error");
    expect(out.match(/page 1 of/g)).toHaveLength(1);
    const rows = out.split("\n").filter((l) => /^\d+\s/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/\sactive\s+admin\s/);
    // With a final newline it runs at once; a blank line inside is no Enter on an empty line.
    send(s, "C-l");
    tmux("set-buffer", "-b", "q", "age > 60\n\nselect name, age\nlimit 3\n");
    tmux("paste-buffer", "-p", "-b", "q", "-t", s);
    const second = await waitFor(s, /page 1 of \d+ · \d+ matches/);
    expect(second).toMatch(/^name\s+age$/m);
    expect(second.split("\n").filter((l) => /^\S.*\s6\d$/.test(l) && !l.startsWith("filterql>"))).toHaveLength(3);
    expect(readFileSync(join(tmp, `history-${counter - 1}`), "utf8")).toContain('status = "active" and role = "admin" order by score desc limit 2\n');
  });

  test("bracketed paste mode is turned off on leaving: a paste into the shell after it is plain text", async () => {
    const s = await session();
    send(s, ".exit", "Enter");
    await waitFor(s, "[exited 0]");
    tmux("set-buffer", "-b", "q", "after-exit");
    tmux("paste-buffer", "-p", "-b", "q", "-t", s);
    await waitFor(s, "after-exit");
    expect(screen(s)).not.toContain("200~");
  });

  test("a line that cannot start a query (and, or, order by, select, limit…) continues the last one", () => {
    const r = cli([], 'status = "active"\n  and role = "admin"\nAND verified = true\n  order by score desc select name, role, status, score limit 2\n');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("error");
    expect(r.stdout).toContain('continues the last query: status = "active" and role = "admin"\n');
    expect(r.stdout).toContain('continues the last query: status = "active" and role = "admin" AND verified = true\n');
    const whole = 'continues the last query: status = "active" and role = "admin" AND verified = true order by score desc select name, role, status, score limit 2\n';
    expect(r.stdout).toContain(whole);
    const last = r.stdout.slice(r.stdout.indexOf(whole) + whole.length).split("\n");
    expect(last[0]).toMatch(/^name\s+role\s+status\s+score$/);
    expect(last.slice(2, 4).every((l) => /\sadmin\s+active\s+[\d.]+$/.test(l))).toBe(true);
    expect(last[4]).toMatch(/^page 1 of \d+ · \d+ matches/);
    // With no query before it, such a line is an error as ever.
    expect(cli([], "and age > 3\n").stdout).toContain("error[syntax]");
  });

  test("Ctrl-C clears the line; Ctrl-D exits", async () => {
    const s = await session();
    send(s, "status = ");
    await waitFor(s, "filterql> status =");
    send(s, "C-c");
    await waitFor(s, /filterql>\s*\nfilterql>\s*$/m);
    send(s, "age > 64 select age");
    await waitFor(s, /^filterql> age > 64 select age\s*$/m);
    send(s, "Enter");
    await waitFor(s, /match/);
    send(s, "C-d");
    // The process has exited: the shell's `sleep` keeps the pane, and no prompt comes back.
    await waitFor(s, "[exited 0]");
    send(s, "x = 1", "Enter");
    await new Promise((r) => setTimeout(r, 500));
    expect(screen(s).match(/· \d+ match/g)).toHaveLength(1);
  });

  test(".exit leaves at once, with status 0, and nothing typed after it is read", async () => {
    const s = await session();
    send(s, ".exit", "Enter");
    await waitFor(s, "[exited 0]");
    expect(screen(s)).not.toMatch(/\.exit\s*\nfilterql>/);
  });

  test("queries piped in are not written to the history", () => {
    const history = join(tmp, "piped-history");
    const r = cli([], 'status = "active"\n.exit\n', { FILTERQL_HISTORY: history });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/· \d+ match/);
    expect(existsSync(history)).toBe(false);
  });

  test("lines piped in after .data run on the new records, in order, even when the input ends first", () => {
    const data = join(tmp, "zed.json");
    writeFileSync(data, JSON.stringify([{ name: "zed" }]));
    for (const tail of [".exit\n", ""]) {
      const r = cli([], `.data ${data}\nname = "zed"\n${tail}`);
      expect(r.status).toBe(0);
      const loaded = r.stdout.indexOf(`1 record from ${data}`);
      expect(loaded).toBeGreaterThan(0);
      expect(r.stdout.indexOf("page 1 of 1 · 1 match")).toBeGreaterThan(loaded);
      expect(r.stdout).not.toContain("0 matches");
    }
    // Two files in a row: the query waits for both, and runs on the second.
    const two = join(tmp, "two.json");
    writeFileSync(two, JSON.stringify([{ name: "zed" }, { name: "zed" }]));
    const both = cli([], `.data ${data}\n.data ${two}\nname = "zed"\n`);
    expect(both.stdout.indexOf("page 1 of 1 · 2 matches")).toBeGreaterThan(both.stdout.indexOf(`2 records from ${two}`));
    expect(both.stdout.indexOf(`2 records from ${two}`)).toBeGreaterThan(both.stdout.indexOf(`1 record from ${data}`));
    // Nothing after a queued .exit runs.
    const r = cli([], `.data ${data}\n.exit\nname = "zed"\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`1 record from ${data}`);
    expect(r.stdout).not.toContain("match");
  });

  test("history persists across sessions", async () => {
    const history = join(tmp, "shared-history");
    const first = await session([], history);
    send(first, "age > 64 select name", "Enter");
    await waitFor(first, /match/);
    send(first, "C-d");
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(history, "utf8")).toContain("age > 64 select name");
    const second = await session([], history);
    send(second, "Up");
    await waitFor(second, "filterql> age > 64 select name");
  });

  test("the input line is highlighted as you type", async () => {
    const s = await session();
    send(s, 'status = "x"');
    const raw = await waitFor(s, /\u001b\[32m"x"/, true);
    expect(raw).toMatch(/\u001b\[36mstatus/);
  });

  test(".body, .dialect, .page, .mongo and .schema", async () => {
    const s = await session();
    send(s, 'tags contains "vip"', "Enter");
    await waitFor(s, /match/);
    send(s, ".dialect v2", "Enter");
    send(s, ".body", "Enter");
    await waitFor(s, '"field": "tags"');
    send(s, ".page 2", "Enter");
    await waitFor(s, "page 2 of");
    send(s, "C-l");
    send(s, ".mongo", "Enter");
    await waitFor(s, '"$elemMatch"');
    expect(screen(s)).toContain('"skip": 10');
    send(s, "C-l");
    send(s, ".schema", "Enter");
    await waitFor(s, 'status: string ["active","inactive","pending"]');
  });

  test("a number a double cannot hold: the warning shows, and the query still runs", async () => {
    const s = await session();
    send(s, "id = 12345678901234567890 or id = 1 select id", "Enter");
    const out = await waitFor(s, "page 1 of 1 · 1 match");
    expect(out).toContain("warning[invalid-value]: the number `12345678901234567890` cannot be held exactly");
  });

  test(".body warns when the query has no `from`; with one, no warning", async () => {
    const s = await session();
    send(s, "age > 60", "Enter");
    await waitFor(s, /match/);
    send(s, ".body", "Enter");
    const out = await waitFor(s, '"operator": "gt"');
    expect(out).toContain("warning[invalid-value]: the body has no `collections`, which the API requires");
    expect(out).toContain("hint: start the query with `from <collection>`");
    send(s, "C-l");
    send(s, "from people where age > 60", "Enter");
    await waitFor(s, /match/);
    send(s, ".body", "Enter");
    const second = await waitFor(s, '"people"');
    expect(second).not.toContain("warning[invalid-value]");
  });

  test(".sql shows the statement for the current query; .sql columns uses the schema's columns", async () => {
    const s = await session();
    send(s, 'status = "active" order by score desc', "Enter");
    await waitFor(s, /match/);
    send(s, ".sql", "Enter");
    await waitFor(s, '"doc" @? $1::jsonpath');
    await waitFor(s, '$1 = "$.\\"status\\" ? (@.type() == \\"string\\" && @ == \\"active\\")"');
    send(s, "C-l");
    send(s, ".sql columns", "Enter");
    await waitFor(s, `WHERE "status" = $1::text ORDER BY ("score" < 'NaN'::double precision) DESC NULLS LAST, "score" DESC`);
  });

  test(".sql and .sql columns on a query with `from`: its table, not `records`", async () => {
    const s = await session();
    send(s, "from people where age = 30", "Enter");
    await waitFor(s, /match/);
    send(s, ".sql", "Enter");
    await waitFor(s, 'SELECT "doc" AS "doc" FROM "people" WHERE');
    send(s, ".sql columns", "Enter");
    const out = await waitFor(s, 'SELECT * FROM "people" WHERE "age" = $1::bigint');
    expect(out).not.toContain("names another table");
  });

  test(".page after a failed query pages the last query that ran, and says so", async () => {
    const s = await session();
    send(s, "age > 60 order by id", "Enter");
    await waitFor(s, /page 1 of \d+ · \d+ matches/);
    send(s, "C-l");
    send(s, "age > > 3", "Enter");
    await waitFor(s, "error[syntax]");
    send(s, ".page 2", "Enter");
    const out = await waitFor(s, /page 2 of \d+ · \d+ matches/);
    expect(out).toContain("The last query failed; this is the one that ran before it: age > 60 order by id");
    expect(out).not.toContain("No query yet");
    send(s, "C-l");
    send(s, "age > 64", "Enter");
    await waitFor(s, /page 1 of \d+ · \d+ match/);
    send(s, ".page 1", "Enter");
    await new Promise((r) => setTimeout(r, 300));
    expect(screen(s)).not.toContain("The last query failed");
  });

  test(".data with a quoted path that has a space", async () => {
    const data = join(tmp, "my towns.json");
    writeFileSync(data, JSON.stringify([{ town: "Oslo" }]));
    const s = await session();
    send(s, `.data "${data}"`, "Enter");
    await waitFor(s, `1 record from ${data};`);
    send(s, `.data '${data}'`, "Enter");
    await waitFor(s, /1 record from .*\n.*\n?1 record from /);
    send(s, 'town = "Oslo"', "Enter");
    await waitFor(s, "page 1 of 1 · 1 match");
  });

  test(".data reads a UTF-16 file (as run does)", async () => {
    const data = join(tmp, "utf16.json");
    writeFileSync(data, Buffer.from("\uFEFF" + JSON.stringify([{ town: "Zoë" }, { town: "Oslo" }]), "utf16le"));
    const s = await session();
    send(s, `.data ${data}`, "Enter");
    await waitFor(s, `2 records from ${data};`);
    send(s, 'town = "Zoë"', "Enter");
    await waitFor(s, "page 1 of 1 · 1 match");
  });

  test(".help, .ast and .data FILE", async () => {
    const data = join(tmp, "cities.ndjson");
    writeFileSync(data, ['{"city":"Lagos","pop":15}', '{"city":"Lima","pop":10}', '{"city":"Oslo","pop":1}'].join("\n"));
    const s = await session();
    send(s, ".help", "Enter");
    await waitFor(s, ".data FILE       load records");
    send(s, "age > 30", "Enter");
    await waitFor(s, /match/);
    send(s, ".ast", "Enter");
    await waitFor(s, '"kind": "Compare"');
    send(s, "C-l");
    send(s, `.data ${data}`, "Enter");
    await waitFor(s, `3 records from ${data}`);
    send(s, "pop >= 10 order by pop desc", "Enter");
    const out = await waitFor(s, "page 1 of 1 · 2 matches");
    expect(out).toMatch(/Lagos\s+15\n.*Lima\s+10/);
  });

  test(".data FILE reports before the next prompt; ~ is the home directory; one record is one record", async () => {
    const data = join(tmp, "one.ndjson");
    writeFileSync(data, '{"city":"Oslo","pop":1}\n');
    const s = await session();
    send(s, `.data ${data}`, "Enter");
    const out = await waitFor(s, new RegExp(`1 record from ${data.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}; schema inferred .*\nfilterql>\\s*$`, "m"));
    expect(out).not.toMatch(/filterql> 1 record/);
    send(s, ".data ~/no-such-file-here.json", "Enter");
    await waitFor(s, `cannot read '${homedir()}/no-such-file-here.json': no such file.`);
  });

  test("help, exit or quit typed as a query: a pointer to the dot commands", async () => {
    const s = await session();
    send(s, "help", "Enter");
    await waitFor(s, "Commands start with a dot: .help lists them, .exit leaves (or Ctrl-D).");
    send(s, "C-l");
    send(s, "quit", "Enter");
    await waitFor(s, "Commands start with a dot");
  });

  test("in an 80-column terminal the banner and the example query's table fit", async () => {
    const s = start([], undefined, 80);
    const banner = await waitFor(s, "filterql>");
    const example = /Try: (.*)/.exec(banner)?.[1]?.trim();
    expect(example).toBeDefined();
    send(s, example ?? "", "Enter");
    await waitFor(s, /page 1 of/);
    const lines = joined(s).split("\n");
    expect(lines.filter((l) => l.includes("─")).length).toBeGreaterThan(0);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  test("control characters inside data are escaped before printing", async () => {
    const data = join(tmp, "evil.json");
    writeFileSync(data, JSON.stringify([{ name: "\u001b[2J\u001b[31mred\u0007", n: 1 }]));
    const s = start(["repl", "--data", data]);
    await waitFor(s, "1 record from");
    send(s, "n = 1", "Enter");
    const out = await waitFor(s, /match/);
    expect(out).toContain("␛[2J␛[31mred␇");
    expect(out).toContain("FilterQL — 1 record from"); // the screen was not cleared by the data
  });

  test("wide characters, emoji and combining accents keep the columns aligned", async () => {
    const data = join(tmp, "wide.json");
    const rows = [
      { name: "山田太郎", city: "東京", n: 1 },
      { name: "Jose\u0301", city: "Lima", n: 2 },
      { name: "👩‍💻 dev", city: "🇯🇵", n: 3 },
      { name: "ｆｕｌｌ", city: "Zoë", n: 4 },
      { name: "ascii", city: "❤️", n: 5 },
    ];
    writeFileSync(data, JSON.stringify(rows));
    const s = start(["repl", "--data", data]);
    await waitFor(s, "5 records from");
    send(s, "n > 0", "Enter");
    const out = await waitFor(s, "5 matches");
    // Widths by hand: 山田太郎 8, Jose + U+0301 4, 👩‍💻 2, 🇯🇵 2, ｆｕｌｌ 8, ❤️ 2.
    for (const line of ["name      city  n", "山田太郎  東京  1", "Jose\u0301      Lima  2", "👩‍💻 dev    🇯🇵    3", "ｆｕｌｌ  Zoë   4", "ascii     ❤️    5"]) {
      expect(out.split("\n")).toContain(line);
    }
  });

  test("without select, an ordered table shows its order by key", async () => {
    const s = await session();
    send(s, "age > 60 order by score desc limit 4", "Enter");
    const out = await waitFor(s, /page 1 of \d+ · \d+ matches/);
    const lines = out.split("\n");
    const header = lines.findIndex((l) => /^id\s+name\b/.test(l));
    expect(lines[header]).toMatch(/\bscore$/);
    const scores = lines.slice(header + 2, header + 6).map((l) => Number(l.trim().split(/\s+/).at(-1)));
    expect(scores.every((x) => Number.isFinite(x))).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test("the Try line names a field and a value of the loaded data", async () => {
    const data = join(tmp, "towns.ndjson");
    writeFileSync(data, ['{"town":"Lagos","pop":15}', '{"town":"Lima","pop":10}'].join("\n"));
    const s = start(["repl", "--data", data]);
    const banner = await waitFor(s, "filterql>");
    expect(banner).toContain('Try: town = "Lagos" order by pop desc');
    expect(banner).not.toContain("status");
    send(s, 'town = "Lagos" order by pop desc', "Enter");
    await waitFor(s, "page 1 of 1 · 1 match");
  });

  test('an inferred enum completes values but never refuses one: profile.city in ["London", "Paris"]', async () => {
    const data = join(tmp, "cities.json");
    writeFileSync(data, JSON.stringify([1, 2, 3, 4].map((id) => ({ id, profile: { city: id % 2 === 0 ? "Berlin" : "Paris" } }))));
    const s = start(["repl", "--data", data]);
    await waitFor(s, "4 records from");
    send(s, 'profile.city in ["London", "Paris"]', "Enter");
    const out = await waitFor(s, "page 1 of 1 · 2 matches");
    expect(out).toContain('warning[invalid-value]: no record has "London" in `profile.city`');
    expect(out).toContain('hint: the records hold "Berlin", "Paris"');
    expect(out).not.toContain("error[");
    send(s, "C-l");
    send(s, "profile.city = ", "Tab", "Tab");
    await waitFor(s, /"Berlin"\s+"Paris"/);
    send(s, "C-u", ".schema", "Enter");
    await waitFor(s, 'profile.city: string (the records hold ["Berlin","Paris"])');
    // .data infers the same way.
    send(s, `.data ${data}`, "Enter");
    await waitFor(s, `4 records from ${data};`);
    send(s, 'profile.city = "Rome"', "Enter");
    await waitFor(s, "page 1 of 1 · 0 matches");
    expect(screen(s)).toContain('no record has "Rome" in `profile.city`');
  });

  test("--data infers a schema when --schema is not given", async () => {
    const data = join(tmp, "people.ndjson");
    writeFileSync(data, ['{"who":"a","age":3}', '{"who":"b","age":5}'].join("\n"));
    const s = start(["repl", "--data", data]);
    await waitFor(s, "schema inferred from the data");
    send(s, "ag", "Tab");
    await waitFor(s, "filterql> age");
  });
});

describe("commands that read standard input, in a terminal", () => {
  test("decompile says it is reading the body, and Ctrl-D ends it", async () => {
    const s = start(["decompile"]);
    await waitFor(s, "filterql: reading the body from the terminal; end it with Ctrl-D (or pipe a file in).");
    send(s, '{"filters":{"AND":[{"key":"a","value":1}]}}', "Enter");
    send(s, "C-d");
    const out = await waitFor(s, "[exited 0]");
    expect(out).toMatch(/^a = 1$/m);
  });

  test("run --data - says it is reading records", async () => {
    const s = start(["run", "a = 1", "--data", "-"]);
    await waitFor(s, "filterql: reading records from the terminal; end it with Ctrl-D (or pipe a file in).");
    send(s, '{"a":1}', "Enter");
    send(s, "C-d");
    const out = await waitFor(s, "[exited 0]");
    expect(out).toContain('"total": 1');
  });
});
