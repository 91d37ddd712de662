/**
 * Where a fact comes from. Every catalog row (OID, size, date, verdict) carries one,
 * so that a reader of any output can check the number against its origin.
 */
export interface Source {
  /** Short citation, e.g. "FIPS 203 §8 Table 2" or "RFC 8410 §3". */
  readonly title: string;
  /** Stable locator: URL, RFC number, or repository@commit:path. */
  readonly url?: string;
  /** How sure the transcription is: primary text read, secondary summary, or unverified. */
  readonly confidence?: 'primary' | 'secondary' | 'unverified';
}
