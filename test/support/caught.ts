/** What `f` throws, or undefined when it returns: for tests that look at the error itself. */
export function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}
