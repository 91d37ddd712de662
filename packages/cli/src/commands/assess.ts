/**
 * `pqready assess <path> --device <id|profile> --out DIR`: the main job. Scans the tree, writes the CBOM and SARIF,
 * benches each device (estimates, as `pqready bench` does; a host measurement only with --measure or --quick), then
 * plans from the CBOM it wrote (the planner reads the CBOM, never the scanner) and writes plan.md, plan.json and
 * report.html. With SOURCE_DATE_EPOCH and no host measurement every artefact is byte-stable.
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
    'Writes cbom.cdx.json, findings.sarif, bench.json (one bench-<device name>.json more per extra device), plan.md, ' +
    'plan.json and report.html into DIR. The plan is built from the CBOM just written, exactly as `pqready plan` ' +
    'would. Device numbers are estimates, as `pqready bench` gives them; --measure (or --quick) also times the ' +
    'algorithms on this host. SOURCE_DATE_EPOCH fixes the scan time and the plan date, so without a host ' +
    'measurement the same tree gives the same bytes.';
  static override examples = [
    '<%= config.bin %> assess fixtures/demo-device --config fixtures/demo-device/pqready-plan.yaml --out out/',
    '<%= config.bin %> assess firmware/ --device nrf52840 --out assessment/ --quick',
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
      description: 'also time the algorithms on this host for bench.json (about a minute; gateway/cloud-side numbers)',
      default: false,
      allowNo: true,
    }),
    quick: Flags.boolean({ description: 'short host measurement (within 15 s on 2 cores); implies --measure' }),
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

    const host =
      flags.measure || flags.quick
        ? await measureHost({
            quick: flags.quick,
            onProgress: tty
              ? (done, total, label) => say(`Measuring on this host: ${done}/${total} ${label}`)
              : undefined,
          })
        : undefined;
    // Extra devices are named as their profiles name them (the plan does the same), told apart if two clash.
    const names = new Set<string>(['bench.json']);
    for (const [k, d] of devices.entries()) {
      const report = { ...d.report, ...(host ? { host } : {}) };
      let name = k === 0 ? 'bench.json' : `bench-${slug(d.id)}.json`;
      for (let n = 2; k > 0 && names.has(name); n++) name = `bench-${slug(d.id)}-${n}.json`;
      names.add(name);
      await write(name, `${JSON.stringify(report, null, 2)}\n`);
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
