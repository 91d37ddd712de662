/**
 * The built oclif manifest (scripts/manifest.mjs, run by `pnpm build`) is what oclif reads instead of importing every
 * command: a stale one would hide or misdescribe flags, so it must list each built command with its own flags.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const cliRoot = path.resolve(import.meta.dirname, '..');
const manifestFile = path.join(cliRoot, 'oclif.manifest.json');
const commandsDir = path.join(cliRoot, 'dist/commands');

describe.skipIf(!existsSync(commandsDir))('oclif manifest', () => {
  it('lists every built command with the flags and arguments its class declares', async () => {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      commands: Record<string, { flags: Record<string, unknown>; args: Record<string, unknown> }>;
    };
    const ids = readdirSync(commandsDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.replace(/\.js$/, ''))
      .sort();
    expect(Object.keys(manifest.commands).sort()).toEqual(ids);
    for (const id of ids) {
      const mod = (await import(pathToFileURL(path.join(commandsDir, `${id}.js`)).href)) as {
        default: {
          flags?: Record<string, unknown>;
          baseFlags?: Record<string, unknown>;
          args?: Record<string, unknown>;
          enableJsonFlag?: boolean;
        };
      };
      // oclif adds --json to commands that enable it.
      const declared = {
        ...mod.default.baseFlags,
        ...mod.default.flags,
        ...(mod.default.enableJsonFlag ? { json: 1 } : {}),
      };
      expect(Object.keys(manifest.commands[id]!.flags).sort(), id).toEqual(Object.keys(declared).sort());
      expect(Object.keys(manifest.commands[id]!.args).sort(), id).toEqual(Object.keys(mod.default.args ?? {}).sort());
    }
  });
});
