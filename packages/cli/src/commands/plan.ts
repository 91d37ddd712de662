/**
 * `pqready plan --inventory cbom.json --device <id|profile>`: a staged, dated migration plan from a CycloneDX CBOM
 * (pqready's or another tool's) and the device's bench fit. Markdown, JSON (packages/cli/schemas/plan.schema.json) or
 * a self-contained HTML report. Exit codes: 0 done, 2 bad usage or invalid input (one sentence naming the JSON path).
 */
import { Command, Flags } from '@oclif/core';
import { type Plan, PlanInputError, readCbomFile } from '@pqready/planner';
import { keepExitCodeWithJson } from '../json-errors.js';
import { writeFileAtomically } from '../output.js';
import { type PlanFlagValues, planFlags, planFromFlags } from '../plan-options.js';
import { renderPlanHtml } from '../render/plan-html.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { ScanTimeError, scanTimeFromEnv } from '../scan-time.js';

export default class PlanCommand extends Command {
  static override summary = 'Turn a CBOM and device profiles into a staged, dated migration plan.';
  static override description =
    'Reads a CycloneDX 1.6/1.7 CBOM, groups its findings into use cases, applies Mosca’s inequality and the selected ' +
    'policies’ dates, picks replacements that fit the device budgets, and orders the work into six stages. Every item ' +
    'cites the bom-refs and file:line of its findings. SOURCE_DATE_EPOCH fixes the reference date.';
  static override examples = [
    '<%= config.bin %> plan --inventory out/cbom.cdx.json --device nrf52840',
    '<%= config.bin %> plan -i cbom.json --config pqready-plan.yaml --format html --output report.html',
    '<%= config.bin %> plan -i cbom.json -d stm32u585 --policy cnsa-2.0 --crqc early=5 --crqc late=15 --json',
  ];
  static override enableJsonFlag = true;
  static override flags = {
    inventory: Flags.string({ char: 'i', description: 'CycloneDX 1.6/1.7 CBOM (JSON) to plan from', required: true }),
    ...planFlags,
    format: Flags.string({
      char: 'f',
      description: 'output format (default: markdown)',
      options: ['markdown', 'json', 'html'],
    }),
    output: Flags.string({ char: 'o', description: 'write to FILE (atomically) instead of standard output' }),
  };

  /** With --json, oclif would exit 1 and print the error only as JSON: keep the documented exit code and the sentence. */
  override async catch(error: Error & { oclif?: { exit?: number } }): Promise<unknown> {
    keepExitCodeWithJson(this.jsonEnabled(), error);
    return super.catch(error);
  }

  async run(): Promise<Plan> {
    const { flags } = await this.parse(PlanCommand);
    let plan: Plan;
    try {
      const inventory = readCbomFile(flags.inventory);
      plan = planFromFlags(inventory, flags as PlanFlagValues, scanTimeFromEnv(), this.config.version).plan;
    } catch (error) {
      if (error instanceof PlanInputError || error instanceof ScanTimeError) this.error(error.message, { exit: 2 });
      throw error;
    }
    if (this.jsonEnabled()) return plan;
    const format = flags.format ?? 'markdown';
    const rendered =
      format === 'json'
        ? `${JSON.stringify(plan, null, 2)}\n`
        : format === 'html'
          ? await renderPlanHtml(plan)
          : renderPlanMarkdown(plan);
    if (flags.output) {
      try {
        await writeFileAtomically(flags.output, rendered);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'write failed';
        this.error(`Cannot write ${flags.output} (${code}); check that its directory exists and is writable.`, {
          exit: 2,
        });
      }
      process.stderr.write(`Wrote ${flags.output}: ${plan.summary.items} plan items.\n`);
    } else {
      process.stdout.write(rendered);
    }
    return plan;
  }
}
