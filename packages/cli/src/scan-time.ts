/**
 * The reference time of a run. Reproducible builds set SOURCE_DATE_EPOCH
 * (https://reproducible-builds.org/specs/source-date-epoch/); when it is set, every output
 * timestamp and every validity check uses it, so the same input gives the same bytes.
 */
export class ScanTimeError extends Error {}

export function scanTimeFromEnv(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return now();
  // The spec allows only an ASCII decimal integer of seconds since the Unix epoch.
  if (!/^\d{1,12}$/.test(raw.trim())) {
    throw new ScanTimeError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not "${raw}".`);
  }
  return new Date(Number(raw.trim()) * 1000);
}
