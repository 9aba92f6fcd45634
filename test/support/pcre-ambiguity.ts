/**
 * A check of emitted PCRE text, independent of the emitter's own analysis: a backtracking engine
 * takes exponential time when a repeated group can read the same text in two ways (each
 * iteration doubles the ways to undo). For every unbounded repetition in the text, this counts
 * directly how many ways it can read every short word over characters that matter to it (the
 * low end of each range in it: any two overlapping ranges share the larger of their low ends).
 * It reads only what the emitter writes: characters as ASCII letters/digits or `\x{…}`,
 * brackets, `(?:…)`, `|`, `* + ?`, `^` and `\z`.
 */

type Pcre =
  | { readonly kind: "set"; readonly ranges: readonly (readonly [number, number])[] }
  | { readonly kind: "empty" }
  | { readonly kind: "seq"; readonly items: readonly Pcre[] }
  | { readonly kind: "or"; readonly items: readonly Pcre[] }
  | { readonly kind: "rep"; readonly item: Pcre; readonly q: "*" | "+" | "?" };

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  all(): Pcre {
    const out = this.or();
    if (this.at !== this.text.length) throw new Error(`pcre-ambiguity: stray text at ${this.at} in ${this.text}`);
    return out;
  }

  private or(): Pcre {
    const items = [this.seq()];
    while (this.text[this.at] === "|") {
      this.at++;
      items.push(this.seq());
    }
    return items.length === 1 ? (items[0] as Pcre) : { kind: "or", items };
  }

  private seq(): Pcre {
    const items: Pcre[] = [];
    while (this.at < this.text.length && this.text[this.at] !== "|" && this.text[this.at] !== ")") {
      let item = this.atom();
      const q = this.text[this.at];
      if (q === "*" || q === "+" || q === "?") {
        this.at++;
        item = { kind: "rep", item, q };
      }
      items.push(item);
    }
    return { kind: "seq", items };
  }

  private atom(): Pcre {
    if (this.text.startsWith("(?:", this.at)) {
      this.at += 3;
      const inner = this.or();
      if (this.text[this.at] !== ")") throw new Error(`pcre-ambiguity: unclosed group in ${this.text}`);
      this.at++;
      return inner;
    }
    if (this.text[this.at] === "^") {
      this.at++;
      return { kind: "empty" };
    }
    if (this.text.startsWith("\\z", this.at)) {
      this.at += 2;
      return { kind: "empty" };
    }
    if (this.text[this.at] === "[") return this.bracket();
    const c = this.char();
    return { kind: "set", ranges: [[c, c]] };
  }

  private char(): number {
    const m = /^(?:\\x\{([0-9a-f]+)\}|([0-9A-Za-z]))/.exec(this.text.slice(this.at));
    if (m === null) throw new Error(`pcre-ambiguity: unexpected text at ${this.at} in ${this.text}`);
    this.at += m[0].length;
    return m[1] !== undefined ? parseInt(m[1], 16) : (m[2] as string).charCodeAt(0);
  }

  private bracket(): Pcre {
    this.at++;
    const negated = this.text[this.at] === "^";
    if (negated) this.at++;
    const ranges: [number, number][] = [];
    while (this.text[this.at] !== "]") {
      const lo = this.char();
      let hi = lo;
      if (this.text[this.at] === "-") {
        this.at++;
        hi = this.char();
      }
      ranges.push([lo, hi]);
    }
    this.at++;
    if (!negated) return { kind: "set", ranges };
    const out: [number, number][] = [];
    let next = 0;
    for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
      if (lo > next) out.push([next, lo - 1]);
      next = Math.max(next, hi + 1);
    }
    if (next <= 0x10ffff) out.push([next, 0x10ffff]);
    return { kind: "set", ranges: out };
  }
}

/** Ways (0, 1, or 2 for "several") `p` matches w[i, j); a loop's iterations each read something. */
function ways(p: Pcre, w: readonly number[], i: number, j: number): number {
  switch (p.kind) {
    case "set": return j === i + 1 && p.ranges.some(([lo, hi]) => (w[i] as number) >= lo && (w[i] as number) <= hi) ? 1 : 0;
    case "empty": return i === j ? 1 : 0;
    case "or": return Math.min(2, p.items.reduce((k, x) => k + ways(x, w, i, j), 0));
    case "seq": return seqWays(p.items, 0, w, i, j);
    case "rep": {
      if (p.q === "?") return Math.min(2, ways(p.item, w, i, j) + (i === j ? 1 : 0));
      if (i === j) return Math.min(2, ways(p.item, w, i, i) + (p.q === "*" ? 1 : 0));
      let k = 0;
      for (let m = i + 1; m <= j; m++) {
        const head = ways(p.item, w, i, m);
        if (head > 0) k += head * (m === j ? 1 : ways({ kind: "rep", item: p.item, q: "+" }, w, m, j));
      }
      return Math.min(2, k);
    }
  }
}

function seqWays(items: readonly Pcre[], at: number, w: readonly number[], i: number, j: number): number {
  const first = items[at];
  if (first === undefined) return i === j ? 1 : 0;
  let k = 0;
  for (let m = i; m <= j && k < 2; m++) {
    const head = ways(first, w, i, m);
    if (head > 0) k += head * seqWays(items, at + 1, w, m, j);
  }
  return Math.min(2, k);
}

function loops(p: Pcre, out: Pcre[] = []): Pcre[] {
  if (p.kind === "rep") {
    if (p.q !== "?") out.push(p);
    loops(p.item, out);
  } else if (p.kind === "seq" || p.kind === "or") for (const x of p.items) loops(x, out);
  return out;
}

function lows(p: Pcre, out: Set<number>): Set<number> {
  if (p.kind === "set") for (const [lo] of p.ranges) out.add(lo);
  else if (p.kind === "rep") lows(p.item, out);
  else if (p.kind === "seq" || p.kind === "or") for (const x of p.items) lows(x, out);
  return out;
}

function* words(alphabet: readonly number[], length: number): Generator<number[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const w of words(alphabet, length - 1)) for (const c of alphabet) yield [...w, c];
}

/**
 * A repeated group of `pcre` and a word it reads in two ways (as code points), or undefined
 * when every repetition reads every word up to `maxLength` (fewer for large alphabets) one way.
 */
export function ambiguousLoop(pcre: string, maxLength = 4): { loop: string; word: number[] } | undefined {
  for (const loop of loops(new Reader(pcre).all())) {
    const alphabet = [...lows(loop, new Set())];
    let length = 1;
    while (length < maxLength && alphabet.length ** (length + 1) <= 4096) length++;
    for (let n = 1; n <= length; n++) {
      for (const w of words(alphabet, n)) if (ways(loop, w, 0, w.length) > 1) return { loop: JSON.stringify(loop), word: w };
    }
  }
  return undefined;
}
