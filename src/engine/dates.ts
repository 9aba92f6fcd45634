/** Dates: ISO-8601 recognition and instants for comparison. */

/** ISO-8601 date or date-time: `2024-05-01`, `2024-05-01T10:00:00Z`, with optional fraction and offset. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(value: string): boolean {
  return value.length <= 40 && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch for a date-like value, or NaN. */
export function toInstant(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" && isIsoDate(value)) return Date.parse(value);
  return Number.NaN;
}
