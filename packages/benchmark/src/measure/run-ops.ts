/**
 * Times host operations inside one process: warm-up, then batches sized to last at least `minBatchMs` each.
 * Used by the child worker; tests call it directly with tiny settings and check structure and sizes only.
 */
import { HOST_OPS, type HostOp, type HostOpContext, type Sizes } from './ops.js';

export interface RunSettings {
  readonly batches: number;
  readonly minBatchMs: number;
  readonly warmupMs: number;
  /** Run heavy ops (SLH-DSA-128s sign) once in this process. */
  readonly heavy: boolean;
  /** Upper bound on iterations per batch (tests use 1). */
  readonly maxIterations?: number;
  /**
   * Wall-clock budget for all ops of this process (quick mode): each op gets an equal share of what is left, and its
   * warm-up and batches shrink to fit, so a loaded machine gives noisier numbers instead of a longer run.
   */
  readonly budgetMs?: number;
}

export interface BatchResult {
  readonly iterations: number;
  readonly ns: number;
}

export interface OpResult {
  readonly id: string;
  readonly batches: readonly BatchResult[];
  /** Per-call ns, kept for tail ops (ML-DSA sign). */
  readonly calls?: readonly number[];
  readonly sizes?: Sizes;
  readonly error?: string;
}

const now = () => process.hrtime.bigint();
// biome-ignore lint/correctness/noUnusedVariables: written so the engine cannot drop the measured call as dead code
let sink: unknown;

function timeOne(run: () => unknown): number {
  const t0 = now();
  sink = run();
  return Number(now() - t0);
}

export function runOp(op: HostOp, ctx: HostOpContext, s: RunSettings): OpResult {
  if (op.heavy && !s.heavy) return { id: op.id, batches: [] };
  let prepared: ReturnType<HostOp['setup']>;
  try {
    prepared = op.setup(ctx);
  } catch (err) {
    return { id: op.id, batches: [], error: err instanceof Error ? err.message : String(err) };
  }
  const { run, sizes } = prepared;
  if (op.heavy) {
    // Seconds per call: one cold call is all the budget allows; reported with n = 1 per process.
    const ns = timeOne(run);
    return { id: op.id, batches: [{ iterations: 1, ns }], calls: [ns], sizes };
  }
  const warmEnd = Date.now() + s.warmupMs;
  let warmCalls = 0;
  let warmNs = 0;
  do {
    warmNs += timeOne(run);
    warmCalls++;
  } while (Date.now() < warmEnd);
  const perCall = warmNs / warmCalls;
  let iterations = Math.max(1, Math.ceil((s.minBatchMs * 1e6) / Math.max(perCall, 1)));
  if (s.maxIterations !== undefined) iterations = Math.min(iterations, s.maxIterations);
  const batches: BatchResult[] = [];
  const calls: number[] = [];
  for (let b = 0; b < s.batches; b++) {
    if (op.tail) {
      let total = 0;
      for (let i = 0; i < iterations; i++) {
        const ns = timeOne(run);
        calls.push(ns);
        total += ns;
      }
      batches.push({ iterations, ns: total });
    } else {
      const t0 = now();
      for (let i = 0; i < iterations; i++) sink = run();
      batches.push({ iterations, ns: Number(now() - t0) });
    }
  }
  return { id: op.id, batches, ...(op.tail ? { calls } : {}), ...(sizes ? { sizes } : {}) };
}

export function runOps(
  ids: readonly string[],
  ctx: HostOpContext,
  s: RunSettings,
  onOp?: (id: string) => void,
): OpResult[] {
  const out: OpResult[] = [];
  const ops = HOST_OPS.filter((op) => ids.includes(op.id));
  const start = Date.now();
  ops.forEach((op, i) => {
    let settings = s;
    if (s.budgetMs !== undefined) {
      const share = Math.max(0, s.budgetMs - (Date.now() - start)) / (ops.length - i);
      const slice = share / (s.batches + 1);
      settings = { ...s, minBatchMs: Math.min(s.minBatchMs, slice), warmupMs: Math.min(s.warmupMs, slice) };
    }
    out.push(runOp(op, ctx, settings));
    onOp?.(op.id);
  });
  return out;
}
