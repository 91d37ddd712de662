/**
 * Child-process entry for host measurement: receives settings over IPC, times the ops in this fresh V8 instance,
 * and sends results back. RSA ops wait for the parent's keys. Nothing is printed.
 */
import type { HostOpContext } from './ops.js';
import { HOST_OPS } from './ops.js';
import { type OpResult, type RunSettings, runOp } from './run-ops.js';

interface Start {
  type: 'start';
  ids: string[];
  settings: RunSettings;
}
interface Keys {
  type: 'keys';
  rsaPem: NonNullable<HostOpContext['rsaPem']>;
}

const ctx: HostOpContext = {};
let keysReady: () => void = () => {};
const keys = new Promise<void>((resolve) => {
  keysReady = resolve;
});

async function main(msg: Start): Promise<void> {
  const results: OpResult[] = [];
  for (const op of HOST_OPS) {
    if (!msg.ids.includes(op.id)) continue;
    if (op.needsRsa) await keys;
    results.push(runOp(op, ctx, msg.settings));
    process.send?.({ type: 'progress', id: op.id });
  }
  process.send?.({ type: 'done', results }, () => process.exit(0));
}

process.on('message', (msg: Start | Keys) => {
  if (msg.type === 'keys') {
    ctx.rsaPem = msg.rsaPem;
    keysReady();
  } else if (msg.type === 'start') {
    void main(msg);
  }
});
