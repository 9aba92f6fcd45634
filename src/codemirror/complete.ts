/**
 * Completion from the library's `suggest()`. At a value position the host's async `values`
 * callback adds values for the field (after `contains` and `starts with` too, where the library
 * has none of its own); it gets an AbortSignal that fires as soon as the text changes, so a slow
 * answer never lands on newer text. Values show raw and insert as the language writes them for
 * the field's type (`31` for a number, `true` for a boolean, quoted and escaped text otherwise).
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import type { StateField } from "@codemirror/state";
import type { FieldInfo } from "../check/schema.js";
import { literal, print, suggest, type Schema } from "../index.js";
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

/** Typed last, these open completion with nothing typed yet: a space, an operator, a bracket, a comma, a path's dot. */
const OPENS_COMPLETION = /[\s=<>~([,.]$/;

export function completionSource(schemaField: StateField<Schema | undefined>, values: ValuesCallback | undefined): CompletionSource {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const text = context.state.doc.toString();
    const schema = resolvedSchema(context.state, schemaField);
    const here = suggest(text, context.pos, schema === undefined ? {} : { schema });
    const typed = text.slice(here.from, context.pos);
    if (typed === "" && !context.explicit && !OPENS_COMPLETION.test(text.slice(0, context.pos))) return null;
    // `to` runs through the rest of the word or string at the cursor: a choice replaces it whole.
    const range = { from: here.from, to: here.to };
    if (here.valueFor === undefined || here.valueFor.length === 0) {
      if (here.items.length === 0) return null;
      // `suggest` has filtered by the typed prefix and ordered by relevance (`=` before `!=`): keep both.
      const options = here.items.map((i) => ({ label: i.label, type: KIND_TYPE[i.kind], ...(i.detail === undefined ? {} : { detail: i.detail }) }));
      return { ...range, options, filter: false };
    }
    // A value position, whether or not `suggest` has values of its own (`contains` has none): the host is asked.
    const field = schema?.lookup(here.valueFor);
    const own = here.items.map((i): Completion => valueCompletion(display(i.label), i.label, i.detail));
    const extra = values === undefined ? [] : await hostValues(context, here.valueFor.join("."), field, unquote(typed), values);
    if (extra === null) return null;
    // One option per label: the host's `true` for a boolean is the one already offered.
    const seen = new Set<string>();
    const options = [...own, ...extra].filter((o) => !seen.has(o.label) && seen.add(o.label));
    if (options.length === 0) return null;
    // Our own filtering: the typed text has a quote the raw labels lack.
    return { ...range, options, filter: false };
  };
}

async function hostValues(context: CompletionContext, field: string, info: FieldInfo | undefined, prefix: string, values: ValuesCallback): Promise<Completion[] | null> {
  const controller = new AbortController();
  context.addEventListener("abort", () => controller.abort(), { onDocChange: true });
  let answer: readonly ValueOption[];
  try {
    answer = await values({ field, prefix, signal: controller.signal });
  } catch {
    return controller.signal.aborted ? null : [];
  }
  if (controller.signal.aborted || context.aborted) return null;
  const lower = prefix.toLowerCase();
  return answer
    .map((v) => (typeof v === "string" ? { label: v } : v))
    .filter((v) => typeof v.label === "string" && v.label.toLowerCase().startsWith(lower))
    .map((v) => valueCompletion(v.label, valueText(v.label, info), v.detail));
}

/** A number as the language writes one (src/syntax/scan.ts), with the sign the parser allows before it. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A host's value as the language writes it for the field's type: `31` for a number field,
 * `true` for a boolean one, a quoted and escaped string otherwise (and for what does not fit the type).
 */
export function valueText(label: string, field: FieldInfo | undefined): string {
  const base = field?.base;
  if ((base === "number" || base === "integer") && NUMBER.test(label) && Number.isFinite(Number(label))) return label;
  if (base === "boolean" && (label === "true" || label === "false")) return label;
  return print(literal(label));
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
