/**
 * Small synthetic CBOMs for planner tests: builders for CycloneDX 1.6 components in another tool's shape (CycloneDX
 * fields, and the component-level properties older writers used), and a one-call plan builder. CBOMs in pqready's
 * own shape come from `scanned.ts`, through the real writer.
 */

import { readCbom } from '../cbom/read.js';
import { type ConfigOverrides, resolvePlanConfig } from '../config.js';
import { loadDevice } from '../device/bench.js';
import { buildPlan } from '../plan.js';
import type { Plan } from '../plan-types.js';

type Json = Record<string, unknown>;
interface Occ {
  readonly location: string;
  readonly line?: number;
  readonly symbol?: string;
  readonly additionalContext?: string;
}

const props = (p: Record<string, string | string[]>) =>
  Object.entries(p).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })));

export function algorithm(
  bomRef: string,
  name: string,
  primitive: string,
  occurrences: readonly Occ[],
  p: Record<string, string | string[]> = {},
  extra: Json = {},
): Json {
  return {
    type: 'cryptographic-asset',
    'bom-ref': bomRef,
    name,
    cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive, ...extra } },
    evidence: { occurrences },
    ...(Object.keys(p).length ? { properties: props(p) } : {}),
  };
}

export function bom(
  components: readonly Json[],
  opts: { pqready?: boolean; dependencies?: Json[]; spec?: '1.6' | '1.7' } = {},
): Json {
  return {
    bomFormat: 'CycloneDX',
    specVersion: opts.spec ?? '1.6',
    version: 1,
    metadata: {
      timestamp: '2026-01-01T00:00:00Z',
      tools: {
        components: [{ type: 'application', name: opts.pqready === false ? 'other-scanner' : 'pqready', version: '0' }],
      },
      component: { type: 'firmware', 'bom-ref': 'root', name: 'synthetic device' },
    },
    components,
    ...(opts.dependencies ? { dependencies: opts.dependencies } : {}),
  };
}

const REFERENCE = new Date('2026-01-01T00:00:00Z');

/** Reads the BOM (an object, or CBOM text) through the real reader and plans it with the given overrides and devices. */
export function planOf(doc: Json | string, overrides: ConfigOverrides = {}, raw: unknown = {}): Plan {
  const inventory = readCbom(typeof doc === 'string' ? doc : JSON.stringify(doc), 'synthetic.cdx.json');
  const config = resolvePlanConfig(raw, 'test', overrides);
  const devices = config.devices.map((entry) => ({ entry, device: loadDevice(entry.device) }));
  return buildPlan({
    inventory,
    config,
    devices,
    referenceDate: REFERENCE,
    tool: { name: 'pqready', version: 'test' },
  });
}

export const items = (plan: Plan) => plan.stages.flatMap((s) => s.items);
