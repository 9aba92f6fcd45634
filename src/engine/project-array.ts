/** Past this many open levels, the arrays being projected are remembered, to tell a cycle. */
const CYCLE_WATCH = 1000;

/**
 * An array below a selected path, its objects projected by `object` and its nested arrays
 * rebuilt likewise, to any depth: an explicit stack, so an array nested 100,000 levels deep costs
 * memory, not the call stack. An array met again inside itself (a cycle, which no JSON has) is left out.
 * Shared by both forms of projection (project.ts; the generated projector binds it).
 */
export function projectArray(array: readonly unknown[], object: (value: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  const stack: { readonly from: readonly unknown[]; readonly to: unknown[]; i: number }[] = [{ from: array, to: out, i: 0 }];
  let open: Set<unknown> | undefined;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.i >= top.from.length) {
      stack.pop();
      open?.delete(top.from);
      continue;
    }
    const e = top.from[top.i++];
    if (e === null || typeof e !== "object" || e instanceof Date) continue;
    if (!Array.isArray(e)) {
      top.to.push(object(e));
      continue;
    }
    if (stack.length >= CYCLE_WATCH) {
      open ??= new Set(stack.map((f) => f.from));
      if (open.has(e)) continue;
      open.add(e);
    }
    const to: unknown[] = [];
    top.to.push(to);
    stack.push({ from: e as unknown[], to, i: 0 });
  }
  return out;
}
