/**
 * Assembles the `pqready bench` result: the device (with each field's source), the estimation basis, the fit
 * matrix per use case, and optionally host measurements kept apart as gateway/cloud-side numbers.
 * Without host measurement the report is deterministic (same profile → same bytes).
 */
import type { Source } from '@pqready/core';
import { coreRow } from '../catalog/cores.js';
import type { CatalogDevice, DeviceProfile, Range } from '../catalog/types.js';
import type { Calibration } from '../estimate/calibration.js';
import { memoryDerating } from '../estimate/estimate.js';
import { fitAll, type UseCaseFit } from '../fit/fit.js';
import type { HostReport } from '../measure/runner.js';

export const BENCH_REPORT_VERSION = 1;

export interface BenchReport {
  readonly reportVersion: number;
  readonly device: {
    readonly id?: string;
    readonly part?: string;
    readonly profile: DeviceProfile;
    readonly sources: Readonly<Record<string, Source>>;
  };
  readonly model: {
    readonly formula: string;
    readonly core: { readonly id: string; readonly basis: string; readonly source: Source };
    readonly memoryDerating: Range;
    readonly calibration?: { readonly file: string; readonly measurements: number };
  };
  readonly useCases: readonly UseCaseFit[];
  readonly host?: HostReport;
  readonly notes: readonly string[];
}

export interface BuildOptions {
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
    'Verdicts: fits = the whole estimate range is within budget; tight = the budget falls inside the range; does-not-fit = even the low end exceeds it.',
  ];
  if (o.calibration)
    notes.push(`On-target measurements from ${o.calibration.label} replace estimates and are marked measured.`);
  return {
    reportVersion: BENCH_REPORT_VERSION,
    device: {
      ...(o.device ? { id: o.device.id, part: o.device.part } : {}),
      profile: o.profile,
      sources: o.device?.sources ?? {
        profile: { title: `user profile ${o.profileLabel ?? ''}`.trim(), confidence: 'primary' },
      },
    },
    model: {
      formula: 't = reference cycles × core factor × memory derating ÷ clock (+ image bytes × cycles/byte ÷ clock)',
      core: { id: core.id, basis: core.basis, source: core.source },
      memoryDerating: memoryDerating(o.profile).range,
      ...(o.calibration
        ? { calibration: { file: o.calibration.label, measurements: o.calibration.measurements.length } }
        : {}),
    },
    useCases: fitAll(o.profile, o.calibration),
    ...(o.host ? { host: o.host } : {}),
    notes,
  };
}
