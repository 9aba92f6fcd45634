/** Help texts, one per command. */
export const HELP: Record<string, string> = {
  main: `filterql — a small filter query language

Usage:
  filterql                          open the REPL on the bundled sample data
  filterql repl [options]           open the REPL on your data
  filterql compile QUERY [options]  print the Mixpeek request body (or --to sql, --to mongo) for QUERY
  filterql run QUERY --data F       filter, sort, page and project records
  filterql check QUERY [--schema F] check QUERY against a schema (--fix: print it corrected)
  filterql decompile [--dialect D]  read a request body on stdin, print the query text
  filterql playground [options]     open the web playground on http://127.0.0.1:4173/

Run 'filterql COMMAND --help' for a command's options.
Example: filterql run 'status = "active" order by score desc limit 5' --data sample/data.json`,
  playground: `Usage: filterql playground [--port N] [--data F --schema F]

Serves the playground page on http://127.0.0.1:N/ (this machine only; nothing is fetched
from elsewhere): an editor with completion and diagnostics, the results over the data, the
Mixpeek body, the canonical text and the AST. Ctrl-C stops it.

  --port N        port to listen on (default 4173; 0 picks a free one)
  --data F        records: a JSON array or NDJSON file (default: the bundled sample); the
                  page opens on a query made from their fields
  --schema F      schema JSON (default: the sample's with the sample; else inferred from the data)`,
  repl: `Usage: filterql repl [--data F] [--schema F] [--dialect v1|v2]

Opens an interactive prompt. Type a query to see its results; Tab completes fields,
operators and values; an unclosed ( or [ continues on the next line. When an error comes
with a fix (= fix: under it), Enter on the empty line runs the fixed query. Commands:
.help .schema .data FILE .body .sql .mongo .ast .dialect v1|v2 .page N .exit

  --data F        records: a JSON array or NDJSON file (default: the bundled sample); the
                  page opens on a query made from their fields
  --schema F      schema JSON (default: inferred from the data)
  --dialect D     v1 (default) or v2, for .body`,
  compile: `Usage: filterql compile QUERY [options]

Prints the Mixpeek request body (POST /features) for QUERY; with --to sql the
PostgreSQL statement as {text, values}; with --to mongo the MongoDB find arguments
{filter, sort, projection, skip, limit} (dates as {"$date": ...}).

  --schema F          check QUERY against this schema first (--to sql: typed columns;
                      --to mongo: date fields compare as dates)
  --dialect D         --to mixpeek: v1 (default: key/NOR) or v2 (field/NOT, string operators)
  --collections a,b   --to mixpeek: collections (overrides the query's from clause)
  --now ISO           the clock for date math (default: now)
  --to T              mixpeek (default), sql or mongo
  --table T           --to sql: the table (name or schema.name); default: the query's from clause
  --document COL      --to sql: records are jsonb in column COL (else --schema gives columns)
  --key K             --to sql / mongo: the unique column or field sorted last (default id / _id)
  --page N            --to sql / mongo: page number, from 1 (default 1)
  --page-size N       --to sql / mongo: page size (default: the query's limit, else 10)

A flag for another target than --to is an error, not ignored.`,
  run: `Usage: filterql run QUERY --data F [options]

Filters, sorts, pages and projects records; prints {results, pagination}, or every match as NDJSON.

  --data F         a JSON array or NDJSON file, or - for standard input
  --schema F       check QUERY against this schema and use its types (without one, a field
                   that no record holds is named in a warning on stderr once the run is done)
  --page N         page number, from 1 (default 1)
  --page-size N    page size (default: the query's limit, else 10)
  --now ISO        the clock for date math (default: now)
  --format F       json (default): one {results, pagination} page
                   ndjson: every match on its own line (sorted and projected as the query
                   says; a match without select is written as its input line)

Input is read as a stream: without order by only the requested page is kept (with ndjson,
nothing is kept), so files larger than memory work; with order by, only the matching records
are kept.`,
  check: `Usage: filterql check QUERY [--schema F] [--dialect D] [--fix]

Reports every problem in QUERY (unknown fields, type mismatches, invalid values...). Where a
habit from another language has a sure correction, "= fix:" under the frame shows the query
with it applied (name LIKE 'Jo%'  →  name starts with "Jo").
Exit status 0 when there are no errors (warnings may still be printed).

  --schema F   check against this schema (its enums also correct bare words)
  --dialect D  also check that the Mixpeek body can be written in dialect v1 or v2
  --fix        print the query with every fix applied, and on stderr what is still wrong with it;
               exit 0 when it then checks clean`,
  decompile: `Usage: filterql decompile [--dialect v1|v2] < body.json

Reads a Mixpeek request body on standard input and prints the query text.`,
};
