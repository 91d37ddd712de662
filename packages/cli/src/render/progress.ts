/**
 * A one-line progress counter on a terminal's standard error; silent elsewhere, so pipes and
 * CI logs only ever see the output itself.
 */
export interface ProgressReporter {
  readonly update: (event: { readonly phase: string; readonly files: number }) => void;
  readonly done: () => void;
}

export function progressReporter(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!enabled) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: ({ phase, files }) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[K${phase === 'walk' ? 'Listing' : 'Scanning'}: ${files} files`);
    },
    done: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
