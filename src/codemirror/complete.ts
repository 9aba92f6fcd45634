/**
 * Completion from the library's `suggest()`. At a value position the host's async `values`
 * callback adds values for the field; it gets an AbortSignal that fires as soon as the text
 * changes, so a slow answer never lands on newer text. Values show raw and insert as the
 * language writes them (quoted, escaped).
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import type { StateField } from "@codemirror/state";
import { literal, print, suggest, type Schema } from "../index.js";
import { fieldBefore } from "./field-at.js";
import { resolvedSchema } from "./schema-field.js";

export type ValueOption = string | { readonly label: string; readonly detail?: string };

export interface ValuesRequest {
  /** Dot path of the field whose value is being typed. */
  readonly field: string;
  /** What has been typed of the value so far, unquoted. */
  readonly prefix: string;
  /** Aborted when the text changes before the answer arrives. */
  readonly signal: AbortSignal;
}

export type ValuesCallback = (request: ValuesRequest) => Promise<readonly ValueOption[]> | readonly ValueOption[];

const KIND_TYPE = { field: "property", keyword: "keyword", operator: "operator", value: "constant" } as const;

export function completionSource(schemaField: StateField<Schema | undefined>, values: ValuesCallback | undefined): CompletionSource {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const text = context.state.doc.toString();
    const schema = resolvedSchema(context.state, schemaField);
    const suggestOptions = schema === undefined ? {} : { schema };
    const here = suggest(text, context.pos, suggestOptions);
    const typed = text.slice(here.from, context.pos);
    if (typed === "" && !context.explicit && !/[\s=<>~([,]$/.test(text.slice(0, context.pos))) return null;
    // What could come here at all (before the typed prefix filters it): only values means a value position.
    const all = here.from === context.pos ? here : suggest(text, here.from, suggestOptions);
    const valuePosition = all.items.length > 0 && all.items.every((i) => i.kind === "value");
    if (!valuePosition) {
      if (here.items.length === 0) return null;
      // `suggest` has filtered by the typed prefix and ordered by relevance (`=` before `!=`): keep both.
      const options = here.items.map((i) => ({ label: i.label, type: KIND_TYPE[i.kind], ...(i.detail === undefined ? {} : { detail: i.detail }) }));
      return { from: here.from, options, filter: false };
    }
    const prefix = unquote(typed);
    const own = here.items.map((i): Completion => valueCompletion(display(i.label), i.label, i.detail));
    const extra = values === undefined ? [] : await hostValues(context, text, here.from, prefix, values);
    if (extra === null) return null;
    const seen = new Set(own.map((o) => o.apply));
    const options = [...own, ...extra.filter((o) => !seen.has(o.apply))];
    if (options.length === 0) return null;
    // Our own filtering: the typed text has a quote the raw labels lack.
    return { from: here.from, options, filter: false };
  };
}

async function hostValues(context: CompletionContext, text: string, from: number, prefix: string, values: ValuesCallback): Promise<Completion[] | null> {
  const ref = fieldBefore(text, from);
  if (ref === undefined) return [];
  const controller = new AbortController();
  context.addEventListener("abort", () => controller.abort(), { onDocChange: true });
  let answer: readonly ValueOption[];
  try {
    answer = await values({ field: ref.field, prefix, signal: controller.signal });
  } catch {
    return controller.signal.aborted ? null : [];
  }
  if (controller.signal.aborted || context.aborted) return null;
  const lower = prefix.toLowerCase();
  return answer
    .map((v) => (typeof v === "string" ? { label: v } : v))
    .filter((v) => typeof v.label === "string" && v.label.toLowerCase().startsWith(lower))
    .map((v) => valueCompletion(v.label, print(literal(v.label)), v.detail));
}

function valueCompletion(label: string, apply: string, detail: string | undefined): Completion & { apply: string } {
  return { label, apply, type: "constant", ...(detail === undefined ? {} : { detail }) };
}

/** A quoted label (`"active"`) shows as its raw value; others (`null`, `now - 7d`) as they are. */
function display(label: string): string {
  if (!label.startsWith('"')) return label;
  try {
    return String(JSON.parse(label));
  } catch {
    return label;
  }
}

/** The typed part of a value without its opening quote (and closing one, if typed). */
function unquote(typed: string): string {
  const quote = typed[0];
  if (quote !== '"' && quote !== "'") return typed;
  const body = typed.endsWith(quote) && typed.length > 1 ? typed.slice(1, -1) : typed.slice(1);
  const json = quote === '"' ? body : body.replace(/\\'/g, "'").replace(/"/g, '\\"');
  try {
    return String(JSON.parse(`"${json}"`));
  } catch {
    return body;
  }
}
