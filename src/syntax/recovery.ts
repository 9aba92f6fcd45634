/**
 * Chevrotain's recovery strategy, for a hand-written descent (recover.ts holds the grammar):
 * - A required token that is missing counts as inserted when the token at hand could follow it:
 *   FIRST of the rest of the rule, and of the calling rules' rests while those can be empty.
 * - A required token behind one stray token: the stray one is skipped.
 * - Otherwise the fault unwinds the rule stack. The first token ahead that any rule on the stack
 *   could go on with is the resync point. The innermost rule whose own follow set (inside its
 *   caller) has that token skips to it and returns nothing; the top rule stops at the end.
 * Faults are kept as Chevrotain keeps its recognition exceptions: each when it is found.
 */
import type { Span } from "../ast/nodes.js";
import type { Reporter } from "../diagnostics/reporter.js";
import type { Complaint } from "./complaints.js";
import { EOF_TYPE, type Fault, type FaultKind } from "./fault.js";
import { spanOver } from "./reading.js";
import type { Lexeme, TokenType } from "./tokens.js";

/** What may follow a call site or a required token inside its rule, and whether that may be nothing. */
export interface Follow {
  readonly first: ReadonlySet<TokenType>;
  readonly nullable: boolean;
}

export const follow = (nullable: boolean, ...types: TokenType[]): Follow => ({ first: new Set(types), nullable });

/** Last in its rule: nothing follows inside it. */
export const LAST = follow(true);

/** The top rule resyncs only to the end. */
const TOP_RESYNC: ReadonlySet<TokenType> = new Set([EOF_TYPE]);

/** Unwinds to the rule that can resync; never escapes `Recovery`'s subclasses. */
const RECOGNITION = Symbol("recognition");

interface Frame {
  readonly rule: string;
  readonly site: Follow;
}

/** A token taken as inserted, or the end of input: it has no place in the text. */
function virtualToken(type: TokenType): Lexeme {
  return { image: "", startOffset: NaN, endOffset: NaN, tokenType: type };
}

export abstract class Recovery {
  protected i = 0;
  readonly faults: Fault[] = [];
  private readonly stack: Frame[] = [];
  private readonly end = virtualToken(EOF_TYPE);
  /** Each token type's positions, built on the first fault. */
  private positions: Map<TokenType, number[]> | undefined;
  /** Rule calls so far: the stack is the same, less frames popped, while this is unchanged. */
  private calls = 0;
  /** The resync positions for the fault being unwound, by stack depth. */
  private resync: { key: number; at: number; byDepth: number[] } | undefined;

  constructor(
    protected readonly tokens: readonly Lexeme[],
    private readonly reporter: Reporter,
  ) {}

  /** Parses with `rule` as the top rule; input left over is a fault of its own. */
  protected parseAll<R>(rule: string, parse: () => R): R | undefined {
    const result = this.sub(rule, LAST, parse);
    if (this.i < this.tokens.length) this.faults.push({ token: this.la(), kind: "not-all-input", rule });
    return result;
  }

  /** Whether `token` is the end of input (or stands where no token is). */
  protected atEnd(token: Lexeme): boolean {
    return token === this.end;
  }

  /** The k-th token ahead; 0 is the last one consumed. Past either end: the end of input. */
  protected la(k = 1): Lexeme {
    return this.tokens[this.i + k - 1] ?? this.end;
  }

  protected is(type: TokenType, k = 1): boolean {
    return this.la(k).tokenType === type;
  }

  /** The rule being parsed. */
  private rule(): string {
    return this.stack[this.stack.length - 1]?.rule ?? "query";
  }

  protected fault(kind: Exclude<FaultKind, "mismatch">): typeof RECOGNITION {
    this.faults.push({ token: this.la(), kind, rule: this.rule() });
    return RECOGNITION;
  }

  /**
   * Calls a rule from a site. A fault inside it that no inner rule could resync from is resynced
   * here when the resync point can follow this site (the top rule: when it is the end); then the
   * rule returns nothing, as Chevrotain's do. The partial nodes built around it are thrown away
   * with the faults.
   */
  protected sub<R>(rule: string, site: Follow, parse: () => R): R {
    this.stack.push({ rule, site });
    this.calls++;
    try {
      return parse();
    } catch (error) {
      if (error !== RECOGNITION) throw error;
      const at = this.resyncPosition();
      const to = this.typeAt(at);
      const mine = this.stack.length === 1 ? TOP_RESYNC : site.first;
      if (!mine.has(to)) throw error;
      this.i = at;
      return undefined as R;
    } finally {
      this.stack.pop();
    }
  }

  /** Where the first token ahead is that some rule on the stack could go on with (`tokens.length`: the end). */
  protected resyncPosition(): number {
    // One fault unwinds frame by frame, consuming nothing and calling no rule, each frame asking
    // with the stack below it: the answers for every depth are worked out once per unwinding.
    const key = this.calls;
    if (this.resync === undefined || this.resync.key !== key || this.resync.at !== this.i) {
      const byDepth: number[] = [];
      let nearest = this.tokens.length;
      for (let s = 1; s < this.stack.length; s++) {
        for (const type of (this.stack[s] as Frame).site.first) nearest = Math.min(nearest, this.next(type));
        byDepth[s] = nearest;
      }
      this.resync = { key, at: this.i, byDepth };
    }
    return this.stack.length === 1 ? this.tokens.length : (this.resync.byDepth[this.stack.length - 1] as number);
  }

  private typeAt(position: number): TokenType {
    return this.tokens[position]?.tokenType ?? EOF_TYPE;
  }

  /** The position of the next token of `type` from here on (`tokens.length` if none). */
  private next(type: TokenType): number {
    this.positions ??= positionsByType(this.tokens);
    const list = this.positions.get(type);
    if (list === undefined) return this.tokens.length;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as number) < this.i) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] ?? this.tokens.length;
  }

  /** What may come after a token with `after` as its in-rule rest, through the callers' rests. */
  protected follows(after: Follow): Set<TokenType> {
    const out = new Set(after.first);
    if (!after.nullable) return out;
    for (let s = this.stack.length - 1; s > 0; s--) {
      const site = (this.stack[s] as Frame).site;
      for (const t of site.first) out.add(t);
      if (!site.nullable) break;
    }
    return out;
  }

  /** A required token: taken, inserted, or found behind one stray token; else a fault. */
  protected consume(type: TokenType, after: Follow): Lexeme {
    const token = this.la();
    if (token.tokenType === type) {
      this.i++;
      return token;
    }
    this.faults.push({ token, kind: "mismatch", required: type.name, rule: this.rule() });
    if (this.follows(after).has(token.tokenType)) return virtualToken(type);
    if (this.is(type, 2)) {
      this.i += 2;
      return this.la(0);
    }
    throw RECOGNITION;
  }

  /** Reports what the grammar cannot say; not about inserted tokens, which have no place. */
  protected complain(complaint: Complaint, span: Span): void {
    if (Number.isFinite(span.start) && Number.isFinite(span.end)) this.reporter.error("syntax", complaint.message, span, complaint.hint);
  }

  protected spanFrom(first: Lexeme): Span {
    return spanOver(first, this.la(0));
  }
}

function positionsByType(tokens: readonly Lexeme[]): Map<TokenType, number[]> {
  const positions = new Map<TokenType, number[]>();
  tokens.forEach((token, i) => {
    const list = positions.get(token.tokenType);
    if (list === undefined) positions.set(token.tokenType, [i]);
    else list.push(i);
  });
  return positions;
}
