/**
 * The planner's only door to @pqready/benchmark: device profiles (catalog id or file), lifecycle fields, and the fit
 * matrix (estimates against budgets), turned into the planner's own small types. When the bench report changes shape,
 * this file is the one to adapt. Saved `pqready bench --json` reports are read here too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type BenchReport,
  buildBenchReport,
  type CandidateFit,
  type CatalogDevice,
  type DeviceProfile,
  type Dimension,
  findDevice,
  loadDeviceProfile,
  ProfileError,
  type UseCaseFit,
  validateDeviceProfile,
} from '@pqready/benchmark';
import type { Source } from '@pqready/core';
import { PlanInputError } from '../errors.js';

export interface FitDimension {
  readonly point?: number;
  readonly low?: number;
  readonly high?: number;
  readonly budget?: number;
  readonly margin?: number;
  readonly verdict: string;
}

/** One contribution to a candidate's time (`message hash: sha256 over 768 KiB (software)`, the verify itself …). */
export interface TimePart {
  readonly label: string;
  readonly point: number;
  readonly low: number;
  readonly high: number;
}

export interface FitCandidate {
  readonly id: string;
  readonly title: string;
  readonly quantumSafe: boolean;
  readonly category?: number;
  readonly implementation?: string;
  readonly verdict: string;
  readonly timeMs: FitDimension;
  readonly stackBytes: FitDimension;
  readonly codeBytes: FitDimension;
  readonly wireBytes: FitDimension;
  readonly timeParts: readonly TimePart[];
  /** The bench's sentences on a failing, tight or unknown dimension. */
  readonly why: readonly string[];
  readonly assumptions: readonly string[];
  readonly sources: readonly Source[];
}

export interface FitUseCase {
  /** Bench use case id: secure-boot-verify, firmware-update-verify, key-exchange, tls-client-handshake, device-identity-signing. */
  readonly id: string;
  readonly title: string;
  readonly candidates: readonly FitCandidate[];
  readonly recommendation?: string;
}

export interface PlanDeviceProfile {
  readonly name: string;
  readonly role: string;
  readonly core: string;
  readonly clockMHz: number;
  readonly ramKiB: number;
  readonly flashKiB: number;
  readonly accelerators: readonly string[];
  readonly shipYear?: number;
  readonly fieldLifeYears?: number;
}

export interface LoadedDevice {
  /** Catalog id, else the profile's name (the plan names devices as their profiles do, not by file). */
  readonly id: string;
  /** The file it came from (base name), for traceability; absent for catalog devices. */
  readonly file?: string;
  readonly profile: PlanDeviceProfile;
  readonly source: 'catalog' | 'profile' | 'bench-report';
  readonly fits: readonly FitUseCase[];
  /**
   * The same device with a SHA-256 engine, where it has none: the bench's answer to "what would a hash engine
   * change", for use cases whose time is mostly hashing (secure boot over a large image).
   */
  readonly withSha256Engine?: () => readonly FitUseCase[];
  /** The bench report for bench.json (estimates only; host measurement is added by the caller). */
  readonly report: BenchReport;
}

const dim = (d: Dimension | undefined): FitDimension => ({
  ...(d?.value ? { point: d.value.point, low: d.value.low, high: d.value.high } : {}),
  ...(d?.budget !== undefined ? { budget: d.budget } : {}),
  ...(d?.margin !== undefined ? { margin: d.margin } : {}),
  verdict: d?.verdict ?? 'unavailable',
});

const candidate = (c: CandidateFit): FitCandidate => ({
  id: c.id,
  title: c.title,
  quantumSafe: c.quantumSafe,
  ...(c.category !== undefined ? { category: c.category } : {}),
  ...(c.impl ? { implementation: c.impl } : {}),
  verdict: c.verdict,
  timeMs: dim(c.timeMs),
  // The bench judges RAM as peak stack plus the key, signature and certificate buffers (ramBytes).
  stackBytes: dim(c.ramBytes),
  codeBytes: dim(c.codeBytes),
  wireBytes: dim(c.wireBytes),
  timeParts: c.timeParts.map((t) => ({ label: t.label, point: t.value.point, low: t.value.low, high: t.value.high })),
  why: c.why,
  assumptions: c.assumptions,
  sources: c.sources,
});

const fits = (useCases: readonly UseCaseFit[]): FitUseCase[] =>
  useCases.map((u) => ({
    id: u.id,
    title: u.title,
    candidates: u.candidates.map(candidate),
    ...(u.recommendation?.reason ? { recommendation: u.recommendation.reason } : {}),
  }));

function planProfile(p: DeviceProfile, name: string, label: string): PlanDeviceProfile {
  // The bench needs only core and clock; the plan shows the memory sizes, so it asks for them.
  if (p.ramKiB === undefined || p.flashKiB === undefined)
    throw new PlanInputError(`Device ${label}: the plan needs ramKiB and flashKiB in the device profile.`);
  return {
    name,
    role: p.role ?? 'other',
    core: p.core,
    clockMHz: p.clockMHz,
    ramKiB: p.ramKiB,
    flashKiB: p.flashKiB,
    accelerators: Object.entries(p.accelerators ?? {})
      .filter(([, on]) => on)
      .map(([k]) => k)
      .sort(),
    ...(p.shipYear !== undefined ? { shipYear: p.shipYear } : {}),
    ...(p.fieldLifeYears !== undefined ? { fieldLifeYears: p.fieldLifeYears } : {}),
  };
}

function fromReport(
  label: string,
  report: BenchReport,
  source: LoadedDevice['source'],
  catalog?: CatalogDevice,
): LoadedDevice {
  const name = report.device.name ?? report.device.profile.name ?? label;
  const p = report.device.profile;
  const withSha256Engine =
    p.accelerators?.sha256 === true
      ? undefined
      : () =>
          fits(
            buildBenchReport({
              ...(catalog ? { device: catalog } : {}),
              profile: { ...p, accelerators: { ...p.accelerators, sha256: true } },
            }).useCases,
          );
  return {
    id: source === 'catalog' ? label : name,
    ...(source === 'catalog' ? {} : { file: label }),
    profile: planProfile(p, name, label),
    source,
    fits: fits(report.useCases),
    ...(withSha256Engine ? { withSha256Engine } : {}),
    report,
  };
}

/** A saved `pqready bench --json` report: checked just enough to fail with a path instead of a stack trace. */
function readBenchReport(file: string): LoadedDevice {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PlanInputError(
      code
        ? `Could not read bench report ${file} (${code}).`
        : `Bench report ${path.basename(file)} is not valid JSON: ${(err as Error).message}.`,
    );
  }
  const label = path.basename(file);
  const o = value as Partial<BenchReport> | null;
  if (!o || typeof o !== 'object') throw new PlanInputError(`Bench report ${label}: $ must be an object.`);
  if (!Array.isArray(o.useCases)) throw new PlanInputError(`Bench report ${label}: $.useCases must be an array.`);
  try {
    validateDeviceProfile(o.device?.profile, `${label} $.device.profile`);
  } catch (err) {
    throw new PlanInputError(err instanceof Error ? err.message : String(err));
  }
  for (const [i, u] of o.useCases.entries())
    if (!u || typeof u.id !== 'string' || !Array.isArray(u.candidates))
      throw new PlanInputError(`Bench report ${label}: $.useCases[${i}] must have an id and a candidates array.`);
  return fromReport(label, o as BenchReport, 'bench-report');
}

/**
 * A device given as a catalog id, a profile file (JSON/YAML) or a saved bench report (`*.json` with `useCases`).
 * Relative files resolve against `baseDir`.
 */
export function loadDevice(spec: string, baseDir = process.cwd()): LoadedDevice {
  const catalog = findDevice(spec);
  if (catalog) {
    return fromReport(spec, buildBenchReport({ device: catalog, profile: catalog.profile }), 'catalog', catalog);
  }
  const file = path.resolve(baseDir, spec);
  try {
    if (file.endsWith('.json')) {
      const head = readFileSync(file, 'utf8').slice(0, 4096);
      if (/"useCases"\s*:/.test(head) || /"reportVersion"\s*:/.test(head)) return readBenchReport(file);
    }
    const profile = loadDeviceProfile(file);
    return fromReport(path.basename(file), buildBenchReport({ profile, profileLabel: path.basename(file) }), 'profile');
  } catch (err) {
    if (err instanceof PlanInputError) throw err;
    if (err instanceof ProfileError || (err as NodeJS.ErrnoException).code) {
      const looksLikeId = !/[./\\]/.test(spec);
      const hint = looksLikeId
        ? ` "${spec}" is neither a built-in device (see \`pqready bench --list-devices\`) nor a file.`
        : '';
      throw new PlanInputError(
        `${err instanceof ProfileError ? err.message : `Could not read device ${spec}.`}${hint}`,
      );
    }
    throw err;
  }
}
