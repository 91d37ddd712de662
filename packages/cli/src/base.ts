/**
 * What every pqready command shares: `--debug`, and exit codes that survive `--json` (oclif would print the error
 * as JSON and exit 1; pqready keeps 2 for bad input and 3 for internal errors, and says the sentence on stderr too).
 */
import { Command, Flags } from '@oclif/core';
import { keepExitCodeWithJson } from './json-errors.js';
import { EXIT } from './main.js';

export abstract class PqreadyCommand extends Command {
  static override baseFlags = {
    debug: Flags.boolean({ description: 'print the stack of an internal error', helpGroup: 'GLOBAL' }),
  };

  override async catch(error: Error & { oclif?: { exit?: number }; code?: string }): Promise<unknown> {
    keepExitCodeWithJson(this.jsonEnabled(), error);
    return super.catch(error);
  }

  /** A usage or input error: one sentence, exit code 2. */
  protected usageError(message: string): never {
    this.error(message, { exit: EXIT.usage });
  }
}
