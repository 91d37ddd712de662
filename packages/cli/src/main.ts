/**
 * The executable's entry (`bin/run.js`). Exit codes, documented in the README and docs/ci.md:
 * 0 done, 1 a gate failed (`--fail-on`, `--strict`), 2 usage or input error, 3 internal error.
 * An unknown command is a usage error (2); an error that is not one of ours is an internal error (3), printed as one
 * sentence, with the stack only under `--debug`.
 */
import { Errors, handle, run } from '@oclif/core';
import { flushStdout, watchStdout } from './output.js';

export const EXIT = Object.freeze({ ok: 0, gate: 1, usage: 2, internal: 3 });

type OclifError = Error & { oclif?: { exit?: number }; code?: string };

/** The error oclif should print and exit with. */
function userFacing(error: unknown, debug: boolean): OclifError {
  const e = (error instanceof Error ? error : new Error(String(error))) as OclifError;
  // ExitError carries an exit code and prints nothing.
  if (e.code === 'EEXIT') return e;
  const exit = e.oclif?.exit;
  if (exit === 127) return new Errors.CLIError(e.message, { exit: EXIT.usage });
  if (exit !== undefined) return e;
  if (debug) process.stderr.write(`${e.stack ?? e.message}\n`);
  return new Errors.CLIError(
    `Internal error: ${e.message.split('\n')[0]}. This is a bug in pqready: please report it with the command you ran${debug ? '' : ' (add --debug for the stack)'}.`,
    { exit: EXIT.internal },
  );
}

export async function main(root: string, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `pnpm pqready …` runs in the repository root; paths on its command line are the caller's.
  if (process.env.npm_lifecycle_event === 'pqready' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  watchStdout();
  try {
    await run([...argv], root);
    await flushStdout();
  } catch (error) {
    await flushStdout();
    await handle(userFacing(error, argv.includes('--debug')));
  }
}
