/** fast-check generators of canonical ASTs (what the parser can produce) and of query text. */
import fc from "fast-check";
import { and, or } from "../../src/ast/build.js";
import type {
  CompareOp, DateMathNode, ExprNode, LiteralNode, MatchOp, OrderKeyNode, PathNode, PredicateNode, QueryNode, RegexNode, ValueNode,
} from "../../src/ast/nodes.js";
import { NO_SPAN as span } from "../../src/diagnostics/diagnostic.js";

const plainNames = fc.constantFrom("status", "role", "age", "score", "name", "tags", "metadata", "items", "price", "café", "_id", "$x", "Δelta", "a1");
const oddNames = fc.constantFrom("order", "AND", "not", "select", "first name", "x-y", "1st", "日本", "with space", "now", "0", "12", "01");
export const segmentArb = fc.oneof({ weight: 4, arbitrary: plainNames }, { weight: 1, arbitrary: oddNames });

export const pathArb: fc.Arbitrary<PathNode> = fc.array(segmentArb, { minLength: 1, maxLength: 3 }).map((segments) => ({ kind: "Path", span, segments }));

export const stringArb = fc.oneof(
  fc.constantFrom("active", "admin", "HR", "", "it's", 'say "hi"', "back\\slash", "tab\there", "line\nbreak", "ünïcödé 😀", "\u0000\u001f"),
  fc.string({ maxLength: 12, unit: "grapheme" }),
);
export const numberArb = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);
export const scalarArb = fc.oneof(stringArb, numberArb, fc.boolean(), fc.constant(null));

const literal = (value: string | number | boolean | null): LiteralNode => ({ kind: "Literal", span, value });
export const stringLiteralArb = stringArb.map(literal);
export const dateMathArb: fc.Arbitrary<DateMathNode> = fc.option(
  fc.record({ sign: fc.constantFrom("+" as const, "-" as const), amount: fc.integer({ min: 0, max: 1000 }), unit: fc.constantFrom("s" as const, "m" as const, "h" as const, "d" as const, "w" as const) }),
  { nil: null },
).map((offset) => ({ kind: "DateMath", span, offset }));
export const plainValueArb: fc.Arbitrary<ValueNode> = fc.oneof({ weight: 6, arbitrary: scalarArb.map(literal) }, { weight: 1, arbitrary: dateMathArb });
export const regexArb: fc.Arbitrary<RegexNode> = fc
  .record({ pattern: fc.constantFrom("^a", "b+c$", "a/b", "[0-9]{2,}", "\\d+", "x|y", "(?:ab)*", "\\.", "é.") , flags: fc.constantFrom("", "i") })
  .map(({ pattern, flags }) => ({ kind: "Regex", span, pattern, flags }));

const compareOp = fc.constantFrom<CompareOp>("eq", "ne", "gt", "gte", "lt", "lte");

export const predicateArb: fc.Arbitrary<PredicateNode> = fc.oneof(
  fc.record({ field: pathArb, op: compareOp, value: plainValueArb }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean(), values: fc.array(plainValueArb, { maxLength: 4 }) }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
  fc.record({ field: pathArb, low: plainValueArb, high: plainValueArb }).map((r): PredicateNode => ({ kind: "Between", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })),
  fc.record({ field: pathArb, negated: fc.boolean(), value: plainValueArb }).map((r): PredicateNode => ({ kind: "Match", span, op: "contains", ...r })),
  fc
    .record({ field: pathArb, negated: fc.boolean(), op: fc.constantFrom<MatchOp>("starts_with", "ends_with"), value: stringLiteralArb })
    .map((r): PredicateNode => ({ kind: "Match", span, ...r })),
  fc
    .record({ field: pathArb, negated: fc.boolean(), value: fc.oneof(regexArb, stringLiteralArb) })
    .map((r): PredicateNode => ({ kind: "Match", span, op: "regex", ...r })),
  fc.record({ field: pathArb, value: stringLiteralArb }).map((r): PredicateNode => ({ kind: "Text", span, ...r })),
);

export function exprArb(predicate: fc.Arbitrary<PredicateNode> = predicateArb): fc.Arbitrary<ExprNode> {
  const { expr } = fc.letrec<{ expr: ExprNode }>((tie) => ({
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 4, arbitrary: predicate },
      { weight: 1, arbitrary: fc.array(tie("expr"), { minLength: 2, maxLength: 4 }).map((ops) => and(ops)) },
      { weight: 1, arbitrary: fc.array(tie("expr"), { minLength: 2, maxLength: 4 }).map((ops) => or(ops)) },
      { weight: 1, arbitrary: tie("expr").map((operand): ExprNode => ({ kind: "Not", span, operand })) },
    ),
  }));
  return expr;
}

export const orderKeyArb: fc.Arbitrary<OrderKeyNode> = fc
  .record({ field: pathArb, direction: fc.constantFrom("asc" as const, "desc" as const) })
  .map((r) => ({ kind: "OrderKey", span, ...r }));

export const queryArb: fc.Arbitrary<QueryNode> = fc
  .record({
    collections: fc.array(fc.constantFrom("collection_123", "my-collection", "order", "c 1"), { maxLength: 2 }),
    filter: fc.option(exprArb(), { nil: null }),
    orderBy: fc.array(orderKeyArb, { maxLength: 2 }),
    select: fc.array(pathArb, { maxLength: 2 }),
    limit: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    caseSensitive: fc.option(fc.boolean(), { nil: null }),
  })
  .map((r) => ({ kind: "Query", span, ...r }));

/** Fragments of the language, to glue into plausible-but-broken text. */
export const tokenSoupArb = fc
  .array(
    fc.constantFrom(
      "a", "b.c", "`order`", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "~", "(", ")", "[", "]", ",", ".", "-", "+",
      "and", "or", "not", "in", "is", "null", "true", "false", "exists", "between", "contains", "starts", "ends", "with",
      "matches", "order", "by", "asc", "desc", "select", "limit", "from", "where", "now", "7d", "case", "sensitive",
      "insensitive", '"x"', "'y'", '"unclosed', "/re/i", "/bad", "12", "-3.5", "1e999", "===", "&&", "||", "!", ":", "@", "#",
      "\\", "`", "\n", "é", "😀",
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(" "));

/** Predicates a body can carry: valid regexes, no date math where the checker refuses it. */
export function bodyPredicateArb(dialect: "v1" | "v2"): fc.Arbitrary<PredicateNode> {
  const scalarValue = scalarArb.map(literal);
  const all = [
    fc.record({ field: pathArb, op: compareOp, value: plainValueArb }).map((r): PredicateNode => ({ kind: "Compare", span, ...r })),
    fc.record({ field: pathArb, negated: fc.boolean(), values: fc.array(plainValueArb, { maxLength: 4 }) }).map((r): PredicateNode => ({ kind: "In", span, ...r })),
    fc.record({ field: pathArb, low: plainValueArb, high: plainValueArb }).map((r): PredicateNode => ({ kind: "Between", span, ...r })),
    fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "IsNull", span, ...r })),
    fc.record({ field: pathArb, negated: fc.boolean() }).map((r): PredicateNode => ({ kind: "Exists", span, ...r })),
    fc.record({ field: pathArb, value: stringLiteralArb }).map((r): PredicateNode => ({ kind: "Text", span, ...r })),
  ];
  if (dialect === "v2") {
    all.push(
      fc.record({ field: pathArb, negated: fc.boolean(), value: scalarValue }).map((r): PredicateNode => ({ kind: "Match", span, op: "contains", ...r })),
      fc.record({ field: pathArb, negated: fc.boolean(), op: fc.constantFrom<MatchOp>("starts_with", "ends_with"), value: stringLiteralArb }).map((r): PredicateNode => ({ kind: "Match", span, ...r })),
      fc.record({ field: pathArb, negated: fc.boolean(), value: regexArb }).map((r): PredicateNode => ({ kind: "Match", span, op: "regex", ...r })),
    );
  }
  return fc.oneof(...all);
}

export function bodyQueryArb(dialect: "v1" | "v2"): fc.Arbitrary<QueryNode> {
  return fc
    .record({
      collections: fc.array(fc.constantFrom("collection_123", "my-collection"), { maxLength: 2 }),
      filter: fc.option(exprArb(bodyPredicateArb(dialect)), { nil: null }),
      orderBy: fc.array(orderKeyArb, { maxLength: 1 }),
      select: fc.array(pathArb, { maxLength: 2 }),
      caseSensitive: fc.option(fc.boolean(), { nil: null }),
    })
    .map((r) => ({ kind: "Query", span, limit: null, ...r }));
}
