/**
 * A fixed-size set of record positions, one bit per record. Index plans combine these with
 * word-wide and/or/and-not, so an `and` of two predicates over 200,000 records costs 6,250
 * word operations, whatever the predicates' selectivity.
 */
export class Bitset {
  readonly words: Int32Array;

  constructor(readonly size: number, words?: Int32Array) {
    // Int32, not Uint32: a word with its top bit set stays a small integer for V8, not a double.
    this.words = words ?? new Int32Array((size + 31) >>> 5);
  }

  /** Every position below `size`. */
  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(-1);
    const tail = size & 31;
    if (tail !== 0) b.words[b.words.length - 1] = (1 << tail) - 1;
    return b;
  }

  copy(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  clear(): this {
    this.words.fill(0);
    return this;
  }

  add(position: number): void {
    (this.words[position >>> 5] as number) |= 1 << (position & 31);
  }

  addAll(positions: Int32Array): void {
    const w = this.words;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as number;
      (w[p >>> 5] as number) |= 1 << (p & 31);
    }
  }

  removeAll(positions: Int32Array): void {
    const w = this.words;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as number;
      (w[p >>> 5] as number) &= ~(1 << (p & 31));
    }
  }

  /** this ∩= other */
  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) & (b[i] as number);
    return this;
  }

  /** this ∪= other */
  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) | (b[i] as number);
    return this;
  }

  /** this \= other */
  andNot(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) & ~(b[i] as number);
    return this;
  }

  count(): number {
    let n = 0;
    for (const word of this.words) {
      let v = word - ((word >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  /** The items at the set positions, in position order. */
  select<T>(items: readonly T[]): T[] {
    // Sized up front: growing the array by pushes costs twice as much.
    const out = new Array<T>(this.count());
    let k = 0;
    const w = this.words;
    for (let i = 0; i < w.length; i++) {
      let word = w[i] as number;
      const base = i << 5;
      while (word !== 0) {
        const low = word & -word;
        out[k++] = items[base + 31 - Math.clz32(low)] as T;
        word ^= low;
      }
    }
    return out;
  }

  /** Calls `fn` with each set position, in order. (`select` repeats this loop inline: it is the hot one.) */
  forEach(fn: (position: number) => void): void {
    const w = this.words;
    for (let i = 0; i < w.length; i++) {
      let word = w[i] as number;
      const base = i << 5;
      while (word !== 0) {
        const low = word & -word;
        fn(base + 31 - Math.clz32(low));
        word ^= low;
      }
    }
  }
}
