/**
 * Sets an own, enumerable, writable data property. For a key that may be `__proto__`, where
 * assignment would set the prototype instead (the engine never writes to a prototype).
 */
export function defineData(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
