import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { bin, cli, root } from "../support/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "filterql-cli-"));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const records = [{ id: 1, s: "a", n: 5 }, { id: 2, s: "b", n: 7 }, { id: 3, s: "a", n: 1 }];
const jsonData = file("data.json", JSON.stringify(records));
const ndjsonData = file("data.ndjson", records.map((r) => JSON.stringify(r)).join("\n") + "\n");

describe("filterql compile", () => {
  test("prints the body", () => {
    const r = cli(["compile", 'status = "active" or role = "admin" and not department = "HR" order by score desc']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      filters: { OR: [{ key: "status", operator: "eq", value: "active" }, { AND: [{ key: "role", operator: "eq", value: "admin" }], NOR: [{ key: "department", operator: "eq", value: "HR" }] }] },
      sort: { field: "score", direction: "desc" },
    });
  });
  test("--dialect v2 --collections a,b --now", () => {
    const r = cli(["compile", 'x contains "y" and t > now - 1d', "--dialect", "v2", "--collections", "a,b", "--now", "2024-05-08T00:00:00Z"]);
    expect(JSON.parse(r.stdout)).toEqual({ collections: ["a", "b"], filters: { AND: [{ field: "x", operator: "contains", value: "y" }, { field: "t", operator: "gt", value: "2024-05-07T00:00:00.000Z" }] } });
  });
  test("no `from` and no --collections: the body still comes out, with a warning on stderr", () => {
    const r = cli(["compile", "a = 1"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ filters: { AND: [{ key: "a", operator: "eq", value: 1 }] } });
    expect(r.stderr).toContain("warning[invalid-value]: the body has no `collections`, which the API requires");
    expect(r.stderr).toContain("hint: start the query with `from <collection>`, or pass --collections a,b");
  });
  test.each([[["from c a = 1"]], [["a = 1", "--collections", "c"]]])("%j: collections given, no warning", (args) => {
    const r = cli(["compile", ...args]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ collections: ["c"] });
    expect(r.stderr).toBe("");
  });
  test.each(["compile", "check"])("%s: a number a double cannot hold is a warning on stderr, exit 0", (command) => {
    const r = cli([command, "from people where id = 12345678901234567890"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[invalid-value]: the number `12345678901234567890` cannot be held exactly; it would be read as 12345678901234567000");
    expect(r.stderr).toContain('hint: quote it if the field holds strings ("12345678901234567890")');
  });
  test("a syntax error: formatted diagnostics on stderr, exit 1", () => {
    const r = cli(["compile", "a = "]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[syntax]: expected a value");
    expect(r.stderr).toContain("1 | a = \n  |     ^");
  });
  test("an operator the dialect lacks", () => {
    const r = cli(["compile", 'a contains "x"']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[unsupported-by-dialect]: operator `contains` is not in dialect v1");
  });
  test("schema errors", () => {
    const r = cli(["compile", "nmae = 1", "--schema", "sample/schema.json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[unknown-field]: unknown field `nmae`");
    expect(r.stderr).toContain("hint: did you mean `name`?");
  });
});

describe("filterql compile --to mongo", () => {
  test("prints the find arguments, dates as Extended JSON, --page/--page-size as skip/limit", () => {
    const r = cli(["compile", 'status = "active" and created > now - 1d order by score desc select name', "--to", "mongo", "--schema", "sample/schema.json", "--now", "2024-05-08T00:00:00Z", "--page", "3", "--page-size", "4"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      filter: { $and: [{ status: { $eq: "active" } }, { created: { $gt: { $date: "2024-05-07T00:00:00.000Z" } } }] },
      sort: { score: -1, _id: 1 },
      projection: { name: 1, _id: 0 },
      skip: 8,
      limit: 4,
    });
  });
  test("what MongoDB cannot express exactly: formatted diagnostics, exit 1", () => {
    const r = cli(["compile", 'body ~ "quick fox"', "--to", "mongo"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[unsupported-by-dialect]: operator `text` (`~`) has no exact MongoDB form");
    expect(r.stderr).toContain("1 | body ~ \"quick fox\"\n  | ^^^^^^^^^^^^^^^^^^");
  });
  test("an unknown target", () => {
    const r = cli(["compile", "a = 1", "--to", "oracle"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--to takes mixpeek, sql or mongo");
  });
});

/** 160,000 records of about 240 bytes (over 36 MB): more than an 18 MB heap could hold. */
function bigNdjson(name: string): string {
  const big = join(tmp, name);
  const fd = openSync(big, "w");
  const pad = "x".repeat(200);
  for (let chunk = 0; chunk < 40; chunk++) {
    let text = "";
    for (let i = chunk * 4000; i < (chunk + 1) * 4000; i++) text += `${JSON.stringify({ id: i, status: i % 4 === 0 ? "active" : "idle", score: i % 1000, pad })}\n`;
    writeSync(fd, text);
  }
  closeSync(fd);
  expect(statSync(big).size).toBeGreaterThan(36 * 1024 * 1024);
  return big;
}

describe("filterql run --format ndjson", () => {
  const lines = (stdout: string) => stdout.split("\n").filter((l) => l !== "");
  test("every match on its own line; without select, each is its input line unchanged", () => {
    const input = file("spaced.ndjson", '{"id": 1, "s": "a"}\r\n\n{"id":2,"s":"b"}\n  {"id":3,  "s":"a"}  \n{"id":4,"s":"a"}');
    const r = cli(["run", 's = "a"', "--data", input, "--format", "ndjson"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(lines(r.stdout)).toEqual(['{"id": 1, "s": "a"}', '{"id":3,  "s":"a"}', '{"id":4,"s":"a"}']);
  });
  test.each([["JSON array", jsonData], ["NDJSON", ndjsonData], ["standard input", "-"]])("%s: sorted and projected, the same records as one big json page", (_, data) => {
    const stdin = records.map((x) => JSON.stringify(x)).join("\n");
    for (const query of ["n > 0 order by s desc, n select id, n", "n > 1 select id", 's = "a"', "n > 100"]) {
      const r = cli(["run", query, "--data", data, "--format", "ndjson"], stdin);
      expect(r.status).toBe(0);
      const page = JSON.parse(cli(["run", query, "--data", data, "--page-size", "1000"], stdin).stdout);
      expect(lines(r.stdout).map((l) => JSON.parse(l))).toEqual(page.results);
    }
  });
  test("memory stays flat without order by: every match of a file larger than the heap", () => {
    const big = bigNdjson("big-stream.ndjson");
    const r = spawnSync(process.execPath, ["--max-old-space-size=18", bin, "run", 'status = "active" select id', "--data", big, "--format", "ndjson"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const raw = spawnSync(process.execPath, ["--max-old-space-size=18", bin, "run", "score = 7", "--data", big, "--format", "ndjson"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    rmSync(big);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const ids = lines(r.stdout).map((l) => JSON.parse(l).id);
    expect(ids).toHaveLength(40_000);
    expect(ids.slice(0, 3)).toEqual([0, 4, 8]);
    expect(ids.at(-1)).toBe(159_996);
    expect(raw.status).toBe(0);
    expect(lines(raw.stdout).map((l) => JSON.parse(l).id)).toEqual(Array.from({ length: 160 }, (_, i) => 7 + i * 1000));
  });
  test.each(["", " order by id desc"])("a reader that stops early (`| head`) ends the run quietly, with status 0%s", (order) => {
    // Far more output than a pipe holds, so the writes go on after head has left.
    const many = file("many.ndjson", Array.from({ length: 50_000 }, (_, i) => `{"id":${i},"s":"${"ab"[i % 2]}"}`).join("\n"));
    const r = spawnSync("bash", ["-c", `set -o pipefail; "$0" "$1" run "$2" --data "$3" --format ndjson | head -n 2`, process.execPath, bin, `id >= 0${order}`, many], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l).id)).toEqual(order === "" ? [0, 1] : [49_999, 49_998]);
  });
  test.each([
    ["a bad format", ["--format", "csv"], "--format takes json or ndjson, not 'csv'"],
    ["paging flags", ["--format", "ndjson", "--page", "2"], "--format ndjson writes every match"],
  ])("%s is refused", (_, flags, message) => {
    const r = cli(["run", "n > 0", "--data", jsonData, ...flags]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
});

describe("filterql run", () => {
  test.each([["JSON array", jsonData], ["NDJSON", ndjsonData]])("%s: filter, sort, page", (_, data) => {
    const r = cli(["run", 's = "a" order by n', "--data", data]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ results: [records[2], records[0]], pagination: { total: 2, page_size: 10, total_pages: 1, current_page: 1, next_page: null, previous_page: null } });
  });
  test("streams without order by; --page and --page-size; select", () => {
    const r = cli(["run", "n > 0 select id", "--data", ndjsonData, "--page", "2", "--page-size", "2"]);
    expect(JSON.parse(r.stdout)).toEqual({ results: [{ id: 3 }], pagination: { total: 3, page_size: 2, total_pages: 2, current_page: 2, next_page: null, previous_page: "1" } });
  });
  test("streams an NDJSON file larger than the V8 heap it runs in", () => {
    const big = bigNdjson("big.ndjson");
    const run = (query: string) => spawnSync(process.execPath, ["--max-old-space-size=18", bin, "run", query, "--data", big, "--page-size", "3"], { cwd: root, encoding: "utf8" });
    const plain = run('status = "active" and score > 990 select id');
    // With order by, only the matches are kept in memory.
    const sorted = run('status = "active" and score > 990 order by id desc select id');
    rmSync(big);
    expect(plain.stderr).toBe("");
    expect(plain.status).toBe(0);
    expect(JSON.parse(plain.stdout)).toEqual({ results: [{ id: 992 }, { id: 996 }, { id: 1992 }], pagination: { total: 320, page_size: 3, total_pages: 107, current_page: 1, next_page: "2", previous_page: null } });
    expect(sorted.status).toBe(0);
    expect(JSON.parse(sorted.stdout).results).toEqual([{ id: 159996 }, { id: 159992 }, { id: 158996 }]);
  });

  test("reads standard input with --data -", () => {
    const r = cli(["run", 's = "b"', "--data", "-"], records.map((x) => JSON.stringify(x)).join("\n"));
    expect(JSON.parse(r.stdout).results).toEqual([records[1]]);
  });
  test("a UTF-16 file with its byte order mark reads as its text, little- or big-endian, from a file or stdin; a schema file too", () => {
    const text = "\uFEFF" + [{ id: 1, s: "é😀" }, { id: 2, s: "b" }].map((x) => JSON.stringify(x)).join("\r\n") + "\r\n";
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    const array = Buffer.from("\uFEFF" + JSON.stringify(records), "utf16le");
    for (const bytes of [le, be]) {
      const path = join(tmp, "utf16.ndjson");
      writeFileSync(path, bytes);
      expect(cli(["run", "id > 0 select s", "--data", path, "--format", "ndjson"]).stdout).toBe('{"s":"é😀"}\n{"s":"b"}\n');
      const piped = spawnSync(process.execPath, [bin, "run", "id = 1 select s", "--data", "-", "--format", "ndjson"], { cwd: root, input: bytes, encoding: "utf8" });
      expect(piped.stdout).toBe('{"s":"é😀"}\n');
    }
    writeFileSync(join(tmp, "utf16.json"), array);
    expect(JSON.parse(cli(["run", 's = "a"', "--data", join(tmp, "utf16.json")]).stdout).pagination.total).toBe(2);
    writeFileSync(join(tmp, "utf32.json"), Buffer.from([0xff, 0xfe, 0, 0, 0x5b, 0, 0, 0, 0x5d, 0, 0, 0]));
    // A schema file is read the same way.
    writeFileSync(join(tmp, "utf16-schema.json"), Buffer.from("\uFEFF" + JSON.stringify({ s: { type: "string", enum: ["a", "b"] } }), "utf16le"));
    const checked = cli(["check", 's = "c"', "--schema", join(tmp, "utf16-schema.json")]);
    expect(checked.stderr).toContain('"c" is not one of the values of `s`');
    writeFileSync(join(tmp, "bom-schema.json"), "\uFEFF" + JSON.stringify({ s: "string" }));
    expect(cli(["check", "s = 1", "--schema", join(tmp, "bom-schema.json")]).stderr).toContain("type-mismatch");
    const refused = cli(["run", "a = 1", "--data", join(tmp, "utf32.json")]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`filterql: ${join(tmp, "utf32.json")} is UTF-32 text; save it as UTF-8 (or UTF-16).\n`);
  });
  test("the bundled sample with its schema", () => {
    const r = cli(["run", 'status = "active" and verified = true order by score desc select name, score limit 3', "--data", "sample/data.json", "--schema", "sample/schema.json"]);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(3);
    expect(out.results[0].score).toBeGreaterThanOrEqual(out.results[1].score);
  });
  test.each<[string, string[], string]>([
    ["missing file", ["run", "a = 1", "--data", join(tmp, "nope.json")], "filterql: cannot read"],
    ["missing --data", ["run", "a = 1"], "filterql: missing --data F"],
    ["bad NDJSON line", ["run", "a = 1", "--data", file("bad.ndjson", '{"a":1}\n{"a":\n')], "line 2 is not valid JSON"],
    ["a pretty-printed object", ["run", "a = 1", "--data", file("pretty.json", '{\n  "a": 1\n}\n')], "A JSON object written over several lines is not NDJSON: give a JSON array of records"],
    ["bad JSON array", ["run", "a = 1", "--data", file("bad.json", "[1, 2")], "is not valid JSON"],
    ["not an array", ["run", "a = 1", "--data", file("obj.json", "[1]\n]")], "is not valid JSON"],
    ["bad page", ["run", "a = 1", "--data", jsonData, "--page", "0"], "--page takes a whole number of 1 or more, not '0'"],
    ["bad flag", ["run", "a = 1", "--dta", jsonData], "filterql: unknown option '--dta'. See 'filterql run --help'.\n"],
    ["a flag without its value", ["run", "a = 1", "--data"], "filterql: --data needs a value. See 'filterql run --help'.\n"],
    ["a query that starts with -", ["check", "-status:active"], "filterql: unknown option '-s'; a query that starts with '-' goes after '--': filterql check -- '-status:active'. See 'filterql check --help'.\n"],
    ["a value that looks like a flag", ["run", "a = 1", "--data", jsonData, "--page-size", "-1"], "filterql: --page-size needs a value, and '-1' looks like an option: write --page-size=-1 if it is the value. See 'filterql run --help'.\n"],
    ["a negative value written with =", ["run", "a = 1", "--data", jsonData, "--page-size=-1"], "--page-size takes a whole number of 1 or more, not '-1'"],
    ["unknown command", ["frobnicate"], "unknown command 'frobnicate'"],
    ["unquoted query", ["run", "a", "=", "1", "--data", jsonData], "Quote the query as one argument"],
    ["bad schema file", ["check", "a = 1", "--schema", file("schema.json", '{"a": "strnig"}')], "unknown type `strnig` for `a`"],
    ["schema file not an object", ["check", "a = 1", "--schema", file("list-schema.json", '["a"]')], "a schema is a JSON object from dot path to type"],
    ["bad dialect", ["compile", "a = 1", "--dialect", "v3"], "--dialect takes v1 or v2, not 'v3'"],
    ["a SQL flag for the Mixpeek body", ["compile", "from c where a = 1", "--page", "3"], "filterql: --page is for --to sql and --to mongo, not --to mixpeek.\n"],
    ["--table for MongoDB", ["compile", "a = 1", "--to", "mongo", "--table", "x"], "filterql: --table is for --to sql, not --to mongo.\n"],
    ["--dialect for MongoDB", ["compile", "a = 1", "--to", "mongo", "--dialect", "v2"], "filterql: --dialect is for --to mixpeek, not --to mongo.\n"],
    ["--collections for SQL", ["compile", "a = 1", "--to", "sql", "--document", "doc", "--table", "t", "--collections", "a"], "filterql: --collections is for --to mixpeek, not --to sql.\n"],
  ])("%s: one clear paragraph on stderr, exit 1, no stack trace", (_, args, message) => {
    const r = cli(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // One paragraph: no second line, no doubled full stop.
    if (message.endsWith("\n")) expect(r.stderr).toBe(message);
    expect(r.stderr).not.toContain("..");
  });
});

describe("filterql run without a schema: fields no record holds", () => {
  test.each(["json", "ndjson"])("a warning per such field, with the closest field the records hold (--format %s); the results are unchanged", (format) => {
    const query = 'stauts = "a" or profile.ctiy = "x" or nothing = 1 or id > 0 order by scroe';
    const r = cli(["run", query, "--data", "sample/data.json", "--format", format]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[unknown-field]: no record has a field `stauts`\n --> 1:1");
    expect(r.stderr).toContain("= hint: did you mean `status`?");
    expect(r.stderr).toContain("= hint: did you mean `profile.city`?");
    expect(r.stderr).toContain("= hint: did you mean `score`?");
    expect(r.stderr).toContain("no record has a field `nothing`");
    expect(r.stderr).not.toMatch(/field `id`/);
    expect(r.stderr.match(/^warning/gm)).toHaveLength(4);
    const text = format === "json" ? JSON.parse(r.stdout).results : r.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
    expect(text.length).toBeGreaterThan(0);
  });
  test("a file that wraps its records in one object is named as such", () => {
    const wrapped = file("wrapped.json", JSON.stringify({ records: [{ status: "a" }, { status: "b" }, { status: "a" }] }));
    const r = cli(["run", 'status = "a"', "--data", wrapped]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).pagination.total).toBe(0);
    expect(r.stderr).toContain("= hint: the data is one record holding a list of 3 in `records`: to query those, give them as the records (`jq -c '.records[]'` makes NDJSON of them)");
  });
  test("no warning when every field occurs in some record (however late), with a schema, or for no records", () => {
    const late = file("late.ndjson", [...Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i })), '{"id":3000,"rare":{"deep":[{"x":1}]}}'].join("\n"));
    expect(cli(["run", "rare.deep.x = 1 select id", "--data", late])).toMatchObject({ status: 0, stderr: "" });
    expect(cli(["run", 'stauts = "a"', "--data", "sample/data.json", "--schema", "sample/schema.json"]).stderr).not.toContain("no record has");
    expect(cli(["run", 'stauts = "a"', "--data", file("empty.ndjson", "")])).toMatchObject({ status: 0, stderr: "" });
  });
});

describe("filterql check, decompile, help", () => {
  test("check --fix: a fix revealed by a fix is applied too (a second --fix changes nothing); --dialect counts; SQL lists read the enum", () => {
    expect(cli(["check", 'status in ("activ")', "--schema", "sample/schema.json", "--fix"])).toEqual({ status: 0, stdout: 'status in ["active"]\n', stderr: "" });
    expect(cli(["check", "role in (admin, editr)", "--schema", "sample/schema.json", "--fix"])).toEqual({ status: 0, stdout: 'role in ["admin", "editor"]\n', stderr: "" });
    const v1 = cli(["check", 'tags not contains "a"', "--dialect", "v1", "--fix"]);
    expect(v1.status).toBe(1);
    expect(v1.stderr).toContain("error[unsupported-by-dialect]");
  });
  test("check --dialect also checks that the Mixpeek body can be written in that dialect", () => {
    expect(cli(["check", 'name contains "ada"'])).toMatchObject({ status: 0, stdout: 'ok: name contains "ada"\n' });
    expect(cli(["check", 'name contains "ada"', "--dialect", "v2"])).toMatchObject({ status: 0, stdout: 'ok: name contains "ada"\n' });
    const v1 = cli(["check", 'name contains "ada"', "--dialect", "v1"]);
    expect(v1.status).toBe(1);
    expect(v1.stderr).toContain("error[unsupported-by-dialect]: operator `contains` is not in dialect v1");
    expect(v1.stderr).toContain("`--dialect v2`");
  });
  test("check: ok on a clean query, diagnostics and exit 1 otherwise", () => {
    expect(cli(["check", 'status = "active"', "--schema", "sample/schema.json"])).toMatchObject({ status: 0, stdout: 'ok: status = "active"\n' });
    const bad = cli(["check", 'status = "gone" and age > true', "--schema", "sample/schema.json"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error[invalid-value]: "gone" is not one of the values of `status`');
    expect(bad.stderr).toContain("error[type-mismatch]");
  });
  test("check: a habit's fix is printed under the frame: status IN ('active', 'pending')", () => {
    const r = cli(["check", "status IN ('active', 'pending')", "--schema", "sample/schema.json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      [
        "error[syntax]: a list is written in square brackets: `[…]`, not `(…)`",
        " --> 1:11",
        "  |",
        "1 | status IN ('active', 'pending')",
        "  |           ^^^^^^^^^^^^^^^^^^^^^",
        '  = hint: write `in ["active", "pending"]`',
        '  = fix: status in ["active", "pending"]',
        "",
      ].join("\n"),
    );
  });
  test("check --fix: the fixed text on stdout, exit 0 when it then checks clean: status = activ && name LIKE 'Jo%'", () => {
    expect(cli(["check", "status = activ && name LIKE 'Jo%'", "--schema", "sample/schema.json", "--fix"])).toEqual({ status: 0, stdout: 'status = "active" and name starts with "Jo"\n', stderr: "" });
    // A habit without a sure fix leaves the text as it is; stderr says what is still wrong, and the status that it fails.
    const unfixed = cli(["check", "age > 1 offset 20", "--fix"]);
    expect(unfixed).toMatchObject({ status: 1, stdout: "age > 1 offset 20\n" });
    expect(unfixed.stderr).toContain("error[syntax]: FilterQL has no `offset`");
    // Fixed, but the schema still rejects it: the diagnostics are the fixed text's.
    const rejected = cli(["check", 'status === "archived"', "--schema", "sample/schema.json", "--fix"]);
    expect(rejected).toMatchObject({ status: 1, stdout: 'status = "archived"\n' });
    expect(rejected.stderr).toContain('error[invalid-value]: "archived" is not one of the values of `status`');
    expect(rejected.stderr).toContain('1 | status = "archived"');
    expect(rejected.stderr).not.toContain("===");
    // A bare word whose quoting the schema would reject gets no fix: the text stays, and still fails.
    expect(cli(["check", "status:archived", "--schema", "sample/schema.json", "--fix"])).toMatchObject({ status: 1, stdout: "status:archived\n" });
    expect(cli(["check", "status:activ", "--schema", "sample/schema.json", "--fix"])).toEqual({ status: 0, stdout: 'status = "active"\n', stderr: "" });
    // The checker's own fix: a quoted near miss of an enum value.
    expect(cli(["check", 'status = "activ"', "--schema", "sample/schema.json", "--fix"])).toEqual({ status: 0, stdout: 'status = "active"\n', stderr: "" });
  });
  test("decompile: body on stdin → text", () => {
    const body = { filters: { AND: [{ key: "a", operator: "gt", value: 1 }], NOR: [{ key: "b", value: "x" }] }, sort: { field: "a", direction: "desc" } };
    expect(cli(["decompile"], JSON.stringify(body))).toMatchObject({ status: 0, stdout: 'a > 1 and not b = "x" order by a desc\n' });
    expect(cli(["decompile", "--dialect", "v2"], JSON.stringify({ filters: { NOT: [{ field: "a", operator: "contains", value: "x" }] } })).stdout).toBe('not a contains "x"\n');
  });
  test("decompile: errors carry the JSON pointer", () => {
    const r = cli(["decompile"], JSON.stringify({ filters: { AND: [{ key: "a", operator: "bogus", value: 1 }] } }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[invalid-value]: unknown operator `bogus`");
    expect(r.stderr).toContain("--> /filters/AND/0/operator");
    expect(cli(["decompile"], "{nope").stderr).toContain("standard input is not valid JSON");
  });
  test.each(["compile", "run", "check", "decompile", "repl"])("%s --help", (command) => {
    const r = cli([command, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: filterql ${command}`));
  });
  test("--help lists every command", () => {
    const r = cli(["--help"]);
    for (const c of ["repl", "compile", "run", "check", "decompile"]) expect(r.stdout).toContain(`filterql ${c}`);
  });
});
