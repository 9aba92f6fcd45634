/**
 * What a habit looks at: the text, its tokens as the parser saw them (keywords retyped, operators
 * from other languages substituted but keeping their image), the lexer's error runs and the
 * schema. Built only after parsing failed; nothing here runs for valid text.
 */
import type { Lexeme, TokenType } from "../tokens.js";
import type { FieldInfo, ResolvedSchema } from "../../check/schema.js";
import type { Fix } from "../../diagnostics/diagnostic.js";
import type { ScanError } from "../scan.js";
import { COMPARATORS } from "../reading.js";
import * as T from "../tokens.js";

/** One diagnostic a habit gives: where, what was meant, and (when sure) the edits that say it. */
export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly hint: string;
  readonly fix?: Fix;
  /**
   * Set when the fix guesses a meaning the text does not spell: a value read from a bare word
   * (`status = activ`), an operator read from another language's word (`age has 30`). Such a fix
   * stands only where the checker accepts what it writes.
   */
  readonly guessed?: boolean;
  /** Set when the hint proposes the fix's own text (`write …`): a refused guess's hint says why instead. */
  readonly proposes?: boolean;
}

/** A recognised habit: its findings, the text it covers, and the token to go on from. */
export interface Match {
  readonly findings: readonly Finding[];
  readonly from: number;
  readonly to: number;
  readonly next: number;
}

const OPERATOR_WORDS: ReadonlySet<TokenType> = new Set([T.In, T.Between, T.Is, T.Exists, T.Contains, T.Starts, T.Ends, T.Matches, T.Tilde]);
const CONDITION_BEFORE: ReadonlySet<TokenType> = new Set([T.And, T.Or, T.Not, T.LParen, T.Where]);
/** Back-walks (a path, the operator before a value) stop after this many tokens. */
const MAX_WALK = 64;

export class Source {
  /** For each token: true when the innermost open bracket around it is `[`. */
  private readonly listed: boolean[] = [];

  constructor(
    readonly text: string,
    readonly tokens: readonly Lexeme[],
    readonly errors: readonly ScanError[],
    readonly schema: ResolvedSchema | undefined,
    /** True when a text parses with no error (habits consulted only for what they rewrite whole). */
    readonly parses: (text: string) => boolean,
  ) {
    const open: boolean[] = [];
    let previous: TokenType | undefined;
    for (const t of tokens) {
      if (t.tokenType === T.RBracket || t.tokenType === T.RParen) open.pop();
      this.listed.push(open[open.length - 1] === true);
      // `in (…)` is SQL's list (the `sql-in-parens` habit), read as a list like `[…]`.
      if (t.tokenType === T.LBracket) open.push(true);
      else if (t.tokenType === T.LParen) open.push(previous === T.In);
      previous = t.tokenType;
    }
  }

  get length(): number {
    return this.tokens.length;
  }

  type(i: number): TokenType | undefined {
    return this.tokens[i]?.tokenType;
  }

  is(i: number, ...types: TokenType[]): boolean {
    const type = this.type(i);
    return type !== undefined && types.includes(type);
  }

  image(i: number): string {
    return this.tokens[i]?.image ?? "";
  }

  /** The token's word in lower case when it is a word (a name or a keyword), else "". */
  word(i: number): string {
    const image = this.image(i);
    return /^[A-Za-z_$][\w$]*$/.test(image) && (this.is(i, T.Identifier) || T.RESERVED_WORDS.has(image.toLowerCase())) ? image.toLowerCase() : "";
  }

  start(i: number): number {
    return this.tokens[i]?.startOffset ?? this.text.length;
  }

  end(i: number): number {
    const t = this.tokens[i];
    return t === undefined ? this.text.length : t.startOffset + t.image.length;
  }

  /** True when nothing separates token i from token i + 1. */
  touching(i: number): boolean {
    return i + 1 < this.length && this.end(i) === this.start(i + 1);
  }

  /** The first token at or after `offset`. */
  tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  isComparator(i: number): boolean {
    const type = this.type(i);
    return type !== undefined && COMPARATORS.has(type);
  }

  /** True when an operator word (`in`, `between`, `contains`…) or a comparator stands at i. */
  isOperator(i: number): boolean {
    const type = this.type(i);
    return type !== undefined && (COMPARATORS.has(type) || OPERATOR_WORDS.has(type));
  }

  /** True when a condition may start at token i (the query's start, or after `and`, `or`, `not`, `(`, `where`). */
  conditionStart(i: number): boolean {
    const before = this.type(i - 1);
    return i === 0 || (before !== undefined && CONDITION_BEFORE.has(before));
  }

  inList(i: number): boolean {
    return this.listed[i] === true;
  }

  /** The index after a path that starts at i (i itself when no path starts there). */
  pathEnd(i: number): number {
    if (!this.is(i, T.Identifier, T.BackQuoted)) return i;
    let j = i + 1;
    while (this.is(j, T.Dot) && this.is(j + 1, T.Identifier, T.BackQuoted, T.NumberLiteral)) j += 2;
    return j;
  }

  /** The first token of the path whose last token is at i, or undefined. */
  pathStart(i: number): number | undefined {
    if (!this.is(i, T.Identifier, T.BackQuoted, T.NumberLiteral)) return undefined;
    let j = i;
    while (j - i < MAX_WALK && this.is(j - 1, T.Dot) && this.is(j - 2, T.Identifier, T.BackQuoted)) j -= 2;
    return this.is(j, T.NumberLiteral) ? undefined : j;
  }

  /** The path's segments, tokens [from, to). */
  segments(from: number, to: number): string[] {
    const out: string[] = [];
    for (let j = from; j < to; j += 2) out.push(this.is(j, T.BackQuoted) ? String(this.tokens[j]?.payload ?? "") : this.image(j));
    return out;
  }

  slice(from: number, to: number): string {
    return this.text.slice(this.start(from), this.end(to - 1));
  }

  /**
   * The field a value at i is compared with: walks back over the operator (and, in a list, over
   * the items and `[`) to the path. Undefined without a schema or when the walk finds no path.
   */
  fieldFor(i: number): FieldInfo | undefined {
    if (this.schema === undefined) return undefined;
    let j = i - 1;
    if (this.inList(i)) {
      while (j >= 0 && i - j < MAX_WALK * 32 && !this.is(j, T.LBracket, T.LParen)) j--;
      j--;
    } else if (this.is(j, T.And)) {
      // The high end of `between low and high`: the low end is a value of a few tokens (`now - 7d`).
      let k = j - 1;
      while (k >= 0 && j - k <= 4 && !this.is(k, T.Between)) k--;
      if (this.is(k, T.Between)) j = k;
    }
    const operator = j;
    while (j >= 0 && operator - j < MAX_WALK && (this.isOperator(j) || this.is(j, T.Not, T.With))) j--;
    const first = this.pathStart(j);
    return first === undefined ? undefined : this.schema.lookup(this.segments(first, j + 1));
  }
}

/** A match of one finding covering tokens [i, next). */
export function single(s: Source, i: number, next: number, finding: Finding): Match {
  return { findings: [finding], from: Math.min(s.start(i), finding.start), to: Math.max(s.end(next - 1), finding.end), next };
}

/** A fix that replaces `text[start, end)` by `text`. */
export function replace(title: string, start: number, end: number, text: string): Fix {
  return { title, edits: [{ start, end, text }] };
}

/** `word` with a space on each side where the text around it has none. */
export function spaced(text: string, start: number, end: number, word: string): string {
  const before = start > 0 && !/\s/.test(text[start - 1] as string) ? " " : "";
  const after = end < text.length && !/\s/.test(text[end] as string) ? " " : "";
  return `${before}${word}${after}`;
}
