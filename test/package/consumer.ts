import { compile, filter, indexRecords, type RecordIndex, fromMixpeek, parse, print, run, suggest, tokens, toMixpeek, toMongo, FilterQLError, type Diagnostic, type MongoFind, type Query, type Schema } from "filterql";

const schema: Schema = { status: { type: "string", enum: ["active", "inactive"] }, score: "number" };
const result = parse('status = "active" order by score desc');
const q: Query | undefined = result.query;
const diags: Diagnostic[] = result.diagnostics;
if (q) {
  console.log(print(q), JSON.stringify(toMixpeek(q, { dialect: "v2" })));
  console.log(print(fromMixpeek(toMixpeek(q))));
  const find: MongoFind = toMongo(q, { page: 2 });
  console.log(JSON.stringify(find.filter), find.skip, JSON.stringify(compile(q).toMongo().sort));
}
const users = [{ status: "active", score: 3 }, { status: "inactive", score: 9 }];
const active: { status: string; score: number }[] = filter(users, 'status = "active"', { schema });
console.log(active.length, run(users, "order by score desc limit 1").pagination.total_pages, diags.length);
const indexed: RecordIndex<{ status: string; score: number }> = indexRecords(users);
const fromIndex: { status: string; score: number }[] = compile("score > 1", { schema }).filter(indexed);
console.log(fromIndex.length, run(indexed, "score > 1").pagination.total);
console.log(suggest("status = ", 9, { schema }).items.map((i) => i.label), tokens("a = 1").length);
try { compile("nope =", {}); } catch (e) { if (e instanceof FilterQLError) console.log(e.diagnostics[0]?.code); }

// The CodeMirror extension, as a web page imports it.
import { EditorState } from "@codemirror/state";
import { filterql, setSchema, type QueryResult, type ValuesRequest } from "filterql/codemirror";
const values = async ({ field, prefix, signal }: ValuesRequest): Promise<string[]> => (signal.aborted ? [] : [`${field}:${prefix}`]);
const state = EditorState.create({ doc: "status = ", extensions: filterql({ schema, values, placeholder: "filter", onSubmit: (text: string, r: QueryResult) => console.log(text, r.diagnostics.length) }) });
console.log(state.doc.length, typeof setSchema);
