/**
 * Assembles the `pqready bench` result: the device (with each field's source), the estimation model (core factors
 * with their evidence, memory derating, hash costs, verdict rules), the fit matrix per use case, and optionally
 * host measurements kept apart as gateway/cloud-side numbers. Without host measurement the report is deterministic
 * (same profile → same bytes).
 */
import type { Source } from '@pqready/core';
import { coreRow, EVIDENCE_WEAKNESS } from '../catalog/cores.js';
import type { CatalogDevice, CoreFactor, DeviceProfile, Family, HashId, Range } from '../catalog/types.js';
import { FAMILIES } from '../catalog/types.js';
import type { Calibration } from '../estimate/calibration.js';
import { hashRate } from '../estimate/hash-costs.js';
import { memoryDerating } from '../estimate/memory.js';
import { fitAll, type UseCaseFit } from '../fit/fit.js';
import type { HostReport } from '../measure/runner.js';

export const BENCH_REPORT_VERSION = 2;

export const VERDICT_RULES: readonly string[] = Object.freeze([
  'fits: the high end of the estimate range is within the budget (the worst-case headroom is reported)',
  'tight: the point estimate is within the budget, the high end is over: measure on target',
  'does-not-fit: the point estimate is over the budget',
  'unknown: a budgeted dimension has no published data (e.g. stack size): measure on target',
  'a candidate takes its worst dimension (does-not-fit > unknown > tight > fits); recommendations come only from fits, then tight',
  'ML-DSA signing is judged on budgets.signPercentile (default 99.9) of its rejection-sampling distribution',
]);

export interface FactorReport {
  readonly range: Range;
  readonly evidence: CoreFactor['evidence'];
  readonly weakness: string;
  readonly basis: string;
  readonly memoryIncluded: boolean;
  readonly sources: readonly Source[];
}

export interface HashCostReport {
  readonly engine: boolean;
  /** Device cycles per byte of a long message. */
  readonly cyclesPerByte: Range;
  readonly assumptions: readonly string[];
}

export interface BenchReport {
  readonly reportVersion: number;
  readonly device: {
    readonly id?: string;
    readonly part?: string;
    readonly name: string;
    readonly profile: DeviceProfile;
    readonly sources: Readonly<Record<string, Source>>;
    /** The budgets are pqready's illustrative defaults for a catalog device, not the product's. */
    readonly illustrativeBudgets: boolean;
  };
  readonly model: {
    readonly formula: string;
    readonly core: {
      readonly id: string;
      readonly title: string;
      readonly factors: Readonly<Record<Family, FactorReport>>;
    };
    readonly memoryDerating: Range;
    readonly hashCosts: Readonly<Record<HashId, HashCostReport>>;
    readonly verdictRules: readonly string[];
    readonly calibration?: { readonly file: string; readonly measurements: number };
  };
  readonly useCases: readonly UseCaseFit[];
  readonly host?: HostReport;
  readonly notes: readonly string[];
}

interface BuildOptions {
  device?: CatalogDevice;
  profile: DeviceProfile;
  profileLabel?: string;
  calibration?: Calibration;
  host?: HostReport;
}

export function buildBenchReport(o: BuildOptions): BenchReport {
  const core = coreRow(o.profile.core);
  const notes = [
    'Device times are estimates from published on-target cycle counts (pqm4/pqm3 and cited sources), not host timings.',
    ...VERDICT_RULES.slice(0, 4).map((r) => `Verdict ${r}.`),
  ];
  if (o.device)
    notes.push(
      `Illustrative budgets: the budgets of catalog device ${o.device.id} are pqready defaults for its role, not product requirements; give your own with --profile.`,
    );
  if (o.calibration)
    notes.push(`On-target measurements from ${o.calibration.label} replace estimates and are marked measured.`);
  const factors = Object.fromEntries(
    FAMILIES.map((fam) => {
      const f = core.factors[fam];
      return [
        fam,
        {
          range: f.range,
          evidence: f.evidence,
          weakness: EVIDENCE_WEAKNESS[f.evidence],
          basis: f.basis,
          memoryIncluded: f.memoryIncluded,
          sources: f.sources,
        },
      ];
    }),
  ) as Record<Family, FactorReport>;
  const hashCosts = Object.fromEntries(
    (['sha256', 'sha512', 'shake256'] as const).map((h) => {
      const r = hashRate(o.profile, h);
      return [h, { engine: r.engine, cyclesPerByte: r.cyclesPerByte, assumptions: r.assumptions }];
    }),
  ) as Record<HashId, HashCostReport>;
  return {
    reportVersion: BENCH_REPORT_VERSION,
    device: {
      ...(o.device ? { id: o.device.id, part: o.device.part } : {}),
      name: o.profile.name ?? o.device?.part ?? o.profileLabel ?? 'device profile',
      profile: o.profile,
      sources: o.device?.sources ?? {
        profile: { title: `user profile ${o.profileLabel ?? ''}`.trim(), confidence: 'primary' },
      },
      illustrativeBudgets: o.device?.illustrativeBudgets ?? false,
    },
    model: {
      formula:
        't = reference cycles × core factor × memory derating ÷ clock, + message bytes × hash cycles/byte ÷ clock, + bytes on the wire ÷ link rate',
      core: { id: core.id, title: core.title, factors },
      memoryDerating: memoryDerating(o.profile).range,
      hashCosts,
      verdictRules: VERDICT_RULES,
      ...(o.calibration
        ? { calibration: { file: o.calibration.label, measurements: o.calibration.measurements.length } }
        : {}),
    },
    useCases: fitAll(o.profile, { calibration: o.calibration, illustrativeBudgets: o.device !== undefined }),
    ...(o.host ? { host: o.host } : {}),
    notes,
  };
}
