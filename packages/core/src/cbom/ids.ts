/**
 * Content-derived identifiers: bom-refs that stay the same across runs, and a deterministic serial number
 * (RFC 4122 name-based UUID, version 5 layout, from SHA-256 of the BOM content instead of a random draw).
 */

/** Lower-case, `[a-z0-9._-]` only, for bom-ref path segments. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

/** The serial number of content whose SHA-256 is `sha256` (hex). */
export function contentUuid(sha256: string): string {
  const b = Buffer.from(sha256.slice(0, 32), 'hex');
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
