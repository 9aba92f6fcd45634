/**
 * Colours as CSS variables with light defaults: a host restyles them (dark theme) by setting
 * `--fql-keyword` etc. on any ancestor of the editor.
 */
import { EditorView } from "@codemirror/view";

export const theme = EditorView.baseTheme({
  ".cm-fql-keyword": { color: "var(--fql-keyword, #7c3aed)", fontWeight: "600" },
  ".cm-fql-field": { color: "var(--fql-field, #1d4ed8)" },
  ".cm-fql-operator": { color: "var(--fql-operator, #b45309)" },
  ".cm-fql-string": { color: "var(--fql-string, #15803d)" },
  ".cm-fql-number": { color: "var(--fql-number, #0e7490)" },
  ".cm-fql-regex": { color: "var(--fql-regex, #be123c)" },
  ".cm-fql-punctuation": { color: "var(--fql-punctuation, #6b7280)" },
  ".cm-fql-error": { color: "var(--fql-error, #dc2626)" },
  ".cm-fql-hover": { padding: "2px 6px", fontFamily: "monospace" },
});
