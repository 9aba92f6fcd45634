/**
 * Words for the full-text operator `~`: maximal runs of Unicode letters, marks and digits,
 * lowercased. `body ~ "quick fox"` holds when every word of the value is a word of the field.
 */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function hasAllWords(text: string, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true;
  const have = new Set(words(text));
  return wanted.every((w) => have.has(w));
}
