/**
 * Plan configuration: the assumptions a plan rests on (data shelf life per class, migration lead time, release
 * cadence, CRQC arrival scenarios), which device profile covers which part of the tree, which data each link carries,
 * and who is responsible for what. Every value has a default that the plan prints as an assumption; a configuration
 * file (YAML or JSON, schema below) and then command-line flags override it, and the plan records where each came from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deepestFlowNesting, MAX_YAML_NESTING } from '@pqready/core';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { jsonPath, PlanInputError } from './errors.js';
import { PARTIES, type Party } from './use-cases/table.js';

export const DATA_CLASSES = ['patient-records', 'therapy-settings', 'telemetry', 'credentials'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export type Origin = 'default' | 'config' | 'flag' | 'profile';

export interface Scenario {
  readonly id: string;
  /** Years from the reference date until a cryptographically relevant quantum computer exists. */
  readonly years: number;
}

export interface DeviceEntry {
  /** Catalog id, profile file or bench report (relative to the configuration file). */
  readonly device: string;
  /** Globs (relative to the scan root) of the findings this device runs; none: every finding. */
  readonly paths: readonly string[];
  /** Whether the secure-boot verification key is fixed at manufacture (ROM, OTP, immutable bootloader). */
  readonly rootOfTrust?: 'immutable' | 'updatable';
}

export interface PathRule<T> {
  readonly paths: readonly string[];
  readonly value: T;
}

export interface PlanConfig {
  readonly policies?: readonly string[];
  readonly shelfLifeYears: Readonly<Record<string, number>>;
  readonly migrationLeadTimeYears: number;
  readonly releaseCadenceMonths: number;
  readonly scenarios: readonly Scenario[];
  readonly primaryScenario: string;
  /** Data classes assumed for a link or store no data-flow rule covers. */
  readonly defaultDataClasses: readonly string[];
  readonly shipYear?: number;
  readonly fieldLifeYears: number;
  readonly rootOfTrust: 'immutable' | 'updatable';
  readonly devices: readonly DeviceEntry[];
  readonly dataFlows: readonly PathRule<readonly string[]>[];
  readonly responsibility: readonly PathRule<{ primary: Party; shared: readonly Party[] }>[];
  /** Globs of test and sample code: its findings are listed but not planned (it does not ship). */
  readonly notShipped: readonly string[];
  /** Where each assumption came from, by key (`shelfLifeYears.telemetry`, `migrationLeadTimeYears`, …). */
  readonly origins: Readonly<Record<string, Origin>>;
}

/**
 * Defaults. None of these is a cited fact: they are pqready's starting assumptions for a connected medical device and
 * the plan prints them as such. Shelf lives: patient records kept for decades, therapy settings for the therapy's
 * span, telemetry briefly, credentials for the field life of the device.
 */
export const DEFAULTS = Object.freeze({
  shelfLifeYears: { 'patient-records': 20, 'therapy-settings': 10, telemetry: 5, credentials: 15 },
  migrationLeadTimeYears: 3,
  releaseCadenceMonths: 6,
  scenarios: [
    { id: 'early', years: 7 },
    { id: 'central', years: 10 },
    { id: 'late', years: 15 },
  ],
  primaryScenario: 'central',
  shipYear: undefined,
  fieldLifeYears: 10,
  rootOfTrust: 'immutable' as const,
  notShipped: [
    '**/test/**',
    '**/tests/**',
    '**/testing/**',
    '**/testplan/**',
    '**/test_*.c',
    '**/*_test.c',
    '**/*_tests.c',
    '**/samples/**',
    '**/examples/**',
  ],
});

const globs = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
const years = (max: number) => ({ type: 'number', minimum: 0, maximum: max });

export const PLAN_CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://pqready.dev/schemas/plan-config.schema.json',
  title: 'pqready plan configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    policies: { type: 'array', items: { type: 'string' }, minItems: 1 },
    assumptions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        shelfLifeYears: {
          type: 'object',
          propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
          additionalProperties: years(100),
        },
        migrationLeadTimeYears: years(30),
        releaseCadenceMonths: { type: 'number', exclusiveMinimum: 0, maximum: 120 },
        crqcScenarios: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'years'],
            properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, years: years(100) },
          },
        },
        primaryScenario: { type: 'string' },
        defaultDataClasses: { type: 'array', items: { type: 'string' }, minItems: 1 },
      },
    },
    lifecycle: {
      type: 'object',
      additionalProperties: false,
      properties: {
        shipYear: { type: 'integer', minimum: 1990, maximum: 2100 },
        fieldLifeYears: years(60),
        rootOfTrust: { enum: ['immutable', 'updatable'] },
      },
    },
    devices: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['device'],
        properties: {
          device: { type: 'string', minLength: 1 },
          paths: globs,
          rootOfTrust: { enum: ['immutable', 'updatable'] },
        },
      },
    },
    notShipped: { type: 'array', items: { type: 'string', minLength: 1 } },
    dataFlows: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['paths', 'dataClasses'],
        properties: { paths: globs, dataClasses: { type: 'array', items: { type: 'string' }, minItems: 1 } },
      },
    },
    responsibility: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['paths', 'primary'],
        properties: {
          paths: globs,
          primary: { enum: [...PARTIES] },
          shared: { type: 'array', items: { enum: [...PARTIES] } },
        },
      },
    },
  },
} as const;

// Compiled on first use, not at start-up of every command.
let compiled: ReturnType<Ajv2020['compile']> | undefined;
const validator = () =>
  (compiled ??= new Ajv2020({ allErrors: false, verbose: true, strict: false }).compile(PLAN_CONFIG_SCHEMA));

function describe(e: ErrorObject): string {
  const at = jsonPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at} has an unknown field "${String(params.additionalProperty)}"`;
    case 'required':
      return `${at} is missing the required field "${String(params.missingProperty)}"`;
    case 'enum':
      return `${at} must be one of ${(params.allowedValues as unknown[]).join(', ')} (got ${JSON.stringify(e.data)})`;
    default:
      return `${at} ${e.message ?? 'is invalid'} (got ${JSON.stringify(e.data)})`;
  }
}

interface RawConfig {
  policies?: string[];
  assumptions?: {
    shelfLifeYears?: Record<string, number>;
    migrationLeadTimeYears?: number;
    releaseCadenceMonths?: number;
    crqcScenarios?: Scenario[];
    primaryScenario?: string;
    defaultDataClasses?: string[];
  };
  lifecycle?: { shipYear?: number; fieldLifeYears?: number; rootOfTrust?: 'immutable' | 'updatable' };
  devices?: { device: string; paths?: string[]; rootOfTrust?: 'immutable' | 'updatable' }[];
  dataFlows?: { paths: string[]; dataClasses: string[] }[];
  responsibility?: { paths: string[]; primary: Party; shared?: Party[] }[];
  notShipped?: string[];
}

/** Command-line overrides; each replaces the configuration's value and is recorded with origin `flag`. */
export interface ConfigOverrides {
  readonly policies?: readonly string[];
  readonly shelfLifeYears?: Readonly<Record<string, number>>;
  readonly migrationLeadTimeYears?: number;
  readonly releaseCadenceMonths?: number;
  readonly scenarios?: readonly Scenario[];
  readonly primaryScenario?: string;
  readonly shipYear?: number;
  readonly fieldLifeYears?: number;
  readonly devices?: readonly string[];
}

function check(value: unknown, label: string): RawConfig {
  const validate = validator();
  if (validate(value)) return value as RawConfig;
  const first = validate.errors?.[0];
  throw new PlanInputError(
    `Plan configuration ${label}: ${first ? describe(first) : 'is invalid'}. See packages/planner/README.md.`,
  );
}

/** Reads a configuration file; device paths in it resolve against its folder (returned as `baseDir`). */
export function readPlanConfigFile(file: string): { raw: unknown; label: string; baseDir: string } {
  const label = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PlanInputError(
      `Could not read plan configuration ${file} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
    );
  }
  if (deepestFlowNesting(text) > MAX_YAML_NESTING)
    throw new PlanInputError(
      `Could not parse plan configuration ${label}: brackets nest deeper than ${MAX_YAML_NESTING} levels.`,
    );
  try {
    const raw = label.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
    return { raw: raw ?? {}, label, baseDir: path.dirname(path.resolve(file)) };
  } catch (err) {
    throw new PlanInputError(
      `Could not parse plan configuration ${label}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}.`,
    );
  }
}

/** Merges defaults ← configuration ← flags, validating the result as a whole. */
export function resolvePlanConfig(raw: unknown, label: string, overrides: ConfigOverrides = {}): PlanConfig {
  const c = check(raw ?? {}, label);
  const origins: Record<string, Origin> = {};
  const pick = <T>(key: string, flag: T | undefined, config: T | undefined, fallback: T): T => {
    if (flag !== undefined) {
      origins[key] = 'flag';
      return flag;
    }
    if (config !== undefined) {
      origins[key] = 'config';
      return config;
    }
    origins[key] = 'default';
    return fallback;
  };
  const a = c.assumptions ?? {};
  const shelf: Record<string, number> = {};
  for (const k of new Set([
    ...Object.keys(DEFAULTS.shelfLifeYears),
    ...Object.keys(a.shelfLifeYears ?? {}),
    ...Object.keys(overrides.shelfLifeYears ?? {}),
  ])) {
    shelf[k] = pick(
      `shelfLifeYears.${k}`,
      overrides.shelfLifeYears?.[k],
      a.shelfLifeYears?.[k],
      (DEFAULTS.shelfLifeYears as Record<string, number>)[k] ?? 0,
    );
  }
  const scenarios = pick('crqcScenarios', overrides.scenarios, a.crqcScenarios, DEFAULTS.scenarios);
  const ids = new Set<string>();
  for (const s of scenarios) {
    if (ids.has(s.id)) throw new PlanInputError(`Plan configuration ${label}: CRQC scenario "${s.id}" is given twice.`);
    ids.add(s.id);
  }
  const primaryFallback = scenarios.some((s) => s.id === DEFAULTS.primaryScenario)
    ? DEFAULTS.primaryScenario
    : [...scenarios].sort((x, y) => x.years - y.years)[0]!.id;
  const primaryScenario = pick('primaryScenario', overrides.primaryScenario, a.primaryScenario, primaryFallback);
  if (!ids.has(primaryScenario))
    throw new PlanInputError(
      `Plan configuration ${label}: primary scenario "${primaryScenario}" is not one of the CRQC scenarios (${[...ids].join(', ')}).`,
    );
  const known = new Set(Object.keys(shelf));
  const checkClasses = (list: readonly string[], where: string) => {
    for (const d of list)
      if (!known.has(d))
        throw new PlanInputError(
          `Plan configuration ${label}: ${where} names data class "${d}", which has no shelf life; known classes: ${[...known].join(', ')}.`,
        );
  };
  const longest = Object.entries(shelf).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
  const defaultDataClasses = pick('defaultDataClasses', undefined, a.defaultDataClasses, longest ? [longest] : []);
  checkClasses(defaultDataClasses, '$.assumptions.defaultDataClasses');
  for (const [i, f] of (c.dataFlows ?? []).entries()) checkClasses(f.dataClasses, `$.dataFlows[${i}]`);

  const configDevices: DeviceEntry[] = (c.devices ?? []).map((dv) => ({
    device: dv.device,
    paths: dv.paths ?? [],
    ...(dv.rootOfTrust ? { rootOfTrust: dv.rootOfTrust } : {}),
  }));
  const devices = overrides.devices?.length
    ? overrides.devices.map((spec) => configDevices.find((dv) => dv.device === spec) ?? { device: spec, paths: [] })
    : configDevices;
  origins.devices = overrides.devices?.length ? 'flag' : configDevices.length ? 'config' : 'default';

  const shipYear = pick('shipYear', overrides.shipYear, c.lifecycle?.shipYear, DEFAULTS.shipYear);
  return {
    ...(overrides.policies?.length || c.policies
      ? { policies: pick('policies', overrides.policies?.length ? overrides.policies : undefined, c.policies, []) }
      : {}),
    shelfLifeYears: shelf,
    migrationLeadTimeYears: pick(
      'migrationLeadTimeYears',
      overrides.migrationLeadTimeYears,
      a.migrationLeadTimeYears,
      DEFAULTS.migrationLeadTimeYears,
    ),
    releaseCadenceMonths: pick(
      'releaseCadenceMonths',
      overrides.releaseCadenceMonths,
      a.releaseCadenceMonths,
      DEFAULTS.releaseCadenceMonths,
    ),
    scenarios: [...scenarios].sort((x, y) => x.years - y.years || x.id.localeCompare(y.id)),
    primaryScenario,
    defaultDataClasses,
    ...(shipYear !== undefined ? { shipYear } : {}),
    fieldLifeYears: pick(
      'fieldLifeYears',
      overrides.fieldLifeYears,
      c.lifecycle?.fieldLifeYears,
      DEFAULTS.fieldLifeYears,
    ),
    rootOfTrust: pick('rootOfTrust', undefined, c.lifecycle?.rootOfTrust, DEFAULTS.rootOfTrust),
    devices,
    dataFlows: (c.dataFlows ?? []).map((f) => ({ paths: f.paths, value: f.dataClasses })),
    notShipped: pick('notShipped', undefined, c.notShipped, DEFAULTS.notShipped),
    responsibility: (c.responsibility ?? []).map((r) => ({
      paths: r.paths,
      value: { primary: r.primary, shared: r.shared ?? [] },
    })),
    origins,
  };
}
