/**
 * What every pqready command shares: `--debug`, and exit codes that survive `--json` (oclif would print the error
 * as JSON and exit 1; pqready keeps 2 for bad input and 3 for internal errors, and says the sentence on stderr too).
 */
import { Command, Flags } from '@oclif/core';
import { jsonChunks } from '@pqready/core';
import { keepExitCodeWithJson } from './json-errors.js';
import { EXIT } from './main.js';
import { writeFileAtomically } from './output.js';

export abstract class PqreadyCommand extends Command {
  static override baseFlags = {
    debug: Flags.boolean({ description: 'print the stack of an internal error', helpGroup: 'GLOBAL' }),
  };

  override async catch(error: Error & { oclif?: { exit?: number }; code?: string }): Promise<unknown> {
    keepExitCodeWithJson(this.jsonEnabled(), error);
    return super.catch(error);
  }

  /**
   * `--json`: the bytes oclif prints (`JSON.stringify(json, null, 2)` and a newline) written chunk by chunk. oclif
   * builds the whole text and re-tokenises it for colour, which a large tree's report outgrows (V8 caps a string at
   * about 512 MiB); only a configured JSON colour theme still goes through oclif.
   */
  override logJson(json: unknown): void {
    if (this.config.theme?.json) {
      super.logJson(json);
      return;
    }
    for (const chunk of jsonChunks(json, 2)) process.stdout.write(chunk);
    process.stdout.write('\n');
  }

  /** Writes an output file atomically; a write that fails is a usage error naming the file and why. */
  protected async writeOutputFile(target: string, content: Parameters<typeof writeFileAtomically>[1]): Promise<void> {
    try {
      await writeFileAtomically(target, content);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'write failed';
      this.usageError(`Cannot write ${target} (${code}); check that its directory exists and is writable.`);
    }
  }

  /** A usage or input error: one sentence, exit code 2. */
  protected usageError(message: string): never {
    this.error(message, { exit: EXIT.usage });
  }
}
