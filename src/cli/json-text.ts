/**
 * `JSON.stringify(value, null, indent)` for any depth. V8's own stringifier recurses, and a
 * record nested some thousands of levels deep (which `JSON.parse` reads without complaint)
 * exhausts its stack; then the same text is written by an explicit stack instead, with the same
 * rules: `toJSON` (a Date's ISO text), `undefined`, functions and symbols left out of objects and
 * `null` in arrays, non-finite numbers as `null`, the same spacing. A value that contains itself
 * is a TypeError, as JSON.stringify's.
 */
export function jsonText(value: unknown, indent = 0): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return deepJsonText(value, indent);
}

/** Work for the explicit stack: text to write, a value to write, or a container to close. */
type Step = { readonly text: string } | { readonly value: unknown; readonly depth: number } | { readonly close: object };

export function deepJsonText(root: unknown, indent: number): string {
  const out: string[] = [];
  const open = new Set<object>();
  const pad = (depth: number): string => (indent > 0 ? `\n${" ".repeat(indent * depth)}` : "");
  const colon = indent > 0 ? ": " : ":";
  const stack: Step[] = [{ value: resolve(root, ""), depth: 0 }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ("text" in step) {
      out.push(step.text);
      continue;
    }
    if ("close" in step) {
      open.delete(step.close);
      continue;
    }
    const { value, depth } = step;
    if (value === null || typeof value !== "object") {
      out.push(scalarText(value));
      continue;
    }
    if (open.has(value)) throw new TypeError("Converting circular structure to JSON");
    const items: [string | undefined, unknown][] = [];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v = resolve(value[i], String(i));
        items.push([undefined, omitted(v) ? null : v]);
      }
    } else {
      for (const key of Object.keys(value)) {
        const v = resolve((value as Record<string, unknown>)[key], key);
        if (!omitted(v)) items.push([key, v]);
      }
    }
    const [start, end] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    if (items.length === 0) {
      out.push(start + end);
      continue;
    }
    open.add(value);
    out.push(start);
    // Pushed in reverse, so they are written in order.
    stack.push({ close: value }, { text: pad(depth) + end });
    for (let i = items.length - 1; i >= 0; i--) {
      const [key, v] = items[i] as [string | undefined, unknown];
      stack.push({ value: v, depth: depth + 1 });
      stack.push({ text: `${i > 0 ? "," : ""}${pad(depth + 1)}${key === undefined ? "" : JSON.stringify(key) + colon}` });
    }
  }
  return out.join("");
}

/** The value as JSON.stringify sees it: after its `toJSON(key)` when it has one. */
function resolve(value: unknown, key: string): unknown {
  if (value !== null && (typeof value === "object" || typeof value === "bigint")) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return (toJSON as (k: string) => unknown).call(value, key);
  }
  return value;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function scalarText(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  // Strings, booleans and null as JSON.stringify writes them (a bigint throws as it does there).
  return JSON.stringify(value) ?? "null";
}
