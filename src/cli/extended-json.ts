/** JSON for people and tools: dates as MongoDB Extended JSON (`{"$date": …}`), which mongosh and EJSON read. */
export function toExtendedJson(value: unknown): string {
  return JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, v: unknown) {
      const original = this[key];
      return original instanceof Date ? { $date: original.toISOString() } : v;
    },
    2,
  );
}
