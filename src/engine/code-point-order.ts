/**
 * Strings compare by Unicode code point (MongoDB's binary UTF-8 order), not by UTF-16 code unit
 * as JavaScript's `<` does. The two orders differ only where, at the first differing position,
 * one string holds a surrogate (U+D800–U+DFFF, half of a code point above U+FFFF) and the other a
 * unit in U+E000–U+FFFF: by code point the astral character is the greater, by unit the lesser.
 * So `<` is exact whenever one side has no unit at or above U+D800, which callers check once
 * per constant (or once per sort column) to keep the native comparison on the hot path.
 */

/** Whether `s` has a code unit at or above U+D800, where `<` and code-point order can part. */
export function hasHighUnits(s: string): boolean {
  return HIGH_UNIT.test(s);
}

// One character class, no `u` flag: it matches single code units, lone surrogates included.
const HIGH_UNIT = /[\ud800-\uffff]/;

/** Negative, zero or positive as `a` sorts before, with or after `b` by code point. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = lift(x);
      y = lift(y);
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Moves surrogates above U+E000–U+FFFF, where the code points they encode belong. */
function lift(unit: number): number {
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
