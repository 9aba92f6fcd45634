/**
 * Case folding exactly as the engine's `toLowerCase`, in SQL. PostgreSQL's `lower()` depends on
 * the collation (under "C" it folds ASCII only), so the fold is spelled out: `replace` for the
 * one mapping that grows (U+0130 → "i̇") and `translate` for every one-to-one mapping, built from
 * JavaScript's own `toLowerCase` over all code points. The one context-dependent mapping, Σ
 * (σ, or ς at a word's end), is mapped to σ: exact as long as the query's folded value holds
 * neither σ nor ς, which `hasSigma` checks (otherwise the query is refused).
 */
import { DOTTED_CAPITAL_I, lowercasePairs } from "../engine/lowercase-pairs.js";

interface FoldTable {
  readonly from: string;
  readonly to: string;
}

let table: FoldTable | undefined;

function build(): FoldTable {
  let from = "";
  let to = "";
  for (const [f, t] of lowercasePairs()) {
    from += String.fromCodePoint(f);
    to += String.fromCodePoint(t);
  }
  return { from, to };
}

export function foldTable(): FoldTable {
  return (table ??= build());
}

/** The SQL expression folding the text expression `expr`; its tables are bound once per statement. */
export function foldSql(expr: string, param: (key: string, value: string) => string): string {
  const t = foldTable();
  return `translate(replace(${expr}, ${param("fold:dotted-I", String.fromCodePoint(DOTTED_CAPITAL_I))}, ${param("fold:i-dot", "i\u0307")}), ${param("fold:from", t.from)}, ${param("fold:to", t.to)})`;
}
