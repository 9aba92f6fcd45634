/** Bound parameters: every value reaches PostgreSQL as `$n`, never as SQL text. */
export class Params {
  readonly values: unknown[] = [];
  private readonly shared = new Map<string, string>();

  constructor(private readonly offset = 0) {}

  /** `$n` for a value, with an explicit cast so every parameter's type is known to the planner. */
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.offset + this.values.length}::${cast}`;
  }

  /** One parameter reused wherever the same constant (e.g. a case-folding table) is needed. */
  once(key: string, value: unknown, cast: string): string {
    let ref = this.shared.get(key);
    if (ref === undefined) {
      ref = this.add(value, cast);
      this.shared.set(key, ref);
    }
    return ref;
  }
}
