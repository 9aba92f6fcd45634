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
export const RECOGNITION = Symbol("recognition");

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

  constructor(
    protected readonly tokens: readonly Lexeme[],
    private readonly reporter: Reporter,
  ) {}

  /** Parses with `rule` as the top rule; input left over is a fault of its own. */
  protected parseAll<R>(rule: string, parse: () => R): R | undefined {
    const result = this.sub(rule, LAST, parse);
    if (this.i < this.tokens.length) this.faults.push({ token: this.la(), kind: "not-all-input", expected: [], rule });
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

  protected fault(kind: FaultKind, expected: readonly string[] = []): typeof RECOGNITION {
    this.faults.push({ token: this.la(), kind, expected, rule: this.stack[this.stack.length - 1]?.rule ?? "query" });
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
    try {
      return parse();
    } catch (error) {
      if (error !== RECOGNITION) throw error;
      const to = this.resyncPoint();
      const mine = this.stack.length === 1 ? TOP_RESYNC : site.first;
      if (!mine.has(to)) throw error;
      while (this.la().tokenType !== to) this.i++;
      return undefined as R;
    } finally {
      this.stack.pop();
    }
  }

  /** The type of the first token ahead that some rule on the stack could go on with. */
  protected resyncPoint(): TokenType {
    for (let k = this.i; k < this.tokens.length; k++) {
      const type = (this.tokens[k] as Lexeme).tokenType;
      for (let s = 0; s < this.stack.length; s++) {
        if ((s === 0 ? TOP_RESYNC : (this.stack[s] as Frame).site.first).has(type)) return type;
      }
    }
    return EOF_TYPE;
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
    this.fault("mismatch", [type.name]);
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
    const last = this.la(0);
    return { start: first.startOffset, end: last.startOffset + last.image.length };
  }
}
