/**
 * Encoded key sizes of the standardised post-quantum schemes, used to sanity-check decoded keys
 * (a length mismatch means a wrong OID, a truncated key or a pre-standard encoding).
 * FIPS 203 §8 Table 3, FIPS 204 §4 Table 2, FIPS 205 §11 Table 2 (cross-checked with liboqs docs/algorithms,
 * commit 8979276ad1eb).
 */

interface PqcKeySizes {
  /** Catalog id, e.g. `ml-kem-768`. */
  readonly id: string;
  readonly publicKey: number;
  /** Expanded private key (FIPS 203 dk, FIPS 204 sk, FIPS 205 SK). */
  readonly privateKey: number;
  /** Seed form of the private key (FIPS 203 d‖z, FIPS 204 ξ); absent for SLH-DSA. */
  readonly seed?: number;
  readonly source: string;
}

const FIPS203 = 'FIPS 203 §8 Table 3';
const FIPS204 = 'FIPS 204 §4 Table 2';
const FIPS205 = 'FIPS 205 §11 Table 2';

const mlDsa = (level: number, pk: number, sk: number): PqcKeySizes[] =>
  ['', 'hash-'].map((prefix) => ({
    id: `${prefix}ml-dsa-${level}`,
    publicKey: pk,
    privateKey: sk,
    seed: 32,
    source: FIPS204,
  }));

// SLH-DSA: PK = 2n bytes, SK = 4n bytes, n = 16/24/32 for the 128/192/256 sets (FIPS 205 §11).
const slhDsa = (): PqcKeySizes[] =>
  ['sha2', 'shake'].flatMap((family) =>
    [
      [128, 16],
      [192, 24],
      [256, 32],
    ].flatMap(([level, n]) =>
      ['s', 'f'].flatMap((speed) =>
        ['', 'hash-'].map((prefix) => ({
          id: `${prefix}slh-dsa-${family}-${level}${speed}`,
          publicKey: 2 * n!,
          privateKey: 4 * n!,
          source: FIPS205,
        })),
      ),
    ),
  );

const PQC_KEY_SIZES: readonly PqcKeySizes[] = Object.freeze([
  { id: 'ml-kem-512', publicKey: 800, privateKey: 1632, seed: 64, source: FIPS203 },
  { id: 'ml-kem-768', publicKey: 1184, privateKey: 2400, seed: 64, source: FIPS203 },
  { id: 'ml-kem-1024', publicKey: 1568, privateKey: 3168, seed: 64, source: FIPS203 },
  ...mlDsa(44, 1312, 2560),
  ...mlDsa(65, 1952, 4032),
  ...mlDsa(87, 2592, 4896),
  ...slhDsa(),
] satisfies readonly PqcKeySizes[]);

const BY_ID = new Map(PQC_KEY_SIZES.map((row) => [row.id, row]));

export function pqcKeySizes(id: string): PqcKeySizes | undefined {
  return BY_ID.get(id);
}
