/**
 * With --json, oclif exits 1 and prints an error only as JSON. Commands use this from their `catch` so that the
 * documented exit code (2 bad input, 3 internal error) and the one-sentence message survive --json.
 */
export function keepExitCodeWithJson(
  jsonEnabled: boolean,
  error: Error & { oclif?: { exit?: number }; code?: string },
): void {
  if (!jsonEnabled || error.code === 'EEXIT') return;
  // Errors of our own carry their exit code; anything else is a bug (exit 3, see main.ts).
  process.exitCode = error.oclif?.exit ?? 3;
  if (error.message) process.stderr.write(`Error: ${error.message}\n`);
}
