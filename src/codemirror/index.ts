/**
 * `filterql/codemirror`: FilterQL as a CodeMirror 6 extension for search boxes. Everything comes
 * from the library itself — highlighting from `tokens`, completion from `suggest`, lint from
 * `parse` + `check` — so the editor and the library never disagree.
 */
import { resolveLimits } from "../options.js";
import { autocompletion } from "@codemirror/autocomplete";
import { bracketMatching } from "@codemirror/language";
import { linter } from "@codemirror/lint";
import { EditorState, type Extension } from "@codemirror/state";
import { logException, type Command } from "@codemirror/view";
import { resolveSchema, type ParseOptions, type Schema } from "../index.js";
import { expectFunction, expectOptions, expectSchemaOption } from "../arguments.js";
import { completionSource, type ValuesCallback } from "./complete.js";
import { highlighting } from "./highlight.js";
import { fieldHover } from "./hover.js";
import { analyse, editorDiagnostics, type QueryResult } from "./lint.js";
import { schemaField, setSchemaEffect } from "./schema-field.js";
import { searchBox } from "./search-box.js";
import { theme } from "./theme.js";

export { setSchema, setSchemaEffect } from "./schema-field.js";
export type { ValueOption, ValuesCallback, ValuesRequest } from "./complete.js";
export type { QueryResult } from "./lint.js";

export interface FilterQLEditorOptions extends ParseOptions {
  readonly schema?: Schema;
  /** Values for the field being typed, e.g. from a server; `signal` aborts when the text changes. */
  readonly values?: ValuesCallback;
  /**
   * Called on Enter (Mod-Enter when not single-line) with the text and its parse + check result.
   * `result.query` is there only when no diagnostic is an error, so `query && search(query)` never
   * runs a query the checker refused; warnings come with a query. Should `onSubmit` throw, the key
   * is still taken (no space is typed) and the error goes to the editor's exception sink
   * (`EditorView.exceptionSink`, `console.error` by default), as CodeMirror does for its own callbacks.
   */
  readonly onSubmit?: (text: string, result: QueryResult) => void;
  /** Default true: line breaks become spaces and Enter submits. */
  readonly singleLine?: boolean;
  readonly placeholder?: string;
  /** The editor's accessible name; default "Filter query". */
  readonly ariaLabel?: string;
  /** Milliseconds of quiet before linting; default 100. */
  readonly lintDelay?: number;
}

export function filterql(options: FilterQLEditorOptions = {}): Extension {
  expectOptions("filterql", "options", options);
  expectSchemaOption("filterql", options);
  // A malformed schema throws here, as check and compile do, instead of leaving an editor without one.
  resolveSchema(options.schema);
  if (options.values !== undefined) expectFunction("filterql", "options.values", options.values);
  if (options.onSubmit !== undefined) expectFunction("filterql", "options.onSubmit", options.onSubmit);
  const schema = schemaField(options.schema);
  // The limits checked at the door, as parse checks them: a bad value throws here, not while linting.
  const parseOptions: ParseOptions = resolveLimits("filterql", options);
  const submit: Command = (view) => {
    const onSubmit = options.onSubmit;
    if (onSubmit === undefined) return options.singleLine !== false;
    const result = analyse(view.state, schema, parseOptions);
    const refused = result.diagnostics.some((d) => d.severity === "error");
    try {
      onSubmit(view.state.doc.toString(), refused ? { diagnostics: result.diagnostics } : result);
    } catch (error) {
      logException(view.state, error, "onSubmit");
    }
    return true;
  };
  const complete = [{ autocomplete: completionSource(schema, options.values) }];
  return [
    schema,
    highlighting(),
    EditorState.languageData.of(() => complete),
    autocompletion({ selectOnOpen: false, interactionDelay: 0 }),
    linter((view) => editorDiagnostics(view.state, schema, parseOptions), {
      delay: options.lintDelay ?? 100,
      needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(setSchemaEffect))),
    }),
    fieldHover(schema),
    bracketMatching(),
    searchBox({ singleLine: options.singleLine ?? true, submit, placeholder: options.placeholder, ariaLabel: options.ariaLabel ?? "Filter query" }),
    theme,
  ];
}
