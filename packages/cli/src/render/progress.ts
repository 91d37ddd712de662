/**
 * A progress bar on a terminal's standard error: phase, files done of the phase's total, and the time left
 * (cli-progress). Silent when standard error is not a terminal or with --quiet, so pipes and CI logs only ever see
 * the output itself.
 */
import { createRequire } from 'node:module';

// cli-progress (CommonJS) is required only when a bar is shown: most runs are in pipes and CI logs.
const require = createRequire(import.meta.url);

interface ProgressEvent {
  readonly phase: 'walk' | 'detect' | 'analyse';
  readonly files: number;
  readonly total?: number;
}

interface ProgressReporter {
  readonly update: (event: ProgressEvent) => void;
  readonly done: () => void;
}

const PHASE: Readonly<Record<ProgressEvent['phase'], string>> = {
  walk: 'Listing files',
  detect: 'Reading files',
  analyse: 'Analysing C and configs',
};

/** One line: `Reading files [=====-----] 120/480 files, 0:12 left`; without a total, the count alone. */
function progressLine(phase: string, value: number, total: number, eta: string, barSize = 24): string {
  if (total <= 0) return `${phase}: ${value} files`;
  const filled = Math.max(0, Math.min(barSize, Math.round((value / total) * barSize)));
  return `${phase} [${'='.repeat(filled)}${'-'.repeat(barSize - filled)}] ${value}/${total} files${eta ? `, ${eta} left` : ''}`;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function progressReporter(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!enabled) return { update: () => {}, done: () => {} };
  const { SingleBar } = require('cli-progress') as typeof import('cli-progress');
  const bar = new SingleBar({
    stream,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
    etaBuffer: 100,
    format: (_options, params, payload: { phase: string }) =>
      progressLine(payload.phase, params.value, params.total, clock(params.eta)),
  });
  let phase: ProgressEvent['phase'] | undefined;
  return {
    update: ({ phase: p, files, total }) => {
      if (p !== phase) {
        if (phase !== undefined) bar.stop();
        phase = p;
        bar.start(total ?? 0, files, { phase: PHASE[p] });
        return;
      }
      if (total !== undefined && total !== bar.getTotal()) bar.setTotal(total);
      bar.update(files);
    },
    done: () => {
      if (phase !== undefined) bar.stop();
    },
  };
}
