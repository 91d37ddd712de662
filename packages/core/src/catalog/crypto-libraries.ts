/**
 * Crypto libraries the detectors name in `Finding.library`, with what identifies a copy in a tree: the header
 * macro that declares its version, and the package URL (purl, https://github.com/package-url/purl-spec) of its
 * upstream repository, whose version is the upstream release tag (`pkg:github/<owner>/<repo>@<tag>`).
 * A library without a version file is still a component, named but unversioned.
 */
import type { Source } from '../model/source.js';

export interface VersionFileRow {
  /** Path suffix of the header, e.g. `mbedtls/build_info.h`; the copy's root is the directory above it (and above `include/`). */
  readonly file: string;
  /** Macro whose string literal holds the version. */
  readonly macro: string;
  /** Where the version sits inside that string (first capture group); the whole string when absent. */
  readonly pattern?: RegExp;
}

export interface ReleaseTagRow {
  /** Applies to versions below this one (numeric comparison); absent for the last, catch-all row. */
  readonly below?: string;
  /** `{version}` as declared, `{version_}` with dots written as underscores. */
  readonly template: string;
}

export interface CryptoLibraryRow {
  /** Stable kebab-case id. */
  readonly id: string;
  /** The project's own name for itself. */
  readonly name: string;
  /** Names the detectors write in `Finding.library` (compared case-insensitively). */
  readonly aliases: readonly string[];
  /** Package URL of the upstream repository, without a version. */
  readonly purl?: string;
  /** How a declared version becomes the upstream release tag, first matching row wins. */
  readonly releaseTags?: readonly ReleaseTagRow[];
  readonly versionFiles?: readonly VersionFileRow[];
  /** For an API: the libraries implementing it, whose copy a finding inside it belongs to (PSA Crypto in Mbed TLS). */
  readonly implementedBy?: readonly string[];
  /**
   * CycloneDX `executionEnvironment` of what this library computes, when the library fixes it: TF-M's crypto
   * service runs in the secure processing environment. Absent means the tree does not tell (`unknown`).
   */
  readonly executionEnvironment?: 'software-tee';
  readonly sources: readonly Source[];
}

const repo = (ownerRepo: string, what = 'upstream repository'): Source =>
  Object.freeze({ title: `${ownerRepo} ${what}`, url: `https://github.com/${ownerRepo}`, confidence: 'primary' });

export const CRYPTO_LIBRARIES: readonly CryptoLibraryRow[] = Object.freeze(
  (
    [
      {
        id: 'mbedtls',
        name: 'Mbed TLS',
        aliases: ['mbedTLS', 'Mbed TLS', 'mbed TLS', 'mbedtls'],
        purl: 'pkg:github/Mbed-TLS/mbedtls',
        // Every release from 2.1.0 to 4.1.0 has an `mbedtls-<version>` tag; `v<version>` exists only since 2.7.18.
        releaseTags: [{ template: 'mbedtls-{version}' }],
        versionFiles: [
          // 3.x and later: include/mbedtls/build_info.h; 2.x: include/mbedtls/version.h.
          { file: 'mbedtls/build_info.h', macro: 'MBEDTLS_VERSION_STRING' },
          { file: 'mbedtls/version.h', macro: 'MBEDTLS_VERSION_STRING' },
        ],
        sources: [repo('Mbed-TLS/mbedtls', 'tags and include/mbedtls/build_info.h')],
      },
      {
        id: 'wolfssl',
        name: 'wolfSSL',
        aliases: ['wolfSSL', 'wolfCrypt', 'wolfssl'],
        purl: 'pkg:github/wolfSSL/wolfssl',
        releaseTags: [{ template: 'v{version}-stable' }],
        versionFiles: [{ file: 'wolfssl/version.h', macro: 'LIBWOLFSSL_VERSION_STRING' }],
        sources: [repo('wolfSSL/wolfssl', 'release tags (v5.7.0-stable …) and wolfssl/version.h')],
      },
      {
        id: 'openssl',
        name: 'OpenSSL',
        aliases: ['OpenSSL'],
        purl: 'pkg:github/openssl/openssl',
        releaseTags: [{ below: '3.0.0', template: 'OpenSSL_{version_}' }, { template: 'openssl-{version}' }],
        versionFiles: [
          // 3.x generated header; 1.x: "OpenSSL 1.1.1w  11 Sep 2023" (a FIPS build adds "-fips").
          { file: 'openssl/opensslv.h', macro: 'OPENSSL_VERSION_STR' },
          { file: 'openssl/opensslv.h', macro: 'OPENSSL_VERSION_TEXT', pattern: /^OpenSSL ([0-9][0-9a-z.]*)/ },
        ],
        sources: [
          repo('openssl/openssl', 'release tags (OpenSSL_1_1_1w, openssl-3.0.13) and include/openssl/opensslv.h'),
        ],
      },
      {
        id: 'libressl',
        name: 'LibreSSL',
        aliases: ['LibreSSL'],
        purl: 'pkg:github/libressl/portable',
        versionFiles: [
          { file: 'openssl/opensslv.h', macro: 'LIBRESSL_VERSION_TEXT', pattern: /^LibreSSL ([0-9][0-9.]*)/ },
        ],
        sources: [repo('libressl/portable', 'include/openssl/opensslv.h')],
      },
      {
        id: 'libsodium',
        name: 'libsodium',
        aliases: ['libsodium'],
        purl: 'pkg:github/jedisct1/libsodium',
        versionFiles: [{ file: 'sodium/version.h', macro: 'SODIUM_VERSION_STRING' }],
        sources: [repo('jedisct1/libsodium', 'src/libsodium/include/sodium/version.h.in')],
      },
      {
        id: 'liboqs',
        name: 'liboqs',
        aliases: ['liboqs'],
        purl: 'pkg:github/open-quantum-safe/liboqs',
        versionFiles: [{ file: 'oqs/oqsconfig.h', macro: 'OQS_VERSION_TEXT' }],
        sources: [repo('open-quantum-safe/liboqs', 'src/oqsconfig.h.cmake')],
      },
      {
        id: 'tinycrypt',
        name: 'TinyCrypt',
        aliases: ['TinyCrypt'],
        purl: 'pkg:github/intel/tinycrypt',
        sources: [repo('intel/tinycrypt')],
      },
      {
        id: 'bearssl',
        name: 'BearSSL',
        aliases: ['BearSSL'],
        sources: [{ title: 'BearSSL', url: 'https://bearssl.org/' }],
      },
      {
        id: 'micro-ecc',
        name: 'micro-ecc',
        aliases: ['micro-ecc'],
        purl: 'pkg:github/kmackay/micro-ecc',
        sources: [repo('kmackay/micro-ecc')],
      },
      {
        id: 'monocypher',
        name: 'Monocypher',
        aliases: ['Monocypher'],
        purl: 'pkg:github/LoupVaillant/Monocypher',
        sources: [repo('LoupVaillant/Monocypher')],
      },
      {
        id: 'pqclean',
        name: 'PQClean',
        aliases: ['PQClean'],
        purl: 'pkg:github/PQClean/PQClean',
        sources: [repo('PQClean/PQClean')],
      },
      {
        id: 'mlkem-native',
        name: 'mlkem-native',
        aliases: ['mlkem-native'],
        purl: 'pkg:github/pq-code-package/mlkem-native',
        sources: [repo('pq-code-package/mlkem-native')],
      },
      {
        id: 'mldsa-native',
        name: 'mldsa-native',
        aliases: ['mldsa-native'],
        purl: 'pkg:github/pq-code-package/mldsa-native',
        sources: [repo('pq-code-package/mldsa-native')],
      },
      {
        id: 'mcuboot',
        name: 'MCUboot',
        aliases: ['MCUboot'],
        purl: 'pkg:github/mcu-tools/mcuboot',
        sources: [repo('mcu-tools/mcuboot')],
      },
      {
        id: 'tf-m',
        name: 'Trusted Firmware-M',
        aliases: ['TF-M'],
        executionEnvironment: 'software-tee',
        sources: [
          {
            title: 'TF-M Crypto Service (runs in the Secure Processing Environment)',
            url: 'https://trustedfirmware-m.readthedocs.io/en/latest/design_docs/services/tfm_crypto_integration_guide.html',
            confidence: 'secondary',
          },
        ],
      },
      {
        id: 'psa-crypto',
        name: 'PSA Crypto API',
        aliases: ['PSA Crypto'],
        implementedBy: ['mbedtls', 'tf-m'],
        sources: [{ title: 'PSA Certified Crypto API', url: 'https://arm-software.github.io/psa-api/crypto/' }],
      },
      {
        id: 'openssh',
        name: 'OpenSSH',
        aliases: ['OpenSSH'],
        purl: 'pkg:github/openssh/openssh-portable',
        sources: [repo('openssh/openssh-portable')],
      },
      {
        id: 'strongswan',
        name: 'strongSwan',
        aliases: ['strongSwan'],
        purl: 'pkg:github/strongswan/strongswan',
        sources: [repo('strongswan/strongswan')],
      },
    ] as const satisfies readonly CryptoLibraryRow[]
  ).map((row) => Object.freeze(row)),
);

let byAlias: Map<string, CryptoLibraryRow> | undefined;

/** The catalog row for a name as a detector writes it (`mbedTLS`, `wolfCrypt` …), case-insensitive. */
export function findCryptoLibrary(name: string): CryptoLibraryRow | undefined {
  if (!byAlias) {
    byAlias = new Map();
    for (const row of CRYPTO_LIBRARIES)
      for (const a of [row.id, row.name, ...row.aliases]) byAlias.set(a.toLowerCase(), row);
  }
  return byAlias.get(name.toLowerCase());
}

const numeric = (v: string): number[] => v.split(/[.\-_]/).map((p) => Number.parseInt(p, 10) || 0);

function below(version: string, bound: string): boolean {
  const a = numeric(version);
  const b = numeric(bound);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/** The purl of a copy: with the release tag of its version when the tag form is known, else unversioned. */
export function libraryPurl(row: CryptoLibraryRow, version: string | undefined): string | undefined {
  if (!row.purl) return undefined;
  const tag = version ? row.releaseTags?.find((t) => t.below === undefined || below(version, t.below)) : undefined;
  if (!tag || !version) return row.purl;
  const rendered = tag.template.replace('{version_}', version.replace(/\./g, '_')).replace('{version}', version);
  return `${row.purl}@${encodeURIComponent(rendered)}`;
}
