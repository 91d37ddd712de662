/**
 * What `pqready scan` runs with: its flags over the configuration file over the defaults, every value checked.
 * A scalar flag replaces the configured value; list flags (`--define`, `--config-file`, `--assume`, `--exclude`,
 * `--third-party`) add to it. Configured paths and patterns are relative to the configuration's folder, flags to the working directory
 * (paths) or to each scan root (patterns). Every problem is a `SettingsError`: one sentence, exit code 2.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { getPolicy, listPolicies, type Policy } from '@pqready/core';
import { type IgnoreOptions, PathPatterns } from '@pqready/scanner';
import { findConfig, type LoadedConfig, loadConfig } from './config/load.js';
import { SCAN_FORMATS, SPEC_VERSIONS } from './config/schema.js';
import { parseKeyValues } from './key-values.js';
import type { OutputFormat, SpecVersion } from './render/scan-output.js';
import type { ConfiguredSuppression } from './triage/triage.js';

export class SettingsError extends Error {}

/** Products whose defaults `--assume` can select (the detectors read `options.assume.<product>`). */
const ASSUMABLE_PRODUCTS = ['haproxy', 'mosquitto', 'nginx', 'openssh', 'openssl', 'strongswan'] as const;

/** The flags of `pqready scan` that settings come from (undefined: not given). */
export interface ScanFlagValues {
  readonly format?: string;
  readonly output?: string;
  readonly 'spec-version'?: string;
  readonly policy?: string;
  readonly define?: readonly string[];
  readonly 'config-file'?: readonly string[];
  readonly assume?: readonly string[];
  readonly 'follow-includes-outside'?: boolean;
  readonly 'follow-symlinks-outside'?: boolean;
  readonly 'max-file-size'?: string;
  readonly jobs?: number;
  readonly 'component-name'?: string;
  readonly 'component-version'?: string;
  readonly supplier?: string;
  readonly 'absolute-paths'?: boolean;
  readonly strict?: boolean;
  readonly quiet?: boolean;
  readonly config?: string;
  readonly gitignore?: boolean;
  readonly exclude?: readonly string[];
  readonly 'third-party'?: readonly string[];
  readonly 'fail-on'?: readonly string[];
  readonly baseline?: string;
  readonly 'sarif-include-pass'?: boolean;
  readonly 'sarif-include-suppressed'?: boolean;
}

export interface ScanSettings {
  readonly roots: readonly string[];
  readonly config?: LoadedConfig;
  /** Undefined: table on a terminal, CycloneDX otherwise. */
  readonly format?: OutputFormat;
  readonly output?: string;
  readonly specVersion: SpecVersion;
  readonly policy: Policy;
  readonly defines: Record<string, string>;
  /** C configuration headers the build selects, as scan paths. */
  readonly configFiles: readonly string[];
  readonly assume: Record<string, string>;
  readonly followIncludesOutside: boolean;
  readonly followSymlinksOutside: boolean;
  /** Files above this many bytes are not read (undefined: the scanner's default). */
  readonly maxFileBytes?: number;
  readonly jobs?: number;
  readonly component: { readonly name?: string; readonly version?: string; readonly supplier?: string };
  readonly absolutePaths: boolean;
  readonly strict: boolean;
  readonly quiet: boolean;
  readonly ignore: IgnoreOptions;
  readonly thirdParty: PathPatterns;
  readonly suppress: readonly ConfiguredSuppression[];
  readonly failOn: readonly string[];
  readonly baseline?: string;
  readonly sarifIncludePass: boolean;
  readonly sarifIncludeSuppressed: boolean;
}

/** `--format` from the output file's name when no format is given. */
const FORMAT_OF_EXTENSION: readonly (readonly [string, OutputFormat])[] = [
  ['.cdx.json', 'cyclonedx'],
  ['.sarif.json', 'sarif'],
  ['.sarif', 'sarif'],
  ['.json', 'json'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.txt', 'table'],
];

export function formatOfOutput(output: string): OutputFormat | undefined {
  const name = path.basename(output).toLowerCase();
  const known = FORMAT_OF_EXTENSION.find(([ext]) => name.endsWith(ext));
  if (known) return known[1];
  if (name.endsWith('.html') || name.endsWith('.htm')) {
    throw new SettingsError(
      `scan writes no HTML; the HTML report comes with pqready assess (or plan --format html). For ${output}, give --format.`,
    );
  }
  if (!path.extname(name)) return undefined;
  throw new SettingsError(
    `Cannot tell the format from ${output}; give --format (${SCAN_FORMATS.join(', ')}) or name the file ${FORMAT_OF_EXTENSION.map(([e]) => `*${e}`).join(', ')}.`,
  );
}

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-file-size`: bytes, or a number with K, M or G (powers of 1024; `KiB`, `MB` and `M` are the same). */
function parseSize(value: string | number, option = '--max-file-size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(String(value));
  const bytes = m ? Math.floor(Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]!) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new SettingsError(`${option} ${value}: give a size in bytes, or with K, M or G (e.g. 64M).`);
  }
  return bytes;
}

/** A root that is missing or unreadable is a usage error, not an empty scan. */
async function checkRoot(root: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'it does not exist' : `it cannot be read (${code})`;
    throw new SettingsError(`Cannot scan ${root}: ${why} (relative paths start at ${process.cwd()}).`);
  }
  try {
    await access(root, isDirectory ? constants.R_OK | constants.X_OK : constants.R_OK);
  } catch {
    throw new SettingsError(`Cannot scan ${root}: permission denied.`);
  }
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function configuredDefines(v: unknown): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  return Object.entries(v as Record<string, unknown>).map(
    ([k, x]) => `${k}=${x === true ? '1' : x === false ? '0' : String(x)}`,
  );
}

function checkAssume(assume: Record<string, string>): void {
  for (const [product, version] of Object.entries(assume)) {
    if (!(ASSUMABLE_PRODUCTS as readonly string[]).includes(product)) {
      throw new SettingsError(
        `--assume ${product}=${version}: pqready knows the defaults of ${ASSUMABLE_PRODUCTS.join(', ')}, not "${product}".`,
      );
    }
    if (!/^\d+(\.\d+){0,3}[a-z0-9.+-]*$/i.test(version)) {
      throw new SettingsError(`--assume ${product}=${version}: give a version number, e.g. ${product}=1.22.`);
    }
  }
}

export async function resolveScanSettings(paths: readonly string[], flags: ScanFlagValues): Promise<ScanSettings> {
  for (const root of paths) await checkRoot(root);
  const configFile = flags.config ? path.resolve(flags.config) : await findConfig(paths[0]!);
  const config = configFile ? await loadConfig(configFile) : undefined;
  const c = config?.values ?? {};
  const configDir = configFile ? path.dirname(configFile) : process.cwd();
  // Written into outputs (a suppression's source), so relative to the scanned tree, never to where pqready ran.
  const firstRoot = path.resolve(paths[0]!);
  const rootDir = (await stat(firstRoot)).isDirectory() ? firstRoot : path.dirname(firstRoot);
  const shownConfig = configFile ? path.relative(rootDir, configFile).split(path.sep).join('/') : '';
  const fromConfig = (p: unknown): string | undefined =>
    typeof p === 'string' ? path.resolve(configDir, p) : undefined;

  const output = flags.output ?? fromConfig(c.output);
  const explicitFormat = flags.format ?? (c.format as string | undefined);
  if (explicitFormat !== undefined && !(SCAN_FORMATS as readonly string[]).includes(explicitFormat)) {
    throw new SettingsError(`--format ${explicitFormat}: use one of ${SCAN_FORMATS.join(', ')}.`);
  }
  const format = (explicitFormat ?? (output ? formatOfOutput(output) : undefined)) as OutputFormat | undefined;
  const specVersion = String(flags['spec-version'] ?? c['spec-version'] ?? '1.6');
  if (!(SPEC_VERSIONS as readonly string[]).includes(specVersion)) {
    throw new SettingsError(`--spec-version ${specVersion}: use one of ${SPEC_VERSIONS.join(', ')}.`);
  }

  let policy: Policy;
  try {
    policy = getPolicy(flags.policy ?? (c.policy as string | undefined) ?? listPolicies()[0]!.id);
  } catch (error) {
    throw new SettingsError((error as Error).message);
  }
  let defines: Record<string, string>;
  let assume: Record<string, string>;
  try {
    defines = parseKeyValues([...configuredDefines(c.define), ...(flags.define ?? [])], 'define', {
      valueOptional: true,
    });
    assume = parseKeyValues(
      [
        ...Object.entries((c.assume as Record<string, string> | undefined) ?? {}).map(([k, v]) => `${k}=${v}`),
        ...(flags.assume ?? []),
      ],
      'assume',
    );
  } catch (error) {
    throw new SettingsError((error as Error).message);
  }
  checkAssume(assume);

  const rootAnchored = (patterns: readonly string[]) => paths.map((root) => ({ base: root, patterns }));
  const configAnchored = (patterns: readonly string[]) => (patterns.length ? [{ base: configDir, patterns }] : []);
  const suppress = ((c.suppress as { paths: unknown; ids: unknown; reason: string }[] | undefined) ?? []).map(
    (s, i): ConfiguredSuppression => ({
      patterns: new PathPatterns(configAnchored(asList(s.paths))),
      ids: asList(s.ids),
      reason: s.reason.trim(),
      source: `${shownConfig}:${config?.lines.get(`suppress[${i}]`) ?? 1} suppress[${i}]`,
    }),
  );
  const flagFailOn = flags['fail-on'] ?? [];
  const baseline = flags.baseline ? path.resolve(flags.baseline) : fromConfig(c.baseline);
  const bool = (flag: boolean | undefined, key: string, fallback: boolean): boolean =>
    flag ?? (c[key] as boolean | undefined) ?? fallback;
  const str = (flag: string | undefined, key: string): string | undefined => flag ?? (c[key] as string | undefined);
  const name = str(flags['component-name'], 'component-name');
  const version = str(flags['component-version'], 'component-version');
  const supplier = str(flags.supplier, 'supplier');
  const jobs = flags.jobs ?? (c.jobs as number | undefined);
  const maxFileSize = flags['max-file-size'] ?? (c['max-file-size'] as string | number | undefined);
  return {
    roots: paths,
    ...(config ? { config } : {}),
    ...(format ? { format } : {}),
    ...(output ? { output } : {}),
    specVersion: specVersion as SpecVersion,
    policy,
    defines,
    configFiles: [...asList(c['config-file']), ...(flags['config-file'] ?? [])],
    assume,
    followIncludesOutside: bool(flags['follow-includes-outside'], 'follow-includes-outside', false),
    followSymlinksOutside: bool(flags['follow-symlinks-outside'], 'follow-symlinks-outside', false),
    ...(maxFileSize !== undefined ? { maxFileBytes: parseSize(maxFileSize) } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    component: { ...(name ? { name } : {}), ...(version ? { version } : {}), ...(supplier ? { supplier } : {}) },
    absolutePaths: bool(flags['absolute-paths'], 'absolute-paths', false),
    strict: bool(flags.strict, 'strict', false),
    quiet: bool(flags.quiet, 'quiet', false),
    ignore: {
      gitignore: bool(flags.gitignore, 'gitignore', true),
      pqreadyignore: true,
      exclude: [...(flags.exclude ?? [])],
      excludeAt: configAnchored(asList(c.exclude)),
    },
    thirdParty: new PathPatterns([
      ...configAnchored(asList(c['third-party'])),
      ...rootAnchored(flags['third-party'] ?? []),
    ]),
    suppress,
    failOn: flagFailOn.length > 0 ? flagFailOn : asList(c['fail-on']),
    ...(baseline ? { baseline } : {}),
    sarifIncludePass: bool(flags['sarif-include-pass'], 'sarif-include-pass', false),
    sarifIncludeSuppressed: bool(flags['sarif-include-suppressed'], 'sarif-include-suppressed', true),
  };
}
