/**
 * Calendar arithmetic on ISO dates (UTC, day precision): plans talk in days and years, never in local time.
 */

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Adds whole months (fractions round to days) to an ISO day. */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const whole = Math.trunc(months);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + whole, d.getUTCDate()));
  const rest = months - whole;
  if (rest !== 0) target.setUTCDate(target.getUTCDate() + Math.round(rest * 30.4375));
  return isoDay(target);
}

export const addYears = (day: string, years: number): string => addMonths(day, years * 12);

export const yearStart = (year: number): string => `${String(year).padStart(4, '0')}-01-01`;

/** Whole and fractional years from `a` to `b` (positive when b is later). */
export function yearsBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / (365.25 * 24 * 3600 * 1000);
}
