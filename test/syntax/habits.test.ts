import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Schema } from "../../src/check/schema.js";
import { applyFixes } from "../../src/diagnostics/apply-fixes.js";
import { print } from "../../src/emit/print.js";
import { HABITS } from "../../src/syntax/habits/catalogue.js";
import { parse } from "../../src/syntax/parse.js";
import { tokenSoupArb } from "../support/arbitraries.js";

const schema = JSON.parse(readFileSync(new URL("../../sample/schema.json", import.meta.url), "utf8")) as Schema;

/** The canonical text the fixes give, or null when no diagnostic has a fix. */
function fixedText(text: string): string | null {
  const { diagnostics } = parse(text, { schema });
  if (!diagnostics.some((d) => d.fix !== undefined)) return null;
  const fixed = parse(applyFixes(text, diagnostics));
  expect(fixed.diagnostics, applyFixes(text, diagnostics)).toEqual([]);
  return print(fixed.query!);
}

// [query, span start, span end, message, hint, the canonical text the fixes give (null: no sure fix)]
// The first diagnostic is checked; the fixed text comes from applying every diagnostic's fix.
const CASES: [string, number, number, string, string, string | null][] = [
  ["name LIKE 'Jo%'", 5, 15, "a `LIKE` pattern that ends in `%` is `starts with` in FilterQL", "write `name starts with \"Jo\"`; `contains`, `starts with` and `ends with` cover `%x%`, `x%` and `%x`", "name starts with \"Jo\""],
  ["name like '%son'", 5, 16, "a `like` pattern that starts with `%` is `ends with` in FilterQL", "write `name ends with \"son\"`; `contains`, `starts with` and `ends with` cover `%x%`, `x%` and `%x`", "name ends with \"son\""],
  ["name like '%an%'", 5, 16, "a `like` pattern between two `%` is `contains` in FilterQL", "write `name contains \"an\"`; `contains`, `starts with` and `ends with` cover `%x%`, `x%` and `%x`", "name contains \"an\""],
  ["name NOT LIKE 'Jo%'", 5, 19, "a `LIKE` pattern that ends in `%` is `starts with` in FilterQL", "write `name not starts with \"Jo\"`; `contains`, `starts with` and `ends with` cover `%x%`, `x%` and `%x`", "name not starts with \"Jo\""],
  ["name ILIKE 'jo%'", 5, 16, "`ILIKE` ignores case; FilterQL writes a regex with the `i` flag: `matches /…/i`", "write `name matches /^jo/i`", "name matches /^jo/i"],
  ["name LIKE 'J_n%'", 5, 16, "a `LIKE` pattern with `_` or an inner `%` is a regex in FilterQL: `matches`", "write `name matches /^J.n/`", "name matches /^J.n/"],
  ["status IN ('active', 'pending')", 10, 31, "a list is written in square brackets: `[…]`, not `(…)`", "write `in [\"active\", \"pending\"]`", "status in [\"active\", \"pending\"]"],
  ["status not in (active, pending)", 14, 31, "a list is written in square brackets: `[…]`, not `(…)`", "write `in [\"active\", \"pending\"]`", "status not in [\"active\", \"pending\"]"],
  ["order by score limit 10 offset 20", 24, 33, "FilterQL has no `offset`: the page is chosen when the query runs", "remove `offset 20` and ask for page 3: `run(records, query, { page })`, `filterql run … --page N`, or `.page N` in the REPL; `limit` sets the page size", null],
  ["order score desc", 0, 5, "`order` is always followed by `by`", "write `order by score`", "order by score desc"],
  ["sort by score desc", 0, 7, "FilterQL sorts with `order by`, not `sort by`", "write `order by score`", "order by score desc"],
  ["where status = \"active\"", 0, 5, "`where` only follows `from …`; a condition needs no `where` in front", "start with the condition: `status = \"active\"`, or name collections first: `from users where …`", "status = \"active\""],
  ["limit 10 order by score", 0, 8, "`limit` stands before `order by`; the clauses go: `from`, the condition, `order by`, `select`, `limit`, `case`", "write `order by score limit 10`", "order by score limit 10"],
  ["select name from users where age > 30", 0, 11, "`select` stands before `from` and the condition; the clauses go: `from`, the condition, `order by`, `select`, `limit`, `case`", "write `from users where age > 30 select name`", "from users where age > 30 select name"],
  ["status:active", 0, 13, "`status:active` is how Lucene and KQL compare a field; FilterQL writes `=`", "write `status = \"active\"`", "status = \"active\""],
  ["status: \"active\"", 0, 16, "`status: \"active\"` is how Lucene and KQL compare a field; FilterQL writes `=`", "write `status = \"active\"`", "status = \"active\""],
  ["age:[20 TO 30]", 0, 14, "`age:[20 TO 30]` is a Lucene range; FilterQL writes `between … and …`", "write `age between 20 and 30`", "age between 20 and 30"],
  ["age:[20 TO *]", 0, 13, "`age:[20 TO *]` is a Lucene range; FilterQL writes `between … and …`", "write `age >= 20`", "age >= 20"],
  // A bare word for a bound is still the range; where the field takes no text, no fix (no comma fixes inside it either).
  ["age:[20 TO thirty]", 0, 18, "`age:[20 TO thirty]` is a Lucene range; FilterQL writes `between … and …`", "`age` is an integer: write a number", null],
  ["name:[a TO m]", 0, 13, "`name:[a TO m]` is a Lucene range; FilterQL writes `between … and …`", 'write `name between "a" and "m"`', 'name between "a" and "m"'],
  ["-status:active", 0, 14, "`-` before a condition is how Lucene and KQL exclude; FilterQL writes `not`", "write `not status = \"active\"`", "not status = \"active\""],
  ["name:Jo*", 0, 8, "`name:Jo*` is a Lucene wildcard; FilterQL writes `starts with`", "write `name starts with \"Jo\"`", "name starts with \"Jo\""],
  ["_exists_:email", 0, 14, "`_exists_:email` is Lucene's test for a field that has a value; FilterQL writes `exists`", "write `email exists`", "email exists"],
  ["email:*", 0, 7, "`email:*` is Lucene for \"has a value\"; FilterQL writes `exists`", "write `email exists`", "email exists"],
  ["age:{20 TO 30}", 0, 14, "`age:{20 TO 30}` is a Lucene range; FilterQL writes `>` and `<` where a bound is left out", "write `(age > 20 and age < 30)`", "age > 20 and age < 30"],
  ["not age:[20 TO 30}", 4, 18, "`age:[20 TO 30}` is a Lucene range; FilterQL writes `>` and `<` where a bound is left out", "write `(age >= 20 and age < 30)`", "not (age >= 20 and age < 30)"],
  ["created:[2024-01-01 TO 2024-12-31]", 0, 34, "`created:[2024-01-01 TO 2024-12-31]` is a Lucene range; FilterQL writes `between … and …`", 'write `created between "2024-01-01" and "2024-12-31"`', 'created between "2024-01-01" and "2024-12-31"'],
  ["-age:thirty", 0, 11, "`-` before a condition is how Lucene and KQL exclude; FilterQL writes `not`", "`age` is an integer: write a number", null],
  ["status:archived", 0, 15, "`status:archived` is how Lucene and KQL compare a field; FilterQL writes `=`", '"archived" is not one of the values of `status`; allowed: "active", "inactive", "pending"', null],
  ["age has 30", 4, 7, "`has` is not a FilterQL operator; for a substring or a list element, write `contains`", "`contains` needs a string or a list; `age` is an integer", null],
  ["age startswith 3", 4, 14, "`startswith` is written `starts with` in FilterQL (two words)", "`starts with` takes a string", null],
  ["age:>30", 0, 7, "`age:>30` is KQL; in FilterQL `>` follows the field directly", "write `age > 30`", "age > 30"],
  ["status:(active OR pending)", 0, 26, "`status:(active OR pending)` is a Lucene group of values; FilterQL writes a list: `in […]`", "write `status in [\"active\", \"pending\"]`", "status in [\"active\", \"pending\"]"],
  ["status = \"active\" && age > 30", 18, 20, "`&&` is JavaScript; FilterQL writes `and`", "FilterQL's logical operators are the words `and`, `or` and `not`", "status = \"active\" and age > 30"],
  ["role = \"admin\" || role = \"editor\"", 15, 17, "`||` is JavaScript; FilterQL writes `or`", "FilterQL's logical operators are the words `and`, `or` and `not`", "role = \"admin\" or role = \"editor\""],
  ["!(status = \"active\")", 0, 1, "`!` is JavaScript; FilterQL writes `not`", "`not` goes before a condition or a parenthesised group: `not (a = 1 or b = 2)`", "not status = \"active\""],
  ["status === \"active\"", 7, 10, "`===` is JavaScript; FilterQL writes `=`", "`=` never converts types, so it already means what `===` does", "status = \"active\""],
  ["status !== \"active\"", 7, 10, "`!==` is JavaScript; FilterQL writes `!=`", "`!=` never converts types, so it already means what `!==` does", "status != \"active\""],
  ["tags.includes(\"vip\")", 4, 20, "`.includes(…)` is a JavaScript method; FilterQL writes `contains`", "write `tags contains \"vip\"`", "tags contains \"vip\""],
  ["name.startsWith(\"A\")", 4, 20, "`.startsWith(…)` is a JavaScript method; FilterQL writes `starts with`", "write `name starts with \"A\"`", "name starts with \"A\""],
  ["name.endsWith(\"son\")", 4, 20, "`.endsWith(…)` is a JavaScript method; FilterQL writes `ends with`", "write `name ends with \"son\"`", "name ends with \"son\""],
  ["{ status: \"active\", age: { $gte: 30 } }", 0, 39, "this is a MongoDB filter object; FilterQL writes the condition as text", "write `status = \"active\" and age >= 30`", "status = \"active\" and age >= 30"],
  ["{ \"status\": { \"$in\": [\"active\", \"pending\"] } }", 0, 46, "this is a MongoDB filter object; FilterQL writes the condition as text", "write `status in [\"active\", \"pending\"]`", "status in [\"active\", \"pending\"]"],
  ["{ $or: [{ role: \"admin\" }, { age: { $lt: 30 } }] }", 0, 50, "this is a MongoDB filter object; FilterQL writes the condition as text", "write `role = \"admin\" or age < 30`", "role = \"admin\" or age < 30"],
  ["name has \"x\"", 5, 8, "`has` is not a FilterQL operator; for a substring or a list element, write `contains`", "write `name contains \"x\"`", "name contains \"x\""],
  ["tags contain \"vip\"", 5, 12, "`contain` is not a FilterQL operator; for a substring or a list element, write `contains`", "write `tags contains \"vip\"`", "tags contains \"vip\""],
  ["name startswith \"A\"", 5, 15, "`startswith` is written `starts with` in FilterQL (two words)", "write `name starts with \"A\"`", "name starts with \"A\""],
  ["name starts_with \"A\"", 5, 16, "`starts_with` is written `starts with` in FilterQL (two words)", "write `name starts with \"A\"`", "name starts with \"A\""],
  ["name starts \"A\"", 5, 11, "`starts` is written `starts with` in FilterQL (two words)", "write `name starts with \"A\"`", "name starts with \"A\""],
  ["status is \"active\"", 7, 9, "`is` takes only `null`; to compare with a value, write `=`", "write `status = \"active\"`", "status = \"active\""],
  ["status is not \"active\"", 7, 13, "`is not` takes only `null`; to compare with a value, write `!=`", "write `status != \"active\"`", "status != \"active\""],
  ["name ~= /^Jo/", 5, 7, "`~=` is written `matches` in FilterQL", "write `matches /^Jo/`", "name matches /^Jo/"],
  ["name ~= \"Jo\"", 5, 7, "`~=` is not a FilterQL operator", "for \"not equal\" write `!=`; for words of a text `~ \"quick fox\"`; for a pattern `matches /regex/`", null],
  ["name =~ /^Jo/", 5, 7, "`=~` is written `matches` in FilterQL", "write `matches /^Jo/`", "name matches /^Jo/"],
  ["age => 30", 4, 6, "`=>` is written `>=`", "the comparison sign comes first: `>=`, `<=`", "age >= 30"],
  ["age =< 30", 4, 6, "`=<` is written `<=`", "the comparison sign comes first: `>=`, `<=`", "age <= 30"],
  ["age not between 20 and 30", 4, 15, "`not between` is not an operator; `not` goes before the whole condition", "write `not age between 20 and 30`; after a field, `not` only joins `in`, `exists`, `contains`, `starts with`, `ends with` and `matches`", "not age between 20 and 30"],
  ["age not = 5", 4, 9, "`not =` is not an operator; `not` goes before the whole condition", "write `not age = 5`; after a field, `not` only joins `in`, `exists`, `contains`, `starts with`, `ends with` and `matches`", "not age = 5"],
  ["deleted_at not null", 11, 19, "`not null` is written `is not null`", "write `deleted_at is not null`", "deleted_at is not null"],
  ["status = active", 9, 15, "`active` is a bare word; a text value is written in quotes", "write it as a string: `\"active\"`; `status` takes \"active\", \"inactive\", \"pending\"", "status = \"active\""],
  ["status = Active", 9, 15, "`Active` is a bare word; a text value is written in quotes", "the closest allowed value is `\"active\"`; `status` takes \"active\", \"inactive\", \"pending\"", "status = \"active\""],
  ["status = activ", 9, 14, "`activ` is a bare word; a text value is written in quotes", "the closest allowed value is `\"active\"`; `status` takes \"active\", \"inactive\", \"pending\"", "status = \"active\""],
  ["role in [admin, editor]", 9, 14, "`admin` is a bare word; a text value is written in quotes", "write it as a string: `\"admin\"`; `role` takes \"admin\", \"editor\", \"viewer\"", "role in [\"admin\", \"editor\"]"],
  ["created > 2024-01-01", 10, 20, "the date `2024-01-01` needs quotes", "dates are ISO-8601 strings: `\"2024-01-01\"`; `now - 7d` counts back from today", "created > \"2024-01-01\""],
  ["created > 2024-01-01T10:00:00Z", 10, 30, "the date `2024-01-01T10:00:00Z` needs quotes", "dates are ISO-8601 strings: `\"2024-01-01T10:00:00Z\"`; `now - 7d` counts back from today", "created > \"2024-01-01T10:00:00Z\""],
  ["score > 1,000", 8, 13, "numbers are written without separators: `1,000` is `1000`", "write `1000`", "score > 1000"],
  ["score > 1_000_000", 8, 17, "numbers are written without separators: `1_000_000` is `1000000`", "write `1000000`", "score > 1000000"],
  ["age = 30.", 8, 9, "`30.` is not a number", "write `30` or a fraction such as `30.5`", "age = 30"],
  ["status = \"active\".", 17, 18, "a query does not end with `.`", "remove the `.`", "status = \"active\""],
  ["score > .5", 8, 10, "a number starts with a digit: `.5` is `0.5`", "write `0.5`", "score > 0.5"],
  ["name = “Ada”", 7, 12, "`“` and `”` are typographic quotes; a string is written between straight quotes", "write `\"Ada\"` (word processors and chat apps replace \" as you type)", "name = \"Ada\""],
  ["name = ‘Ada’", 7, 12, "`‘` and `’` are typographic quotes; a string is written between straight quotes", "write `\"Ada\"` (word processors and chat apps replace \" as you type)", "name = \"Ada\""],
  ["name = 'it's'", 7, 13, "the `'` in `it's` ends the string early", "escape it as `\\'`, or quote with \": `\"it's\"`", "name = \"it's\""],
  ["created > now-7days", 10, 19, "`now-7days` is written `now - 7d`", "`now` takes no parentheses; a duration is a number and one letter: `s m h d w`", "created > now - 7d"],
  ["created > now() - interval '7 days'", 10, 35, "`now() - interval '7 days'` is written `now - 7d`", "`now` takes no parentheses; a duration is a number and one letter: `s m h d w`", "created > now - 7d"],
  ["created > now()", 10, 15, "`now()` is written `now`", "`now` takes no parentheses; a duration is a number and one letter: `s m h d w`", "created > now"],
  ["created > now - 2 months", 10, 24, "durations go up to weeks: `s`, `m`, `h`, `d`, `w`", "count months or years in days or weeks, e.g. `now - 30d`; or compare with a date: `\"2024-01-01\"`", null],
  ["status in [\"active\" \"pending\"]", 19, 20, "a `,` is missing between `\"active\"` and `\"pending\"`", "list items are separated by commas: `[\"a\", \"b\"]`", "status in [\"active\", \"pending\"]"],
  ["status in [\"active\", \"pending\",]", 30, 31, "a list does not end with `,`", "remove the last `,`", "status in [\"active\", \"pending\"]"],
  ["select name, email,", 18, 19, "a `,` must be followed by another item", "remove the last `,`", "select name, email"],
  ["order = 1", 0, 5, "`order` is a reserved word, so it cannot stand as a field name", "`order` is a reserved word; to use it as a field name, write it between back-quotes: `` `order` ``", "`order` = 1"],
  ["status = \"active\" and order = 1", 22, 27, "`order` is a reserved word, so it cannot stand as a field name", "`order` is a reserved word; to use it as a field name, write it between back-quotes: `` `order` ``", "status = \"active\" and `order` = 1"],
  ["in = 3", 0, 2, "`in` is a reserved word, so it cannot stand as a field name", "`in` is a reserved word; to use it as a field name, write it between back-quotes: `` `in` ``", "`in` = 3"],
  ["status = 'it's' and age > 3", 9, 15, "the `'` in `it's` ends the string early", "escape it as `\\'`, or quote with \": `\"it's\"`", "status = \"it's\" and age > 3"],
  ["name LIKE 'Jo%' and age > 30", 5, 15, "a `LIKE` pattern that ends in `%` is `starts with` in FilterQL", "write `name starts with \"Jo\"`; `contains`, `starts with` and `ends with` cover `%x%`, `x%` and `%x`", "name starts with \"Jo\" and age > 30"],
  ["role = admin or role = editor", 7, 12, "`admin` is a bare word; a text value is written in quotes", "write it as a string: `\"admin\"`; `role` takes \"admin\", \"editor\", \"viewer\"", "role = \"admin\" or role = \"editor\""],
  ["department = engineering", 13, 24, "`engineering` is a bare word; a text value is written in quotes", "the closest allowed value is `\"Engineering\"`; `department` takes \"Engineering\", \"Sales\", \"Support\", \"HR\", \"Marketing\", \"Finance\"", "department = \"Engineering\""],
  ["name = John Smith", 7, 17, "`John Smith` is a bare word; a text value is written in quotes", "write it as a string: `\"John Smith\"`", "name = \"John Smith\""],
  ["status != archived", 10, 18, "`archived` is a bare word; a text value is written in quotes", "`status` takes \"active\", \"inactive\", \"pending\"", null],
  ["NOT _exists_:email", 4, 18, "`_exists_:email` is Lucene's test for a field that has a value; FilterQL writes `exists`", "write `email exists`", "not email exists"],
  ["verified:true", 0, 13, "`verified:true` is how Lucene and KQL compare a field; FilterQL writes `=`", "write `verified = true`", "verified = true"],
  ["age:30", 0, 6, "`age:30` is how Lucene and KQL compare a field; FilterQL writes `=`", "write `age = 30`", "age = 30"],
  ["(status:active OR status:pending)", 1, 14, "`status:active` is how Lucene and KQL compare a field; FilterQL writes `=`", "write `status = \"active\"`", "status = \"active\" or status = \"pending\""],
  ["tags.includes(\"vip\") && age > 30", 4, 20, "`.includes(…)` is a JavaScript method; FilterQL writes `contains`", "write `tags contains \"vip\"`", "tags contains \"vip\" and age > 30"],
  ["!tags.includes(\"vip\")", 0, 1, "`!` is JavaScript; FilterQL writes `not`", "`not` goes before a condition or a parenthesised group: `not (a = 1 or b = 2)`", "not tags contains \"vip\""],
  ["{ name: /^A/i }", 0, 15, "this is a MongoDB filter object; FilterQL writes the condition as text", "write `name matches /^A/i`", "name matches /^A/i"],
  ["{ age: { $exists: true } }", 0, 26, "this is a MongoDB filter object; FilterQL writes the condition as text", "write `age exists`", "age exists"],
  ["{ status: { $ne: \"active\" }, age: { $gt: 20, $lt: 40 } }", 0, 56, "this is a MongoDB filter object; FilterQL writes the condition as text", "write `status != \"active\" and age > 20 and age < 40`", "status != \"active\" and age > 20 and age < 40"],
  ["SELECT name FROM users WHERE age > 30 ORDER BY score DESC LIMIT 5", 0, 11, "`select` stands before `from` and the condition and `order by`; the clauses go: `from`, the condition, `order by`, `select`, `limit`, `case`", "write `FROM users WHERE age > 30 ORDER BY score DESC SELECT name LIMIT 5`", "from users where age > 30 order by score desc select name limit 5"],
  ["case insensitive status = \"x\"", 0, 16, "`case` stands before the condition; the clauses go: `from`, the condition, `order by`, `select`, `limit`, `case`", "write `status = \"x\" case insensitive`", "status = \"x\" case insensitive"],
  ["sortBy score", 0, 6, "FilterQL sorts with `order by`, not `sortBy`", "write `order by score`", "order by score"],
  ["created >= now() - interval '1 hour'", 11, 36, "`now() - interval '1 hour'` is written `now - 1h`", "`now` takes no parentheses; a duration is a number and one letter: `s m h d w`", "created >= now - 1h"],
  ["created > now - 3 weeks", 10, 23, "`now - 3 weeks` is written `now - 3w`", "`now` takes no parentheses; a duration is a number and one letter: `s m h d w`", "created > now - 3w"],
  ["created > 2024-01-01 and created < 2024-02-01", 10, 20, "the date `2024-01-01` needs quotes", "dates are ISO-8601 strings: `\"2024-01-01\"`; `now - 7d` counts back from today", "created > \"2024-01-01\" and created < \"2024-02-01\""],
  ["score >= 1,250.5", 9, 16, "numbers are written without separators: `1,250.5` is `1250.5`", "write `1250.5`", "score >= 1250.5"],
  ["name = „Ada“", 7, 12, "`„` and `“` are typographic quotes; a string is written between straight quotes", "write `\"Ada\"` (word processors and chat apps replace \" as you type)", "name = \"Ada\""],
  ["order by score,", 14, 15, "a `,` must be followed by another item", "remove the last `,`", "order by score"],
  ["score in [1 2 3]", 11, 12, "a `,` is missing between `1` and `2`", "list items are separated by commas: `[\"a\", \"b\"]`", "score in [1, 2, 3]"],
  ["status = \"active\" order score", 18, 23, "`order` is always followed by `by`", "write `order by score`", "status = \"active\" order by score"],
  ["a.order = 1", 2, 7, "`order` is a reserved word, so it cannot stand as a field name", "`order` is a reserved word; to use it as a field name, write it between back-quotes: `` `order` ``", "a.`order` = 1"],
  ["select name, order", 13, 18, "`order` is a reserved word, so it cannot stand as a field name", "`order` is a reserved word; to use it as a field name, write it between back-quotes: `` `order` ``", "select name, `order`"],
  ["name starts with 'A' && tags contain \"vip\"", 21, 23, "`&&` is JavaScript; FilterQL writes `and`", "FilterQL's logical operators are the words `and`, `or` and `not`", "name starts with \"A\" and tags contains \"vip\""],
  ["email ends_with \"@example.com\"", 6, 15, "`ends_with` is written `ends with` in FilterQL (two words)", "write `email ends with \"@example.com\"`", "email ends with \"@example.com\""],
  ["title includes \"x\"", 6, 14, "`includes` is not a FilterQL operator; for a substring or a list element, write `contains`", "write `title contains \"x\"`", "title contains \"x\""],
  ["name beginswith \"A\"", 5, 15, "`beginswith` is written `starts with` in FilterQL (two words)", "write `name starts with \"A\"`", "name starts with \"A\""],
  ["name is 'x'", 5, 7, "`is` takes only `null`; to compare with a value, write `=`", "write `name = \"x\"`", "name = \"x\""],
  ["age is 30", 4, 6, "`is` takes only `null`; to compare with a value, write `=`", "write `age = 30`", "age = 30"],
  ["age not > 5", 4, 9, "`not >` is not an operator; `not` goes before the whole condition", "write `not age > 5`; after a field, `not` only joins `in`, `exists`, `contains`, `starts with`, `ends with` and `matches`", "not age > 5"],
  ["name not like '%x%'", 5, 19, "a `like` pattern between two `%` is `contains` in FilterQL", "write `name not contains \"x\"`; `contains`, `starts with` and `ends with` cover `%x%`, `x%` and `%x`", "name not contains \"x\""],
  ["x in [a b]", 6, 7, "`a` is a bare word; a text value is written in quotes", "write it as a string: `\"a\"`", "x in [\"a\", \"b\"]"],
  ["role in [admin editor viewer]", 9, 14, "`admin` is a bare word; a text value is written in quotes", "write it as a string: `\"admin\"`; `role` takes \"admin\", \"editor\", \"viewer\"", "role in [\"admin\", \"editor\", \"viewer\"]"],
  ["{ status: \"active\" }", 0, 20, "this is a MongoDB filter object; FilterQL writes the condition as text", "write `status = \"active\"`", "status = \"active\""],
  ["age > 30 AND status:active", 13, 26, "`status:active` is how Lucene and KQL compare a field; FilterQL writes `=`", "write `status = \"active\"`", "age > 30 and status = \"active\""],
  ["tags contains vip", 14, 17, "`vip` is a bare word; a text value is written in quotes", "write it as a string: `\"vip\"`", "tags contains \"vip\""],
];

describe("habits from other languages: code, span, message, hint and the fixed canonical text", () => {
  test("at least 60 habit inputs", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(CASES)("%s", (text, start, end, message, hint, canonical) => {
    const result = parse(text, { schema });
    expect(result.query).toBeUndefined();
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ severity: "error", code: "syntax", span: { start, end }, message, hint });
    expect(fixedText(text)).toBe(canonical);
    if (canonical === null) expect(d?.fix).toBeUndefined();
  });
});

describe("what a habit must not read as a value", () => {
  // A string that failed to decode has no value, and a character the lexer skipped is not a space:
  // a fix that read them would change the query (`'a\\%'` as "", `status:@active` as `status:active`).
  test.each(["name LIKE 'a\\%%'", "name LIKE '50\\%'", 'name:"a\\%"', "status IN ('a\\%', 'b')", "status:@active", "age:#30"])("%s gets no fix", (text) => {
    const { query, diagnostics } = parse(text, { schema });
    expect(query).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.fix !== undefined)).toEqual([]);
    if (text.includes("\\")) expect(diagnostics.some((d) => d.message === "`\\%` is not a valid escape")).toBe(true);
  });
});

test.each(["t > now x", "status = now ="])("%s: plain `now` is not date math to rewrite", (text) => {
  const { diagnostics } = parse(text);
  expect(diagnostics.map((d) => d.message)).not.toContain("`now ` is written `now`");
  expect(diagnostics[0]?.message.startsWith("unexpected")).toBe(true);
});

test.each(["a >= b.c", "contains .5 >= b.c, /(a+)+$/i", "x = 1 and a >= b.c"])("%s: a path where a value goes is not a bare word to quote", (text) => {
  const { diagnostics } = parse(text, { schema });
  expect(diagnostics.length).toBeGreaterThan(0);
  expect(applyFixes(text, diagnostics)).not.toContain('"b".c');
  expect(diagnostics.some((d) => d.message.startsWith("`b` is a bare word"))).toBe(false);
});

describe("the habit catalogue", () => {
  test("one entry per habit, each with its own id", () => {
    expect(new Set(HABITS.map((h) => h.id)).size).toBe(HABITS.length);
  });

  test.each(HABITS.map((h) => [h.id, h.example, h.means] as const))("%s: %s", (_id, example, means) => {
    const { diagnostics } = parse(example, { schema });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(fixedText(example)).toBe(means ?? null);
  });

  test("a bare word without a schema is quoted as written; with one, the enum's closest value", () => {
    expect(applyFixes("status = activ", parse("status = activ").diagnostics)).toBe('status = "activ"');
    expect(applyFixes("status = activ", parse("status = activ", { schema }).diagnostics)).toBe('status = "active"');
  });

  test("a fix that would not parse is not offered: -status", () => {
    const { diagnostics } = parse("-status");
    expect(diagnostics.every((d) => d.fix === undefined)).toBe(true);
  });

  test("independent errors the habits do not explain are still reported: name LIKE 'Jo%' and age > @", () => {
    const { diagnostics } = parse("name LIKE 'Jo%' and age > @");
    expect(diagnostics.map((d) => d.span.start)).toEqual([5, 26, 27]);
    expect(diagnostics[1]?.message).toBe("unexpected character `@`");
  });
});

describe("the back-quote hint stands only where a reserved word takes a field name's place", () => {
  test.each(["order = 1", "a.limit = 2", "select name, order", "x = 1 and not = 2"])("%s", (text) => {
    const hints = parse(text).diagnostics.map((d) => d.hint ?? "");
    expect(hints.some((h) => h.includes("back-quotes"))).toBe(true);
  });

  test.each([
    "status IN ('active', 'pending')", "status in (", "where", "a is 5 5", "a between", "a = 1 and", "a = now(", "a not",
    "x = 1 order", "now", "a = 1 is", "a between 1 and", "status = active WHERE b = 1", "a in not", "a = 1 and and b = 2",
  ])("%s", (text) => {
    const hints = parse(text).diagnostics.map((d) => d.hint ?? "");
    expect(hints.filter((h) => h.includes("back-quotes"))).toEqual([]);
  });
});

describe("fixes on any input", () => {
  function checkFixes(text: string): void {
    const { diagnostics } = parse(text);
    for (const d of diagnostics) {
      expect(d.message).not.toMatch(/^internal error/);
      for (const e of d.fix?.edits ?? []) {
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeLessThanOrEqual(text.length);
        expect(e.start).toBeLessThanOrEqual(e.end);
      }
      const edits = [...(d.fix?.edits ?? [])].sort((a, b) => a.start - b.start);
      for (let k = 1; k < edits.length; k++) expect(edits[k]!.start).toBeGreaterThanOrEqual(edits[k - 1]!.end);
    }
  }

  test("any string: edits lie in the text and never overlap, and nothing throws", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), checkFixes), { numRuns: 2000 });
  });

  test("any token soup: edits lie in the text and never overlap, and nothing throws", () => {
    fc.assert(fc.property(tokenSoupArb, checkFixes), { numRuns: 2000 });
  });

  test("habit-shaped soup and token soup: when every error has a fix, the fixed text parses", () => {
    const piece = fc.constantFrom(
      "status", "name", "age", " ", " = ", ":", "active", '"x"', "'it's'", "LIKE", "'Jo%'", "IN", "('a', 'b')", "&&", "||", "!",
      "===", "has", "starts_with", "is", "not", "between", "20", "and", "30", "1,000", "2024-01-01", "now()", "-", "7days",
      "[", "]", ",", "{", "}", "$gt", "“Ada”", "order", "by", "sort", "where", ".", "(", ")", "*", "[20 TO 30]",
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), tokenSoupArb), (text) => {
        const { diagnostics } = parse(text);
        const errors = diagnostics.filter((d) => d.severity === "error");
        if (errors.length === 0 || errors.some((d) => d.fix === undefined)) return;
        const fixed = applyFixes(text, diagnostics);
        expect(parse(fixed).diagnostics.filter((d) => d.severity === "error"), `${text} → ${fixed}`).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
