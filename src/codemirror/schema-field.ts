/**
 * The editor's schema lives in its state (not in a module variable), so two editors on one page
 * never see each other's fields. `setSchema` swaps it; lint and completion read it per call.
 */
import { StateEffect, StateField, type EditorState } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { argumentError } from "../arguments.js";
import type { ResolvedSchema } from "../check/schema.js";
import { resolveSchema, type Schema } from "../index.js";

/** The effect behind `setSchema`; dispatch it yourself to change the schema inside a larger transaction. */
export const setSchemaEffect = StateEffect.define<Schema | undefined>();

export function schemaField(initial: Schema | undefined): StateField<Schema | undefined> {
  return StateField.define<Schema | undefined>({
    create: () => initial,
    update: (schema, tr) => {
      for (const e of tr.effects) if (e.is(setSchemaEffect)) schema = e.value;
      return schema;
    },
  });
}

/**
 * Replaces the schema of an editor that has `filterql(...)`; lint, completion and hover follow at once.
 * A malformed schema throws the `FilterQLError` check and compile throw, and the editor keeps its schema.
 */
export function setSchema(view: EditorView, schema: Schema | undefined): void {
  if (view === null || typeof view !== "object" || typeof (view as { dispatch?: unknown }).dispatch !== "function") throw argumentError("setSchema", "view", "an EditorView", view);
  if (schema !== undefined && (schema === null || typeof schema !== "object" || Array.isArray(schema))) throw argumentError("setSchema", "schema", "a schema object", schema);
  resolveSchema(schema);
  view.dispatch({ effects: setSchemaEffect.of(schema) });
}

/** The schema as the library reads it, or undefined when there is none or it is malformed (only `setSchemaEffect` dispatched by hand can bring one). */
export function resolvedSchema(state: EditorState, field: StateField<Schema | undefined>): ResolvedSchema | undefined {
  try {
    return resolveSchema(state.field(field, false));
  } catch {
    return undefined;
  }
}
