import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { QueryNode } from "../../src/ast/nodes.js";
import { compile } from "../../src/compile.js";
import { FilterQLError } from "../../src/diagnostics/filterql-error.js";
import { toMongo } from "../../src/mongo/to-mongo.js";
import { toSql, toSqlWhere } from "../../src/sql/to-sql.js";
import { parse } from "../../src/syntax/parse.js";
import { queryArb } from "../support/arbitraries.js";

const schema = { name: "string", age: "integer", score: "number", active: "boolean", born: "date", tags: "string[]", "profile.city": "string", meta: "object" } as const;
const q = (text: string): QueryNode => {
  const parsed = parse(text);
  if (parsed.query === undefined) throw new Error(text);
  return parsed.query;
};
const diagnosticsOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof FilterQLError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected a FilterQLError");
};

describe("toSql statement shape", () => {
  test('name = "x": one parameterized SELECT, quoted names, key last, page as run', () => {
    expect(toSql(q('name = "x"'), { table: "public.people", schema })).toEqual({
      text: `SELECT * FROM "public"."people" WHERE "name" = $1::text ORDER BY "id" LIMIT $2::bigint OFFSET $3::bigint`,
      values: ["x", 10, 0],
    });
  });

  test("paging: the query's limit is the page size, the pageSize option wins, page counts from 1", () => {
    expect(toSql(q("age > 1 limit 7"), { table: "t", schema, page: 3 }).values).toEqual([1, 7, 14]);
    expect(toSql(q("age > 1 limit 7"), { table: "t", schema, page: 2, pageSize: 5 }).values).toEqual([1, 5, 5]);
    expect(() => toSql(q("age > 1"), { table: "t", schema, page: 0 })).toThrow(RangeError);
  });

  test("count: true gives the total for the pagination object", () => {
    expect(toSql(q("age > 1 order by name"), { table: "t", schema, count: true })).toEqual({ text: `SELECT count(*) AS "total" FROM "t" WHERE "age" > $1::bigint`, values: [1] });
  });

  test('order by name desc, age: code point order, MongoDB null placement, then the key column', () => {
    expect(toSql(q("order by name desc, age"), { table: "t", schema, key: "pk" }).text).toBe(
      `SELECT * FROM "t" ORDER BY "name" COLLATE "C" DESC NULLS LAST, "age" ASC NULLS FIRST, "pk" LIMIT $1::bigint OFFSET $2::bigint`,
    );
  });

  test("columns remap field names; select lists the columns", () => {
    expect(toSql(q('profile.city = "Oslo" select name, profile.city'), { table: "t", schema, columns: { "profile.city": "city" } }).text).toBe(
      `SELECT "name", "city" FROM "t" WHERE "city" = $1::text ORDER BY "id" LIMIT $2::bigint OFFSET $3::bigint`,
    );
  });

  test("!= and not in keep NULL rows; not (…) never meets a NULL", () => {
    expect(toSqlWhere(q('name != "x"'), { schema }).text).toBe(`("name" <> $1::text OR "name" IS NULL)`);
    expect(toSqlWhere(q('name not in ["x", "y"]'), { schema }).text).toBe(`("name" IS NULL OR "name" NOT IN ($1::text, $2::text))`);
    expect(toSqlWhere(q("not (age > 3 or name is null)"), { schema }).text).toBe(`(("age" > $1::bigint) IS NOT TRUE AND "name" IS NOT NULL)`);
  });

  test("contains never uses LIKE wildcards; arrays use @> and &&", () => {
    expect(toSqlWhere(q('name contains "50%_"'), { schema })).toEqual({ text: `strpos("name", $1::text) > 0`, values: ["50%_"] });
    expect(toSqlWhere(q('tags = "a"'), { schema }).text).toBe(`"tags" @> ARRAY[$1::text]`);
    expect(toSqlWhere(q('tags in ["a", "b"]'), { schema }).text).toBe(`"tags" && ARRAY[$1::text, $2::text]`);
  });

  test("starts with is a code point range a btree can serve (exact: [v, v with its last code point raised))", () => {
    expect(toSqlWhere(q('name starts with "ab"'), { schema })).toEqual({ text: `("name" COLLATE "C" >= $1::text AND "name" COLLATE "C" < $2::text)`, values: ["ab", "ac"] });
    expect(toSqlWhere(q('name starts with "a\ud7ff"'), { schema }).values).toEqual(["a\ud7ff", "a\ue000"]);
    expect(toSqlWhere(q('name starts with ""'), { schema }).text).toBe(`starts_with("name", $1::text)`);
  });

  test("dates bind as instants (timestamptz), date math against the clock, compared at the millisecond", () => {
    const now = new Date("2024-05-01T00:00:00Z");
    expect(toSqlWhere(q("born > now - 1d"), { schema, now })).toEqual({ text: `"born" >= $1::timestamptz`, values: ["2024-04-30T00:00:00.001Z"] });
    expect(toSqlWhere(q("born <= now - 1d"), { schema, now })).toEqual({ text: `"born" < $1::timestamptz`, values: ["2024-04-30T00:00:00.001Z"] });
    expect(toSqlWhere(q('born = "2024-04-30"'), { schema })).toEqual({ text: `("born" >= $1::timestamptz AND "born" < $2::timestamptz)`, values: ["2024-04-30T00:00:00.000Z", "2024-04-30T00:00:00.001Z"] });
    // PostgreSQL has no year 0: 1 BC.
    expect(toSqlWhere(q('born >= "0000-06-01"'), { schema }).values).toEqual(["0001-06-01T00:00:00.000Z BC"]);
  });

  test("NaN, which PostgreSQL orders above every number, stays out of > and >= on number columns", () => {
    const s = { score: "number", scores: "number[]" } as const;
    expect(toSqlWhere(q("score > 5"), { schema: s }).text).toBe(`("score" > $1::double precision AND "score" < 'NaN'::double precision)`);
    expect(toSqlWhere(q("score < 5"), { schema: s }).text).toBe(`"score" < $1::double precision`);
    expect(toSqlWhere(q("scores >= 5"), { schema: s }).text).toBe(`EXISTS (SELECT 1 FROM unnest("scores") AS fql_e(fql_v) WHERE (fql_v >= $1::double precision AND fql_v < 'NaN'::double precision))`);
    expect(toSql(q("order by score"), { table: "t", schema: s }).text).toContain(`ORDER BY ("score" < 'NaN'::double precision) ASC NULLS FIRST, "score" ASC NULLS FIRST, "id"`);
  });

  test("integers beyond bigint decide the comparison without a parameter; past 2^53 they bind as exact digits", () => {
    expect(toSqlWhere(q("age < 1e19"), { schema })).toEqual({ text: `"age" IS NOT NULL`, values: [] });
    expect(toSqlWhere(q("age > 1e21"), { schema })).toEqual({ text: `FALSE`, values: [] });
    expect(toSqlWhere(q("not age > -10000000000000000000"), { schema })).toEqual({ text: `"age" IS NULL`, values: [] });
    expect(toSqlWhere(q("age in [1e19, 2]"), { schema })).toEqual({ text: `"age" IN ($1::bigint)`, values: [2] });
    expect(toSqlWhere(q("age = 4611686018427387904"), { schema }).values).toEqual(["4611686018427387904"]);
  });

  test("toSqlWhere numbers parameters from paramOffset + 1", () => {
    expect(toSqlWhere(q('name = "a" or age in [1, 2]'), { schema, paramOffset: 4 })).toEqual({ text: `("name" = $5::text OR "age" IN ($6::bigint, $7::bigint))`, values: ["a", 1, 2] });
    expect(toSqlWhere(q(""), { schema })).toEqual({ text: "TRUE", values: [] });
  });

  test("document mode: the whole path is one parameter; equality is @? with a type guard", () => {
    expect(toSqlWhere(q("a.b = 2"), { document: "doc" })).toEqual({ text: `"doc" @? $1::jsonpath`, values: [`$."a"."b" ? (@.type() == "number" && @ == 2)`] });
    expect(toSql(q('a = "x" select a'), { table: "t", document: "doc" }).text).toMatch(/^SELECT \(SELECT COALESCE\(jsonb_object_agg.* AS "doc" FROM "t" WHERE "doc" @\? \$1::jsonpath ORDER BY "id" LIMIT/);
  });

  test("Compiled.toSql and .toSqlWhere delegate with the compile options as defaults", () => {
    const c = compile("age >= 18 case insensitive", { schema });
    expect(c.toSql({ table: "t" })).toEqual(toSql(c.query, { table: "t", schema }));
    expect(c.toSqlWhere({ paramOffset: 1 })).toEqual(toSqlWhere(c.query, { schema, paramOffset: 1 }));
    // Every default: the schema, the clock, the case mode and the page size; the call's options win.
    const now = new Date("2024-05-01T00:00:00Z");
    const all = compile("born > now - 7d and name = \"Ada\" order by name", { schema, now, caseSensitive: false, pageSize: 3 });
    expect(all.toSql({ table: "t" })).toEqual(toSql(all.query, { table: "t", schema, now, caseSensitive: false, pageSize: 3 }));
    expect(all.toSql({ table: "t", pageSize: 7 })).toEqual(toSql(all.query, { table: "t", schema, now, caseSensitive: false, pageSize: 7 }));
    expect(all.toSql({ table: "t" })).not.toEqual(toSql(all.query, { table: "t", schema }));
    expect(all.toMongo()).toEqual(toMongo(all.query, { schema, now, caseSensitive: false, pageSize: 3 }));
    expect(all.toMongo()).not.toEqual(toMongo(all.query, { schema }));
  });

  test("a storage mode and a table are required", () => {
    expect(() => toSql(q("a = 1"), { table: "t" })).toThrow(TypeError);
    expect(() => toSql(q("a = 1"), { document: "doc" })).toThrow(TypeError);
  });
});

describe("the query's from clause names the table", () => {
  test("from users: the table when no `table` option is given; toSqlWhere does not read it", () => {
    expect(toSql(q('from users where name = "x"'), { document: "doc" }).text).toContain(`FROM "users" WHERE`);
    expect(toSql(q('from "app.users" where name = "x"'), { document: "doc" }).text).toContain(`FROM "app"."users" WHERE`);
    expect(toSql(q('from users where name = "x"'), { document: "doc", count: true }).text).toBe(`SELECT count(*) AS "total" FROM "users" WHERE "doc" @? $1::jsonpath`);
    expect(toSqlWhere(q('from a, b where name = "x"'), { document: "doc" }).text).toBe(`"doc" @? $1::jsonpath`);
  });

  test("an agreeing `table` option is fine: the same name, or the same name in a schema", () => {
    expect(toSql(q("from users where age > 1"), { table: "users", schema }).text).toContain(`FROM "users"`);
    expect(toSql(q("from users where age > 1"), { table: "app.users", schema }).text).toContain(`FROM "app"."users"`);
  });

  test("another table than the option is an invalid-value error on the from clause", () => {
    const text = "from users where age > 1";
    const [d] = diagnosticsOf(() => toSql(q(text), { table: "people", schema }));
    expect(d?.code).toBe("invalid-value");
    expect(d?.message).toContain("`from users`");
    expect(text.slice(d?.span.start, d?.span.end)).toBe("from users");
  });

  test("several collections are refused: a statement reads one table", () => {
    const text = "from users, admins order by name";
    const [d] = diagnosticsOf(() => toSql(q(text), { document: "doc" }));
    expect(d?.code).toBe("unsupported-by-dialect");
    expect(text.slice(d?.span.start, d?.span.end)).toBe("from users, admins");
    expect(diagnosticsOf(() => toSql(q("from users, admins"), { table: "users", document: "doc" }))[0]?.code).toBe("unsupported-by-dialect");
    for (const clause of ['from users, `the admins`, "x y" limit 5 case sensitive', "from users, admins where a = 1", "from users,admins"]) {
      const [e] = diagnosticsOf(() => toSql(q(clause), { document: "doc" }));
      expect(clause.slice(e?.span.start, e?.span.end)).toBe(clause.slice(0, clause.search(/ limit| where|$/)));
    }
  });

  test("neither a table nor a from clause is a TypeError", () => {
    expect(() => toSql(q("age > 1"), { schema })).toThrow(/needs a `table`, or a query with `from <table>`/);
    expect(() => toSql(q("age > 1"), { schema, table: 3 as unknown as string })).toThrow(new TypeError("toSql: `options.table` must be a string, not number 3"));
  });
});

describe("refused with a diagnostic, never a near miss or a broken statement", () => {
  test.each([
    ['name ~ "quick fox"', "column", "`~` (word matching)"],
    ['a ~ "quick fox"', "document", "`~` (word matching)"],
    ["name exists", "column", "`exists` in column mode"],
    ["name matches /(?m)^a/", "column", "line anchors"],
    ['name = "ΣΑΣ" case insensitive', "column", "σ or ς"],
    ['meta is null', "column", "`meta` in column mode"],
    ["a.1.2.3.4.5 is null", "document", "more than 4 numeric segments"],
  ])("%s (%s mode): %s", (text, mode, message) => {
    const ds = diagnosticsOf(() => toSql(q(text), mode === "column" ? { table: "t", schema } : { table: "t", document: "doc" }));
    expect(ds[0]?.code).toBe("unsupported-by-dialect");
    expect(ds[0]?.message).toContain(message);
    expect(ds[0]?.span.end).toBeGreaterThan(ds[0]?.span.start ?? 0);
  });

  test("a regex refusal points at the pattern", () => {
    const text = "name matches /(?m)^a/";
    const [d] = diagnosticsOf(() => toSql(q(text), { table: "t", schema }));
    expect(text.slice(d?.span.start, d?.span.end)).toBe("/(?m)^a/");
  });

  test("values PostgreSQL cannot hold: NUL in text, non-finite numbers, unpaired surrogates", () => {
    expect(diagnosticsOf(() => toSql(q('name = "a\\u0000b"'), { table: "t", schema }))[0]?.message).toContain("NUL");
    expect(diagnosticsOf(() => toSql(q('a = "\\ud800"'), { table: "t", document: "doc" }))[0]?.message).toContain("surrogate");
    const nan: QueryNode = { ...q("score = 1"), filter: { kind: "Compare", span: { start: 0, end: 9 }, op: "eq", field: { kind: "Path", span: { start: 0, end: 5 }, segments: ["score"] }, value: { kind: "Literal", span: { start: 8, end: 9 }, value: Number.NaN } } };
    expect(diagnosticsOf(() => toSql(nan, { table: "t", document: "doc" }))[0]?.message).toContain("NaN");
  });

  test("any query gives a statement or diagnostics, never another exception (both modes)", () => {
    fc.assert(
      fc.property(queryArb, fc.boolean(), (query, document) => {
        try {
          const st = toSql(query, document ? { table: "t", document: "doc" } : { table: "t", schema });
          expect(st.text.startsWith("SELECT ")).toBe(true);
          expect(st.text.match(/\$\d+/g)?.length ?? 0).toBeGreaterThanOrEqual(st.values.length);
        } catch (error) {
          expect(error).toBeInstanceOf(FilterQLError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
