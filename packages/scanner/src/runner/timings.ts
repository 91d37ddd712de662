/**
 * Where a scan's wall time goes (`pqready scan --timings`): named phases with their summed milliseconds. Only
 * measures; nothing here changes what a scan finds. Phases that run concurrently (reading ahead while workers
 * parse) overlap, so the rows are not meant to add up to the wall time.
 */
export class Timings {
  readonly #ms = new Map<string, number>();
  readonly #counts = new Map<string, number>();

  /** Adds `ms` to `phase` (created on first use, kept in first-use order). */
  add(phase: string, ms: number): void {
    this.#ms.set(phase, (this.#ms.get(phase) ?? 0) + ms);
    this.#counts.set(phase, (this.#counts.get(phase) ?? 0) + 1);
  }

  /** Runs `fn` and adds its duration (until its promise settles) to `phase`. */
  async time<T>(phase: string, fn: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  /** The phases in first-use order, milliseconds rounded to 0.1, with how many times each was timed. */
  rows(): { readonly phase: string; readonly ms: number; readonly count: number }[] {
    return [...this.#ms].map(([phase, ms]) => ({
      phase,
      ms: Math.round(ms * 10) / 10,
      count: this.#counts.get(phase) ?? 0,
    }));
  }
}

/**
 * The timings of the scan in progress, for code below the runner that has no request to read them from (the C
 * worker pool). One scan at a time sets it; concurrent scans in one process would mix their rows.
 */
let active: Timings | undefined;

export function activeTimings(): Timings | undefined {
  return active;
}

export function setActiveTimings(t: Timings | undefined): void {
  active = t;
}
