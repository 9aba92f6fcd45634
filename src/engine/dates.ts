/** Dates: ISO-8601 recognition and instants for comparison. */

/** ISO-8601 date or date-time: `2024-05-01`, `2024-05-01T10:00:00Z`, with optional fraction and offset. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(value: string): boolean {
  return value.length <= 40 && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * A Date's instant. An invalid Date (`new Date("x")`) is the epoch, 0: what MongoDB's drivers
 * store for it (BSON holds a 64-bit integer, and NaN converts to 0), so it compares and sorts
 * as the stored document would, in one consistent place.
 */
export function dateInstant(date: Date): number {
  const t = date.getTime();
  return Number.isNaN(t) ? 0 : t;
}

/** Milliseconds since the epoch for a date-like value, or NaN. */
export function toInstant(value: unknown): number {
  if (value instanceof Date) return dateInstant(value);
  if (typeof value === "string" && isIsoDate(value)) return Date.parse(value);
  return Number.NaN;
}
