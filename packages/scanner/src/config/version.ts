/** Dotted version comparison for product defaults (`1.23.4` vs `1.22`); non-numeric parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The value of the newest row whose `since` is not newer than `version`. */
export function pickByVersion<T extends { readonly since: string }>(rows: readonly T[], version: string): T {
  let best = rows[0]!;
  for (const r of rows) if (compareVersions(r.since, version) <= 0) best = r;
  return best;
}
