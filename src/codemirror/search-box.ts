/**
 * Search-box habits: one line (pasted or typed line breaks become spaces), Enter submits
 * through `onSubmit` unless a completion is selected (Tab or ArrowDown then Enter accept one),
 * a placeholder and an accessible name.
 */
import { acceptCompletion, completionStatus, selectedCompletionIndex, setSelectedCompletion } from "@codemirror/autocomplete";
import { EditorState, Prec, type Extension, type TransactionSpec } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderText, type Command } from "@codemirror/view";

/** Replaces every line break the transaction inserts with a space. */
export const oneLine = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.newDoc.lines === 1) return tr;
  const breaks: { from: number; to: number; insert: string }[] = [];
  tr.changes.iterChangedRanges((_fromA, _toA, fromB, toB) => {
    for (let line = tr.newDoc.lineAt(fromB); line.to < toB; line = tr.newDoc.line(line.number + 1)) breaks.push({ from: line.to, to: line.to + 1, insert: " " });
  });
  const fix: TransactionSpec = { changes: breaks, sequential: true };
  return [tr, fix];
});

/** Tab accepts the selected completion, or the first one when none is selected yet. */
export const acceptFirstCompletion: Command = (view) => {
  if (completionStatus(view.state) !== "active") return false;
  if (selectedCompletionIndex(view.state) === null) view.dispatch({ effects: setSelectedCompletion(0) });
  return acceptCompletion(view);
};

export interface SearchBoxOptions {
  readonly singleLine: boolean;
  readonly submit: Command;
  readonly placeholder: string | undefined;
  readonly ariaLabel: string;
}

export function searchBox(options: SearchBoxOptions): Extension {
  return [
    options.singleLine ? oneLine : [],
    // Below the completion keymap (highest), which takes Enter only when an option is selected.
    Prec.high(keymap.of([{ key: "Tab", run: acceptFirstCompletion }, { key: options.singleLine ? "Enter" : "Mod-Enter", run: options.submit }])),
    options.placeholder === undefined ? [] : placeholderText(options.placeholder),
    EditorView.contentAttributes.of({ "aria-label": options.ariaLabel, ...(options.singleLine ? { "aria-multiline": "false" } : {}) }),
  ];
}
