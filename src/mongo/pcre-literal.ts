/**
 * One character as PCRE pattern text: ASCII letters and digits as themselves, everything else
 * as `\x{…}` (never a metacharacter, never a NUL byte, which the server refuses in a pattern).
 */
export function literal(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCodePoint(cp);
  return `\\x{${cp.toString(16)}}`;
}

/** A string as a PCRE pattern matching exactly that string. */
export function literalText(s: string): string {
  let out = "";
  for (const c of s) out += literal(c.codePointAt(0) as number);
  return out;
}
