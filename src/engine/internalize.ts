/**
 * Returns an equal string that the engine keeps in its string table. Strings cut from query text
 * are slices; comparing them with a record's (interned) strings costs a character scan, while two
 * interned strings compare by identity. Using a string as a property key interns it; done once
 * per constant at compile time, it makes `===` and keyed reads in the hot loop as cheap as a
 * hand-written literal's.
 */
export function internalize<T>(value: T): T {
  if (typeof value !== "string") return value;
  const holder: Record<string, 0> = {};
  holder[value] = 0;
  return (Object.keys(holder)[0] ?? value) as T;
}
