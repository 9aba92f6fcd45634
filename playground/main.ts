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
import { missingCollections } from "../src/mixpeek/missing-collections.js";
import { check, compile, formatDiagnostics, parse, print, toMixpeek, type Diagnostic, type Dialect, type Schema } from "../src/index.js";

const INITIAL = 'status = "active" and age >= 30 order by score desc';

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

function renderTable(table: HTMLTableElement, rows: readonly unknown[]): void {
  const columns: string[] = [];
  for (const row of rows) if (row !== null && typeof row === "object") for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const head = document.createElement("tr");
  for (const c of columns) head.append(Object.assign(document.createElement("th"), { textContent: c }));
  const body = rows.map((row) => {
    const tr = document.createElement("tr");
    for (const c of columns) tr.append(Object.assign(document.createElement("td"), { textContent: cell((row as Record<string, unknown>)[c]) }));
    return tr;
  });
  table.replaceChildren(...(columns.length === 0 ? [] : [head]), ...body);
}

const withoutSpans = (key: string, value: unknown) => (key === "span" ? undefined : value);

async function start(): Promise<void> {
  const [data, schema] = (await Promise.all([load("data.json"), load("schema.json")])) as [unknown[], Schema | null];
  const out = {
    count: element("count"),
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

  function show(text: string): void {
    const parsed = parse(text, options);
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    if (parsed.query !== undefined) diagnostics.push(...check(parsed.query, options));
    const query = diagnostics.some((d) => d.severity === "error") ? undefined : parsed.query;
    out.diagnostics.textContent = diagnostics.length === 0 ? "" : formatDiagnostics(text, diagnostics);
    if (query === undefined) return;
    out.canonical.textContent = print(query);
    out.ast.textContent = JSON.stringify(query, withoutSpans, 2);
    try {
      const { results, pagination } = compile(query, options).run(data, { page: 1 });
      out.count.textContent = String(pagination.total);
      renderTable(out.results, results);
    } catch (error) {
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
    doc: INITIAL,
    parent: element("query"),
    extensions: [
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      filterql({ ...options, placeholder: "status = \"active\" and age > 30", onSubmit: (text) => show(text) }),
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
  show(INITIAL);
  view.focus();
  // For tests and the curious: the editor and CodeMirror's state readers.
  Object.assign(window, { playground: { view, completionStatus, currentCompletions, diagnosticCount } });
  document.body.dataset["ready"] = "true";
}

start().catch((error: unknown) => {
  element("diagnostics").textContent = `the playground could not start: ${error instanceof Error ? error.message : String(error)}`;
});
