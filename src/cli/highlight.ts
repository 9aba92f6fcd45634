/** ANSI colouring of query text by token kind, for the REPL's input line. */
import { visible } from "../diagnostics/format-diagnostics.js";
import { tokens, type TokenKind } from "../suggest/tokens.js";

const COLOR: Record<TokenKind, string> = {
  keyword: "\u001b[35m",
  field: "\u001b[36m",
  operator: "\u001b[33m",
  string: "\u001b[32m",
  number: "\u001b[34m",
  regex: "\u001b[31m",
  punctuation: "\u001b[2m",
  error: "\u001b[4;31m",
};
const RESET = "\u001b[0m";

export function highlight(text: string): string {
  let out = "";
  let at = 0;
  for (const t of tokens(text)) {
    if (t.start < at) continue;
    out += visible(text.slice(at, t.start));
    out += `${COLOR[t.type]}${visible(text.slice(t.start, t.end))}${RESET}`;
    at = t.end;
  }
  return out + visible(text.slice(at));
}
