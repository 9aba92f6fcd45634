/**
 * `$regex` as a MongoDB 8.0 server runs it (PCRE2, UTF mode always — src/mongo/util/pcre_util.cpp
 * `flagsToOptions` starts from `pcre::UTF` — and `$options` "i" → caseless), for the
 * reference interpreter. It accepts a plain subset of PCRE syntax and rewrites each construct into
 * a JavaScript RegExp (flag `u`) that means the same thing; anything outside the subset throws, so
 * the reference never silently gives a JavaScript answer to a PCRE question.
 *
 * Where PCRE and JavaScript differ on the subset, the rewrite follows PCRE:
 * - `$` matches at the end of the subject or before a final "\n" (PCRE2 without DOLLAR_ENDONLY);
 * - `.` matches any character but "\n" (PCRE2's default newline is LF; JavaScript also stops at
 *   "\r", U+2028 and U+2029);
 * - `\s` is the ASCII set [\t\n\v\f\r ] (no UCP; JavaScript's `\s` has Unicode spaces);
 * - `\d`, `\w` are ASCII. Under "i", JavaScript folds `\w` (it then matches U+017F and U+212A)
 *   while PCRE does not, so `\w`/`\W` with "i" are refused.
 * - `\A`, `\z`, `\Z` are PCRE-only anchors.
 * - `\x{…}` naming a surrogate (U+D800–U+DFFF) is an error in UTF mode, as in PCRE2.
 * Caseless literals and classes: PCRE2 in UTF mode folds by Unicode simple case folding including
 * its caseless sets (k/K/U+212A, s/S/U+017F, ...), as JavaScript's `iu` does.
 */

const HEX = /^[0-9A-Fa-f]$/;

function lit(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

class Translator {
  private i = 0;
  private readonly chars: string[];

  constructor(
    private readonly source: string,
    private readonly caseless: boolean,
  ) {
    this.chars = Array.from(source);
  }

  fail(what: string): never {
    throw new Error(`reference regex: ${what} in /${this.source}/ is outside the supported PCRE subset`);
  }

  peek(k = 0): string | undefined {
    return this.chars[this.i + k];
  }

  run(): string {
    const out = this.alternation();
    if (this.i < this.chars.length) this.fail("unbalanced ')'");
    return out;
  }

  alternation(): string {
    const parts = [this.sequence()];
    while (this.peek() === "|") {
      this.i++;
      parts.push(this.sequence());
    }
    return parts.join("|");
  }

  sequence(): string {
    let out = "";
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === "|" || c === ")") return out;
      const { text, quantifiable } = this.atom();
      const q = this.quantifier();
      if (q !== "" && !quantifiable) this.fail("a quantified anchor");
      out += q === "" ? text : `(?:${text})${q}`;
    }
  }

  quantifier(): string {
    const c = this.peek();
    let q = "";
    if (c === "*" || c === "+" || c === "?") {
      this.i++;
      q = c;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.chars.slice(this.i).join(""));
      if (m === null) this.fail("a '{' that is not a quantifier");
      this.i += Array.from(m[0]).length;
      q = m[0];
    } else return "";
    if (this.peek() === "?") {
      this.i++;
      q += "?";
    } else if (this.peek() === "+") this.fail("a possessive quantifier");
    const next = this.peek();
    if (next === "*" || next === "+" || next === "?" || next === "{") this.fail("a doubled quantifier");
    return q;
  }

  atom(): { text: string; quantifiable: boolean } {
    const c = this.peek() as string;
    this.i++;
    switch (c) {
      case "(": {
        if (this.peek() === "?") {
          if (this.peek(1) !== ":") this.fail("a '(?' group other than '(?:'");
          this.i += 2;
        }
        const inner = this.alternation();
        if (this.peek() !== ")") this.fail("an unclosed group");
        this.i++;
        return { text: `(?:${inner})`, quantifiable: true };
      }
      case "[":
        return { text: this.charClass(), quantifiable: true };
      case ".":
        return { text: "[^\\n]", quantifiable: true };
      case "^":
        return { text: "^", quantifiable: false };
      case "$":
        return { text: "(?=\\n?(?![\\s\\S]))", quantifiable: false };
      case "*":
      case "+":
      case "?":
      case "{":
        return this.fail(`a '${c}' with nothing to repeat`);
      case "\\":
        return this.escape();
      default:
        if (c === "\u0000") this.fail("a NUL character");
        return { text: lit(c.codePointAt(0) as number), quantifiable: true };
    }
  }

  /** The escapes both outside and inside classes: a code point, or undefined. */
  literalEscape(e: string): number | undefined {
    if (e === "n") return 10;
    if (e === "t") return 9;
    if (e === "r") return 13;
    if (e === "f") return 12;
    if (e === "x") {
      if (this.peek() === "{") {
        const end = this.chars.indexOf("}", this.i);
        const hex = this.chars.slice(this.i + 1, end).join("");
        if (end < 0 || hex.length === 0 || !Array.from(hex).every((h) => HEX.test(h))) this.fail("a malformed \\x{...}");
        this.i = end + 1;
        const cp = parseInt(hex, 16);
        // PCRE2 in UTF mode: "disallowed Unicode code point (>= 0xd800 && <= 0xdfff)" (error 173).
        if (cp >= 0xd800 && cp <= 0xdfff) this.fail("a surrogate code point");
        if (cp > 0x10ffff) this.fail("a code point above U+10FFFF");
        return cp;
      }
      const hex = `${this.peek() ?? ""}${this.peek(1) ?? ""}`;
      if (hex.length !== 2 || !HEX.test(hex[0] as string) || !HEX.test(hex[1] as string)) this.fail("a \\x escape without two hex digits");
      this.i += 2;
      return parseInt(hex, 16);
    }
    const cp = e.codePointAt(0) as number;
    // In PCRE an escaped ASCII non-alphanumeric character is always that character.
    if (cp < 128 && !/[0-9A-Za-z]/.test(e)) return cp;
    return undefined;
  }

  classEscape(e: string): string | undefined {
    if (e === "d") return "0-9";
    if (e === "s") return "\\t\\n\\x0B\\f\\r ";
    if (e === "w") {
      if (this.caseless) this.fail("\\w under the 'i' option");
      return "0-9A-Za-z_";
    }
    return undefined;
  }

  escape(): { text: string; quantifiable: boolean } {
    const e = this.peek();
    if (e === undefined) this.fail("a trailing '\\'");
    this.i++;
    if (e === "A") return { text: "^", quantifiable: false };
    if (e === "z") return { text: "(?![\\s\\S])", quantifiable: false };
    if (e === "Z") return { text: "(?=\\n?(?![\\s\\S]))", quantifiable: false };
    const set = this.classEscape(e.toLowerCase());
    if (set !== undefined && "dsw".includes(e.toLowerCase())) {
      return { text: e === e.toLowerCase() ? `[${set}]` : `[^${set}]`, quantifiable: true };
    }
    const cp = this.literalEscape(e);
    if (cp === undefined) this.fail(`the escape \\${e}`);
    return { text: lit(cp), quantifiable: true };
  }

  classAtom(): { text: string; cp?: number } {
    const c = this.peek();
    if (c === undefined) this.fail("an unclosed class");
    this.i++;
    if (c === "\\") {
      const e = this.peek();
      if (e === undefined) this.fail("a trailing '\\'");
      this.i++;
      if ("DSW".includes(e)) this.fail(`\\${e} inside a class`);
      const set = this.classEscape(e);
      if (set !== undefined) return { text: set };
      const cp = this.literalEscape(e);
      if (cp === undefined) this.fail(`the escape \\${e} inside a class`);
      return { text: lit(cp), cp };
    }
    if (c === "[" && (this.peek() === ":" || this.peek() === "." || this.peek() === "=")) this.fail("a POSIX class");
    if (c === "\u0000") this.fail("a NUL character");
    const cp = c.codePointAt(0) as number;
    return { text: lit(cp), cp };
  }

  charClass(): string {
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.i++;
    }
    if (this.peek() === "]") this.fail("a class starting with ']'");
    let body = "";
    while (this.peek() !== "]") {
      const from = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.i++;
        const to = this.classAtom();
        if (from.cp === undefined || to.cp === undefined) this.fail("a range with a class escape at an end");
        if (from.cp > to.cp) this.fail("a reversed range");
        body += `${from.text}-${to.text}`;
      } else body += from.text;
    }
    this.i++;
    return `[${negated ? "^" : ""}${body}]`;
  }
}

/** The JavaScript RegExp that means what `{ $regex: source, $options: options }` means on the server. */
export function pcreToRegExp(source: string, options: string): RegExp {
  // jstests/core/query/regex/regex_max_pattern_length.js: 32,767 characters fail (error 51091).
  if (source.length >= 32767) throw new Error("reference regex: pattern string is longer than the server's limit");
  for (const f of options) if (f !== "i") throw new Error(`reference regex: option '${f}' is not supported`);
  const caseless = options.includes("i");
  return new RegExp(new Translator(source, caseless).run(), caseless ? "iu" : "u");
}
