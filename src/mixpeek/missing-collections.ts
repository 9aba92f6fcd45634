import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { MixpeekBody } from "./body.js";

/**
 * The seed API requires `collections`, which only a `from` clause or an option supplies. The body
 * still comes out (a caller may add them), with this warning so the gap is seen before the request
 * fails. Code `invalid-value`: the body is well formed, but its (absent) collections are not accepted.
 */
export function missingCollections(body: MixpeekBody, hint: string): Diagnostic[] {
  if (body.collections !== undefined && body.collections.length > 0) return [];
  return [
    {
      severity: "warning",
      code: "invalid-value",
      message: "the body has no `collections`, which the API requires",
      span: { start: 0, end: 0, line: 1, column: 1 },
      hint,
    },
  ];
}
