/**
 * `pqready assess <path> --device <id|profile> --out DIR`: the main job. Scans the tree, writes the CBOM and SARIF,
 * benches each device (estimates, plus a quick host measurement unless --no-measure), then plans from the CBOM it
 * wrote (the planner reads the CBOM, never the scanner) and writes plan.md, plan.json and report.html.
 * Exit codes: 0 done, 2 bad usage or invalid input.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Args, Command, Flags } from '@oclif/core';
import { measureHost } from '@pqready/benchmark';
import { buildReport, defaultPolicyId, getPolicy, serializeCbom, toCycloneDx } from '@pqready/core';
import { PlanInputError, readCbom } from '@pqready/planner';
import { scan } from '@pqready/scanner';
import { keepExitCodeWithJson } from '../json-errors.js';
import { writeFileAtomically } from '../output.js';
import { type PlanFlagValues, planFlags, planFromFlags } from '../plan-options.js';
import { renderPlanHtml } from '../render/plan-html.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { progressReporter } from '../render/progress.js';
import { renderSarif } from '../render/sarif.js';
import { ScanTimeError, scanTimeFromEnv } from '../scan-time.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'device';

export interface AssessResult {
  readonly out: string;
  readonly files: readonly string[];
  readonly findings: number;
  readonly items: number;
  readonly byStage: readonly number[];
}

export default class Assess extends Command {
  static override summary = 'Scan, bench and plan in one go: the six artefacts of a migration assessment.';
  static override description =
    'Writes cbom.cdx.json, findings.sarif, bench.json (one bench-<device>.json more per extra device), plan.md, ' +
    'plan.json and report.html into DIR. The plan is built from the CBOM just written, exactly as `pqready plan` ' +
    'would. SOURCE_DATE_EPOCH fixes the scan time and the plan date (host timings in bench.json still vary).';
  static override examples = [
    '<%= config.bin %> assess fixtures/demo-device --config fixtures/demo-device/pqready-plan.yaml --out out/',
    '<%= config.bin %> assess firmware/ --device nrf52840 --out assessment/ --no-measure',
  ];
  static override enableJsonFlag = true;
  static override args = { path: Args.string({ description: 'tree to assess', required: true }) };
  static override flags = {
    ...planFlags,
    out: Flags.string({ description: 'directory for the six artefacts (created if missing)', required: true }),
    'spec-version': Flags.string({
      description: 'CycloneDX specification version',
      options: ['1.6', '1.7'],
      default: '1.6',
    }),
    measure: Flags.boolean({
      description: 'time the algorithms on this host for bench.json',
      default: true,
      allowNo: true,
    }),
    full: Flags.boolean({ description: 'full host measurement instead of the quick one' }),
    quiet: Flags.boolean({ char: 'q', description: 'print nothing but errors' }),
  };

  override async catch(error: Error & { oclif?: { exit?: number } }): Promise<unknown> {
    keepExitCodeWithJson(this.jsonEnabled(), error);
    return super.catch(error);
  }

  async run(): Promise<AssessResult> {
    const { args, flags } = await this.parse(Assess);
    const tty = !flags.quiet && !this.jsonEnabled() && process.stderr.isTTY === true;
    const say = (line: string) => {
      if (tty) process.stderr.write(`\r\x1b[K${line}`);
    };
    const fail = (error: unknown): never => {
      if (tty) process.stderr.write('\r\x1b[K');
      if (error instanceof PlanInputError || error instanceof ScanTimeError) this.error(error.message, { exit: 2 });
      throw error;
    };
    let scanTime: Date;
    try {
      scanTime = scanTimeFromEnv();
      await mkdir(flags.out, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code)
        this.error(`Cannot create ${flags.out} (${(error as NodeJS.ErrnoException).code}).`, { exit: 2 });
      return fail(error);
    }
    const spec = flags['spec-version'] as '1.6' | '1.7';
    const policy = getPolicy(defaultPolicyId);
    const progress = progressReporter(tty);
    say('Scanning…');
    const inventory = await scan({
      roots: [args.path],
      scanTime,
      options: {},
      toolVersion: this.config.version,
      onProgress: progress.update,
    });
    progress.done();
    const cbomText = serializeCbom(toCycloneDx(inventory, { specVersion: spec, policy }));
    const written: string[] = [];
    const write = async (name: string, content: string) => {
      await writeFileAtomically(path.join(flags.out, name), content);
      written.push(name);
    };
    await write('cbom.cdx.json', cbomText);
    await write('findings.sarif', renderSarif(buildReport(inventory, policy)));

    say('Planning…');
    let planned: ReturnType<typeof planFromFlags>;
    try {
      planned = planFromFlags(
        readCbom(cbomText, 'cbom.cdx.json'),
        flags as PlanFlagValues,
        scanTime,
        this.config.version,
      );
    } catch (error) {
      return fail(error);
    }
    const { plan, devices } = planned;

    const host = flags.measure
      ? await measureHost({
          quick: !flags.full,
          onProgress: tty
            ? (done, total, label) => say(`Measuring on this host: ${done}/${total} ${label}`)
            : undefined,
        })
      : undefined;
    for (const [k, d] of devices.entries()) {
      const report = { ...d.report, ...(host ? { host } : {}) };
      await write(k === 0 ? 'bench.json' : `bench-${slug(d.id)}.json`, `${JSON.stringify(report, null, 2)}\n`);
    }
    if (devices.length === 0)
      await write(
        'bench.json',
        `${JSON.stringify({ devices: [], note: 'no --device given: nothing to bench' }, null, 2)}\n`,
      );
    await write('plan.json', `${JSON.stringify(plan, null, 2)}\n`);
    await write('plan.md', renderPlanMarkdown(plan));
    say('Drawing the report…');
    await write('report.html', await renderPlanHtml(plan));
    if (tty) process.stderr.write('\r\x1b[K');
    if (!flags.quiet && !this.jsonEnabled())
      process.stderr.write(
        `Wrote ${written.length} files to ${flags.out}: ${inventory.findings.length} scan findings, ${plan.summary.items} plan items (stages ${plan.summary.byStage.join('/')}), first deadline ${plan.summary.earliestDeadline ?? 'none'}.\n`,
      );
    return {
      out: flags.out,
      files: written,
      findings: plan.inventory.findings,
      items: plan.summary.items,
      byStage: plan.summary.byStage,
    };
  }
}
