/**
 * The recovering descent's tables (recover.ts), derived from the grammar of record: Chevrotain's
 * serialized productions give each rule's FIRST set, and for each call site and required token
 * the FIRST set of what follows it inside its rule and whether that can be empty — the sets
 * Chevrotain's recovery reads. A change to the grammar that the tables miss fails here.
 */
import type { ISerializedGast } from "chevrotain";
import { describe, expect, test } from "vitest";
import { fastParser } from "../../src/syntax/chevrotain/parser.js";
import { BEFORE_KEYS, BEFORE_VALUE, FIRST, OPENING_LIST, SITE } from "../../src/syntax/recover.js";
import type { Follow } from "../../src/syntax/recovery.js";

type Node = ISerializedGast & { name?: string; idx?: number; separator?: ISerializedGast; definition?: Node[] };
const rules = new Map((fastParser().getSerializedGastProductions() as Node[]).map((r) => [r.name as string, r]));

interface Rest {
  readonly first: Set<string>;
  readonly nullable: boolean;
}

/** FIRST and nullability of a sequence of productions. */
function ofSequence(prods: readonly Node[]): Rest {
  const first = new Set<string>();
  for (const p of prods) {
    const r = ofOne(p);
    r.first.forEach((t) => first.add(t));
    if (!r.nullable) return { first, nullable: false };
  }
  return { first, nullable: true };
}

function ofOne(p: Node): Rest {
  switch (p.type) {
    case "Terminal":
      return { first: new Set([p.name as string]), nullable: false };
    case "NonTerminal":
      return ofSequence((rules.get(p.name as string) as Node).definition ?? []);
    case "Option":
    case "Repetition":
    case "RepetitionWithSeparator":
      return { first: ofSequence(p.definition ?? []).first, nullable: true };
    case "Alternation": {
      const alts = (p.definition ?? []).map((a) => ofSequence(a.definition ?? []));
      return { first: new Set(alts.flatMap((a) => [...a.first])), nullable: alts.some((a) => a.nullable) };
    }
    default:
      return ofSequence(p.definition ?? []);
  }
}

/** For every call site and token in a rule ("rule>name#idx"): what follows it inside the rule, as Chevrotain's walkers count it. */
function restsIn(rule: Node): Map<string, Rest> {
  const out = new Map<string, Rest>();
  const walk = (prods: readonly Node[], after: readonly Node[]) => {
    prods.forEach((p, i) => {
      const rest = [...prods.slice(i + 1), ...after];
      const again = (def: Node[]): Node => ({ type: "Option", definition: def }) as Node;
      switch (p.type) {
        case "Terminal":
        case "NonTerminal":
          out.set(`${rule.name}>${p.name}#${p.idx}`, ofSequence(rest));
          break;
        case "Repetition":
        case "RepetitionMandatory":
          walk(p.definition ?? [], [again(p.definition ?? []), ...rest]);
          break;
        case "RepetitionWithSeparator":
        case "RepetitionMandatoryWithSeparator":
          walk(p.definition ?? [], [again([p.separator as Node, ...(p.definition ?? [])]), ...rest]);
          break;
        case "Alternation":
          for (const alt of p.definition ?? []) walk(alt.definition ?? [], rest);
          break;
        default:
          walk(p.definition ?? [], rest);
      }
    });
  };
  walk(rule.definition ?? [], []);
  return out;
}

const derived = new Map([...rules.values()].flatMap((r) => [...restsIn(r)]));
const asNames = (f: Follow) => ({ first: new Set([...f.first].map((t) => t.name)), nullable: f.nullable });

/** Each call site the descent passes a follow set for, by its place in the grammar. */
const SITES: Record<string, Follow> = {
  "query>fromClause#0": SITE.fromInQuery,
  "query>orExpr#0": SITE.exprInQuery,
  "query>orderClause#0": SITE.orderInQuery,
  "query>selectClause#0": SITE.selectInQuery,
  "query>limitClause#0": SITE.limitInQuery,
  "orExpr>andExpr#0": SITE.andInOr,
  "andExpr>notExpr#0": SITE.notInAnd,
  "notExpr>orExpr#0": SITE.exprInParens,
  "predicate>path#0": SITE.pathInPredicate,
  "predicate>value#2": SITE.lowInBetween,
  "list>value#0": SITE.valueInList,
  "orderClause>orderKey#0": SITE.keyInOrder,
  "orderKey>path#0": SITE.pathInKey,
  "selectClause>path#0": SITE.pathInSelect,
};

/** The required tokens that can be missing, with what follows them; the rest are last in their rule. */
const REQUIRED: Record<string, Follow> = {
  "predicate>And#0": BEFORE_VALUE,
  "negatable>With#0": BEFORE_VALUE,
  "negatable>With#2": BEFORE_VALUE,
  "list>LBracket#0": OPENING_LIST,
  "orderClause>By#0": BEFORE_KEYS,
};
const LAST_IN_RULE = ["notExpr>RParen#0", "predicate>Null#0", "value>NumberLiteral#0", "dateMath>Duration#0", "list>RBracket#0", "limitClause>NumberLiteral#0"];

describe("recover.ts's tables are the grammar's", () => {
  test("every call site: the follow set the descent passes, or nothing (last in its rule)", () => {
    const sites = [...derived].filter(([key]) => rules.has(key.slice(key.indexOf(">") + 1, key.indexOf("#"))));
    expect(sites.length).toBeGreaterThan(25);
    for (const [key, rest] of sites) {
      const table = SITES[key];
      expect(table === undefined ? { first: new Set(), nullable: true } : asNames(table), key).toEqual(rest);
    }
    for (const key of Object.keys(SITES)) expect(derived.has(key), key).toBe(true);
  });

  test("every required token the descent may insert: what follows it", () => {
    for (const [key, table] of Object.entries(REQUIRED)) expect(asNames(table), key).toEqual(derived.get(key));
    for (const key of LAST_IN_RULE) expect(derived.get(key), key).toEqual({ first: new Set(), nullable: true });
  });

  test("each rule's FIRST set", () => {
    for (const [rule, set] of Object.entries(FIRST)) {
      expect(new Set([...set].map((t) => t.name)), rule).toEqual(ofOne({ type: "NonTerminal", name: rule } as Node).first);
    }
  });
});
