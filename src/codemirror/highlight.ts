/**
 * Highlighting from the library's own `tokens()`: no second grammar to drift from the parser.
 * Each token becomes a mark with the class `cm-fql-<kind>`; colours are CSS variables (theme.ts)
 * so a host's dark theme restyles them. The decorations live in a state field (testable on an
 * EditorState) and are provided at the lowest precedence, so lint underlines draw over them.
 */
import { Prec, StateField, type EditorState, type Extension } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";
import { tokens, type TokenKind } from "../index.js";

const marks = new Map<TokenKind, Decoration>();

function markFor(kind: TokenKind): Decoration {
  let mark = marks.get(kind);
  if (mark === undefined) {
    mark = Decoration.mark({ class: `cm-fql-${kind}` });
    marks.set(kind, mark);
  }
  return mark;
}

export function tokenDecorations(state: EditorState): DecorationSet {
  const ranges = tokens(state.doc.toString())
    .filter((t) => t.end > t.start)
    .map((t) => markFor(t.type).range(t.start, t.end));
  return Decoration.set(ranges, true);
}

export const highlightField = StateField.define<DecorationSet>({
  create: tokenDecorations,
  update: (decorations, tr) => (tr.docChanged ? tokenDecorations(tr.state) : decorations),
});

export function highlighting(): Extension {
  return [highlightField, Prec.lowest(EditorView.decorations.from(highlightField))];
}
