/**
 * The field a value is being typed for: the last field path before `offset`, read from the
 * library's tokens (`profile.city`, `` `order`.x ``). Used for value completion and hover.
 */
import { tokens, type Token } from "../index.js";

export interface FieldRef {
  /** Dot path as the schema spells it (back-quotes removed). */
  readonly field: string;
  readonly from: number;
  readonly to: number;
}

function segment(text: string, t: Token): string {
  const image = text.slice(t.start, t.end);
  return image.startsWith("`") ? image.slice(1, -1) : image;
}

/** The whole dotted path that contains token `i` (a field token). */
function pathAround(text: string, list: readonly Token[], i: number): FieldRef {
  let first = i;
  while (first >= 2 && isDot(text, list[first - 1]) && list[first - 2]?.type === "field") first -= 2;
  let last = i;
  while (isDot(text, list[last + 1]) && list[last + 2]?.type === "field") last += 2;
  const segments: string[] = [];
  for (let j = first; j <= last; j += 2) segments.push(segment(text, list[j] as Token));
  return { field: segments.join("."), from: (list[first] as Token).start, to: (list[last] as Token).end };
}

function isDot(text: string, t: Token | undefined): boolean {
  return t !== undefined && t.type === "punctuation" && text.slice(t.start, t.end) === ".";
}

/** The field whose value starts at `offset` (the nearest field token before it). */
export function fieldBefore(text: string, offset: number): FieldRef | undefined {
  const list = tokens(text.slice(0, offset));
  for (let i = list.length - 1; i >= 0; i--) if (list[i]?.type === "field") return pathAround(text, list, i);
  return undefined;
}

/** The field path under the cursor, if the cursor is on a field name. */
export function fieldAt(text: string, offset: number): FieldRef | undefined {
  const list = tokens(text);
  const i = list.findIndex((t) => t.type === "field" && t.start <= offset && offset <= t.end);
  return i < 0 ? undefined : pathAround(text, list, i);
}
