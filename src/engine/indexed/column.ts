/**
 * One path of a record index: which records hold which plain value there. A record counts as
 * "keyed" only when the path walks own properties of plain objects (no arrays, class instances)
 * to a string, number, boolean or null; "missing" when it stops at a plain
 * object without that property. Every other record is in `others`, and index plans hand those
 * to the compiled record test instead of vouching for them. For keyed and missing records a
 * predicate's answer depends only on the value, which is what lets a plan answer for a whole
 * group of records with one test.
 */
import { compareCodePoints } from "../code-point-order.js";
import { Bitset } from "./bitset.js";
import { memo } from "./memo.js";

export type Key = string | number | boolean | null;

const MISSING = Symbol("missing");
const OTHER = Symbol("other");

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The value at `segments` if the index can vouch for it, or MISSING / OTHER. Reads go through
 * getters as a scan's would; a getter or proxy trap that throws makes the record OTHER.
 */
function walk(record: unknown, segments: readonly string[]): Key | typeof MISSING | typeof OTHER {
  let value = record;
  try {
    for (const segment of segments) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return OTHER;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return OTHER;
      if (!hasOwn.call(value, segment)) return MISSING;
      value = (value as Record<string, unknown>)[segment];
    }
  } catch {
    return OTHER;
  }
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  // -0 would share a group with 0; keep it out so no operator can tell them apart by accident.
  if (typeof value === "number" && !Object.is(value, -0)) return value;
  return OTHER;
}

/** Entries of one type, sorted by value: a range of values is one contiguous slice of positions. */
export interface SortedEntries<V> {
  readonly values: ArrayLike<V>;
  readonly positions: Int32Array;
}

/** A Float64Array or an array, sized up front. */
type Writable<V> = { [index: number]: V; readonly length: number };

export class Column {
  /** The distinct keyed values; group `g` holds positions `positions[offsets[g] .. offsets[g + 1])`. */
  readonly keys: readonly Key[];
  readonly groupOf: ReadonlyMap<Key, number>;
  readonly offsets: Int32Array;
  readonly positions: Int32Array;
  readonly missing: Int32Array;
  readonly others: Int32Array;
  #numbers: SortedEntries<number> | undefined;
  #strings: SortedEntries<string> | undefined;
  #numberBits: Bitset | undefined;
  #stringBits: Bitset | undefined;
  /** The records the column was built from (the index's own copy). */
  readonly #records: readonly unknown[];
  readonly #gathered = new Map<number, readonly unknown[]>();

  constructor(records: readonly unknown[], segments: readonly string[]) {
    const groupOf = new Map<Key, number>();
    const keys: Key[] = [];
    const groups = new Int32Array(records.length);
    const missing: number[] = [];
    const others: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < records.length; i++) {
      const v = walk(records[i], segments);
      if (v === MISSING) { missing.push(i); groups[i] = -1; continue; }
      if (v === OTHER) { others.push(i); groups[i] = -1; continue; }
      let g = groupOf.get(v);
      if (g === undefined) {
        g = keys.length;
        groupOf.set(v, g);
        keys.push(v);
        counts.push(0);
      }
      groups[i] = g;
      counts[g] = (counts[g] as number) + 1;
    }
    const offsets = new Int32Array(keys.length + 1);
    for (let g = 0; g < keys.length; g++) offsets[g + 1] = (offsets[g] as number) + (counts[g] as number);
    const fill = offsets.slice(0, keys.length);
    const positions = new Int32Array(offsets[keys.length] as number);
    for (let i = 0; i < records.length; i++) {
      const g = groups[i] as number;
      if (g >= 0) positions[(fill[g] as number)++] = i;
    }
    this.keys = keys;
    this.groupOf = groupOf;
    this.offsets = offsets;
    this.positions = positions;
    this.missing = Int32Array.from(missing);
    this.others = Int32Array.from(others);
    this.#records = records;
  }

  /**
   * The records of group `g`, gathered once: answering `path = value` is then one contiguous
   * copy instead of a gather from scattered positions.
   */
  recordsOf(g: number): readonly unknown[] {
    return memo(this.#gathered, g, () => {
      const positions = this.group(g);
      const out = new Array<unknown>(positions.length);
      const records = this.#records;
      for (let i = 0; i < positions.length; i++) out[i] = records[positions[i] as number];
      return out;
    });
  }

  /** Positions of the records holding `key`, in order (empty when none does). */
  group(g: number): Int32Array {
    return this.positions.subarray(this.offsets[g], this.offsets[g + 1]);
  }

  /** Keyed numbers (NaN left out: it orders against nothing), sorted; built on the first range query. */
  get numbers(): SortedEntries<number> {
    if (this.#numbers === undefined) {
      const groups = this.sortedNumberGroups();
      this.#numbers = this.entries<number>(groups, new Float64Array(this.sizeOf(groups)));
    }
    return this.#numbers;
  }

  get strings(): SortedEntries<string> {
    if (this.#strings === undefined) {
      const groups = this.sortedStringGroups();
      this.#strings = this.entries<string>(groups, new Array<string>(this.sizeOf(groups)));
    }
    return this.#strings;
  }

  /** Every position holding a (non-NaN) number. */
  get numberBits(): Bitset {
    return (this.#numberBits ??= this.bitsOf(this.numbers.positions));
  }

  get stringBits(): Bitset {
    return (this.#stringBits ??= this.bitsOf(this.strings.positions));
  }

  private bitsOf(positions: Int32Array): Bitset {
    const bits = new Bitset(this.#records.length);
    bits.addAll(positions);
    return bits;
  }

  /** The number groups by value, compared as doubles read from one typed array. */
  private sortedNumberGroups(): number[] {
    const value = new Float64Array(this.keys.length);
    const groups: number[] = [];
    for (let g = 0; g < this.keys.length; g++) {
      const k = this.keys[g];
      if (typeof k === "number" && !Number.isNaN(k)) {
        value[g] = k;
        groups.push(g);
      }
    }
    return groups.sort((a, b) => (value[a] as number) - (value[b] as number));
  }

  private sortedStringGroups(): number[] {
    const groups: number[] = [];
    for (let g = 0; g < this.keys.length; g++) if (typeof this.keys[g] === "string") groups.push(g);
    // Code-point order, as ranges compare strings (SPEC §4).
    return groups.sort((a, b) => compareCodePoints(this.keys[a] as string, this.keys[b] as string));
  }

  private sizeOf(groups: readonly number[]): number {
    let total = 0;
    for (const g of groups) total += (this.offsets[g + 1] as number) - (this.offsets[g] as number);
    return total;
  }

  /** The entries of the given groups, in the groups' order, into `values` (sized up front). */
  private entries<V extends number | string>(groups: readonly number[], values: Writable<V>): SortedEntries<V> {
    const positions = new Int32Array(values.length);
    const { offsets, keys } = this;
    let at = 0;
    // Index by index, not group by group: most groups of a many-valued field hold one record.
    for (const g of groups) {
      const key = keys[g] as V;
      for (let i = offsets[g] as number; i < (offsets[g + 1] as number); i++) {
        positions[at] = this.positions[i] as number;
        values[at++] = key;
      }
    }
    return { values, positions };
  }
}
