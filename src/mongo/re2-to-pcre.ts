/**
 * `matches` patterns are RE2 syntax; MongoDB runs PCRE2. This rewrites the part of RE2 whose
 * meaning can be spelled out exactly in PCRE, and refuses the rest (the caller turns the refusal
 * into an `unsupported-by-dialect` diagnostic). Every character is written as `\x{…}` or a plain
 * ASCII letter/digit, so no RE2 text reaches PCRE unread. Rewrites where the two differ:
 * - `$` is the end of the text in RE2 but also "before a final newline" in PCRE: written `\z`;
 * - `.` never matches "\n" in RE2; written `[^\n]` (independent of PCRE's newline setting);
 * - `\s` is [\t\n\f\r ] in RE2 (PCRE adds \v): written out;
 * - `\d`, `\w` are ASCII in both; written out. With "i", RE2 folds `\w` (adding U+017F and
 *   U+212A) and PCRE does not: refused.
 * Refused: `\b`, `\B`, `\p{…}`, `\Q…\E`, `\C`, POSIX classes, flag groups `(?i)`, and nested
 * repetition (`(a+)*`, or an alternation other than literal words with distinct first
 * characters: `(a|ab)*`), which a backtracking engine such as PCRE may take exponential time on
 * (SPEC §6). `(foo|bar)+` is kept: each step can be taken one way only.
 */
import { literal } from "./pcre-literal.js";

export type Translation = { ok: true; pattern: string } | { ok: false; reason: string };

class Refusal {
  constructor(readonly reason: string) {}
}

const SPACE = [9, 10, 12, 13, 32];
const DIGIT: [number, number][] = [[0x30, 0x39]];
const WORD: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];

function ranges(rs: readonly [number, number][]): string {
  return rs.map(([a, b]) => (a === b ? literal(a) : `${literal(a)}-${literal(b)}`)).join("");
}

interface Piece {
  readonly text: string;
  /** Holds a repetition or an ambiguous alternation (repeating it again could be catastrophic for PCRE). */
  readonly risky: boolean;
  readonly anchor: boolean;
  /** The code points, when the piece is a plain run of literal characters. */
  readonly literal?: readonly number[];
}

class Parser {
  private i = 0;
  private readonly cs: string[];

  constructor(source: string, private readonly caseless: boolean) {
    this.cs = Array.from(source);
  }

  refuse(reason: string): never {
    throw new Refusal(reason);
  }

  peek(k = 0): string | undefined {
    return this.cs[this.i + k];
  }

  alternation(): Piece {
    const parts = [this.sequence()];
    while (this.peek() === "|") {
      this.i++;
      parts.push(this.sequence());
    }
    if (parts.length === 1) return parts[0] as Piece;
    // Literal words with distinct first characters (`foo|bar`) can only be taken one way, so
    // repeating them is safe; any other alternation counts as ambiguous.
    const firsts = parts.map((p) => p.literal?.[0]);
    const deterministic = !this.caseless && firsts.every((f) => f !== undefined) && new Set(firsts).size === firsts.length;
    return { text: parts.map((p) => p.text).join("|"), risky: !deterministic, anchor: false };
  }

  sequence(): Piece {
    let text = "";
    let risky = false;
    let word: number[] | undefined = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === "|" || c === ")") return { text, risky, anchor: false, ...(word === undefined ? {} : { literal: word }) };
      const atom = this.atom();
      const q = this.quantifier();
      if (q === "") {
        text += atom.text;
        risky ||= atom.risky;
        word = word !== undefined && atom.literal !== undefined ? [...word, ...atom.literal] : undefined;
        continue;
      }
      word = undefined;
      if (atom.anchor) this.refuse("a repeated anchor");
      if (atom.risky) this.refuse("a repetition of a group that itself repeats or alternates (catastrophic backtracking in PCRE)");
      text += `(?:${atom.text})${q}`;
      risky = true;
    }
  }

  quantifier(): string {
    const c = this.peek();
    let q: string;
    if (c === "*" || c === "+" || c === "?") {
      this.i++;
      q = c;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.cs.slice(this.i, this.i + 16).join(""));
      if (m === null) return "";
      this.i += m[0].length;
      q = m[0];
    } else return "";
    if (this.peek() === "?") {
      this.i++;
      q += "?";
    }
    return q;
  }

  atom(): Piece {
    const c = this.peek() as string;
    this.i++;
    const plain = (text: string): Piece => ({ text, risky: false, anchor: false });
    switch (c) {
      case "(": {
        if (this.peek() === "?") {
          if (this.peek(1) === ":") this.i += 2;
          else if (this.peek(1) === "P" || this.peek(1) === "<") {
            const close = this.cs.indexOf(">", this.i);
            if (close < 0) this.refuse("a malformed group name");
            this.i = close + 1;
          } else this.refuse("a flag group such as (?i)");
        }
        const inner = this.alternation();
        if (this.peek() !== ")") this.refuse("an unclosed group");
        this.i++;
        return { text: `(?:${inner.text})`, risky: inner.risky, anchor: false };
      }
      case "[":
        return plain(this.charClass());
      case ".":
        return plain("[^\\x{a}]");
      case "^":
        return { text: "^", risky: false, anchor: true };
      case "$":
        return { text: "\\z", risky: false, anchor: true };
      case "\\":
        return this.escape();
      default: {
        const cp = c.codePointAt(0) as number;
        return { text: literal(cp), risky: false, anchor: false, literal: [cp] };
      }
    }
  }

  /** A class escape's ranges (positive form), or undefined. */
  perlClass(e: string): [number, number][] | undefined {
    switch (e.toLowerCase()) {
      case "d":
        return DIGIT;
      case "s":
        return SPACE.map((x) => [x, x] as [number, number]);
      case "w":
        if (this.caseless) this.refuse("\\w or \\W with case-insensitive matching (RE2 folds it, PCRE does not)");
        return WORD;
      default:
        return undefined;
    }
  }

  literalEscape(e: string): number {
    switch (e) {
      case "n": return 10;
      case "t": return 9;
      case "r": return 13;
      case "f": return 12;
      case "v": return 11;
      case "a": return 7;
      case "x": {
        if (this.peek() === "{") {
          const close = this.cs.indexOf("}", this.i);
          const hex = this.cs.slice(this.i + 1, close).join("");
          if (close < 0 || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) this.refuse("a malformed \\x{…}");
          this.i = close + 1;
          return parseInt(hex, 16);
        }
        const hex = this.cs.slice(this.i, this.i + 2).join("");
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) this.refuse("a malformed \\x escape");
        this.i += 2;
        return parseInt(hex, 16);
      }
      default: {
        const cp = e.codePointAt(0) as number;
        if (cp < 128 && !/[0-9A-Za-z]/.test(e)) return cp;
        return this.refuse(`the escape \\${e}`);
      }
    }
  }

  escape(): Piece {
    const e = this.peek();
    if (e === undefined) this.refuse("a trailing backslash");
    this.i++;
    if (e === "A") return { text: "\\A", risky: false, anchor: true };
    if (e === "z") return { text: "\\z", risky: false, anchor: true };
    const cls = this.perlClass(e);
    if (cls !== undefined) return { text: `[${e === e.toLowerCase() ? "" : "^"}${ranges(cls)}]`, risky: false, anchor: false };
    const cp = this.literalEscape(e);
    return { text: literal(cp), risky: false, anchor: false, literal: [cp] };
  }

  classItem(): { text: string; cp?: number } {
    const c = this.peek();
    if (c === undefined) this.refuse("an unclosed class");
    this.i++;
    if (c === "[" && this.peek() === ":") this.refuse("a POSIX class such as [:alpha:]");
    if (c !== "\\") return { text: literal(c.codePointAt(0) as number), cp: c.codePointAt(0) as number };
    const e = this.peek();
    if (e === undefined) this.refuse("a trailing backslash");
    this.i++;
    const cls = this.perlClass(e);
    if (cls !== undefined) {
      if (e !== e.toLowerCase()) this.refuse(`\\${e} inside a class`);
      return { text: ranges(cls) };
    }
    const cp = this.literalEscape(e);
    return { text: literal(cp), cp };
  }

  charClass(): string {
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.i++;
    }
    let body = "";
    let first = true;
    while (first || this.peek() !== "]") {
      // RE2 reads a `]` right after `[` or `[^` as a literal.
      if (first && this.peek() === "]") {
        this.i++;
        body += literal(0x5d);
        first = false;
        continue;
      }
      first = false;
      const from = this.classItem();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.i++;
        const to = this.classItem();
        if (from.cp === undefined || to.cp === undefined) this.refuse("a range with a class at one end");
        body += `${from.text}-${to.text}`;
      } else body += from.text;
    }
    this.i++;
    return `[${negated ? "^" : ""}${body}]`;
  }

  run(): string {
    const p = this.alternation();
    if (this.i < this.cs.length) this.refuse("an unbalanced ')'");
    return p.text;
  }
}

/** The PCRE form of an RE2 pattern (that RE2 accepts), or why there is none. */
export function re2ToPcre(pattern: string, caseless: boolean): Translation {
  try {
    return { ok: true, pattern: new Parser(pattern, caseless).run() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}
