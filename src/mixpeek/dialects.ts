/** The two published dialects of the filter body (SPEC §1). */
export type Dialect = "v1" | "v2";

export type Operator =
  | "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "nin" | "exists" | "is_null" | "text"
  | "contains" | "starts_with" | "ends_with" | "regex";

export interface DialectInfo {
  /** The condition's field key: `key` (v1) or `field` (v2). */
  readonly fieldKey: "key" | "field";
  /** The negation list: `NOR` (v1) or `NOT` (v2), same meaning. */
  readonly negation: "NOR" | "NOT";
  readonly operators: ReadonlySet<Operator>;
}

const V1_OPERATORS: Operator[] = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "exists", "is_null", "text"];

export const DIALECTS: Readonly<Record<Dialect, DialectInfo>> = {
  v1: { fieldKey: "key", negation: "NOR", operators: new Set(V1_OPERATORS) },
  v2: { fieldKey: "field", negation: "NOT", operators: new Set([...V1_OPERATORS, "contains", "starts_with", "ends_with", "regex"]) },
};

export function dialectInfo(dialect: string | undefined): DialectInfo {
  if (dialect === undefined) return DIALECTS.v1;
  if (dialect === "v1" || dialect === "v2") return DIALECTS[dialect];
  throw new TypeError(`unknown dialect "${dialect}"; use "v1" or "v2"`);
}

export function operatorList(info: DialectInfo): string {
  return [...info.operators].join(" ");
}
