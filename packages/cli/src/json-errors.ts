/**
 * With --json, oclif exits 1 and prints an error only as JSON. Commands that document exit code 2 for bad input use
 * this from their `catch` so the exit code and the one-sentence message survive --json.
 */
export function keepExitCodeWithJson(jsonEnabled: boolean, error: Error & { oclif?: { exit?: number } }): void {
  if (!jsonEnabled) return;
  if (error.oclif?.exit !== undefined) process.exitCode = error.oclif.exit;
  if (error.message) process.stderr.write(`Error: ${error.message}\n`);
}
