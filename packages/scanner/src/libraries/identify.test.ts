import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../runner/scan.js';

const scanTime = new Date('2026-01-01T00:00:00Z');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pqready-libs-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const identify = async (files: Record<string, string>) =>
  (await scan({ roots: [tree(files)], scanTime, detectors: [] })).libraries?.map((l) => [
    l.id,
    l.version,
    l.root,
    l.evidence.path,
    l.evidence.line,
  ]);

describe('crypto library versions declared by the tree', () => {
  it('reads Mbed TLS 3 and 2, wolfSSL, OpenSSL 1.1 and 3, LibreSSL and libsodium from their own headers', async () => {
    expect(
      await identify({
        'third_party/mbedtls/include/mbedtls/build_info.h':
          '/* Mbed TLS */\n#define MBEDTLS_VERSION_MAJOR  3\n#define MBEDTLS_VERSION_STRING         "3.6.2"\n',
        'ext/old/include/mbedtls/version.h':
          '#define MBEDTLS_VERSION_STRING "2.28.8"\n#define MBEDTLS_VERSION_STRING_FULL "Mbed TLS 2.28.8"\n',
        'lib/wolfssl/wolfssl/version.h':
          '#define LIBWOLFSSL_VERSION_STRING "5.7.0"\n#define LIBWOLFSSL_VERSION_HEX 0x05007000\n',
        'openssl/include/openssl/opensslv.h':
          '# ifdef OPENSSL_FIPS\n#  define OPENSSL_VERSION_TEXT    "OpenSSL 1.1.1w-fips  11 Sep 2023"\n# else\n#  define OPENSSL_VERSION_TEXT    "OpenSSL 1.1.1w  11 Sep 2023"\n# endif\n',
        'ossl3/include/openssl/opensslv.h': '# define OPENSSL_VERSION_STR "3.0.13"\n',
        'libressl/include/openssl/opensslv.h':
          '#define LIBRESSL_VERSION_TEXT "LibreSSL 3.8.2"\n#define OPENSSL_VERSION_TEXT LIBRESSL_VERSION_TEXT\n',
        'sodium/src/libsodium/include/sodium/version.h': '#define SODIUM_VERSION_STRING "1.0.18"\n',
      }),
    ).toEqual([
      ['mbedtls', '2.28.8', 'ext/old', 'ext/old/include/mbedtls/version.h', 1],
      ['wolfssl', '5.7.0', 'lib/wolfssl', 'lib/wolfssl/wolfssl/version.h', 1],
      ['libressl', '3.8.2', 'libressl', 'libressl/include/openssl/opensslv.h', 1],
      ['openssl', '1.1.1w', 'openssl', 'openssl/include/openssl/opensslv.h', 2],
      ['openssl', '3.0.13', 'ossl3', 'ossl3/include/openssl/opensslv.h', 1],
      ['libsodium', '1.0.18', 'sodium/src/libsodium', 'sodium/src/libsodium/include/sodium/version.h', 1],
      ['mbedtls', '3.6.2', 'third_party/mbedtls', 'third_party/mbedtls/include/mbedtls/build_info.h', 3],
    ]);
  });

  it('finds nothing in a header of that name without the macro, a template, or a value that is no version', async () => {
    expect(
      await identify({
        'include/mbedtls/version.h':
          '/* 3.x: the string moved to build_info.h */\nint mbedtls_version_get_number(void);\n',
        'include/openssl/opensslv.h.in': '# define OPENSSL_VERSION_STR "{- $config{major} -}"\n',
        'x/include/openssl/opensslv.h': '# define OPENSSL_VERSION_STR "@VERSION@"\n',
        'notes/build_info.h': '#define MBEDTLS_VERSION_STRING "3.6.2"\n',
      }),
    ).toEqual([]);
  });
});
