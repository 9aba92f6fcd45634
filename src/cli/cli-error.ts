/** A user-facing CLI failure: printed as one paragraph on stderr, exit status 1, never a stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
}
