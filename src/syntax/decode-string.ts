/**
 * Decodes the body of a quoted string: JSON escapes plus `\'`. Returns the value, or the
 * offset (within `image`) and text of the first bad escape.
 */
const SIMPLE: Record<string, string> = { '"': '"', "'": "'", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

export type Decoded = { ok: true; value: string } | { ok: false; offset: number; length: number; message: string };

export function decodeString(image: string, bodyStart: number, bodyEnd: number): Decoded {
  const firstEscape = image.indexOf("\\", bodyStart);
  if (firstEscape < 0 || firstEscape >= bodyEnd) {
    return { ok: true, value: image.slice(bodyStart, bodyEnd) };
  }
  let out = image.slice(bodyStart, firstEscape);
  let i = firstEscape;
  while (i < bodyEnd) {
    const c = image[i] as string;
    if (c !== "\\") {
      out += c;
      i++;
      continue;
    }
    const e = image[i + 1];
    if (e === undefined || i + 1 >= bodyEnd) return { ok: false, offset: i, length: 1, message: "a string may not end with a lone `\\`" };
    const simple = SIMPLE[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    if (e === "u") {
      const hex = image.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex) && i + 6 <= bodyEnd) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      return { ok: false, offset: i, length: Math.min(6, bodyEnd - i), message: "`\\u` must be followed by four hex digits" };
    }
    return { ok: false, offset: i, length: 2, message: `\`\\${e}\` is not a valid escape` };
  }
  return { ok: true, value: out };
}
