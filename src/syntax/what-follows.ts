/**
 * What the grammar lets come next after the tokens a parser took before a stray one, for the
 * "unexpected … ; expected …" diagnostic. The query rule is a chain of optional clauses
 * (grammar/filterql.ebnf: from, condition, order by, select, limit, case), so what may follow is
 * the rest of the clause seen last and every clause after it: after `limit 5` only `case` or the
 * end; after `order by score desc` a `,`, `select`, `limit`, `case` or the end.
 */
import type { Lexeme, TokenType } from "./tokens.js";
import * as T from "./tokens.js";

/** The clauses in the order the query rule takes them. */
export const CLAUSE_ORDER = "the clauses go: `from`, the condition, `order by`, `select`, `limit`, `case`";

/** A condition's first token, in words. */
export const CONDITION_WORDS = "a condition (a field name, `not` or `(`)";

const CLAUSES = [T.From, T.Order, T.Select, T.Limit, T.Case];
const CLAUSE_WORDS = new Map<TokenType, string>([[T.Order, "`order by`"], [T.Select, "`select`"], [T.Limit, "`limit`"], [T.Case, "`case`"]]);
const AFTER: ReadonlyMap<TokenType, readonly string[]> = new Map([
  [T.From, ["a condition", "`order by`", "`select`", "`limit`", "`case`"]],
  [T.Order, ["`select`", "`limit`", "`case`"]],
  [T.Select, ["`limit`", "`case`"]],
  [T.Limit, ["`case`"]],
  [T.Case, []],
]);
const COLLECTION_NAMES: ReadonlySet<TokenType> = new Set([T.Identifier, T.BackQuoted, T.StringLiteral]);
const isCollectionName = (token: Lexeme | undefined) => token !== undefined && COLLECTION_NAMES.has(token.tokenType);
/** Tokens that can only go on a condition: after a later clause, the condition is misplaced. */
const CONDITION_TOKENS: ReadonlySet<TokenType> = new Set([T.And, T.Or, T.Not, T.LParen]);

export interface Continuation {
  /** What may come next, in words: "`and`, `or`, … or the end of the query". */
  readonly expected: string;
  /** When the stray token goes on a condition but a clause that comes after conditions was seen: a hint. */
  readonly hint?: string;
}

/** What may follow `before` (the tokens ahead of `stray`, which the query rule left over). */
export function whatFollows(before: readonly Lexeme[], stray: Lexeme): Continuation {
  if (before.length === 0) return { expected: CONDITION_WORDS };
  let last = -1;
  let firstLater: TokenType | undefined;
  let depth = 0;
  before.forEach((token, i) => {
    const type = token.tokenType;
    if (type === T.LParen || type === T.LBracket) depth++;
    else if (type === T.RParen || type === T.RBracket) depth--;
    else if (depth <= 0 && CLAUSES.includes(type)) {
      last = i;
      if (type !== T.From) firstLater ??= type;
    }
  });
  const rest = last < 0 ? condition(before) : restOfClause(before, last);
  const expected = rest.length === 0 ? "the end of the query" : `${rest.join(", ")} or the end of the query`;
  const later = firstLater === undefined ? undefined : CLAUSE_WORDS.get(firstLater);
  if (later === undefined || !CONDITION_TOKENS.has(stray.tokenType)) return { expected };
  return { expected, hint: `conditions go before ${later}; ${CLAUSE_ORDER}` };
}

/** What may follow a whole condition: more of it, then the clauses after it (`now` may take an offset). */
function condition(before: readonly Lexeme[]): string[] {
  const offset = before[before.length - 1]?.tokenType === T.Now ? ["`+`", "`-`"] : [];
  return [...offset, "`and`", "`or`", ...(AFTER.get(T.From) ?? []).slice(1)];
}

/** What may follow when the clause starting at `at` is the last one begun. */
function restOfClause(before: readonly Lexeme[], at: number): string[] {
  const keyword = (before[at] as Lexeme).tokenType;
  const end = before[before.length - 1] as Lexeme;
  const after = [...(AFTER.get(keyword) ?? [])];
  switch (keyword) {
    case T.From: {
      // `from a, b [where]`, then perhaps a condition.
      let i = at + 1;
      while (isCollectionName(before[i])) {
        i++;
        if (before[i]?.tokenType !== T.Comma) break;
        i++;
      }
      const where = before[i]?.tokenType === T.Where;
      if (where) i++;
      if (i < before.length) return condition(before);
      return where ? after : ["`,`", "`where`", ...after];
    }
    case T.Order:
      return end.tokenType === T.Asc || end.tokenType === T.Desc ? ["`,`", ...after] : ["`asc`", "`desc`", "`,`", ...after];
    case T.Select:
      return ["`,`", ...after];
    default:
      return after;
  }
}
