import { Flags } from '@oclif/core';
import {
  buildPlan,
  type CbomInventory,
  type ConfigOverrides,
  loadDevice,
  PLAN_POLICIES,
  type Plan,
  PlanInputError,
  readPlanConfigFile,
  resolvePlanConfig,
  type Scenario,
} from '@pqready/planner';

export const planFlags = {
  device: Flags.string({
    char: 'd',
    description: 'device the findings run on: built-in id, profile FILE or saved bench report (repeatable)',
    multiple: true,
  }),
  config: Flags.string({
    char: 'c',
    description: 'plan configuration FILE (YAML or JSON): devices, data flows, assumptions',
  }),
  policy: Flags.string({
    description: `planning policy (repeatable; the first one judges verdicts): ${PLAN_POLICIES.map((p) => p.id).join(', ')}`,
    multiple: true,
  }),
  'shelf-life': Flags.string({ description: 'confidentiality shelf life, CLASS=YEARS (repeatable)', multiple: true }),
  'lead-time': Flags.string({ description: 'migration lead time in years' }),
  'release-cadence': Flags.string({ description: 'release cadence in months' }),
  crqc: Flags.string({
    description: 'CRQC arrival scenario, ID=YEARS from now (repeatable; replaces the defaults)',
    multiple: true,
  }),
  'primary-scenario': Flags.string({ description: 'scenario that dates the plan' }),
  'ship-year': Flags.string({ description: 'year the device ships (overrides profiles)' }),
  'field-life': Flags.string({ description: 'years the device stays in the field (overrides profiles)' }),
};

export interface PlanFlagValues {
  readonly device?: string[];
  readonly config?: string;
  readonly policy?: string[];
  readonly 'shelf-life'?: string[];
  readonly 'lead-time'?: string;
  readonly 'release-cadence'?: string;
  readonly crqc?: string[];
  readonly 'primary-scenario'?: string;
  readonly 'ship-year'?: string;
  readonly 'field-life'?: string;
}

function number(flag: string, raw: string | undefined, integer = false): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
    throw new PlanInputError(`--${flag} must be ${integer ? 'a whole number' : 'a number'} ≥ 0 (got "${raw}").`);
  return n;
}

function pairs(flag: string, list: readonly string[] | undefined): [string, number][] {
  return (list ?? []).map((raw) => {
    const m = raw.match(/^([a-z][a-z0-9-]*)=(.+)$/);
    const n = m ? number(flag, m[2]) : undefined;
    if (!m || n === undefined)
      throw new PlanInputError(
        `--${flag} takes NAME=NUMBER, e.g. --${flag} ${flag === 'crqc' ? 'early=7' : 'telemetry=5'} (got "${raw}").`,
      );
    return [m[1]!, n];
  });
}

function overridesFrom(flags: PlanFlagValues): ConfigOverrides {
  const shelf = Object.fromEntries(pairs('shelf-life', flags['shelf-life']));
  const scenarios: Scenario[] = pairs('crqc', flags.crqc).map(([id, years]) => ({ id, years }));
  return {
    ...(flags.policy?.length ? { policies: flags.policy } : {}),
    ...(Object.keys(shelf).length ? { shelfLifeYears: shelf } : {}),
    ...(flags['lead-time'] !== undefined ? { migrationLeadTimeYears: number('lead-time', flags['lead-time']) } : {}),
    ...(flags['release-cadence'] !== undefined
      ? { releaseCadenceMonths: number('release-cadence', flags['release-cadence']) }
      : {}),
    ...(scenarios.length ? { scenarios } : {}),
    ...(flags['primary-scenario'] ? { primaryScenario: flags['primary-scenario'] } : {}),
    ...(flags['ship-year'] !== undefined ? { shipYear: number('ship-year', flags['ship-year'], true) } : {}),
    ...(flags['field-life'] !== undefined ? { fieldLifeYears: number('field-life', flags['field-life']) } : {}),
    ...(flags.device?.length ? { devices: flags.device } : {}),
  };
}

/** Configuration, devices and the plan, from flags and an already-read CBOM. */
export function planFromFlags(
  inventory: CbomInventory,
  flags: PlanFlagValues,
  referenceDate: Date,
  toolVersion: string,
): { plan: Plan; devices: ReturnType<typeof loadDevice>[] } {
  const file = flags.config ? readPlanConfigFile(flags.config) : undefined;
  const config = resolvePlanConfig(file?.raw ?? {}, file?.label ?? 'flags', overridesFrom(flags));
  // Devices named on the command line resolve against the working directory, those in the file against its folder.
  const fromFlags = new Set(flags.device ?? []);
  const devices = config.devices.map((entry) => ({
    entry,
    device: loadDevice(entry.device, fromFlags.has(entry.device) || !file ? process.cwd() : file.baseDir),
  }));
  const plan = buildPlan({
    inventory,
    config,
    devices,
    referenceDate,
    tool: { name: 'pqready', version: toolVersion },
  });
  return { plan, devices: devices.map((d) => d.device) };
}
