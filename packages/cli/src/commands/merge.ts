/**
 * `pqready merge <parts...>`: join the parts of a split scan (`pqready scan --shard i/n`) into the output a single
 * run with the same settings and SOURCE_DATE_EPOCH writes, byte for byte, in any scan format.
 * Exit codes: 0 done, 2 usage or input error (a part missing, twice, damaged, or of another run), 3 internal error.
 */
import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { getPolicy } from '@pqready/core';
import { PqreadyCommand } from '../base.js';
import { SCAN_FORMATS } from '../config/schema.js';
import { writeToStdout } from '../output.js';
import { type OutputFormat, renderScanChunks, sarifOptionsOf } from '../render/scan-output.js';
import { formatOfOutput, SettingsError } from '../scan-settings.js';
import { combineShards, readShard, ShardInputError } from '../shard/read.js';

export interface MergeJson {
  readonly shards: number;
  readonly findings: number;
  readonly diagnostics: number;
  readonly output?: string;
}

export default class Merge extends PqreadyCommand {
  static override summary = 'Join the parts of a split scan (scan --shard i/n) into one output.';
  static override description =
    'Reads every part written by pqready scan --shard i/n (CycloneDX or JSON), checks that they are the n parts of ' +
    'one run (same pqready version, scan time, roots, settings and tree; each part once), and writes what a single ' +
    'run would have written, byte for byte, in any scan format. Nothing is written when a part is missing, twice, ' +
    'damaged or of another run. Exit codes: 0 done, 2 usage or input error, 3 internal error.';
  static override examples = [
    '<%= config.bin %> merge shard-1.cdx.json shard-2.cdx.json shard-3.cdx.json -o cbom.cdx.json',
    '<%= config.bin %> merge parts/*.cdx.json -o pqready.sarif',
  ];
  static override strict = false;
  static override enableJsonFlag = true;
  static override args = {
    parts: Args.string({ description: 'the shard files (CycloneDX or JSON written with scan --shard)' }),
  };
  static override flags = {
    output: Flags.string({ char: 'o', description: 'write to FILE (atomically) instead of standard output' }),
    format: Flags.string({
      char: 'f',
      description: 'output format (default: from the --output name, else cyclonedx)',
      options: [...SCAN_FORMATS],
    }),
    quiet: Flags.boolean({ char: 'q', description: 'print nothing but the output itself', allowNo: true }),
  };

  async run(): Promise<MergeJson> {
    const { argv, flags } = await this.parse(Merge);
    const files = argv.map(String);
    if (files.length === 0) this.usageError('Give the shard files to merge, e.g. `pqready merge shard-*.cdx.json`.');
    const output = flags.output;
    let format: OutputFormat;
    let merged: ReturnType<typeof combineShards>;
    try {
      format =
        (flags.format as OutputFormat | undefined) ?? (output ? formatOfOutput(output) : undefined) ?? 'cyclonedx';
      if (output && files.some((f) => path.resolve(f) === path.resolve(output))) {
        throw new ShardInputError(`Refusing to write ${output}: it is one of the parts being merged.`);
      }
      merged = combineShards(await Promise.all(files.map((f) => readShard(f))), this.config.version);
    } catch (error) {
      if (error instanceof ShardInputError || error instanceof SettingsError) this.usageError(error.message);
      throw error;
    }
    const { inventory, render } = merged;
    const rendered = renderScanChunks(inventory, {
      format,
      policy: getPolicy(render.policy),
      specVersion: render.specVersion,
      component: render.component,
      color: false,
      sarif: sarifOptionsOf(render, this.config.pjson.homepage),
    });
    const json = this.jsonEnabled();
    if (output) {
      await this.writeOutputFile(output, rendered);
    } else if (!json) {
      await writeToStdout(rendered);
    }
    const quiet = flags.quiet || json;
    if (!quiet && output) {
      const shown = path.relative(process.cwd(), output) || output;
      process.stderr.write(
        `Wrote ${shown} (${format}): ${files.length} shards, ${inventory.findings.length} findings, ${inventory.stats.filesScanned} files.\n`,
      );
    }
    return {
      shards: files.length,
      findings: inventory.findings.length,
      diagnostics: inventory.diagnostics.length,
      ...(output ? { output } : {}),
    };
  }
}
