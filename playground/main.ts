/**
 * The playground page: one editor with the FilterQL extension, and below it everything the
 * library makes of the query — results over the data, the Mixpeek body, the canonical text,
 * the AST and the diagnostics. Data and schema come from the server that serves this page.
 */
import { completionStatus, currentCompletions } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { diagnosticCount } from "@codemirror/lint";
import { EditorView, keymap } from "@codemirror/view";
import { filterql } from "../src/codemirror/index.js";
import { dataValues } from "./data-values.js";
import { missingCollections } from "../src/mixpeek/missing-collections.js";
import { check, compile, formatDiagnostics, parse, print, toMixpeek, type Diagnostic, type Dialect, type Schema } from "../src/index.js";

function element<T extends HTMLElement>(id: string): T {
  const found = document.querySelector<T>(`[data-testid="${id}"]`);
  if (found === null) throw new Error(`the page lacks [data-testid="${id}"]`);
  return found;
}

async function load(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function cell(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A record's own value for a column: a `__proto__` column of one record is not every other's prototype. */
function own(row: unknown, column: string): unknown {
  return row !== null && typeof row === "object" && Object.hasOwn(row, column) ? (row as Record<string, unknown>)[column] : undefined;
}

function renderTable(table: HTMLTableElement, rows: readonly unknown[]): void {
  const columns: string[] = [];
  for (const row of rows) if (row !== null && typeof row === "object") for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const head = document.createElement("tr");
  for (const c of columns) head.append(Object.assign(document.createElement("th"), { textContent: c }));
  const body = rows.map((row) => {
    const tr = document.createElement("tr");
    for (const c of columns) tr.append(Object.assign(document.createElement("td"), { textContent: cell(own(row, c)) }));
    return tr;
  });
  table.replaceChildren(...(columns.length === 0 ? [] : [head]), ...body);
}

const withoutSpans = (key: string, value: unknown) => (key === "span" ? undefined : value);

async function start(): Promise<void> {
  const [data, schema, initial] = (await Promise.all([load("data.json"), load("schema.json"), load("query.json")])) as [unknown[], Schema | null, string];
  const out = {
    count: element("count"),
    pageNote: element("page-note"),
    results: element<HTMLTableElement>("results"),
    body: element("body"),
    bodyNote: element("body-note"),
    ast: element("ast"),
    canonical: element("canonical"),
    diagnostics: element("diagnostics"),
  };
  element("schema").textContent = schema === null ? "(none: every field is any)" : JSON.stringify(schema, null, 2);
  const options = schema === null ? {} : { schema };
  let dialect: Dialect = "v1";

  /** Empties what a query produces: shown while the query has errors, it would be another query's. */
  function clear(): void {
    out.count.textContent = "–";
    out.pageNote.textContent = " (the query has errors)";
    out.results.replaceChildren();
    out.body.textContent = "";
    out.bodyNote.textContent = "";
    out.canonical.textContent = "";
    out.ast.textContent = "";
  }

  function show(text: string): void {
    const parsed = parse(text, options);
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    if (parsed.query !== undefined) diagnostics.push(...check(parsed.query, options));
    const query = diagnostics.some((d) => d.severity === "error") ? undefined : parsed.query;
    out.diagnostics.textContent = diagnostics.length === 0 ? "" : formatDiagnostics(text, diagnostics);
    clear();
    if (query === undefined) return;
    out.pageNote.textContent = "";
    out.canonical.textContent = print(query);
    out.ast.textContent = JSON.stringify(query, withoutSpans, 2);
    try {
      const { results, pagination } = compile(query, options).run(data, { page: 1 });
      out.count.textContent = String(pagination.total);
      // The table holds the first page only: say so when there are more.
      out.pageNote.textContent = results.length < pagination.total ? `, showing 1–${results.length}` : "";
      renderTable(out.results, results);
    } catch (error) {
      out.pageNote.textContent = " (the query could not run)";
      out.diagnostics.textContent += `${error instanceof Error ? error.message : String(error)}\n`;
    }
    try {
      const body = toMixpeek(query, { dialect });
      out.body.textContent = JSON.stringify(body, null, 2);
      // The API requires collections, which only `from` supplies here: said under the body, as the
      // CLI and the REPL say it, without crowding the diagnostics of every query that has none.
      const [missing] = missingCollections(body, "start the query with `from <collection>`");
      out.bodyNote.textContent = missing === undefined ? "" : `${missing.message}: ${missing.hint ?? ""}`;
    } catch (error) {
      out.bodyNote.textContent = "";
      const found = (error as { diagnostics?: Diagnostic[] }).diagnostics;
      out.body.textContent = found === undefined ? String(error) : formatDiagnostics(text, found);
    }
  }

  const view = new EditorView({
    doc: initial,
    parent: element("query"),
    extensions: [
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      filterql({ ...options, values: dataValues(data), placeholder: initial === "" ? "type a query" : initial, onSubmit: (text) => show(text) }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) show(update.state.doc.toString());
      }),
    ],
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="dialect"]')) {
    radio.addEventListener("change", () => {
      dialect = radio.value === "v2" ? "v2" : "v1";
      show(view.state.doc.toString());
    });
  }
  show(initial);
  view.focus();
  // For tests and the curious: the editor and CodeMirror's state readers.
  Object.assign(window, { playground: { view, completionStatus, currentCompletions, diagnosticCount } });
  document.body.dataset["ready"] = "true";
}

start().catch((error: unknown) => {
  element("diagnostics").textContent = `the playground could not start: ${error instanceof Error ? error.message : String(error)}`;
});
