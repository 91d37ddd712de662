/**
 * `pqready scan <paths...>`: inventory the cryptography in a tree and render it.
 * Thin: parse flags → scanner → renderer → atomic write. Exit codes: 0 done (diagnostics are in
 * the output), 1 `--strict` and the scan produced warnings or errors, 2 bad usage.
 */
import { Args, Command, Flags } from '@oclif/core';
import { defaultPolicyId, getPolicy, type Inventory, listPolicies } from '@pqready/core';
import { scan } from '@pqready/scanner';
import { parseKeyValues } from '../key-values.js';
import { writeFileAtomically } from '../output.js';
import { progressReporter } from '../render/progress.js';
import { type OutputFormat, renderScan, type SpecVersion } from '../render/scan-output.js';
import { scanTimeFromEnv } from '../scan-time.js';

export default class Scan extends Command {
  static override summary = 'Inventory certificates, keys, C crypto use and protocol configs in a tree.';
  static override description =
    'Walks every path, decodes what it finds by content (not by file name), and writes a crypto inventory: ' +
    'a CycloneDX CBOM, a JSON report, Markdown, or a table. Unreadable or corrupt input becomes a diagnostic in the output; ' +
    'the scan always completes. SOURCE_DATE_EPOCH, when set, fixes the scan time for reproducible output.';
  static override examples = [
    '<%= config.bin %> scan fixtures/demo-device',
    '<%= config.bin %> scan firmware/ --format cyclonedx --output out.cdx.json',
    '<%= config.bin %> scan firmware/ --format cyclonedx --component-name infusion-pump --component-version 2.4.1 --supplier "Acme Medical"',
    '<%= config.bin %> scan . --format markdown --policy cnsa-2.0 --define MBEDTLS_RSA_C',
  ];
  static override strict = false;
  static override args = {
    paths: Args.string({ description: 'files or directories to scan' }),
  };
  static override flags = {
    format: Flags.string({
      char: 'f',
      description: 'output format (default: table on a terminal, cyclonedx otherwise)',
      options: ['cyclonedx', 'json', 'markdown', 'sarif', 'table'],
    }),
    output: Flags.string({ char: 'o', description: 'write to FILE (atomically) instead of standard output' }),
    'spec-version': Flags.string({
      description: 'CycloneDX specification version',
      options: ['1.6', '1.7'],
      default: '1.6',
    }),
    policy: Flags.string({ description: 'policy that turns facts into quantum verdicts (see --list-policies)' }),
    'list-policies': Flags.boolean({ description: 'list the available policies and exit' }),
    define: Flags.string({
      char: 'D',
      description: 'preprocessor define for C analysis, NAME or NAME=VALUE (repeatable)',
      multiple: true,
    }),
    'config-file': Flags.string({
      description:
        'configuration header the C build selects (e.g. configs/config-suite-b.h), as with -DMBEDTLS_CONFIG_FILE (repeatable)',
      multiple: true,
    }),
    assume: Flags.string({
      description: 'product version whose defaults apply when a directive is absent, e.g. nginx=1.22 (repeatable)',
      multiple: true,
    }),
    'follow-includes-outside': Flags.boolean({
      description: 'follow config includes that point outside the scanned paths',
    }),
    jobs: Flags.integer({
      char: 'j',
      description: 'worker threads for C parsing (default: CPU count)',
      min: 1,
      max: 256,
    }),
    'component-name': Flags.string({
      description: 'name of the product the tree builds (CycloneDX metadata.component; default: the root names)',
    }),
    'component-version': Flags.string({ description: 'version of that product (metadata.component.version)' }),
    supplier: Flags.string({ description: 'organisation that supplies the product (metadata.component.supplier)' }),
    'absolute-paths': Flags.boolean({
      description:
        'name scan roots by their absolute paths (default: by their base names, so outputs never depend on where the tree sat)',
    }),
    strict: Flags.boolean({ description: 'exit with code 1 when the scan produced warnings or errors' }),
    quiet: Flags.boolean({ char: 'q', description: 'print nothing but the output itself' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Scan);
    if (flags['list-policies']) {
      for (const p of listPolicies()) this.log(`${p.id}${p.id === defaultPolicyId ? ' (default)' : ''}\t${p.name}`);
      return;
    }
    const paths = argv.map(String);
    if (paths.length === 0)
      this.error('Give at least one file or directory to scan, e.g. `pqready scan firmware/`.', { exit: 2 });
    let policy: ReturnType<typeof getPolicy>;
    let defines: Record<string, string>;
    let assume: Record<string, string>;
    let scanTime: Date;
    try {
      policy = getPolicy(flags.policy ?? defaultPolicyId);
      defines = parseKeyValues(flags.define, 'define', { valueOptional: true });
      assume = parseKeyValues(flags.assume, 'assume');
      scanTime = scanTimeFromEnv();
    } catch (error) {
      // Every failure here is the user's input (policy id, flag syntax, environment): one sentence, exit 2.
      this.error(error instanceof Error ? error.message : String(error), { exit: 2 });
    }
    const format = (flags.format ?? (process.stdout.isTTY && !flags.output ? 'table' : 'cyclonedx')) as OutputFormat;
    const progress = progressReporter(!flags.quiet && process.stderr.isTTY === true);

    const inventory: Inventory = await scan({
      roots: paths,
      absoluteRootNames: flags['absolute-paths'],
      scanTime,
      options: {
        defines,
        assume,
        followIncludesOutside: flags['follow-includes-outside'],
        ...(flags['config-file'] ? { configFiles: flags['config-file'] } : {}),
        ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }),
      },
      toolVersion: this.config.version,
      onProgress: progress.update,
    });
    progress.done();

    const rendered = renderScan(inventory, {
      format,
      policy,
      specVersion: flags['spec-version'] as SpecVersion,
      component: {
        ...(flags['component-name'] ? { name: flags['component-name'] } : {}),
        ...(flags['component-version'] ? { version: flags['component-version'] } : {}),
        ...(flags.supplier ? { supplier: flags.supplier } : {}),
      },
      color: format === 'table' && !flags.output && process.stdout.isTTY === true,
    });
    if (flags.output) {
      try {
        await writeFileAtomically(flags.output, rendered);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'write failed';
        this.error(`Cannot write ${flags.output} (${code}); check that its directory exists and is writable.`, {
          exit: 2,
        });
      }
    } else {
      process.stdout.write(rendered);
    }

    const problems = inventory.diagnostics.filter((d) => d.severity !== 'info');
    if (!flags.quiet && (format === 'table' || flags.output)) {
      for (const d of problems) {
        process.stderr.write(`${d.severity}: ${d.path ?? ''}${d.line ? `:${d.line}` : ''} ${d.message} [${d.code}]\n`);
      }
    }
    if (!flags.quiet && flags.output) {
      process.stderr.write(
        `Wrote ${flags.output}: ${inventory.findings.length} findings, ${problems.length} diagnostics, ${inventory.stats.filesScanned} files.\n`,
      );
    }
    if (flags.strict && problems.length > 0) this.exit(1);
  }
}
