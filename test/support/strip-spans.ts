/** Copies a node without its spans, for comparing trees that came from different texts. */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripSpans) as T;
  if (node !== null && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== "span") out[k] = stripSpans(v);
    return out as T;
  }
  return node;
}
