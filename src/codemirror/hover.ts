/** Hovering a field shows its type (and allowed values) from the schema. */
import type { StateField } from "@codemirror/state";
import { hoverTooltip, type Tooltip } from "@codemirror/view";
import { typeName } from "../check/schema.js";
import type { Schema } from "../index.js";
import { fieldAt } from "./field-at.js";
import { resolvedSchema } from "./schema-field.js";

/** The text the hover shows for a field, or undefined when the schema does not know it. */
export function fieldSummary(schema: NonNullable<ReturnType<typeof resolvedSchema>>, field: string): string | undefined {
  const info = schema.lookup(field.split("."));
  if (info === undefined) return undefined;
  const allowed = info.enum === undefined ? "" : ` — one of ${info.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  return `${field}: ${typeName(info)}${allowed}${info.sortable ? "" : " (not sortable)"}`;
}

export function fieldHover(schemaField: StateField<Schema | undefined>) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const schema = resolvedSchema(view.state, schemaField);
    const ref = schema === undefined ? undefined : fieldAt(view.state.doc.toString(), pos);
    const summary = ref === undefined || schema === undefined ? undefined : fieldSummary(schema, ref.field);
    if (ref === undefined || summary === undefined) return null;
    return {
      pos: ref.from,
      end: ref.to,
      above: true,
      create: () => {
        const dom = document.createElement("div");
        dom.className = "cm-fql-hover";
        dom.textContent = summary;
        return { dom };
      },
    };
  });
}
