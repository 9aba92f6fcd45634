/**
 * An instant as text PostgreSQL's timestamptz reads back to the same instant. `toISOString()`
 * does not do: PostgreSQL has no year 0 and no signed years (1 BC is year 0 in JavaScript's
 * proleptic Gregorian calendar, 2 BC year -1), so years up to 0 are written with `BC`, and a year
 * past 9999 without JavaScript's `+` and leading zeros.
 */

/** PostgreSQL's earliest timestamptz, 4714-11-24 00:00 UTC BC (year -4713 in JavaScript). Its latest (294276 AD) lies past every JavaScript instant. */
export const EARLIEST_TIMESTAMPTZ = Date.parse("-004713-11-24T00:00:00.000Z");

/** The text of instant `t` (milliseconds since the epoch; finite, within JavaScript's range and at or after EARLIEST_TIMESTAMPTZ). */
export function timestamptzText(t: number): string {
  const d = new Date(t);
  const iso = d.toISOString();
  const rest = iso.slice(iso.indexOf("-", 1));
  const year = d.getUTCFullYear();
  return year >= 1 ? `${String(year).padStart(4, "0")}${rest}` : `${String(1 - year).padStart(4, "0")}${rest} BC`;
}
