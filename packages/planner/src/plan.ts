/**
 * Builds the staged, dated migration plan from a CBOM, device fits, policies and assumptions. Findings become use-case
 * exposures; exposures that need work become items grouped by use case and subject; each item gets a replacement chosen
 * with the device's bench fit, a deadline (earliest of the cited policy dates, Mosca's inequality for confidential data
 * and the device's field life against the CRQC scenario), an urgency, an effort class, a responsible party and a
 * one-sentence rationale. Pure: the same inputs give the same plan, byte for byte.
 */
import { getPolicy, protocolWeakness, type QuantumVerdict, type Source, worstVerdict } from '@pqready/core';
import picomatch from 'picomatch';
import type { AssetOccurrence, CbomInventory, CryptoAsset } from './cbom/types.js';
import type { DataClass, DeviceEntry, PlanConfig } from './config.js';
import { addMonths, addYears, isoDay, yearStart, yearsBetween } from './dates.js';
import type { LoadedDevice } from './device/bench.js';
import { PlanInputError } from './errors.js';
import { mosca } from './mosca.js';
import type {
  Deadline,
  Effort,
  ExposureRow,
  FindingRow,
  Plan,
  PlanDevice,
  PlanFindingRef,
  PlanItem,
  Stage,
  Urgency,
} from './plan-types.js';
import { PLAN_VERSION } from './plan-types.js';
import { DEFAULT_PLAN_POLICIES, getPlanPolicy, type PlanDeadline, type PlanPolicy } from './policies/plan-policies.js';
import { CSWP_39, FDA_PREMARKET, MOSCA, NCCOE_INVENTORY, SP_800_131A } from './policies/sources.js';
import { weaknessWhy } from './policies/weaknesses.js';
import {
  LIBRARY_NOTES,
  REPLACEMENT_RULES,
  type Selection,
  type Stance,
  select,
  UPGRADES,
  WEAKNESS_NAMES,
  withHashEngine,
} from './replacements.js';
import { assignUseCases, type Exposure, protocolName } from './use-cases/assign.js';
import { type StageId, USE_CASE_SPECS, type UseCaseId, useCaseSpec } from './use-cases/table.js';
import { type AssetVerdict, VerdictIndex } from './verdicts.js';

export interface PlanDeviceInput {
  readonly entry: DeviceEntry;
  readonly device: LoadedDevice;
}

export interface PlanInput {
  readonly inventory: CbomInventory;
  readonly config: PlanConfig;
  readonly devices: readonly PlanDeviceInput[];
  readonly referenceDate: Date;
  readonly tool: { readonly name: string; readonly version: string };
}

const STAGES: readonly { id: StageId; title: string; purpose: string }[] = [
  {
    id: 0,
    title: 'Inventory and ownership',
    purpose: 'Adopt the CBOM as the controlled inventory, name the algorithms decided at run time, confirm conditions.',
  },
  {
    id: 1,
    title: 'Crypto agility; retire classically weak crypto',
    purpose: 'Make algorithms replaceable by an update, and remove what is weak today, quantum aside.',
  },
  {
    id: 2,
    title: 'Hybrid key exchange on links carrying long-lived data',
    purpose: 'Stop harvest-now-decrypt-later exposure first: it accrues with every session recorded.',
  },
  {
    id: 3,
    title: 'Roots of trust and firmware signing',
    purpose: 'Make secure boot and updates accept post-quantum signatures before fielded units meet a CRQC.',
  },
  {
    id: 4,
    title: 'Identity and PKI',
    purpose: 'Re-issue certificates and device keys, and move transport authentication to PQ signatures.',
  },
  {
    id: 5,
    title: 'Retire classical public-key cryptography',
    purpose: 'Disable what the earlier stages replaced, so nothing can downgrade to it.',
  },
];

const URGENCY_ORDER: readonly Urgency[] = ['immediate', 'high', 'medium', 'low'];

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const sortedUniq = (xs: Iterable<string>): string[] => uniq(xs).sort();
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const trimDot = (s: string) => s.replace(/\.\s*$/, '');
const sourceKey = (s: Source) => `${s.title}|${s.url ?? ''}`;
const dedupeSources = (xs: Iterable<Source>): Source[] =>
  [...new Map([...xs].map((s) => [sourceKey(s), s])).values()].sort((a, b) => sourceKey(a).localeCompare(sourceKey(b)));

function matcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => true;
  const m = picomatch([...globs], { dot: true });
  return (p) => m(p);
}

interface Context {
  readonly input: PlanInput;
  readonly policies: readonly PlanPolicy[];
  readonly stance: Stance;
  readonly refDay: string;
  readonly refYear: number;
  readonly nextRelease: string;
  readonly primaryYears: number;
  readonly devices: readonly PlanDevice[];
  readonly deviceMatchers: readonly { readonly id: string; readonly match: (p: string) => boolean }[];
  readonly findingIds: ReadonlyMap<string, string>;
  /** The loaded device behind each plan device, by plan device id. */
  readonly loaded: ReadonlyMap<string, LoadedDevice>;
}

/**
 * One finding: the occurrence's own bom-ref where the producer marks it (two findings of one component may share a
 * line: an inherited setting applied to two connections), else the component and the place.
 */
const occKey = (bomRef: string, o: AssetOccurrence) =>
  o.findingRef ?? `${bomRef}\u0000${o.location}\u0000${o.line ?? ''}\u0000${o.offset ?? ''}\u0000${o.symbol ?? ''}`;
const keyOf = (e: Exposure) => occKey(e.asset.bomRef, e.occurrence);

function devicesFor(ctx: Context, paths: readonly string[]): PlanDevice[] {
  return ctx.devices.filter((d) => {
    const m = ctx.deviceMatchers.find((x) => x.id === d.id)!;
    return paths.some((p) => m.match(p));
  });
}

function stanceOf(policies: readonly PlanPolicy[]): Stance {
  if (policies[0]?.id === 'cnsa-2.0') return 'cnsa';
  return policies.some((p) => p.hybrid === 'required') ? 'hybrid-required' : 'default';
}

function planDevices(input: PlanInput, refYear: number): PlanDevice[] {
  const c = input.config;
  // Devices are named as their profiles name them; two profiles with one name are told apart by their files.
  const clash = (id: string) => input.devices.filter((d) => d.device.id === id).length > 1;
  return input.devices.map(({ entry, device }) => {
    const p = device.profile;
    const shipFromConfig = c.origins.shipYear !== 'default' ? c.shipYear : undefined;
    const lifeFromConfig = c.origins.fieldLifeYears !== 'default' ? c.fieldLifeYears : undefined;
    const shipYear = shipFromConfig ?? p.shipYear ?? refYear;
    const fieldLifeYears = lifeFromConfig ?? p.fieldLifeYears ?? c.fieldLifeYears;
    const origin = (v: unknown, fromConfig: unknown, key: string) =>
      fromConfig !== undefined ? c.origins[key]! : v !== undefined ? 'profile' : 'default';
    return {
      ...p,
      id: clash(device.id) && device.file ? `${device.id} (${device.file})` : device.id,
      ...(device.file ? { file: device.file } : {}),
      paths: entry.paths,
      shipYear,
      fieldLifeYears,
      fieldEndYear: Math.ceil(shipYear + fieldLifeYears),
      rootOfTrust: entry.rootOfTrust ?? c.rootOfTrust,
      lifecycleOrigin: `ship year: ${origin(p.shipYear, shipFromConfig, 'shipYear')}; field life: ${origin(p.fieldLifeYears, lifeFromConfig, 'fieldLifeYears')}`,
      source: device.source,
      // The fit matrix as plan.json carries it: the verdicts and numbers, not the bench's working.
      fits: device.fits.map((u) => ({
        ...u,
        candidates: u.candidates.map(({ timeParts: _t, why: _w, ...c }) => c),
      })),
    };
  });
}

/** Policy deadlines for a use case, honouring strength limits (IR 8547's 112-bit dates) and 3DES for symmetric-112. */
function policyDeadlines(
  ctx: Context,
  useCase: UseCaseId,
  bits: number | undefined,
  weaknesses: readonly string[],
): PlanDeadline[] {
  const spec = useCaseSpec(useCase);
  const scopes = new Set<string>(spec.scopes);
  return ctx.policies.flatMap((p) =>
    p.deadlines.filter((d) => {
      if (d.state === 'milestone' || !scopes.has(d.scope)) return false;
      if (d.scope === 'symmetric-112') return weaknesses.includes('3des') || bits === 112;
      if (d.maxBits !== undefined) return bits !== undefined && bits <= d.maxBits;
      return true;
    }),
  );
}

const policyDeadline = (d: PlanDeadline, policy: PlanPolicy): Deadline => ({
  date: d.date,
  basis: 'policy',
  label: `${policy.status === 'draft' ? `${policy.name}: ` : `${policy.name}: `}${d.label}`,
  overdue: false,
  sources: d.sources,
});

function dataClassesFor(ctx: Context, paths: readonly string[]): { classes: string[]; assumed: boolean } {
  const c = ctx.input.config;
  const hits = c.dataFlows.filter((f) => paths.some((p) => matcher(f.paths)(p))).flatMap((f) => f.value);
  return hits.length
    ? { classes: sortedUniq(hits), assumed: false }
    : { classes: [...c.defaultDataClasses], assumed: true };
}

function shelfLife(ctx: Context, classes: readonly string[]): number {
  return Math.max(0, ...classes.map((k) => ctx.input.config.shelfLifeYears[k as DataClass] ?? 0));
}

function candidateDeadlines(
  ctx: Context,
  useCase: UseCaseId,
  group: string,
  exposures: readonly Exposure[],
  devices: readonly PlanDevice[],
): Deadline[] {
  const spec = useCaseSpec(useCase);
  const bits = exposures.flatMap((e) => e.verdict.vulnerableBits ?? []);
  const minBits = bits.length ? Math.min(...bits) : undefined;
  const weaknesses = sortedUniq(exposures.flatMap((e) => e.weaknesses));
  const out: Deadline[] = policyDeadlines(ctx, useCase, minBits, weaknesses).map((d) =>
    policyDeadline(d, ctx.policies.find((p) => p.id === d.policy)!),
  );
  const z = ctx.primaryYears;
  const crqcYear = ctx.refYear + z;
  if (spec.confidentiality) {
    const paths = exposures.map((e) => e.occurrence.location);
    const { classes, assumed } = dataClassesFor(ctx, paths);
    const x = shelfLife(ctx, classes);
    const m = mosca({ shelfLifeYears: x, migrationYears: ctx.input.config.migrationLeadTimeYears, crqcYears: z });
    out.push({
      date: addYears(ctx.refDay, m.protectByYears),
      basis: 'mosca',
      label: `Mosca: ${classes.join(', ')}${assumed ? ' (assumed)' : ''} must stay confidential ${x} years; with a CRQC in ${crqcYear} (scenario ${ctx.input.config.primaryScenario}) data sent after this date is exposed`,
      overdue: false,
      sources: [MOSCA],
    });
  }
  if (useCase === 'secure-boot-update' || useCase === 'identity-pki' || useCase === 'transport-authentication') {
    for (const d of devices) {
      if (d.fieldEndYear <= crqcYear) continue;
      const immutable = useCase === 'secure-boot-update' && group !== 'update' && d.rootOfTrust === 'immutable';
      out.push(
        immutable
          ? {
              date: yearStart(d.shipYear),
              basis: 'field-life',
              label: `${d.name}: the boot root of trust is fixed at manufacture and units shipped from ${d.shipYear} stay in the field until ${d.fieldEndYear}, past a CRQC in ${crqcYear}`,
              overdue: false,
              sources: [FDA_PREMARKET],
            }
          : {
              date: yearStart(crqcYear),
              basis: 'field-life',
              label: `${d.name}: units in the field until ${d.fieldEndYear} must reject forged signatures when a CRQC exists (${crqcYear}, scenario ${ctx.input.config.primaryScenario})`,
              overdue: false,
              sources: [FDA_PREMARKET],
            },
      );
    }
  }
  if (useCase === 'identity-pki') {
    for (const e of exposures) {
      const notAfter = e.asset.certificate?.notAfter?.slice(0, 10);
      if (notAfter && notAfter > yearStart(crqcYear) && e.verdict.quantum === 'broken')
        out.push({
          date: yearStart(crqcYear),
          basis: 'certificate',
          label: `certificate ${e.asset.name} is valid until ${notAfter}, past a CRQC in ${crqcYear}: forgeable while still trusted`,
          overdue: false,
          sources: [MOSCA],
        });
    }
  }
  if (useCase === 'classically-weak' || useCase === 'unidentified' || out.length === 0) {
    out.push({
      date: ctx.nextRelease,
      basis: 'release',
      label:
        useCase === 'classically-weak'
          ? 'next release: weak today, and FDA App1.C-04 asks that algorithms deprecated or disallowed in applicable standards not be implemented'
          : useCase === 'unidentified'
            ? 'next release: unidentified cryptography cannot be planned'
            : 'no policy date for this scope: next release',
      overdue: false,
      sources:
        useCase === 'classically-weak'
          ? dedupeSources([FDA_PREMARKET, ...weaknesses.flatMap((w) => weaknessWhy(w).sources)])
          : [NCCOE_INVENTORY],
    });
  }
  return out;
}

const BASIS_ORDER: Readonly<Record<Deadline['basis'], number>> = {
  policy: 0,
  'field-life': 1,
  certificate: 2,
  mosca: 3,
  release: 4,
};

function earliest(ctx: Context, candidates: readonly Deadline[]): Deadline {
  const first = [...candidates].sort(
    (a, b) =>
      a.date.localeCompare(b.date) || BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis] || a.label.localeCompare(b.label),
  )[0]!;
  if (first.date >= ctx.nextRelease) return first;
  return {
    ...first,
    date: ctx.nextRelease,
    overdue: first.basis !== 'release',
    label:
      first.basis === 'release' ? first.label : `overdue (${first.date}): ${first.label}; due with the next release`,
  };
}

function urgencyOf(ctx: Context, useCase: UseCaseId, d: Deadline): Urgency {
  if (d.overdue || useCase === 'classically-weak') return 'immediate';
  const years = yearsBetween(ctx.refDay, d.date);
  return years <= 2 ? 'high' : years <= 5 ? 'medium' : 'low';
}

function effortOf(
  useCase: UseCaseId,
  exposures: readonly Exposure[],
  sel: Selection | undefined,
  devices: readonly PlanDevice[],
  group: string,
): { effort: Effort; reason: string } {
  const roles = new Set(exposures.map((e) => e.occurrence.role ?? ''));
  const configOnly = [...roles].every((r) => r.startsWith('config') || r === 'protocol-config');
  const immutable =
    useCase === 'secure-boot-update' && group !== 'update' && devices.some((d) => d.rootOfTrust === 'immutable');
  if (sel?.nothingFits)
    return {
      effort: 'XL',
      reason: immutable
        ? 'the boot root of trust is immutable (new bootloader and key provisioning in production) and nothing fits the device budgets (see the hardware change)'
        : 'nothing fits the device budgets: see the hardware change',
    };
  switch (useCase) {
    case 'secure-boot-update':
      return immutable
        ? {
            effort: 'XL',
            reason: 'the boot root of trust is immutable: new bootloader and key provisioning in production',
          }
        : { effort: 'L', reason: 'bootloader, signing infrastructure (HSM) and update format change' };
    case 'identity-pki':
      return exposures.some((e) => e.asset.certificate?.ca)
        ? { effort: 'L', reason: 'a new CA hierarchy and trust-store rollout to every peer' }
        : { effort: 'M', reason: 'certificate and key re-issue through the existing provisioning flow' };
    case 'transport-key-exchange':
    case 'transport-authentication':
      return configOnly
        ? { effort: 'M', reason: 'configuration change, after upgrading the TLS/SSH stack to a PQ-capable release' }
        : { effort: 'L', reason: 'firmware code and TLS stack change, with peers that accept the new group' };
    case 'library-config':
    case 'unidentified':
      return { effort: 'S', reason: configOnly ? 'a build-configuration change' : 'a code review' };
    default:
      return configOnly
        ? { effort: 'S', reason: 'a configuration change' }
        : { effort: 'M', reason: 'a code change (and re-encryption of stored data where it applies)' };
  }
}

function responsibleFor(ctx: Context, useCase: UseCaseId, paths: readonly string[]): PlanItem['responsible'] {
  const rule = ctx.input.config.responsibility.find((r) => paths.some((p) => matcher(r.paths)(p)));
  if (rule)
    return {
      primary: rule.value.primary,
      shared: rule.value.shared.filter((s) => s !== rule.value.primary),
      basis: `plan configuration (${rule.paths.join(', ')})`,
    };
  const spec = useCaseSpec(useCase);
  return { ...spec.parties, basis: `default for ${spec.title.toLowerCase()}` };
}

function findingRefs(ctx: Context, exposures: readonly Exposure[]): PlanFindingRef[] {
  const byRef = new Map<string, { asset: CryptoAsset; occ: Map<string, Exposure> }>();
  for (const e of exposures) {
    const entry = byRef.get(e.asset.bomRef) ?? { asset: e.asset, occ: new Map() };
    const k = keyOf(e);
    entry.occ.set(k, e);
    byRef.set(e.asset.bomRef, entry);
  }
  return [...byRef.values()]
    .map(({ asset, occ }) => {
      const list = [...occ.entries()].sort(([a], [b]) => a.localeCompare(b));
      return {
        bomRef: asset.bomRef,
        name: asset.name,
        findings: list.map(([k]) => ctx.findingIds.get(k)!),
        locations: list.map(([, e]) => ({
          path: e.occurrence.location,
          ...(e.occurrence.line !== undefined ? { line: e.occurrence.line } : {}),
          state: stateOf(e.occurrence),
        })),
      };
    })
    .sort((a, b) => a.bomRef.localeCompare(b.bomRef));
}

/** A protocol setting by its directive (`TLS 1.2/1.3 · ssl_ecdh_curve`), since one server has several; else the asset. */
function settingName(a: CryptoAsset, o: AssetOccurrence): string {
  if (!a.protocol) return a.name;
  const f = o.facts;
  if (f['config.setting'] === 'defaults') return `${a.name} · defaults (${f['config.defaults'] ?? 'unset settings'})`;
  return f['config.directive'] ? `${a.name} · ${f['config.directive']}` : a.name;
}

/** An occurrence's state for people: a stored certificate or key has none of its own. */
const stateOf = (o: AssetOccurrence): string =>
  o.state ?? (o.role === 'stored-object' ? 'stored in the tree' : 'not recorded');

const where = (e: Exposure) => `${e.occurrence.location}${e.occurrence.line ? `:${e.occurrence.line}` : ''}`;

function conditionsOf(exposures: readonly Exposure[]): string[] {
  return sortedUniq(
    exposures.flatMap((e) => {
      if (e.occurrence.state === 'conditional')
        return [
          `${where(e)} is conditional${e.occurrence.symbol ? ` (${e.occurrence.symbol})` : ''}: in effect only when its build or configuration condition holds`,
        ];
      if (e.occurrence.state === 'ambiguous')
        return [
          `${e.asset.name} at ${where(e)}: the CBOM lists several activity states for this component without tying them to occurrences; treated as in effect`,
        ];
      return [];
    }),
  );
}

interface Draft {
  readonly key: string;
  readonly useCase: UseCaseId;
  readonly group: string;
  readonly exposures: Exposure[];
}

/**
 * What an item is about, as a person names it: a protocol setting by its server or listener (`the TLS server
 * http > server[gateway.local:443] in gateway/nginx.conf`), anything else by its file.
 */
function subject(e: Exposure): string {
  const a = e.asset;
  if (!a.protocol) return e.occurrence.location;
  const file = e.occurrence.location;
  const scope = e.occurrence.symbol;
  const base = file.split('/').pop();
  const role = e.occurrence.facts['config.role'];
  const kind = role === 'client' ? 'client' : role === 'server' ? 'server' : 'configuration';
  return scope && scope !== base
    ? `the ${protocolName(a.protocol.type)} ${kind} ${scope} in ${file}`
    : `the ${protocolName(a.protocol.type)} ${kind} in ${file}`;
}

/** The protocol scope a setting belongs to: its file and server, listener or section. */
const scopeOf = (e: Exposure) => `${e.occurrence.location}\u0000${e.occurrence.symbol ?? ''}`;

function groupKey(e: Exposure): string {
  switch (e.useCase) {
    case 'secure-boot-update':
      return e.group;
    case 'data-at-rest':
    case 'hash-mac-kdf':
    case 'unidentified':
      return e.parent ?? e.asset.bomRef;
    case 'classically-weak':
      // One option or line that enables several weak algorithms (MBEDTLS_DES_C: DES and 3DES) is one change.
      return e.asset.protocol ? scopeOf(e) : (e.parent ?? `${e.occurrence.location}\u0000${e.occurrence.line ?? ''}`);
    default:
      // Every setting of one server or listener is one piece of work: the scope is what a person changes.
      if (e.asset.protocol) return scopeOf(e);
      return e.parent ?? (e.asset.assetType === 'algorithm' ? e.occurrence.location : e.asset.bomRef);
  }
}

/** Certificates, keys and protocols first: the item is named after the thing a person manages. */
const LEAD: Readonly<Record<string, number>> = {
  certificate: 0,
  'related-crypto-material': 1,
  protocol: 2,
  algorithm: 3,
};
const lead = (d: { exposures: readonly Exposure[] }) =>
  [...d.exposures].sort((a, b) => (LEAD[a.asset.assetType] ?? 9) - (LEAD[b.asset.assetType] ?? 9))[0]!;

/** What replaces each weakness or below-threshold primitive of the exposures: `[what, to]` pairs. */
function upgradeTargets(ctx: Context, exposures: readonly Exposure[]): [string, string][] {
  const keys = sortedUniq(
    exposures.flatMap((e) =>
      e.weaknesses.length ? e.weaknesses : [e.verdict.primitive ?? e.asset.algorithm?.primitive ?? 'hash'],
    ),
  );
  return keys.map((k) => {
    const u = UPGRADES[k];
    const what = protocolWeakness(k)?.what ?? WEAKNESS_NAMES[k] ?? k;
    return [what, u ? (ctx.stance === 'cnsa' && u.cnsa ? u.cnsa : u.to) : 'a stronger algorithm the policy accepts'];
  });
}

function upgradeReplacement(ctx: Context, exposures: readonly Exposure[]) {
  const lines = upgradeTargets(ctx, exposures).map(([what, to]) => `${what} → ${to}`);
  return { algorithm: lines.join('; '), parameterSet: '—', mode: 'upgrade' as const };
}

function titleOf(d: Draft, option: string): string {
  const e = lead(d);
  const names = sortedUniq(d.exposures.map((x) => x.asset.name));
  switch (d.useCase) {
    case 'secure-boot-update':
      return `Move ${d.group === 'update' ? 'firmware-update' : 'secure-boot'} signature verification to ${option}`;
    case 'transport-key-exchange':
      return `Hybrid post-quantum key exchange on ${subject(e)}`;
    case 'transport-authentication':
      return `Post-quantum authentication on ${subject(e)}`;
    case 'identity-pki':
      return e.asset.certificate
        ? `Re-issue ${e.asset.certificate.ca ? 'CA certificate' : 'certificate'} ${e.asset.name} on ${option}`
        : e.asset.key
          ? `Replace the ${e.asset.key.type.replace(/-/g, ' ')} in ${e.occurrence.location} with an ${option.replace(/ certificate$/, '')} key`
          : `Move device identity in ${e.occurrence.location} to ${option}`;
    case 'library-config':
      return `Disable classical public key (${names.slice(0, 5).join(', ')}) in ${e.occurrence.location}`;
    case 'classically-weak': {
      if (e.asset.protocol) return `Remove ${list(coveredNames(d), 4)} from ${subject(e)}`;
      const weak = sortedUniq(d.exposures.map((x) => x.asset.name));
      return `Retire ${weak.length === 2 ? weak.join(' and ') : list(weak, 4)} (${where(e)})`;
    }
    case 'unidentified':
      return e.asset.algorithm?.ref && e.asset.algorithm.ref.id !== 'unknown'
        ? `Confirm the parameters of ${e.asset.name} (not observed in the evidence)`
        : `Identify the algorithm behind ${e.asset.name}`;
    default:
      return `Upgrade ${e.asset.name} (below the policy threshold)`;
  }
}

function actionOf(
  d: Draft,
  sel: { algorithm: string; mode: string; parameterSet: string },
  nothingFits: boolean,
): string {
  const files = sortedUniq(d.exposures.map((e) => e.occurrence.location));
  const on = `in ${files.slice(0, 4).join(', ')}${files.length > 4 ? ` and ${files.length - 4} more` : ''}`;
  const fit = nothingFits ? ' No option fits the device budgets: see the hardware change.' : '';
  const at = list(places(d.exposures), 4);
  // The option or directive a reviewer changes, when the evidence names it (MBEDTLS_DES_C, ssl_ciphers).
  const knobs = sortedUniq(
    d.exposures.flatMap((e) => e.occurrence.facts.option ?? e.occurrence.facts['config.directive'] ?? []),
  );
  const via = knobs.length ? ` (${knobs.join(', ')})` : '';
  const targets = sortedUniq(sel.algorithm.split('; ').map((l) => l.replace(/^[^→]*→ /, '')));
  switch (d.useCase) {
    case 'classically-weak':
      return lead(d).asset.protocol
        ? `Remove ${list(coveredNames(d), 4)} at ${at}${via}; the replacement says what takes ${coveredNames(d).length === 1 ? 'its' : 'their'} place.`
        : `Disable or replace ${list(sortedUniq(d.exposures.map((e) => e.asset.name)), 4)} at ${at}${via} with ${list(targets, 3)}.`;
    case 'secure-boot-update':
      return `Add ${sel.algorithm} (${sel.parameterSet}, ${sel.mode}) verification to the ${d.group === 'update' ? 'update path' : 'bootloader'} ${on}, provision the new public key, and sign every image with it before the classical key is withdrawn.${fit}`;
    case 'transport-key-exchange':
      return `Offer ${sel.algorithm} (${sel.parameterSet}) first ${on}, keeping the classical group only as a fallback until every peer supports it.${fit}`;
    case 'transport-authentication':
      return lead(d).asset.protocol?.type === 'ssh'
        ? `Move the SSH host and user keys ${on} to ${sel.algorithm}; until then keep them rotatable and accept only the algorithms in use (${at}${via}).`
        : `Authenticate with ${sel.algorithm} ${on}; issue the PQ certificates and add their roots to every peer's trust store.${fit}`;
    case 'identity-pki':
      return `Issue ${sel.algorithm} (${sel.parameterSet}) credentials to replace those ${on}; keep validity inside the plan's deadline.${fit}`;
    case 'library-config':
      return `Remove the classical public-key options ${on} once the items this depends on have shipped.`;
    case 'unidentified':
      return `Read the code ${on} and name the algorithm it selects at run time; then re-run the plan.`;
    default:
      return `Replace ${sel.algorithm} ${on}.`;
  }
}

function buildItem(ctx: Context, d: Draft): Omit<PlanItem, 'id' | 'dependsOn'> {
  const spec = useCaseSpec(d.useCase);
  const paths = sortedUniq(d.exposures.map((e) => e.occurrence.location));
  const devices = devicesFor(ctx, paths);
  const protocols = new Set(d.exposures.map((e) => e.asset.protocol?.type));
  const only = protocols.size === 1 ? [...protocols][0] : undefined;
  const rule =
    REPLACEMENT_RULES.find((r) => r.useCase === d.useCase && r.protocol !== undefined && r.protocol === only) ??
    REPLACEMENT_RULES.find((r) => r.useCase === d.useCase && r.protocol === undefined);
  let sel: Selection | undefined;
  let replacement: { algorithm: string; parameterSet: string; mode: string };
  const notes: string[] = [];
  const sources: Source[] = [];
  if (rule) {
    const onDevice = d.exposures.some(
      (e) =>
        e.asset.key?.type === 'private-key' ||
        (e.asset.certificate && !e.asset.certificate.ca) ||
        e.occurrence.role === 'api-call',
    );
    const bench = rule.bench?.(d.group, onDevice);
    // The bench's full fit (with its time parts), not the trimmed copy plan.json carries.
    const benched = devices.map((x) => ({ id: x.id, fits: ctx.loaded.get(x.id)?.fits ?? [] }));
    sel = select(rule.options[ctx.stance], bench, benched);
    if (sel.nothingFits && bench && HASHED_IMAGES.has(bench))
      sel = withHashEngineNotes(ctx, sel, rule.options[ctx.stance], bench);
    replacement = { algorithm: sel.option.algorithm, parameterSet: sel.option.parameterSet, mode: sel.option.mode };
    if (sel.option.note) notes.push(sel.option.note);
    sources.push(...sel.option.sources);
    if (bench && devices.length === 0) notes.push('no device profile covers these findings: feasibility not checked');
  } else {
    replacement = upgradeReplacement(ctx, d.exposures);
    sources.push(SP_800_131A);
  }
  const libraries = sortedUniq(d.exposures.flatMap((e) => e.asset.libraries));
  for (const n of LIBRARY_NOTES)
    if (n.useCases.includes(d.useCase) && libraries.some((l) => n.library.test(l))) {
      notes.push(n.text);
      sources.push(n.source);
    }
  const deadline = earliest(ctx, candidateDeadlines(ctx, d.useCase, d.group, d.exposures, devices));
  const { effort, reason } = effortOf(d.useCase, d.exposures, sel, devices, d.group);
  const rationale = rationaleOf(ctx, d, deadline);
  if (d.useCase === 'classically-weak')
    sources.push(...sortedUniq(d.exposures.flatMap((e) => e.weaknesses)).flatMap((w) => weaknessWhy(w).sources));
  return {
    stage: spec.stage,
    useCase: d.useCase,
    title: titleOf(d, replacement.algorithm),
    action: actionOf(d, replacement, sel?.nothingFits ?? false),
    findings: findingRefs(ctx, d.exposures),
    replacement: { ...replacement, notes: sortedUniq(notes), sources: dedupeSources(sources) },
    feasibility: sel?.feasibility ?? [],
    nothingFits: sel?.nothingFits ?? false,
    effort,
    effortReason: reason,
    deadline,
    urgency: urgencyOf(ctx, d.useCase, deadline),
    responsible: responsibleFor(ctx, d.useCase, paths),
    devices: devices.map((x) => x.id),
    conditions: conditionsOf(d.exposures),
    rationale,
  };
}

/** The names an item covers, for its title and rationale: what each finding offers for the item's use case. */
function coveredNames(d: Draft): string[] {
  // In the order the evidence gives them (a group list's preference order), first seen first.
  const ordered = [...d.exposures].sort((a, b) => byPlace(where(a), where(b)));
  return uniq(
    ordered.flatMap((e) => {
      const v = e.verdict;
      if (d.useCase === 'classically-weak')
        return e.weaknesses.map((w) => protocolWeakness(w)?.what ?? WEAKNESS_NAMES[w] ?? w);
      if (e.asset.protocol) {
        const offered = d.useCase === 'transport-key-exchange' ? v.kex : v.auth;
        return offered ? offered.names : [e.asset.name];
      }
      if (e.asset.certificate) return [`certificate ${e.asset.name}`];
      return [e.asset.name];
    }),
  );
}

/** `path:line` in path order, then line order as numbers (`nginx.conf:4` before `nginx.conf:11`). */
const byPlace = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const places = (es: readonly Exposure[]) => uniq(es.map(where)).sort(byPlace);

const list = (xs: readonly string[], max: number) =>
  xs.length > max ? `${xs.slice(0, max).join(', ')} and ${xs.length - max} more` : xs.join(', ');

const BASIS_WORDS: Readonly<Record<Deadline['basis'], string>> = {
  policy: 'a cited policy date',
  mosca: "Mosca's inequality for the data the link carries",
  'field-life': "the device's field life",
  certificate: "the certificate's validity",
  release: 'the next release',
};

/**
 * One sentence on why the item exists, what it covers and what dates it: the use case's threat, the findings'
 * names and places (not one finding's reason), and the constraint behind the deadline.
 */
function rationaleOf(ctx: Context, d: Draft, deadline: Deadline): string {
  const spec = useCaseSpec(d.useCase);
  const at = list(places(d.exposures), 3);
  const dated = deadline.overdue
    ? `the date ${BASIS_WORDS[deadline.basis]} sets has already passed, so it is due with the next release, ${deadline.date}`
    : deadline.basis === 'release'
      ? `it is due with the next release, ${deadline.date}`
      : `${BASIS_WORDS[deadline.basis]} sets ${deadline.date}`;
  if (d.useCase === 'classically-weak') {
    const whys = sortedUniq(d.exposures.flatMap((e) => e.weaknesses)).map((w) => weaknessWhy(w).why);
    return `Attackable with classical computers today (${whys.join('; ')}); this item covers ${at}; ${dated}.`;
  }
  const worst = worstVerdict(
    d.exposures.map((e) =>
      d.useCase === 'transport-key-exchange'
        ? (e.verdict.kex?.quantum ?? e.verdict.quantum)
        : d.useCase === 'transport-authentication'
          ? (e.verdict.auth?.quantum ?? e.verdict.quantum)
          : e.verdict.quantum,
    ),
  );
  if (d.useCase === 'unidentified') {
    const why = sortedUniq(d.exposures.map((e) => trimDot(e.verdict.reason)));
    return `${spec.why[0]!.toUpperCase()}${spec.why.slice(1)}: ${why.join('; ')} (${at}); ${dated}.`;
  }
  const policy = getPolicy(ctx.policies[0]!.verdictPolicy).name;
  const names = list(coveredNames(d), 5);
  return `${spec.why[0]!.toUpperCase()}${spec.why.slice(1)}; this item covers ${names} (${worst} under ${policy}) at ${at}; ${dated}.`;
}

type ItemDraft = Omit<PlanItem, 'id' | 'dependsOn'> & { key: string; agilityDevice?: string };

/** Bench use cases whose time includes hashing the whole image. */
const HASHED_IMAGES = new Set(['secure-boot-verify', 'firmware-update-verify']);

/** For each device that hashes in software and misses its budget: what the bench estimates with a SHA-256 engine. */
function withHashEngineNotes(
  ctx: Context,
  sel: Selection,
  options: Parameters<typeof select>[0],
  bench: string,
): Selection {
  return {
    ...sel,
    feasibility: sel.feasibility.map((f) => {
      const loaded = ctx.loaded.get(f.device);
      if (!f.hardwareChange || !loaded?.withSha256Engine) return f;
      const note = withHashEngine(options, bench, loaded.withSha256Engine());
      return note ? { ...f, withHashEngine: note } : f;
    }),
  };
}

function agilityItems(ctx: Context, work: readonly Exposure[], later: readonly ItemDraft[]): ItemDraft[] {
  const calls = work.filter(
    (e) => e.occurrence.role === 'api-call' && [2, 3, 4].includes(useCaseSpec(e.useCase).stage),
  );
  const byDevice = new Map<string, Exposure[]>();
  for (const e of calls) {
    const dev = devicesFor(ctx, [e.occurrence.location])[0]?.id ?? '';
    byDevice.set(dev, [...(byDevice.get(dev) ?? []), e]);
  }
  return [...byDevice.entries()].map(([dev, exposures]) => {
    const device = ctx.devices.find((x) => x.id === dev);
    const feeds = later.filter((i) => (dev ? i.devices.includes(dev) : true));
    const startBy = feeds.map((i) => addYears(i.deadline.date, -ctx.input.config.migrationLeadTimeYears)).sort()[0];
    const date = startBy && startBy > ctx.nextRelease ? startBy : ctx.nextRelease;
    const deadline: Deadline = {
      date,
      basis: startBy && startBy > ctx.nextRelease ? 'policy' : 'release',
      label:
        startBy && startBy > ctx.nextRelease
          ? `before the first migration it enables must start (its deadline minus the ${ctx.input.config.migrationLeadTimeYears}-year lead time)`
          : 'next release: the migrations it enables are already due to start',
      overdue: false,
      sources: [FDA_PREMARKET, CSWP_39],
    };
    const files = sortedUniq(exposures.map((e) => e.occurrence.location));
    return {
      key: `agility|${dev}`,
      agilityDevice: dev,
      stage: 1 as StageId,
      useCase: 'library-config' as UseCaseId,
      title: `Crypto agility${device ? ` on ${device.name}` : ''}: one replaceable interface for the classical public-key calls`,
      action: `Route the ${plural(exposures.length, 'hard-coded public-key call')} in ${files.slice(0, 4).join(', ')}${files.length > 4 ? ` and ${files.length - 4} more` : ''} through one algorithm-neutral interface (for example PSA Crypto key attributes) chosen by configuration, and reserve flash and RAM for the PQ replacements the bench sizes in stages 2–4.`,
      findings: findingRefs(ctx, exposures),
      replacement: {
        algorithm: 'algorithm-neutral crypto interface with headroom for ML-KEM / ML-DSA / LMS',
        parameterSet: '—',
        mode: 'upgrade',
        notes: [],
        sources: [FDA_PREMARKET, CSWP_39],
      },
      feasibility: [],
      nothingFits: false,
      effort: 'M' as Effort,
      effortReason: 'a refactoring of the crypto call sites',
      deadline,
      urgency: urgencyOf(ctx, 'library-config', deadline),
      responsible: responsibleFor(ctx, 'library-config', files),
      devices: device ? [device.id] : [],
      conditions: conditionsOf(exposures),
      rationale: `FDA App1.H-03 asks that devices anticipate updates with spare storage and processing, and ${plural(exposures.length, 'call site')} here fix a quantum-vulnerable algorithm in code, so every later stage on this device needs this first.`,
    };
  });
}

function inventoryItem(ctx: Context, planned: readonly Exposure[]): ItemDraft | undefined {
  if (planned.length === 0) return undefined;
  const deadline: Deadline = {
    date: ctx.nextRelease,
    basis: 'release',
    label: 'next release: the inventory is the basis of every other item',
    overdue: false,
    sources: [NCCOE_INVENTORY, FDA_PREMARKET],
  };
  return {
    key: 'inventory',
    stage: 0,
    useCase: 'unidentified',
    title: 'Adopt this CBOM as the controlled cryptography inventory and confirm the owners named in this plan',
    action:
      'Place the CBOM under configuration control with the SBOM, re-run the scan and this plan at every release, and confirm the responsible party of each item below.',
    findings: findingRefs(ctx, planned),
    replacement: {
      algorithm: 'controlled CBOM (CycloneDX)',
      parameterSet: '—',
      mode: 'upgrade',
      notes: [],
      sources: [NCCOE_INVENTORY, FDA_PREMARKET],
    },
    feasibility: [],
    nothingFits: false,
    effort: 'S',
    effortReason: 'process: configuration control of an existing file',
    deadline,
    urgency: urgencyOf(ctx, 'unidentified', deadline),
    responsible: {
      primary: 'manufacturer',
      shared: [],
      basis: 'the manufacturer submits the inventory (FDA §V.A.4(b))',
    },
    devices: [],
    conditions: [],
    rationale: `Organisations cannot prioritise or migrate cryptography they have not identified (NIST NCCoE), and ${plural(uniq(planned.map((e) => keyOf(e))).length, 'finding')} of this inventory need work, so it is put under configuration control with the next release.`,
  };
}

function conditionsItem(ctx: Context, planned: readonly Exposure[]): ItemDraft | undefined {
  const unsure = planned.filter((e) => e.occurrence.state === 'conditional' || e.occurrence.state === 'ambiguous');
  if (unsure.length === 0) return undefined;
  const deadline: Deadline = {
    date: ctx.nextRelease,
    basis: 'release',
    label: 'next release: the plan treats these findings as in effect until confirmed',
    overdue: false,
    sources: [NCCOE_INVENTORY],
  };
  const n = uniq(unsure.map((e) => keyOf(e))).length;
  return {
    key: 'conditions',
    stage: 0,
    useCase: 'unidentified',
    title: `Confirm whether ${plural(n, 'conditional finding')} ${n === 1 ? 'is' : 'are'} in the shipped configuration`,
    action:
      'For each finding listed, record whether the build or runtime condition holds in the product configuration; drop the ones that never do from the later items.',
    findings: findingRefs(ctx, unsure),
    replacement: {
      algorithm: 'confirmed activity state',
      parameterSet: '—',
      mode: 'upgrade',
      notes: [],
      sources: [NCCOE_INVENTORY],
    },
    feasibility: [],
    nothingFits: false,
    effort: 'S',
    effortReason: 'a configuration review',
    deadline,
    urgency: urgencyOf(ctx, 'unidentified', deadline),
    responsible: responsibleFor(
      ctx,
      'unidentified',
      unsure.map((e) => e.occurrence.location),
    ),
    devices: [],
    conditions: conditionsOf(unsure),
    rationale: `The evidence leaves ${plural(n, 'finding')} conditional or ambiguous, and the plan counts them as in effect, so confirming them first may remove work.`,
  };
}

function dependencies(items: readonly (ItemDraft & { id: string })[]): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  const inventory = items.find((i) => i.key === 'inventory');
  const files = (i: ItemDraft) => new Set(i.findings.flatMap((f) => f.locations.map((l) => l.path)));
  const refs = (i: ItemDraft) => new Set(i.findings.map((f) => f.bomRef));
  const overlap = <T>(a: Set<T>, b: Set<T>) => [...a].some((x) => b.has(x));
  const sameDevice = (a: ItemDraft, b: ItemDraft) =>
    a.devices.length === 0 || b.devices.length === 0 || a.devices.some((d) => b.devices.includes(d));
  for (const i of items) {
    const list: string[] = [];
    if (inventory && i !== inventory && i.stage > 0) list.push(inventory.id);
    for (const j of items) {
      if (j === i) continue;
      if (i.stage >= 2 && i.stage <= 4 && j.agilityDevice !== undefined) {
        if (i.devices.includes(j.agilityDevice) || (j.agilityDevice === '' && i.devices.length === 0))
          if (i.findings.some((f) => f.locations.length) && overlap(files(i), files(j))) list.push(j.id);
      }
      if (i.useCase === 'transport-authentication' && j.useCase === 'transport-key-exchange')
        if (overlap(refs(i), refs(j)) || overlap(files(i), files(j))) list.push(j.id);
      if (i.stage === 5 && j.stage >= 2 && j.stage <= 4 && sameDevice(i, j)) list.push(j.id);
    }
    deps.set(i.id, sortedUniq(list));
  }
  return deps;
}

function exposureRows(ctx: Context, exposures: readonly Exposure[], items: readonly PlanItem[]): ExposureRow[] {
  const rows: ExposureRow[] = [];
  for (const spec of USE_CASE_SPECS) {
    const es = exposures.filter((e) => e.useCase === spec.id && e.inEffect);
    if (es.length === 0) continue;
    const count = (xs: readonly Exposure[]) => uniq(xs.map((e) => keyOf(e))).length;
    const work = es.filter((e) => e.needsWork);
    const paths = es.map((e) => e.occurrence.location);
    const dc = spec.confidentiality ? dataClassesFor(ctx, paths) : { classes: [], assumed: false };
    const devices = devicesFor(ctx, paths);
    const years = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`;
    const scenarios = ctx.input.config.scenarios.map((s) => {
      const crqcYear = ctx.refYear + s.years;
      const y = ctx.input.config.migrationLeadTimeYears;
      if (spec.confidentiality) {
        const m = mosca({ shelfLifeYears: shelfLife(ctx, dc.classes), migrationYears: y, crqcYears: s.years });
        // Mosca decides only for quantum-vulnerable cryptography: resistant algorithms are safe however long the
        // data must stay secret.
        const why = m.exposed
          ? work.length > 0
            ? `data kept secret ${years(m.shelfLifeYears)} plus ${years(y)} of migration outlast a CRQC in ${crqcYear} by ${years(-m.slackYears)}`
            : `only quantum-resistant algorithms, though the data outlasts a CRQC in ${crqcYear} by ${years(-m.slackYears)}`
          : `${years(m.slackYears)} to spare before a CRQC in ${crqcYear}`;
        return {
          scenario: s.id,
          crqcYear,
          shelfLifeYears: m.shelfLifeYears,
          migrationYears: y,
          crqcYears: s.years,
          exposed: m.exposed && work.length > 0,
          slackYears: m.slackYears,
          why,
        };
      }
      if (spec.threat === 'classical' || spec.threat === 'unknown')
        return {
          scenario: s.id,
          crqcYear,
          migrationYears: y,
          crqcYears: s.years,
          exposed: work.length > 0,
          why:
            work.length === 0
              ? 'nothing here needs work'
              : spec.threat === 'classical'
                ? 'weak today, whenever a CRQC arrives'
                : 'not identified, so not judged',
        };
      const outlived = devices.filter((d) => d.fieldEndYear > crqcYear);
      const exposed = work.length > 0 && (outlived.length > 0 || devices.length === 0);
      return {
        scenario: s.id,
        crqcYear,
        migrationYears: y,
        crqcYears: s.years,
        exposed,
        outlivedBy: outlived.map((d) => d.id),
        why:
          work.length === 0
            ? 'nothing here needs work'
            : devices.length === 0
              ? 'no device profile says when the devices leave the field'
              : outlived.length > 0
                ? `in the field after a CRQC in ${crqcYear}: ${outlived.map((d) => `${d.id} (until ${d.fieldEndYear})`).join(', ')}`
                : `every device has left the field before a CRQC in ${crqcYear}`,
      };
    });
    const urgencies = items.filter((i) => i.useCase === spec.id).map((i) => i.urgency);
    rows.push({
      useCase: spec.id,
      title: spec.title,
      threat: spec.threat,
      findings: count(es),
      needingWork: count(work),
      worstVerdict: worstVerdict(es.map((e) => e.verdict.quantum)),
      dataClasses: dc.assumed ? dc.classes.map((c) => `${c} (assumed)`) : dc.classes,
      scenarios,
      ...(urgencies.length ? { urgency: URGENCY_ORDER.find((u) => urgencies.includes(u))! } : {}),
    });
  }
  return rows;
}

/** The reasons a finding is not planned, as the summary counts them. */
const NOT_PLANNED_SHORT: Readonly<Record<string, string>> = {
  'quantum-resistant under the policy': 'quantum-resistant',
  'already hybrid post-quantum': 'already hybrid',
  'inactive in the evidence (dead code or a disabled branch)': 'inactive',
  'overridden by a later setting': 'overridden',
  'the configuration disables it': 'disabled',
  'names no algorithm (protocol versions or files): the settings that name algorithms carry the work':
    'settings that name no algorithm',
  'test or sample code (plan configuration notShipped): listed, not planned': 'test or sample code',
  'offers post-quantum key exchange': 'offering post-quantum key exchange',
};

function notPlannedReason(
  occ: AssetOccurrence,
  v: AssetVerdict,
  e?: Exposure & { readonly notShipped?: boolean },
): string {
  if (e?.notShipped) return 'test or sample code (plan configuration notShipped): listed, not planned';
  if (occ.state === 'inactive') return 'inactive in the evidence (dead code or a disabled branch)';
  if (occ.state === 'overridden') return 'overridden by a later setting';
  if (occ.role === 'config-disable' || occ.state === 'disabled') return 'the configuration disables it';
  if (v.quantum === 'not-applicable')
    return 'names no algorithm (protocol versions or files): the settings that name algorithms carry the work';
  if (v.quantum === 'resistant') return 'quantum-resistant under the policy';
  if (v.quantum === 'hybrid') return 'already hybrid post-quantum';
  if (e?.useCase === 'transport-key-exchange') return 'offers post-quantum key exchange';
  return e ? 'no work under the policy' : 'no use case applies';
}

/** Builds the plan. Throws PlanInputError for an unknown policy or an unusable configuration. */
export function buildPlan(input: PlanInput): Plan {
  const config = input.config;
  let policies: PlanPolicy[];
  try {
    policies = (config.policies?.length ? config.policies : DEFAULT_PLAN_POLICIES).map(getPlanPolicy);
  } catch (err) {
    throw new PlanInputError(err instanceof Error ? err.message : String(err));
  }
  const corePolicy = getPolicy(policies[0]!.verdictPolicy);
  const refDay = isoDay(input.referenceDate);
  const refYear = input.referenceDate.getUTCFullYear();
  const primary = config.scenarios.find((s) => s.id === config.primaryScenario)!;
  const devices = planDevices(input, refYear);
  const inv = input.inventory;

  const verdicts = new VerdictIndex(inv.assets, corePolicy, input.referenceDate);
  const shipped = matcher(config.notShipped);
  const exposures = assignUseCases(inv, verdicts).map((e) =>
    config.notShipped.length && e.inEffect && shipped(e.occurrence.location)
      ? { ...e, inEffect: false, notShipped: true }
      : e,
  );

  // Finding ids: one per finding (the occurrences the CBOM marks as findings, else every occurrence), in bom-ref
  // then location order. Parts of a finding (a certificate's key, a protocol setting's groups) are not counted.
  const findingIds = new Map<string, string>();
  const occs = inv.assets.flatMap((a) =>
    a.occurrences
      .filter((o) => !inv.findingsMarked || o.findingRef !== undefined)
      .map((o) => ({ a, o, k: occKey(a.bomRef, o) })),
  );
  const place = (o: AssetOccurrence) =>
    `${o.location}\u0000${o.line ?? ''}\u0000${o.offset ?? ''}\u0000${o.symbol ?? ''}`;
  occs.sort(
    (x, y) =>
      x.a.bomRef.localeCompare(y.a.bomRef) ||
      place(x.o).localeCompare(place(y.o), 'en', { numeric: true }) ||
      x.k.localeCompare(y.k),
  );
  const width = String(Math.max(occs.length, 1)).length;
  for (const { k } of occs)
    if (!findingIds.has(k)) findingIds.set(k, `F-${String(findingIds.size + 1).padStart(Math.max(3, width), '0')}`);

  const ctx: Context = {
    input,
    policies,
    stance: stanceOf(policies),
    refDay,
    refYear,
    nextRelease: addMonths(refDay, config.releaseCadenceMonths),
    primaryYears: primary.years,
    devices,
    deviceMatchers: devices.map((d) => ({ id: d.id, match: matcher(d.paths) })),
    findingIds,
    loaded: new Map(devices.map((d, i) => [d.id, input.devices[i]!.device])),
  };

  const work = exposures.filter((e) => e.needsWork && e.inEffect);
  const drafts = new Map<string, Draft>();
  for (const e of work) {
    const key = `${e.useCase}|${groupKey(e)}`;
    const d = drafts.get(key) ?? { key, useCase: e.useCase, group: e.group, exposures: [] };
    d.exposures.push(e);
    drafts.set(key, d);
  }
  const main: ItemDraft[] = [...drafts.values()].map((d) => ({ key: d.key, ...buildItem(ctx, d) }));
  const all: ItemDraft[] = [
    ...[inventoryItem(ctx, work), conditionsItem(ctx, work)].filter((x): x is ItemDraft => x !== undefined),
    ...agilityItems(
      ctx,
      work,
      main.filter((i) => i.stage >= 2 && i.stage <= 4),
    ),
    ...main,
  ];
  all.sort(
    (a, b) =>
      a.stage - b.stage ||
      (a.key === 'inventory' ? -1 : b.key === 'inventory' ? 1 : 0) ||
      a.deadline.date.localeCompare(b.deadline.date) ||
      a.title.localeCompare(b.title) ||
      a.key.localeCompare(b.key),
  );
  const counters = new Map<number, number>();
  const withIds = all.map((i) => {
    const n = (counters.get(i.stage) ?? 0) + 1;
    counters.set(i.stage, n);
    return { ...i, id: `S${i.stage}-${String(n).padStart(2, '0')}` };
  });
  const deps = dependencies(withIds);
  const inventoryId = withIds.find((i) => i.key === 'inventory')?.id;
  const items: PlanItem[] = withIds.map(({ key: _k, agilityDevice: _a, ...rest }) => ({
    ...rest,
    dependsOn: deps.get(rest.id) ?? [],
  }));

  const stages: Stage[] = STAGES.map((s) => {
    const its = items.filter((i) => i.stage === s.id);
    const starts = its.map((i) => {
      const start = addYears(i.deadline.date, -config.migrationLeadTimeYears);
      return start < refDay || s.id <= 1 ? refDay : start;
    });
    return {
      ...s,
      start: starts.sort()[0] ?? refDay,
      ...(its.length
        ? {
            end: its
              .map((i) => i.deadline.date)
              .sort()
              .at(-1)!,
          }
        : {}),
      dependsOn: sortedUniq(
        its
          .flatMap((i) => i.dependsOn)
          .map((id) => items.find((x) => x.id === id)!.stage)
          .filter((st) => st !== s.id)
          .map(String),
      ).map(Number) as StageId[],
      items: its,
    };
  });

  // Appendix: every finding with its use cases and the items that cover it.
  const itemsByFinding = new Map<string, string[]>();
  for (const i of items)
    for (const f of i.findings)
      for (const id of f.findings) itemsByFinding.set(id, [...(itemsByFinding.get(id) ?? []), i.id]);
  const exposuresByOcc = new Map<string, Exposure[]>();
  for (const e of exposures) {
    const k = keyOf(e);
    exposuresByOcc.set(k, [...(exposuresByOcc.get(k) ?? []), e]);
  }
  const findings: FindingRow[] = occs
    .filter(({ k }, i) => occs.findIndex((x) => x.k === k) === i)
    .map(({ a, o, k }) => {
      const id = findingIds.get(k)!;
      const es = exposuresByOcc.get(k) ?? [];
      const v = verdicts.of(a);
      const itemIds = sortedUniq(itemsByFinding.get(id) ?? []);
      const planned = itemIds.some((x) => x !== inventoryId);
      return {
        id,
        bomRef: a.bomRef,
        ...(o.findingRef ? { findingRef: o.findingRef } : {}),
        assetType: a.assetType,
        name: settingName(a, o),
        path: o.location,
        ...(o.line !== undefined ? { line: o.line } : {}),
        ...(o.symbol ? { symbol: o.symbol } : {}),
        state: stateOf(o),
        ...(o.role ? { role: o.role } : {}),
        verdict: v.quantum,
        verdictBasis: v.basis,
        classicallyWeak: v.classicallyWeak,
        useCases: sortedUniq(es.map((e) => e.useCase)) as UseCaseId[],
        items: itemIds,
        ...(planned ? {} : { notPlanned: notPlannedReason(o, v, es[0]) }),
        reason: v.reason,
      };
    });

  const withFindings = new Set(findings.map((f) => f.bomRef)).size;
  const byVerdict: Record<QuantumVerdict, number> = {
    broken: 0,
    weakened: 0,
    unknown: 0,
    hybrid: 0,
    resistant: 0,
    'not-applicable': 0,
  };
  for (const f of findings) byVerdict[f.verdict]++;
  const inEffect = findings.filter(
    (f) =>
      !['inactive', 'overridden', 'disabled'].includes(f.state) &&
      f.role !== 'config-disable' &&
      !f.notPlanned?.startsWith('test or sample code'),
  ).length;
  const exposure = exposureRows(ctx, exposures, items);
  const byUrgency: Record<Urgency, number> = { immediate: 0, high: 0, medium: 0, low: 0 };
  for (const i of items) byUrgency[i.urgency]++;
  const deadlines = items.map((i) => i.deadline.date).sort();

  const timeline = [
    ...policies.flatMap((p) => p.deadlines.map((d) => ({ date: d.date, label: d.label, policy: p.name }))),
    ...config.scenarios.map((s) => ({
      date: yearStart(refYear + s.years),
      label: `CRQC, scenario ${s.id} (${s.years} years; assumption)`,
      policy: 'assumption',
    })),
    ...devices.flatMap((d) => [
      { date: yearStart(d.shipYear), label: `${d.name} ships`, policy: 'device' },
      { date: yearStart(d.fieldEndYear), label: `${d.name} leaves the field`, policy: 'device' },
    ]),
  ]
    .filter((m, i, xs) => xs.findIndex((y) => y.date === m.date && y.label === m.label) === i)
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));

  const statements = summaryStatements(ctx, items, findings, exposure);
  const c = config.origins;
  const assumptions = [
    ...Object.entries(config.shelfLifeYears).map(([k, v]) => ({
      key: `shelfLifeYears.${k}`,
      label: `Confidentiality shelf life of ${k}`,
      value: `${v} years`,
      origin: c[`shelfLifeYears.${k}`] ?? 'default',
    })),
    {
      key: 'defaultDataClasses',
      label: 'Data classes assumed where no data-flow rule applies',
      value: config.defaultDataClasses.join(', '),
      origin: c.defaultDataClasses ?? 'default',
    },
    {
      key: 'migrationLeadTimeYears',
      label: 'Migration lead time (decision to deployed)',
      value: `${config.migrationLeadTimeYears} years`,
      origin: c.migrationLeadTimeYears ?? 'default',
    },
    {
      key: 'releaseCadenceMonths',
      label: 'Release cadence (earliest a change ships)',
      value: `${config.releaseCadenceMonths} months (next release ${ctx.nextRelease})`,
      origin: c.releaseCadenceMonths ?? 'default',
    },
    ...config.scenarios.map((s) => ({
      key: `crqcScenarios.${s.id}`,
      label: `CRQC arrival, scenario ${s.id}${s.id === config.primaryScenario ? ' (dates the plan)' : ''}`,
      value: `${s.years} years (${refYear + s.years})`,
      origin: c.crqcScenarios ?? 'default',
      note: 'an assumption to compare, not a prediction',
    })),
    {
      key: 'notShipped',
      label: 'Test and sample code, listed but not planned (globs)',
      value: config.notShipped.join(', ') || 'none',
      origin: c.notShipped ?? 'default',
    },
    {
      key: 'rootOfTrust',
      label: 'Secure-boot root of trust',
      value: config.rootOfTrust,
      origin: c.rootOfTrust ?? 'default',
      note: 'immutable: the verification key is fixed at manufacture (ROM, OTP or a bootloader that is never updated)',
    },
    ...devices.map((d) => ({
      key: `device.${d.id}.lifecycle`,
      label: `${d.name}: ship year and field life`,
      value: `${d.shipYear}, ${d.fieldLifeYears} years (in the field until ${d.fieldEndYear})`,
      origin: d.lifecycleOrigin,
    })),
    { key: 'referenceDate', label: 'Reference date (SOURCE_DATE_EPOCH or today)', value: refDay, origin: 'run' },
  ];

  const citations = policies.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    status: p.status,
    binds: p.binds,
    hybrid: p.hybrid,
    deadlines: p.deadlines.map((d) => ({ id: d.id, date: d.date, label: d.label, state: d.state, scope: d.scope })),
    expectations: p.expectations.map((e) => e.text),
    sources: dedupeSources([...p.sources, ...p.expectations.map((e) => e.source)]),
  }));

  return {
    planVersion: PLAN_VERSION,
    generatedAt: input.referenceDate.toISOString(),
    referenceDate: refDay,
    tool: input.tool,
    subject: inv.subject?.name ?? inv.label,
    inventory: {
      file: inv.label,
      specVersion: inv.specVersion,
      ...(inv.serialNumber ? { serialNumber: inv.serialNumber } : {}),
      ...(inv.producer
        ? { producer: `${inv.producer.name}${inv.producer.version ? ` ${inv.producer.version}` : ''}` }
        : {}),
      ...(inv.timestamp ? { producedAt: inv.timestamp } : {}),
      readAs: inv.pqready ? 'pqready' : 'foreign',
      components: inv.componentCount,
      assets: inv.assets.length,
      assetsWithFindings: withFindings,
      partAssets: inv.assets.length - withFindings,
      findings: findings.length,
      inEffect,
      notInEffect: findings.length - inEffect,
      byVerdict,
      byUseCase: USE_CASE_SPECS.map((s) => {
        const keys = (es: readonly Exposure[]) =>
          uniq(es.filter((e) => e.useCase === s.id).map((e) => keyOf(e))).length;
        return {
          useCase: s.id,
          title: s.title,
          findings: keys(exposures.filter((e) => e.inEffect)),
          notInEffect: keys(exposures.filter((e) => !e.inEffect)),
          needingWork: keys(work),
        };
      }).filter((u) => u.findings + u.notInEffect > 0),
      diagnostics: inv.diagnostics.map((d) => ({
        severity: d.severity,
        message: d.message,
        ...(d.path ? { path: d.path } : {}),
      })),
      incomplete:
        inv.aggregate?.startsWith('incomplete') === true || inv.diagnostics.some((d) => d.severity !== 'info'),
      completeness: inv.aggregate ?? 'not stated',
      readerNotes: [...inv.readerNotes],
      libraries: sortedUniq([
        ...inv.libraries.map((l) => `${l.name}${l.version ? ` ${l.version}` : ''}`),
        ...inv.assets.flatMap((a) => a.libraries),
      ]),
    },
    policy: {
      selected: policies.map((p) => p.id),
      verdictPolicy: corePolicy.id,
      verdictPolicyName: corePolicy.name,
      stance: ctx.stance,
      citations,
    },
    assumptions,
    scenarios: config.scenarios.map((s) => ({
      id: s.id,
      years: s.years,
      crqcYear: refYear + s.years,
      primary: s.id === config.primaryScenario,
    })),
    devices,
    exposure,
    stages,
    timeline,
    summary: {
      items: items.length,
      byStage: STAGES.map((s) => items.filter((i) => i.stage === s.id).length),
      byUrgency,
      nothingFits: items.filter((i) => i.nothingFits).length,
      ...(deadlines.length ? { earliestDeadline: deadlines[0], lastDeadline: deadlines.at(-1) } : {}),
      statements,
    },
    findings,
    method: methodLines(ctx),
    sources: dedupeSources([
      ...citations.flatMap((p) => p.sources),
      ...items.flatMap((i) => [...i.replacement.sources, ...i.deadline.sources]),
      MOSCA,
    ]),
  };
}

function summaryStatements(
  ctx: Context,
  items: readonly PlanItem[],
  findings: readonly FindingRow[],
  exposure: readonly ExposureRow[],
): string[] {
  const out: string[] = [];
  const planned = findings.filter((f) => f.notPlanned === undefined);
  const why = new Map<string, number>();
  for (const f of findings) if (f.notPlanned) why.set(f.notPlanned, (why.get(f.notPlanned) ?? 0) + 1);
  const none = [...why.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `${n} ${NOT_PLANNED_SHORT[reason] ?? reason}`);
  out.push(
    `${plural(findings.length, 'finding')} in ${ctx.input.inventory.label}: ${planned.length} need work across ${plural(items.length, 'plan item')} in ${plural(new Set(items.map((i) => i.stage)).size, 'stage')}; ${findings.length - planned.length} need none${none.length ? ` (${none.join(', ')})` : ''}.`,
  );
  const weak = items.filter((i) => i.useCase === 'classically-weak');
  if (weak.length)
    out.push(
      `${plural(weak.length, 'item')} retire classically weak cryptography with the next release (${ctx.nextRelease}): ${weak.map((i) => i.id).join(', ')}.`,
    );
  const overdue = items.filter((i) => i.deadline.overdue);
  if (overdue.length)
    out.push(
      `${plural(overdue.length, 'item')} ${overdue.length === 1 ? 'is' : 'are'} already past the date their constraint sets and move to the next release: ${overdue.map((i) => i.id).join(', ')}.`,
    );
  const hndl = exposure.find((r) => r.useCase === 'transport-key-exchange');
  if (hndl && hndl.needingWork > 0) {
    const exposedIn = hndl.scenarios.filter((s) => s.exposed).map((s) => s.scenario);
    out.push(
      `Transport key exchange: ${plural(hndl.needingWork, 'finding')} without post-quantum key exchange; by Mosca's inequality the data they carry is exposed under ${exposedIn.length ? `the ${exposedIn.join(', ')} scenario${exposedIn.length > 1 ? 's' : ''}` : 'none of the scenarios'}.`,
    );
  }
  // Items that miss the same budget on the same device by the same amount say so once.
  const misses = new Map<string, string[]>();
  for (const i of items.filter((x) => x.nothingFits)) {
    const change = i.feasibility.find((f) => f.hardwareChange);
    const text = `no replacement fits ${change?.device ?? 'the device'}; it needs ${change?.hardwareChange ?? 'a hardware change'}${change?.withHashEngine ? `; ${change.withHashEngine}` : ''}`;
    misses.set(text, [...(misses.get(text) ?? []), i.id]);
  }
  for (const [text, ids] of misses) out.push(`${ids.join(', ')}: ${text}.`);
  const boot = items.filter((i) => i.useCase === 'secure-boot-update');
  for (const i of boot) out.push(`${i.id} (${i.title}) is due ${i.deadline.date}: ${i.deadline.label}.`);
  return out;
}

function methodLines(ctx: Context): string[] {
  return [
    `Inventory: the CycloneDX ${ctx.input.inventory.specVersion} CBOM ${ctx.input.inventory.label}; each finding is one evidence location of one CBOM component, cited by bom-ref and file:line${ctx.input.inventory.findingsMarked ? " (the same findings as the scan's JSON report and SARIF); the algorithms a finding names (a certificate's signature and key, a TLS setting's groups and suites) are its parts, not findings of their own" : ''}.`,
    `Verdicts: ${getPolicy(ctx.policies[0]!.verdictPolicy).name} judges each algorithm from pqready's catalog (Shor breaks classical public key; symmetric and hash strength against the policy threshold); certificates and keys take the worst of their parts; a protocol setting is judged by what it controls: its key-exchange and signature lists by their best offer, its ciphers by their worst; a setting that names no algorithm (protocol versions, certificate or key files) has no quantum verdict ("not applicable"), though an old protocol version it enables is still classically weak.`,
    'Use cases: findings are grouped by what they protect (secure boot and updates, identity and PKI, transport key exchange and authentication, data at rest, hashing/MAC/KDF, classically weak, library configuration); each assignment names the evidence that decided it.',
    "Urgency: Mosca's inequality (shelf life + migration time > time to a CRQC) for confidential data; the device's field life against the CRQC scenario for signatures and roots of trust; the earliest applicable date of the selected policies; classically weak cryptography goes with the next release.",
    'Replacements: the first option of the policy stance whose on-device estimate fits every device that runs the finding (pqready bench: published cycle counts × core factor ÷ clock, against the profile budgets); when none fits, the hardware change the numbers call for.',
    'Not planned: findings inactive in the evidence, disabled or overridden in a configuration, already resistant or hybrid under the policy, or settings that name no algorithm; they are listed in the appendix with the reason.',
  ];
}
