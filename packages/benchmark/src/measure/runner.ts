/**
 * Host measurement across several fresh Node processes (JIT outcomes differ between processes of one VM: Barrett
 * et al., "Virtual Machine Warmup Blows Hot and Cold", OOPSLA 2017, https://doi.org/10.1145/3133876; JMH forks
 * for the same reason): spawns workers, collects batches, and summarises each op as the median of per-process
 * medians with a dispersion figure, a 95 % interval and a noisy flag. Sizes are checked against the standards.
 */
import { fork } from 'node:child_process';
import { generateKeyPair } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSizes, type SizeCheck } from '../catalog/schemes.js';
import type { SchemeId } from '../catalog/types.js';
import { HOST_OPS, type HostOpContext } from './ops.js';
import type { OpResult, RunSettings } from './run-ops.js';
import { quantile, type Summary, summarize } from './stats.js';

export interface HostMeasurement {
  readonly id: string;
  readonly scheme: string;
  readonly op: string;
  readonly backend: string;
  readonly unit: 'us/op' | 'MB/s';
  readonly median: number;
  readonly ci95: Summary['ci95'];
  readonly processMedians: readonly number[];
  readonly dispersionPct: number;
  readonly batches: number;
  readonly iterationsPerBatch: number;
  readonly noisy: boolean;
  /** ML-DSA signing: rejection sampling gives a long tail, so mean / p99 / max of single calls are reported. */
  readonly tail?: { readonly meanUs: number; readonly p99Us: number; readonly maxUs: number; readonly calls: number };
  readonly note?: string;
}

export interface HostReport {
  readonly scope: 'host';
  readonly disclaimer: string;
  readonly mode: 'quick' | 'full';
  readonly environment: Record<string, string | number>;
  readonly method: {
    processes: number;
    parallel: boolean;
    batchesPerProcess: number;
    minBatchMs: number;
    warmupMs: number;
  };
  readonly measurements: readonly HostMeasurement[];
  readonly sizes: readonly SizeCheck[];
  readonly notes: readonly string[];
}

interface MeasureOptions {
  quick: boolean;
  onProgress?: (done: number, total: number, label: string) => void;
}

const MODES: Record<'quick' | 'full', { processes: number; parallel: boolean; settings: RunSettings }> = {
  // Quick: 2 processes side by side on a 2-core host, 3 batches of ≤ 50 ms within an 8 s budget each.
  quick: {
    processes: 2,
    parallel: true,
    settings: { batches: 3, minBatchMs: 50, warmupMs: 25, heavy: false, budgetMs: 8000 },
  },
  full: { processes: 4, parallel: false, settings: { batches: 5, minBatchMs: 50, warmupMs: 150, heavy: true } },
};

function workerPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'worker.js'), path.resolve(here, '..', '..', 'dist', 'measure', 'worker.js')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('measurement worker not built: run `pnpm build` first');
  return found;
}

function packageVersion(name: string): string {
  try {
    let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
    for (let i = 0; i < 4; i++) {
      const f = path.join(dir, 'package.json');
      if (existsSync(f)) {
        const pkg = JSON.parse(readFileSync(f, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? 'unknown';
      }
      dir = path.dirname(dir);
    }
  } catch {
    // fall through: version unknown is reported as such
  }
  return 'unknown';
}

function rsaPems(quick: boolean): Promise<NonNullable<HostOpContext['rsaPem']>> {
  const gen = (bits: number) =>
    new Promise<string>((resolve, reject) =>
      generateKeyPair(
        'rsa',
        {
          modulusLength: bits,
          privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
          publicKeyEncoding: { type: 'spki', format: 'pem' },
        },
        (err, _pub, priv) => (err ? reject(err) : resolve(priv)),
      ),
    );
  if (quick) return gen(2048).then((a) => ({ 'rsa-2048': a, 'rsa-3072': '' }));
  return Promise.all([gen(2048), gen(3072)]).then(([a, b]) => ({ 'rsa-2048': a, 'rsa-3072': b }));
}

function runWorker(
  ids: string[],
  settings: RunSettings,
  keys: Promise<NonNullable<HostOpContext['rsaPem']>>,
  onOp: (id: string) => void,
): Promise<OpResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(workerPath(), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let done = false;
    child.on('message', (m: { type: string; id?: string; results?: OpResult[] }) => {
      if (m.type === 'progress' && m.id) onOp(m.id);
      if (m.type === 'done' && m.results) {
        done = true;
        resolve(m.results);
      }
    });
    child.on('exit', (code) => {
      if (!done) reject(new Error(`measurement worker exited with code ${code}: ${stderr.split('\n')[0] ?? ''}`));
    });
    child.send({ type: 'start', ids, settings });
    keys.then((rsaPem) => child.connected && child.send({ type: 'keys', rsaPem })).catch(() => child.kill());
  });
}

/** Folds per-process results into one measurement per op. */
export function aggregate(perProcess: readonly (readonly OpResult[])[]): {
  measurements: HostMeasurement[];
  sizes: SizeCheck[];
  notes: string[];
} {
  const measurements: HostMeasurement[] = [];
  const sizes: SizeCheck[] = [];
  const notes: string[] = [];
  for (const op of HOST_OPS) {
    const results = perProcess.map((p) => p.find((r) => r.id === op.id)).filter((r): r is OpResult => r !== undefined);
    const errors = results.filter((r) => r.error);
    if (errors.length > 0) notes.push(`${op.id}: not measured (${errors[0]!.error})`);
    const withData = results.filter((r) => r.batches.length > 0);
    if (withData.length === 0) continue;
    const toValue = (b: { iterations: number; ns: number }) =>
      op.bytesPerCall ? (op.bytesPerCall * b.iterations) / (b.ns / 1e9) / 1e6 : b.ns / b.iterations / 1e3;
    const s = summarize(withData.map((r) => r.batches.map(toValue)));
    const calls = withData.flatMap((r) => r.calls ?? []).map((ns) => ns / 1e3);
    const first = withData[0]!;
    const sized = first.sizes;
    if (sized && (op.scheme.startsWith('ml-') || op.scheme.startsWith('slh-'))) {
      sizes.push(...checkSizes(op.scheme as SchemeId, sized));
    }
    measurements.push({
      id: op.id,
      scheme: op.scheme,
      op: op.op,
      backend: op.backend,
      unit: op.bytesPerCall ? 'MB/s' : 'us/op',
      median: s.median,
      ci95: s.ci95,
      processMedians: s.processMedians,
      dispersionPct: s.dispersionPct,
      batches: s.samples,
      iterationsPerBatch: first.batches[0]?.iterations ?? 0,
      noisy: s.noisy,
      ...(op.tail && calls.length > 0
        ? {
            tail: {
              meanUs: calls.reduce((a, b) => a + b, 0) / calls.length,
              p99Us: quantile(calls, 0.99),
              maxUs: Math.max(...calls),
              calls: calls.length,
            },
          }
        : {}),
      ...(op.heavy ? { note: `single cold call per process (${s.samples} in total): seconds per call in JS` } : {}),
    });
  }
  return { measurements, sizes, notes };
}

export async function measureHost(opts: MeasureOptions): Promise<HostReport> {
  const mode = MODES[opts.quick ? 'quick' : 'full'];
  // Quick mode leaves out what costs seconds before the first timing: SLH-DSA-128s (its verify needs one signature)
  // and RSA-3072 (key generation).
  const slow = (o: (typeof HOST_OPS)[number]) => o.scheme === 'slh-dsa-sha2-128s' || o.scheme === 'rsa-3072';
  const ids = HOST_OPS.filter((o) => !(opts.quick && slow(o))).map((o) => o.id);
  const keys = rsaPems(opts.quick);
  const total = ids.length * mode.processes;
  let done = 0;
  const onOp = (id: string) => opts.onProgress?.(++done, total, id);
  const settingsFor = (): RunSettings => mode.settings;
  let perProcess: OpResult[][];
  if (mode.parallel) {
    perProcess = await Promise.all(
      Array.from({ length: mode.processes }, () => runWorker(ids, settingsFor(), keys, onOp)),
    );
  } else {
    perProcess = [];
    for (let i = 0; i < mode.processes; i++) perProcess.push(await runWorker(ids, settingsFor(), keys, onOp));
  }
  const { measurements, sizes, notes } = aggregate(perProcess);
  if (opts.quick)
    notes.push(
      'quick mode: every op shares an 8 s budget per process; SLH-DSA-SHA2-128s and RSA-3072 are not measured (run --measure for them)',
    );
  if (mode.parallel) notes.push(`quick mode: the ${mode.processes} processes ran side by side, one per core`);
  const cpus = os.cpus();
  return {
    scope: 'host',
    disclaimer: 'Host (gateway/cloud side) timings of JavaScript and OpenSSL on this machine; never a device number.',
    mode: opts.quick ? 'quick' : 'full',
    environment: {
      node: process.versions.node,
      v8: process.versions.v8,
      openssl: process.versions.openssl ?? 'unknown',
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      platform: `${process.platform}-${process.arch}`,
      '@noble/post-quantum': packageVersion('@noble/post-quantum'),
    },
    method: {
      processes: mode.processes,
      parallel: mode.parallel,
      batchesPerProcess: mode.settings.batches,
      minBatchMs: mode.settings.minBatchMs,
      warmupMs: mode.settings.warmupMs,
    },
    measurements,
    sizes,
    notes,
  };
}
