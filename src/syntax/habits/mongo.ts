/** Habits from MongoDB: a filter object `{ status: "active", age: { $gte: 30 } }` typed as the query. */
import { printName, printScalar } from "../../emit/print.js";
import type { ScanError } from "../scan.js";
import type { Habit } from "./habit.js";
import { replace, type Match, type Source } from "./source.js";

interface Obj {
  readonly entries: [string, Value][];
}
type Value = string | number | boolean | null | Obj | Value[] | { readonly regex: string; readonly flags: string };

const MAX_DEPTH = 16;

/** A small reader for JavaScript object literals: unquoted keys, either quote, regex literals. */
class Reader {
  at: number;
  constructor(private readonly text: string, at: number) {
    this.at = at;
  }

  private space(): void {
    while (/\s/.test(this.text[this.at] ?? "")) this.at++;
  }

  private eat(c: string): boolean {
    this.space();
    if (this.text[this.at] !== c) return false;
    this.at++;
    return true;
  }

  value(depth: number): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    this.space();
    const c = this.text[this.at];
    if (c === "{") return this.object(depth);
    if (c === "[") {
      this.at++;
      const items: Value[] = [];
      if (this.eat("]")) return items;
      do {
        const v = this.value(depth + 1);
        if (v === undefined) return undefined;
        items.push(v);
      } while (this.eat(","));
      return this.eat("]") ? items : undefined;
    }
    if (c === '"' || c === "'") return this.string(c);
    if (c === "/") {
      const m = /\/((?:[^/\\\r\n]|\\.)+)\/([a-z]*)/y;
      m.lastIndex = this.at;
      const r = m.exec(this.text);
      if (r === null) return undefined;
      this.at = m.lastIndex;
      return { regex: r[1] as string, flags: r[2] as string };
    }
    const m = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = this.at;
    const r = m.exec(this.text);
    if (r === null) return undefined;
    this.at = m.lastIndex;
    return JSON.parse(r[0]) as Value;
  }

  private string(quote: string): string | undefined {
    let out = "";
    for (let i = this.at + 1; i < this.text.length; i++) {
      const c = this.text[i] as string;
      if (c === quote) {
        this.at = i + 1;
        return out;
      }
      if (c === "\\" || c === "\n") return undefined;
      out += c;
    }
    return undefined;
  }

  private object(depth: number): Obj | undefined {
    this.at++;
    const entries: [string, Value][] = [];
    if (this.eat("}")) return { entries };
    do {
      this.space();
      const c = this.text[this.at];
      let key: string | undefined;
      if (c === '"' || c === "'") key = this.string(c);
      else {
        const m = /[\p{L}_$][\p{L}\p{N}_$.]*/uy;
        m.lastIndex = this.at;
        key = m.exec(this.text)?.[0];
        if (key !== undefined) this.at = m.lastIndex;
      }
      if (key === undefined || !this.eat(":")) return undefined;
      const v = this.value(depth + 1);
      if (v === undefined) return undefined;
      entries.push([key, v]);
    } while (this.eat(","));
    return this.eat("}") ? { entries } : undefined;
  }
}

function isObj(v: Value): v is Obj {
  return typeof v === "object" && v !== null && "entries" in v;
}

function scalar(v: Value): string | undefined {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return printScalar(v);
  return undefined;
}

const COMPARE: Record<string, string> = { $eq: "=", $ne: "!=", $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" };

/** One field's condition: a value, or an object of operators. */
function condition(field: string, v: Value): string[] | undefined {
  const name = field.split(".").map(printName).join(".");
  if (!isObj(v)) {
    if (Array.isArray(v)) return undefined;
    if (typeof v === "object" && v !== null) return [`${name} matches /${v.regex}/${v.flags === "i" ? "i" : ""}`];
    const s = scalar(v);
    return s === undefined ? undefined : [`${name} = ${s}`];
  }
  const out: string[] = [];
  const options = v.entries.find(([k]) => k === "$options")?.[1];
  for (const [op, arg] of v.entries) {
    const cmp = COMPARE[op];
    const s = scalar(arg);
    if (cmp !== undefined && s !== undefined) out.push(`${name} ${cmp} ${s}`);
    else if ((op === "$in" || op === "$nin") && Array.isArray(arg)) {
      const items = arg.map(scalar);
      if (items.some((x) => x === undefined)) return undefined;
      out.push(`${name} ${op === "$in" ? "in" : "not in"} [${items.join(", ")}]`);
    } else if (op === "$exists" && typeof arg === "boolean") out.push(`${name} ${arg ? "exists" : "not exists"}`);
    else if (op === "$regex" && typeof arg === "string" && !arg.includes("/") && arg !== "") out.push(`${name} matches /${arg}/${options === "i" ? "i" : ""}`);
    else if (op === "$options" && (arg === "i" || arg === "")) continue;
    else return undefined;
  }
  return out.length === 0 ? undefined : out;
}

/** A filter object as FilterQL: fields joined by `and`, `$or`/`$and`/`$nor` as groups. */
export function translate(v: Value, depth = 0): string | undefined {
  if (!isObj(v) || depth > MAX_DEPTH) return undefined;
  const parts: string[] = [];
  for (const [key, value] of v.entries) {
    if (key === "$or" || key === "$and" || key === "$nor") {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      const items = value.map((x) => translate(x, depth + 1));
      if (items.some((x) => x === undefined)) return undefined;
      const joined = (items as string[]).map((x) => (/ (and|or) /.test(x) ? `(${x})` : x)).join(key === "$and" ? " and " : " or ");
      parts.push(key === "$nor" ? `not (${joined})` : key === "$or" && v.entries.length > 1 ? `(${joined})` : joined);
    } else {
      if (key.startsWith("$")) return undefined;
      const c = condition(key, value);
      if (c === undefined) return undefined;
      parts.push(...c);
    }
  }
  return parts.length === 0 ? undefined : parts.join(" and ");
}

function filterObject(s: Source, error: ScanError): Match | undefined {
  if (s.text[error.offset] !== "{") return undefined;
  const reader = new Reader(s.text, error.offset);
  const value = reader.value(0);
  if (value === undefined || !isObj(value)) return undefined;
  const text = translate(value);
  const start = error.offset;
  const end = reader.at;
  return {
    findings: [{
      start,
      end,
      message: "this is a MongoDB filter object; FilterQL writes the condition as text",
      hint: text === undefined ? "write each field's condition with an operator: `status = \"active\" and age >= 30`" : `write \`${text}\``,
      ...(text === undefined ? {} : { fix: replace(`write ${text}`, start, end, text) }),
    }],
    from: start,
    to: end,
    next: s.tokenAt(end),
  };
}

export const MONGO_HABITS: readonly Habit[] = [
  { id: "mongo-filter-object", from: "MongoDB", example: '{ status: "active", age: { $gte: 30 } }', means: 'status = "active" and age >= 30', on: "character", recognise: filterObject },
];
