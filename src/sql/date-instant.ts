/**
 * The instant of a jsonb string in a `date` field, as the engine reads it (src/engine/dates.ts:
 * an ISO-8601 string that JavaScript's Date.parse accepts), in milliseconds since the epoch as
 * `numeric`, or NULL where the engine sees no date. Written out in SQL rather than cast to
 * timestamptz, because PostgreSQL's parser accepts and rejects other strings than Date.parse:
 *
 * - month 1–12 and day 1–31 whatever the month (Date.parse rolls `2024-02-31` over to March 2);
 *   years 0000–9999 on the proleptic Gregorian calendar;
 * - hour 0–24 (24 only with zero minutes, seconds and fraction: the next midnight), minute and
 *   second 0–59; a fraction truncated to milliseconds; an offset `Z`, `±hh:mm` or `±hhmm` with
 *   hours 0–23 and minutes 0–59; a date alone is UTC midnight.
 *
 * Two forms have no exact instant here, and make PostgreSQL raise an error (a cast that fails
 * with a message naming the problem) when a comparison or sort reads them, rather than compare
 * them wrongly: a valid date-time without an offset, which Date.parse reads as local time (its
 * instant depends on the time zone of the JavaScript process), and a date-time with a space
 * instead of `T`, which is not ECMAScript's date format and which V8 reads with its own legacy
 * rules (`0001-03-28 00:00Z` is a day in 2028 there). The same legacy rules read an impossible
 * date-only string as month-day-year when its "year" is 0001–0012 and its "month" 01–31
 * (`0004-03-00` is 2000-04-03), so exactly those raise the error too; every other impossible date
 * is no date (NaN), as `0001-00-15` and `0005-99-99` are.
 */

const ISO = "^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:([T ])([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?(Z|([+-])([0-9]{2}):?([0-9]{2}))?)?$";

/** The message PostgreSQL reports (inside "invalid input syntax for type integer") for a date-time without an offset. */
export const LOCAL_TIME_ERROR = "filterql: a date-time without a UTC offset is local time in JavaScript; no exact instant";

/** The message for a date-time with a space instead of `T`, or a date Date.parse reads by its legacy rules. */
export const LEGACY_FORM_ERROR = "filterql: a date that is not in the ECMAScript date format is read by implementation rules in JavaScript; no exact instant";

/**
 * Days from 1970-01-01 to the first of month `m` (Hinnant's days_from_civil), where `y` is the
 * year shifted for a March-based year and by 400 years to keep it positive (see `instant`).
 */
function daysToMonth(y: string, m: string): string {
  const yoe = `(${y} % 400)`;
  return `(${y} / 400 * 146097 + ${yoe} * 365 + ${yoe} / 4 - ${yoe} / 100 + (153 * ((${m} + 9) % 12) + 2) / 5 - 719468 - 146097)`;
}

/** SQL: the instant (numeric milliseconds) of the jsonb expression `x`, NULL where it is not a date the engine reads. */
export function instant(x: string): string {
  const m = (i: number) => `fql_m[${i}]`;
  const n = (i: number) => `${m(i)}::int`;
  const sec = `coalesce(${n(7)}, 0)`;
  const ms = `coalesce(rpad(left(${m(8)}, 3), 3, '0')::int, 0)`;
  const offset = `(CASE WHEN ${m(10)} = '-' THEN -1 ELSE 1 END * (${n(11)} * 60 + ${n(12)}))`;
  const value = `((${daysToMonth("fql_y", n(2))} + ${n(3)} - 1)::numeric * 86400000 + coalesce(${n(5)}, 0) * 3600000 + coalesce(${n(6)}, 0) * 60000 + ${sec} * 1000 + ${ms} - coalesce(${offset}, 0) * 60000)`;
  const fail = (message: string) => `('${message}: ' || (${x} #>> '{}'))::int`;
  return (
    `(CASE WHEN jsonb_typeof(${x}) = 'string' THEN (SELECT CASE ` +
    `WHEN fql_m IS NULL THEN NULL ` +
    `WHEN ${m(4)} = ' ' THEN ${fail(LEGACY_FORM_ERROR)} ` +
    `WHEN ${n(2)} NOT BETWEEN 1 AND 12 OR ${n(3)} NOT BETWEEN 1 AND 31 THEN (CASE WHEN ${m(5)} IS NULL AND ${n(1)} BETWEEN 1 AND 12 AND ${n(2)} BETWEEN 1 AND 31 THEN ${fail(LEGACY_FORM_ERROR)} END) ` +
    `WHEN ${m(5)} IS NOT NULL AND (${n(5)} > 24 OR ${n(6)} > 59 OR ${sec} > 59 OR (${n(5)} = 24 AND (${n(6)} > 0 OR ${sec} > 0 OR coalesce(${m(8)}, '') ~ '[1-9]'))) THEN NULL ` +
    `WHEN ${m(11)} IS NOT NULL AND (${n(11)} > 23 OR ${n(12)} > 59) THEN NULL ` +
    `WHEN ${m(5)} IS NOT NULL AND ${m(9)} IS NULL THEN ${fail(LOCAL_TIME_ERROR)} ` +
    `ELSE ${value} END FROM (SELECT fql_m, fql_m[1]::int - (CASE WHEN fql_m[2]::int <= 2 THEN 1 ELSE 0 END) + 400 ` +
    `FROM (SELECT regexp_match(${x} #>> '{}', '${ISO}')) AS fql_r(fql_m)) AS fql_p(fql_m, fql_y)) END)`
  );
}
