/**
 * SQL/JSON paths that walk a record as MongoDB walks a dot path (SPEC §4), in lax mode:
 * a member step `."s"` reads the field of an object and of every object element of an array
 * (one array level per step, scalars and nested arrays give nothing) — MongoDB's own walk.
 * A numeric segment is two branches: the field named "0" (a member step) and position 0 of
 * an array, which must not open anything. Lax mode opens arrays under filters and wraps
 * non-arrays under `[k]`, so a position is reached from its parent inside a filter that checks
 * the types first. Literals are written with JSON.stringify; the whole path is one parameter.
 */
import { isPosition } from "../engine/path.js";

export type Step = { readonly field: string } | { readonly position: number };

/** At most 2^4 branches per path. */
export const MAX_NUMERIC_SEGMENTS = 4;

export function key(name: string): string {
  return `.${JSON.stringify(name)}`;
}

/** Every way a path can be read: one branch per choice of field or position at each numeric segment after the first. */
export function branches(segments: readonly string[]): Step[][] {
  let out: Step[][] = [[]];
  segments.forEach((s, i) => {
    out = extend(out, s, i);
  });
  return out;
}

/** Each branch taken one segment further: as a field, and also as a position where it can be one. */
function extend(prefixes: readonly Step[][], segment: string, i: number): Step[][] {
  return prefixes.flatMap((b) => (isPosition(segment, i) ? [[...b, { field: segment }], [...b, { position: Number(segment) }]] : [[...b, { field: segment }]]));
}

export function numericCount(segments: readonly string[]): number {
  return segments.filter((s, i) => isPosition(s, i)).length;
}

/** A branch ending in a position: its value is compared as it is, never opened. */
export function endsAtPosition(branch: readonly Step[]): boolean {
  const last = branch[branch.length - 1];
  return last !== undefined && "position" in last;
}

interface Walk {
  /** The stream of items so far (member steps only). */
  outer: string;
  /** The stream before its last member step, and that step (a position reads from it). */
  before: string;
  last: string;
  /** A pending chain of positions read from `@` inside a filter on `outer`, and its type checks. */
  inner: string;
  guards: string[];
}

function walk(branch: readonly Step[]): Walk {
  const w: Walk = { outer: "$", before: "$", last: "", inner: "", guards: [] };
  for (const step of branch) {
    if ("field" in step) {
      if (w.inner !== "") {
        w.outer = `${w.outer} ? (${w.guards.join(" && ")})${w.inner}`;
        w.inner = "";
        w.guards = [];
      }
      w.before = w.outer;
      w.last = key(step.field);
      w.outer += w.last;
    } else {
      if (w.inner === "") {
        w.outer = w.before;
        w.inner = w.last;
        w.guards = [`@.type() == "object"`, `@${w.inner}.type() == "array"`];
      } else {
        w.guards.push(`@${w.inner}.type() == "array"`);
      }
      w.inner += `[${step.position}]`;
    }
  }
  return w;
}

/** The leaf values of a branch, as they are (a leaf array is one item). */
export function items(branch: readonly Step[]): string {
  const w = walk(branch);
  return w.inner === "" ? w.outer : `${w.outer} ? (${w.guards.join(" && ")})${w.inner}`;
}

/**
 * A path that yields something exactly when the leaf satisfies `test` (a filter predicate over
 * the item `ref`): a leaf reached by a field is opened one level (an array's elements are tested
 * too), a leaf reached by position is tested as it is. `test` must check the item's type, since
 * lax comparisons would open one more array level.
 */
export function where(branch: readonly Step[], test: (ref: string) => string): string {
  const w = walk(branch);
  return w.inner === "" ? `${w.outer} ? (${test("@")})` : `${w.outer} ? (${[...w.guards, test(`@${w.inner}`)].join(" && ")})`;
}

/** Several branches as one path: the record itself when any branch yields something. */
export function any(paths: readonly string[]): string {
  return paths.length === 1 ? (paths[0] as string) : `$ ? (${paths.map((p) => `exists(${p})`).join(" || ")})`;
}

/**
 * Where the path counts as missing (MongoDB's null), over every branch: an object on the way
 * (the record, a value reached as a field or by position, or an object element of an array
 * being walked) lacks the next field; or a value reached as a field, not the last, is a scalar
 * or null. Scalars and arrays met as array elements count as nothing, and so does a scalar
 * reached by position before the path ends.
 */
export function missing(segments: readonly string[]): string[] {
  const out = new Set<string>();
  let prefixes: Step[][] = [[]];
  segments.forEach((segment, i) => {
    for (const prefix of prefixes) {
      out.add(`${items(prefix)} ? (@.type() == "object" && !exists(@${key(segment)}))`);
      const last = prefix[prefix.length - 1];
      if (last !== undefined && "field" in last) {
        const parent = items(prefix.slice(0, -1));
        const k = key(last.field);
        out.add(`${parent} ? (@.type() == "object" && @${k}.type() != "object" && @${k}.type() != "array")`);
      }
    }
    prefixes = extend(prefixes, segment, i);
  });
  return [...out];
}

/** A literal in SQL/JSON path syntax. */
export function literal(v: string | number | boolean | null): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

export function jsonType(v: string | number | boolean | null): string {
  return v === null ? "null" : typeof v;
}
