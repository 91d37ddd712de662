/**
 * `pqready scan <paths...>`: inventory the cryptography in a tree and render it.
 * Thin: settings (flags over pqready.config.*) → scanner → triage (suppressions, third-party) → gate → renderer.
 * Exit codes: 0 done, 1 the gate failed (`--fail-on`) or `--strict` and the scan produced warnings or errors,
 * 2 usage or input error (a missing root, a bad configuration, an unknown value), 3 internal error.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { buildReport, defaultPolicyId, type Inventory, listPolicies, locateInRoots, type Report } from '@pqready/core';
import {
  findRepositoryRoot,
  parseShard,
  ShardError,
  type ShardPartition,
  type ShardSpec,
  scan,
  scanShard,
  Timings,
  type WalkScope,
} from '@pqready/scanner';
import { PqreadyCommand } from '../base.js';
import { ConfigError } from '../config/load.js';
import { SCAN_FORMATS, SPEC_VERSIONS } from '../config/schema.js';
import type { DiffEntry } from '../diff/entries.js';
import { readScanResult, ScanFileError } from '../diff/read.js';
import { EXIT } from '../main.js';
import { checkOutput, OutputError, writeToStdout } from '../output.js';
import { diagnosticLine } from '../render/diagnostic-line.js';
import { progressReporter } from '../render/progress.js';
import { type OutputFormat, renderScanChunks, sarifOptionsOf } from '../render/scan-output.js';
import { timingsTable } from '../render/timings.js';
import { resolveScanSettings, type ScanFlagValues, type ScanSettings, SettingsError } from '../scan-settings.js';
import { ScanTimeError, scanTimeFromEnv } from '../scan-time.js';
import { type ShardRecord, type ShardRender, shardRecord } from '../shard/record.js';
import { GateError, parseGates } from '../triage/gate.js';
import { freshFindings, type GateOutcome, gateSummary, judgeGate } from '../triage/judge.js';
import { applyTriage } from '../triage/triage.js';

/** `--json`: the JSON report, with the gate's outcome when `--fail-on` was given and the phases with `--timings`. */
export type ScanJson = Report & {
  readonly gate?: GateOutcome;
  readonly timings?: ReturnType<Timings['rows']>;
};
/** `--list-policies --json`. */
export interface PolicyList {
  readonly policies: readonly { readonly id: string; readonly name: string; readonly default: boolean }[];
}

/** For each root, its folder relative to the top of the git work tree holding all of them (else undefined). */
async function repositoryPaths(roots: readonly string[]): Promise<string[] | undefined> {
  const dirs = await Promise.all(
    roots.map(async (r) => ((await stat(r)).isDirectory() ? path.resolve(r) : path.dirname(path.resolve(r)))),
  );
  const tops = await Promise.all(dirs.map((d) => findRepositoryRoot(d)));
  if (tops.some((t) => t === undefined || t !== tops[0])) return undefined;
  return dirs.map((d) => path.relative(tops[0]!, d).split(path.sep).join('/'));
}

/**
 * The settings that decide what a scan finds, in plain values, for the shards' run digest: equal settings, equal
 * digest, however they were given (flags, pqready.config). Where the output goes and how many workers run are not
 * among them.
 */
function findingSettings(settings: ScanSettings, flags: ScanFlagValues): unknown {
  const ignore = settings.ignore;
  return {
    defines: settings.defines,
    configFiles: settings.configFiles,
    assume: settings.assume,
    followIncludesOutside: settings.followIncludesOutside,
    followSymlinksOutside: settings.followSymlinksOutside,
    maxFileBytes: settings.maxFileBytes,
    absolutePaths: settings.absolutePaths,
    ignore: {
      gitignore: ignore.gitignore,
      pqreadyignore: ignore.pqreadyignore,
      exclude: ignore.exclude,
      excludeAt: ignore.excludeAt?.map((a) => ({ base: path.relative(process.cwd(), a.base), patterns: a.patterns })),
    },
    thirdParty: flags['third-party'],
    config: settings.config?.values,
  };
}

export default class Scan extends PqreadyCommand {
  static override summary = 'Inventory certificates, keys, C crypto use and protocol configs in a tree.';
  static override description =
    'Walks every path (leaving out what .gitignore, .pqreadyignore and --exclude say), decodes what it finds by ' +
    'content, and writes a crypto inventory: a CycloneDX CBOM, a JSON report, SARIF, Markdown, or a table. Settings ' +
    'come from pqready.config.yaml (or .json), found from the first path upwards, under the flags given here. ' +
    'Unreadable or corrupt input becomes a diagnostic; the scan always completes. Exit codes: 0 done, 1 gate failed ' +
    '(--fail-on, --strict), 2 usage or input error, 3 internal error. SOURCE_DATE_EPOCH fixes the scan time.';
  static override examples = [
    '<%= config.bin %> scan firmware/',
    '<%= config.bin %> scan firmware/ -o cbom.cdx.json',
    '<%= config.bin %> scan . --fail-on "broken and active" --exclude "test/**" -o pqready.sarif',
    '<%= config.bin %> scan . --baseline main.cdx.json --fail-on broken',
    '<%= config.bin %> scan firmware/ --component-name infusion-pump --component-version 2.4.1 --supplier "Acme Medical" -o cbom.cdx.json',
    '<%= config.bin %> scan . --format markdown --policy cnsa-2.0 --define MBEDTLS_RSA_C',
  ];
  static override strict = false;
  static override enableJsonFlag = true;
  static override args = {
    paths: Args.string({ description: 'files or directories to scan (relative to the working directory)' }),
  };
  static override flags = {
    format: Flags.string({
      char: 'f',
      description:
        'output format (default: from the --output name, e.g. .cdx.json, .sarif, .md, .json; else table on a terminal, cyclonedx otherwise)',
      options: [...SCAN_FORMATS],
    }),
    output: Flags.string({ char: 'o', description: 'write to FILE (atomically) instead of standard output' }),
    config: Flags.string({
      char: 'c',
      description:
        'configuration FILE (default: pqready.config.yaml/.json from the first path up to the repository top)',
    }),
    'spec-version': Flags.string({
      description: 'CycloneDX specification version (default 1.6)',
      options: [...SPEC_VERSIONS],
    }),
    policy: Flags.string({ description: 'policy that turns facts into quantum verdicts (see --list-policies)' }),
    'list-policies': Flags.boolean({ description: 'list the available policies and exit' }),
    'fail-on': Flags.string({
      description:
        'exit 1 when a finding matches, e.g. broken, "broken and active", classically-weak, expires-before:2030 (repeatable: any)',
      multiple: true,
      multipleNonGreedy: true,
      helpGroup: 'GATE',
    }),
    baseline: Flags.string({
      description: 'earlier CBOM or JSON report: the gate judges only findings it does not have',
      helpGroup: 'GATE',
    }),
    strict: Flags.boolean({
      description: 'exit 1 when the scan produced warnings or errors',
      allowNo: true,
      helpGroup: 'GATE',
    }),
    exclude: Flags.string({
      char: 'x',
      description: 'leave out paths matching a .gitignore-style pattern, relative to each path (repeatable)',
      multiple: true,
      multipleNonGreedy: true,
      helpGroup: 'SELECTION',
    }),
    gitignore: Flags.boolean({
      description: 'honour .gitignore files (default; --no-gitignore scans what git ignores)',
      allowNo: true,
      helpGroup: 'SELECTION',
    }),
    'third-party': Flags.string({
      description: 'mark paths matching a pattern as vendored third-party code: kept, grouped apart (repeatable)',
      multiple: true,
      multipleNonGreedy: true,
      helpGroup: 'SELECTION',
    }),
    define: Flags.string({
      char: 'D',
      description: 'preprocessor define for C analysis, NAME or NAME=VALUE (repeatable)',
      multiple: true,
      multipleNonGreedy: true,
    }),
    'config-file': Flags.string({
      description:
        'configuration header the C build selects (e.g. configs/config-suite-b.h), as with -DMBEDTLS_CONFIG_FILE; a scan path (repeatable)',
      multiple: true,
      multipleNonGreedy: true,
    }),
    assume: Flags.string({
      description: `product version whose defaults apply when a directive is absent, e.g. nginx=1.22 (repeatable; products: haproxy, mosquitto, nginx, openssh, openssl, strongswan)`,
      multiple: true,
      multipleNonGreedy: true,
    }),
    'follow-includes-outside': Flags.boolean({
      description: 'follow config includes that point outside the scanned paths',
      allowNo: true,
    }),
    'follow-symlinks-outside': Flags.boolean({
      description: 'follow symbolic links whose target is outside the scanned paths (default: a diagnostic each)',
      allowNo: true,
    }),
    'max-file-size': Flags.string({
      description: 'do not read files larger than SIZE, in bytes or with K, M, G (default 64M); each gets a diagnostic',
    }),
    jobs: Flags.integer({
      char: 'j',
      description:
        "threads for C parsing, the scan's own and N-1 workers (default: CPU count; never more than the C files need)",
      min: 1,
      max: 256,
    }),
    'component-name': Flags.string({
      description: 'name of the product the tree builds (CycloneDX metadata.component; default: the root names)',
      helpGroup: 'CBOM',
    }),
    'component-version': Flags.string({ description: 'version of that product', helpGroup: 'CBOM' }),
    supplier: Flags.string({ description: 'organisation that supplies the product', helpGroup: 'CBOM' }),
    'absolute-paths': Flags.boolean({
      description:
        'name scan roots by their absolute paths (default: base names, so outputs never depend on where the tree sat)',
      allowNo: true,
    }),
    'sarif-include-pass': Flags.boolean({
      description: 'keep quantum-resistant and hybrid findings in SARIF (as pass results)',
      allowNo: true,
      helpGroup: 'SARIF',
    }),
    'sarif-include-suppressed': Flags.boolean({
      description: 'keep suppressed findings in SARIF, marked (default; GitHub shows them as open alerts)',
      allowNo: true,
      helpGroup: 'SARIF',
    }),
    quiet: Flags.boolean({ char: 'q', description: 'print nothing but the output itself', allowNo: true }),
    timings: Flags.boolean({
      description: 'print where the time went, phase by phase, on standard error (and in --json); output unchanged',
    }),
    shard: Flags.string({
      description:
        'scan part i of n (e.g. 2/3) of the top-level folders and files, as one job of a CI matrix; join the parts with pqready merge (see docs/ci.md)',
      helpGroup: 'SELECTION',
    }),
  };

  async run(): Promise<ScanJson | PolicyList | undefined> {
    // performance.now() counts from the process start: what oclif, the imports and flag parsing cost.
    const startupMs = performance.now();
    const { argv, flags } = await this.parse(Scan);
    const timings = flags.timings ? new Timings() : undefined;
    timings?.add('start-up (process to command)', startupMs);
    let mark = performance.now();
    /** Adds the time since the previous mark to `phase`. */
    const lap = (phase: string): void => {
      const now = performance.now();
      timings?.add(phase, now - mark);
      mark = now;
    };
    if (flags['list-policies']) {
      const policies = listPolicies().map((p) => ({ id: p.id, name: p.name, default: p.id === defaultPolicyId }));
      for (const p of policies) this.log(`${p.id}${p.default ? ' (default)' : ''}\t${p.name}`);
      return { policies };
    }
    const paths = argv.map(String);
    if (paths.length === 0)
      this.usageError('Give at least one file or directory to scan, e.g. `pqready scan firmware/`.');

    let settings: ScanSettings;
    let baseline: readonly DiffEntry[] | undefined;
    let scanTime: Date;
    // The output is checked before the scan (a mistake costs nothing) and never walked.
    let outputScope: WalkScope = {};
    let shard: ShardSpec | undefined;
    try {
      if (flags.shard !== undefined) shard = parseShard(flags.shard);
      settings = await resolveScanSettings(paths, flags as ScanFlagValues);
      parseGates(settings.failOn);
      if (settings.baseline) baseline = (await readScanResult(settings.baseline)).entries;
      scanTime = scanTimeFromEnv();
      if (settings.output) outputScope = await checkOutput(settings.output, paths);
    } catch (error) {
      if (
        error instanceof OutputError ||
        error instanceof SettingsError ||
        error instanceof ConfigError ||
        error instanceof GateError ||
        error instanceof ScanFileError ||
        error instanceof ScanTimeError ||
        error instanceof ShardError
      ) {
        this.usageError(error.message);
      }
      throw error;
    }
    const json = this.jsonEnabled();
    const terminal = process.stdout.isTTY === true && !json;
    const format: OutputFormat = settings.format ?? (terminal && !settings.output ? 'table' : 'cyclonedx');
    const quiet = settings.quiet || json;
    if (shard && format !== 'cyclonedx' && format !== 'json') {
      this.usageError(
        `--shard writes a part for pqready merge, as CycloneDX or JSON (not ${format}); pqready merge writes every format.`,
      );
    }
    if (shard && !quiet && process.env.SOURCE_DATE_EPOCH === undefined) {
      process.stderr.write(
        'Note: SOURCE_DATE_EPOCH is not set; pqready merge joins only parts scanned at one time, so set it to one value in every job (e.g. the commit time).\n',
      );
    }
    const progress = progressReporter(!settings.quiet && process.stderr.isTTY === true);
    lap('settings (config, baseline, output check)');

    const request: Parameters<typeof scan>[0] = {
      roots: paths,
      absoluteRootNames: settings.absolutePaths,
      scanTime,
      options: {
        defines: settings.defines,
        assume: settings.assume,
        followIncludesOutside: settings.followIncludesOutside,
        ...(settings.jobs === undefined ? {} : { jobs: settings.jobs }),
        ...(settings.configFiles.length > 0 ? { configFiles: settings.configFiles } : {}),
      },
      ignore: settings.ignore,
      scope: { ...outputScope, followSymlinksOutside: settings.followSymlinksOutside },
      ...(settings.maxFileBytes === undefined ? {} : { maxFileBytes: settings.maxFileBytes }),
      toolVersion: this.config.version,
      onProgress: progress.update,
      ...(timings ? { timings } : {}),
    };
    let partition: ShardPartition | undefined;
    let inventory: Inventory;
    if (shard) ({ inventory, partition } = await scanShard(request, shard));
    else inventory = await scan(request);
    progress.done();
    lap('scan (total of the rows above it)');

    const rootStats = await Promise.all(paths.map((p) => stat(p)));
    inventory = applyTriage(inventory, {
      policy: settings.policy,
      thirdParty: settings.thirdParty,
      suppress: settings.suppress,
      absolutePath: (evidencePath) => {
        const at = locateInRoots(evidencePath, inventory.roots);
        const root = paths[at.root]!;
        if (rootStats[at.root]!.isFile()) return path.resolve(root);
        return path.resolve(root, paths.length === 1 ? evidencePath : at.path);
      },
    });
    // The report is built when something reads it (the gate, --json, every format but CycloneDX): a CBOM alone is
    // written from the inventory, and a large tree's inventory, report and CBOM do not fit in memory together.
    const needsReport = json || format !== 'cyclonedx' || settings.failOn.length > 0 || baseline !== undefined;
    lap('triage (policy, suppressions, third party)');
    const report = needsReport ? buildReport(inventory, settings.policy) : undefined;
    const fresh = report ? freshFindings(report, baseline, settings.failOn) : undefined;
    const gate =
      report && fresh
        ? judgeGate(report, settings.failOn, fresh, settings.baseline ? { file: settings.baseline } : undefined)
        : undefined;
    lap('report build and gate');

    const toTerminal = format === 'table' && !settings.output && terminal;
    const render: ShardRender = {
      policy: settings.policy.id,
      specVersion: settings.specVersion,
      component: settings.component,
      sarifIncludePass: settings.sarifIncludePass,
      sarifIncludeSuppressed: settings.sarifIncludeSuppressed,
      ...(settings.absolutePaths ? {} : { repositoryPaths: await repositoryPaths(paths) }),
    };
    const record: ShardRecord | undefined = partition
      ? shardRecord(inventory, partition, render, findingSettings(settings, flags as ScanFlagValues))
      : undefined;
    const rendered = renderScanChunks(
      inventory,
      {
        format,
        policy: settings.policy,
        specVersion: settings.specVersion,
        component: settings.component,
        color: toTerminal && !process.env.NO_COLOR,
        ...(toTerminal && process.stdout.columns ? { width: process.stdout.columns } : {}),
        sarif: sarifOptionsOf(render, this.config.pjson.homepage),
        ...(baseline ? { fresh } : {}),
        ...(record ? { shard: record } : {}),
      },
      report,
    );
    if (settings.output) {
      await this.writeOutputFile(settings.output, rendered);
    } else if (!json) {
      await writeToStdout(rendered);
    }
    lap(json ? 'render (the JSON report is printed after this table)' : 'render and write');

    // Diagnostics are printed once: a table on standard output holds them; otherwise standard error does.
    const problems = inventory.diagnostics.filter((d) => d.severity !== 'info');
    if (!quiet && !(format === 'table' && !settings.output && !json)) {
      for (const d of problems) {
        process.stderr.write(`${diagnosticLine(d)}\n`);
      }
    }
    if (!quiet && settings.output) {
      const shown = path.relative(process.cwd(), settings.output) || settings.output;
      process.stderr.write(
        `Wrote ${shown} (${format}): ${inventory.findings.length} findings, ${problems.length} diagnostics, ${inventory.stats.filesScanned} files.\n`,
      );
    }
    if (report && gate && (!settings.quiet || gate.failed)) process.stderr.write(`${gateSummary(report, gate)}\n`);
    if (gate?.failed || (settings.strict && problems.length > 0)) {
      if (settings.strict && problems.length > 0 && !gate?.failed && !settings.quiet) {
        process.stderr.write(`--strict: ${problems.length} warnings or errors (exit code 1).\n`);
      }
      // Not this.exit(): with --json the report must still be printed.
      process.exitCode = EXIT.gate;
    }
    if (timings) {
      timings.add('wall (process start to here)', performance.now());
      process.stderr.write(timingsTable(timings.rows()));
    }
    // Printed by oclif only with --json, which always builds the report.
    return report
      ? { ...report, ...(gate ? { gate } : {}), ...(timings ? { timings: timings.rows() } : {}) }
      : undefined;
  }
}
