/**
 * Whether a number literal means the number it is read as. A double holds about 16 significant
 * digits: `12345678901234567890` is read as 12345678901234567000 and would filter with that. The
 * test is the round trip the user sees: the literal and the double's shortest decimal form
 * (what `print` writes back) must be the same number. So `0.1` passes, as in JSON, while
 * `9007199254740993`, `0.10000000000000000001` and `1e-400` (read as 0) do not.
 */
export function heldExactly(image: string, value: number): boolean {
  // Up to 15 significant digits always survive the trip (and without an exponent nothing underflows).
  if (image.length <= 15 && !image.includes("e") && !image.includes("E")) return true;
  const written = decimal(image);
  const read = decimal(String(value));
  return written.digits === read.digits && written.exponent === read.exponent;
}

/** A non-negative decimal as significant digits times a power of ten: "120.50" → 1205 × 10^-1. */
function decimal(text: string): { digits: string; exponent: number } {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  const whole = m?.[1] ?? "";
  const fraction = m?.[2] ?? "";
  let digits = (whole + fraction).replace(/^0+/, "");
  let exponent = Number(m?.[3] ?? 0) - fraction.length;
  const trimmed = digits.replace(/0+$/, "");
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  return digits === "" ? { digits, exponent: 0 } : { digits, exponent };
}
