/**
 * Finds and reads `pqready.config.yaml` / `.yml` / `.json` (parse.ts parses and validates it). Every error names the
 * file, the line and the key, and says what is allowed, so that a typo in CI fails with one clear sentence (exit
 * code 2).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { findRepositoryRoot } from '@pqready/scanner';

const CONFIG_NAMES = ['pqready.config.yaml', 'pqready.config.yml', 'pqready.config.json'] as const;

export class ConfigError extends Error {}

/** The configuration as written (keys are the flag names), and where it came from. */
export interface LoadedConfig {
  readonly file: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** 1-based line of each top-level key and of each `suppress` entry (`suppress[0]`). */
  readonly lines: ReadonlyMap<string, number>;
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The nearest configuration from `start` upwards, stopping at the repository top (or the file system root). */
export async function findConfig(start: string): Promise<string | undefined> {
  const from = path.resolve(start);
  const dir = (await stat(from)
    .then((s) => s.isDirectory())
    .catch(() => false))
    ? from
    : path.dirname(from);
  const top = await findRepositoryRoot(dir);
  for (let current = dir; ; current = path.dirname(current)) {
    const found: string[] = [];
    for (const name of CONFIG_NAMES) if (await isFile(path.join(current, name))) found.push(name);
    if (found.length > 1) {
      throw new ConfigError(`${current} holds ${found.join(' and ')}; keep one of them.`);
    }
    if (found.length === 1) return path.join(current, found[0]!);
    if (current === top || path.dirname(current) === current) return undefined;
  }
}

export async function loadConfig(file: string): Promise<LoadedConfig> {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `Cannot read the configuration ${shown} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}).`,
    );
  }
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (error) {
      // V8 names the offset ("at position 34") or quotes the text around the error ('…"strict": tru\n}" is not …').
      const message = (error as Error).message;
      const quoted = /, (?:\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
      const at = /position (\d+)/.exec(message);
      const offset = at ? Number(at[1]) : quoted ? Math.max(0, text.indexOf(quoted)) : 0;
      const line = text.slice(0, offset).split('\n').length;
      const why = quoted
        ? `near ${quoted.split('\n')[0]!.trim()}`
        : message.replace(/ in JSON at position \d+.*$/s, '');
      throw new ConfigError(`${shown}:${line}: not valid JSON: ${why}.`);
    }
  }
  // The YAML parser and the schema validator are loaded only now: most scans have no configuration file.
  const { parseConfig } = await import('./parse.js');
  return parseConfig(text, file, shown);
}
