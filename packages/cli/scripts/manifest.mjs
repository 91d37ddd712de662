// Writes oclif.manifest.json, the commands' ids, flags and arguments, as part of `pnpm build`. With it oclif loads
// only the module of the command being run; without it, every command's module and their dependencies (the planner,
// the bench, the chart renderer) are imported on each start, about a quarter of a second of `pqready scan`'s start-up.
// It is written from the built commands, so it always matches them; it is not committed (.gitignore).
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = new URL('../oclif.manifest.json', import.meta.url);
// A manifest left from the last build would be read back instead of the commands.
rmSync(file, { force: true });
const config = await Config.load(root);
const manifest = config.rootPlugin.manifest;
if (Object.keys(manifest.commands).length === 0) throw new Error('No commands found in dist/commands: build first.');
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
