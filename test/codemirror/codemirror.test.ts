import { CompletionContext, type CompletionResult, type CompletionSource } from "@codemirror/autocomplete";
import type { Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import { EditorState, type TransactionSpec } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { describe, expect, test } from "vitest";
import { filterql, setSchemaEffect, type FilterQLEditorOptions, type ValuesRequest } from "../../src/codemirror/index.js";
import { highlightField } from "../../src/codemirror/highlight.js";
import { fieldSummary } from "../../src/codemirror/hover.js";
import { editorDiagnostics, quickFixes } from "../../src/codemirror/lint.js";
import { schemaField } from "../../src/codemirror/schema-field.js";
import { resolveSchema, type Fix, type Schema } from "../../src/index.js";

const schema: Schema = {
  status: { type: "string", enum: ["active", "inactive"] },
  age: "integer",
  city: "string",
  "profile.country": "string",
  order: "number",
  bio: { type: "string", sortable: false },
};

function editor(doc: string, options: FilterQLEditorOptions = { schema }): EditorState {
  return EditorState.create({ doc, selection: { anchor: doc.length }, extensions: filterql(options) });
}

async function complete(state: EditorState, explicit = false, pos = state.doc.length): Promise<CompletionResult | null> {
  const sources = state.languageDataAt<CompletionSource>("autocomplete", pos);
  expect(sources).toHaveLength(1);
  return (await sources[0]!(new CompletionContext(state, pos, explicit))) ?? null;
}

function labels(result: CompletionResult | null): string[] {
  return (result?.options ?? []).map((o) => o.label);
}

describe("completion contexts", () => {
  test("sta", async () => {
    const result = await complete(editor("sta"));
    expect(result?.from).toBe(0);
    expect(labels(result)).toEqual(["status"]);
  });

  test("profile.co", async () => {
    const result = await complete(editor("profile.co"));
    expect(labels(result)).toEqual(["country"]);
    expect(result?.from).toBe(8);
  });

  test("age (operators after a field and a space)", async () => {
    const result = await complete(editor("age "));
    expect(labels(result)).toEqual(expect.arrayContaining(["=", ">=", "in", "between", "is null"]));
    expect(labels(result)).not.toContain("contains");
  });

  test("status = (enum values show raw, insert quoted)", async () => {
    const result = await complete(editor("status = "));
    const active = result?.options.find((o) => o.label === "active");
    expect(active?.apply).toBe('"active"');
    expect(labels(result)).toEqual(["active", "inactive", "null"]);
  });

  test('status = "ina (a typed quote still filters the raw values)', async () => {
    const result = await complete(editor('status = "ina'));
    expect(labels(result)).toEqual(["inactive"]);
    expect(result?.from).toBe(9);
  });

  test("a bare word with no explicit request and nothing typed opens nothing", async () => {
    expect(await complete(editor(""))).toBeNull();
    expect(labels(await complete(editor(""), true))).toEqual(expect.arrayContaining(["status", "age", "not", "("]));
  });

  test('city = "Ber (values from the async callback, with field and unquoted prefix)', async () => {
    const requests: Omit<ValuesRequest, "signal">[] = [];
    const values = async ({ field, prefix, signal }: ValuesRequest) => {
      requests.push({ field, prefix });
      expect(signal.aborted).toBe(false);
      return ["Berlin", { label: 'Bern "CH"', detail: "capital" }, "Paris"];
    };
    const result = await complete(editor('city = "Ber', { schema, values }));
    expect(requests).toEqual([{ field: "city", prefix: "Ber" }]);
    expect(result?.options.map((o) => [o.label, o.apply, o.detail])).toEqual([
      ["Berlin", '"Berlin"', undefined],
      ['Bern "CH"', '"Bern \\"CH\\""', "capital"],
    ]);
  });

  test("profile.country in [ (the callback gets the dotted field inside a list)", async () => {
    const fields: string[] = [];
    const values = ({ field }: ValuesRequest) => {
      fields.push(field);
      return ["DE"];
    };
    const result = await complete(editor('profile.country in ["FR", ', { schema, values }));
    expect(fields).toEqual(["profile.country"]);
    expect(labels(result)).toContain("DE");
  });

  test("a failing callback leaves the schema's own values", async () => {
    const values = async (): Promise<string[]> => {
      throw new Error("offline");
    };
    expect(labels(await complete(editor("status = ", { schema, values })))).toEqual(["active", "inactive", "null"]);
  });
});

describe("completion ranges, value positions and value types", () => {
  const people: Schema = { status: { type: "string", enum: ["active", "inactive"] }, age: "integer", score: "number", verified: "boolean", city: "string", tags: "string[]", "profile.city": "string", "city name": "string", "first-name": "string", order: "integer" };
  const hostValues: Record<string, string[]> = { age: ["31", "45", "n/a"], score: ["4.5", "-1"], verified: ["true", "false", "yes"], city: ["Berlin", "Bonn"], tags: ["vip", "vegan"], "profile.city": ["Bremen"] };
  const calls: string[] = [];
  const values = ({ field, prefix }: ValuesRequest) => {
    calls.push(`${field}:${prefix}`);
    return hostValues[field] ?? [];
  };
  const at = (doc: string, pos = doc.length) => EditorState.create({ doc, selection: { anchor: pos }, extensions: filterql({ schema: people, values }) });

  test('status = "in|" and age > 30: the completion replaces the string through its closing quote', async () => {
    const result = await complete(at('status = "in" and age > 30', 12), false, 12);
    expect(result).toMatchObject({ from: 9, to: 13 });
    expect(result?.options.map((o) => o.apply)).toEqual(['"inactive"']);
  });

  test.each([
    ['tags contains "v', "tags:v", ["vip", "vegan"]],
    ['city starts with "B', "city:B", ["Berlin", "Bonn"]],
    ["city ends with ", "city:", ["Berlin", "Bonn"]],
    ['profile.city contains "', "profile.city:", ["Bremen"]],
  ])("%s: the host is asked for values where the library has none", async (doc, call, shown) => {
    calls.length = 0;
    expect(labels(await complete(at(doc)))).toEqual(shown);
    expect(calls).toEqual([call]);
  });

  test("profile. opens the sub-fields as the dot is typed", async () => {
    expect(labels(await complete(at("profile.")))).toEqual(["city"]);
  });

  test.each([
    ["ci", "`city name`"],
    ["fir", "`first-name`"],
    ["ord", "`order`"],
  ])("%s finds %s, which inserts back-quoted", async (doc, label) => {
    const result = await complete(at(doc));
    expect(labels(result)).toContain(label);
    expect(result?.from).toBe(0);
  });

  test("age = and score > insert the host's numbers unquoted; verified = lists true once and inserts it bare", async () => {
    const applied = async (doc: string) => (await complete(at(doc)))?.options.map((o) => [o.label, o.apply]);
    expect(await applied("age = ")).toEqual([["null", "null"], ["31", "31"], ["45", "45"], ["n/a", '"n/a"']]);
    expect(await applied("score > ")).toEqual([["4.5", "4.5"], ["-1", "-1"]]);
    expect(await applied("verified = ")).toEqual([["true", "true"], ["false", "false"], ["null", "null"], ["yes", '"yes"']]);
  });
});

/** Applies a lint action's edits to a state, as a view's dispatch would. */
function applyAction(state: EditorState, diagnostic: EditorDiagnostic, index = 0): EditorState {
  let next = state;
  const view = { state, dispatch: (spec: TransactionSpec) => (next = state.update(spec).state) } as unknown as EditorView;
  diagnostic.actions?.[index]?.apply(view, diagnostic.from, diagnostic.to);
  return next;
}

describe("lint output", () => {
  const field = schemaField(schema);
  const lintState = (doc: string) => EditorState.create({ doc, extensions: field });

  test("stauts = 1", () => {
    const state = lintState('stauts = "active" and age > 3');
    const [d, ...rest] = editorDiagnostics(state, field, {});
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ from: 0, to: 6, severity: "error", source: "unknown-field" });
    expect(d!.message).toBe("unknown field `stauts`\ndid you mean `status`?");
    expect(d!.actions?.map((a) => a.name)).toEqual(["use status"]);
    expect(applyAction(state, d!).doc.toString()).toBe('status = "active" and age > 3');
  });

  test("ordr.first name = 1: the quick fix writes the field as the language does (back-quotes where needed)", () => {
    const odd = schemaField({ "order.first name": "string" });
    const state = EditorState.create({ doc: "ordr.`first name` = 1", extensions: odd });
    const [d] = editorDiagnostics(state, odd, {});
    expect(d?.source).toBe("unknown-field");
    expect(applyAction(state, d!).doc.toString()).toBe("`order`.`first name` = 1");
  });

  test("a diagnostic's own machine-applicable fix becomes the quick fix, ahead of the hint", () => {
    const text = "a = 1 adn b = 2";
    const fix: Fix = { title: "replace `adn` with `and`", edits: [{ start: 6, end: 9, text: "and" }] };
    const diagnostic = { severity: "error" as const, code: "syntax" as const, message: "m", span: { start: 6, end: 9, line: 1, column: 7 }, hint: "did you mean `and`?", fix };
    const actions = quickFixes(diagnostic);
    expect(actions.map((a) => a.name)).toEqual(["replace `adn` with `and`"]);
    const state = EditorState.create({ doc: text });
    expect(applyAction(state, { from: 6, to: 9, severity: "error", message: "m", actions }).doc.toString()).toBe("a = 1 and b = 2");
  });

  test("a quick fix applied after typing before the error lands on the error, not at its old offsets", () => {
    const state = lintState('age > 3 and stauts = "active"');
    const [d] = editorDiagnostics(state, field, {});
    expect(d).toMatchObject({ from: 12, to: 18 });
    // Typed at the start after lint ran; CodeMirror maps the diagnostic's range and hands it to the action.
    const typed = state.update({ changes: { from: 0, insert: "city = 1 and " } });
    const mapped = { ...d!, from: typed.changes.mapPos(d!.from, 1), to: typed.changes.mapPos(d!.to, -1) };
    expect(applyAction(typed.state, mapped).doc.toString()).toBe('city = 1 and age > 3 and status = "active"');
  });

  test("a parser's fix with edits on both sides of its range follows the edits made since", () => {
    const state = lintState("status:active and age > 3");
    const [d] = editorDiagnostics(state, field, {});
    const typed = state.update({ changes: { from: 0, insert: "(" } });
    const mapped = { ...d!, from: typed.changes.mapPos(d!.from, 1), to: typed.changes.mapPos(d!.to, -1) };
    expect(applyAction(typed.state, mapped).doc.toString()).toBe('(status = "active" and age > 3');
  });

  test("status:active (a habit from other languages: the parser's fix is the quick fix)", () => {
    const state = lintState("status:active and age > 3");
    const [d, ...rest] = editorDiagnostics(state, field, {});
    expect(rest).toEqual([]);
    expect(d!.actions).toHaveLength(1);
    expect(applyAction(state, d!).doc.toString()).toBe('status = "active" and age > 3');
  });

  test('status = "activ" (a quoted near miss of an enum value: the checker\'s fix is the quick fix)', () => {
    const state = lintState('status = "activ"');
    const [d, ...rest] = editorDiagnostics(state, field, {});
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ source: "invalid-value", from: 9, to: 16 });
    expect(applyAction(state, d!).doc.toString()).toBe('status = "active"');
  });

  test("age > thirty (a bare word where a number goes: the hint says so, and no quick fix)", () => {
    const [d, ...rest] = editorDiagnostics(lintState("age > thirty"), field, {});
    expect(rest).toEqual([]);
    expect(d!.message).toBe("`thirty` is a bare word; a text value is written in quotes\n`age` is an integer: write a number");
    expect(d!.actions).toBeUndefined();
  });

  test("ordr = 1 (the quick fix back-quotes a reserved word)", () => {
    const state = lintState("ordr = 1");
    const [d] = editorDiagnostics(state, field, {});
    expect(applyAction(state, d!).doc.toString()).toBe("`order` = 1");
  });

  test("age = (a syntax error at the end)", () => {
    const diagnostics = editorDiagnostics(lintState("age = "), field, {});
    expect(diagnostics.map((d) => [d.source, d.from <= 6, d.to <= 6])).toEqual([["syntax", true, true]]);
  });

  test("age = 1 and nope = 2 (the schema changes: lint follows it)", () => {
    const state = lintState("age = 1 and nope = 2");
    expect(editorDiagnostics(state, field, {}).map((d) => d.source)).toEqual(["unknown-field"]);
    const widened = state.update({ effects: setSchemaEffect.of({ ...schema, nope: "number" }) }).state;
    expect(editorDiagnostics(widened, field, {})).toEqual([]);
    const none = widened.update({ effects: setSchemaEffect.of(undefined) }).state;
    expect(editorDiagnostics(none, field, {})).toEqual([]);
  });

  test("a query past the length limit gives limit-exceeded", () => {
    const diagnostics = editorDiagnostics(lintState(`a = "${"x".repeat(100)}"`), field, { maxLength: 50 });
    expect(diagnostics.map((d) => d.source)).toContain("limit-exceeded");
  });
});

describe("decorations", () => {
  test('not status in ["a", 1] or name matches /x/i', () => {
    const state = editor('not status in ["a", 1] or name matches /x/i');
    const marks: string[] = [];
    state.field(highlightField).between(0, state.doc.length, (from, to, deco) => {
      marks.push(`${state.sliceDoc(from, to)}:${String(deco.spec.class)}`);
    });
    expect(marks).toEqual([
      "not:cm-fql-keyword", "status:cm-fql-field", "in:cm-fql-keyword", "[:cm-fql-punctuation", '"a":cm-fql-string', ",:cm-fql-punctuation",
      "1:cm-fql-number", "]:cm-fql-punctuation", "or:cm-fql-keyword", "name:cm-fql-field", "matches:cm-fql-keyword", "/x/i:cm-fql-regex",
    ]);
  });

  test("decorations follow edits", () => {
    const state = editor("a = 1").update({ changes: { from: 4, to: 5, insert: '"b"' } }).state;
    const classes: string[] = [];
    state.field(highlightField).between(4, 7, (_f, _t, deco) => void classes.push(String(deco.spec.class)));
    expect(classes).toEqual(["cm-fql-string"]);
  });
});

describe("search-box habits and hover", () => {
  test("a pasted line break becomes a space", () => {
    const state = editor("").update({ changes: { from: 0, insert: "a = 1\nand\r\nb = 2" } }).state;
    expect(state.doc.toString()).toBe("a = 1 and b = 2");
    expect(state.doc.lines).toBe(1);
  });

  test("singleLine: false keeps line breaks", () => {
    const state = editor("", { singleLine: false }).update({ changes: { from: 0, insert: "a = 1\nand b = 2" } }).state;
    expect(state.doc.lines).toBe(2);
  });

  test("hover text: type, enum and sortability", () => {
    const resolved = resolveSchema(schema)!;
    expect(fieldSummary(resolved, "status")).toBe('status: string — one of "active", "inactive"');
    expect(fieldSummary(resolved, "bio")).toBe("bio: string (not sortable)");
    expect(fieldSummary(resolved, "profile.country")).toBe("profile.country: string");
    expect(fieldSummary(resolved, "nope")).toBeUndefined();
  });
});

test("the editor's limit options are checked when it is made, as parse checks them", () => {
  expect(() => filterql({ maxDepth: "x" as unknown as number })).toThrow(new TypeError('filterql: `options.maxDepth` must be a whole number from 0 to 500, not the string "x"'));
  expect(() => filterql({ maxLength: -1 })).toThrow(RangeError);
  expect(() => filterql({ maxDepth: 10, maxLength: Number.POSITIVE_INFINITY })).not.toThrow();
});
