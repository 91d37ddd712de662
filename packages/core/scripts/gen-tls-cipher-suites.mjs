#!/usr/bin/env node
/**
 * Generates packages/core/src/catalog/tls-cipher-suites.generated.ts from the local OpenSSL 3.0 CLI.
 *
 * Run: OPENSSL_CONF=/dev/null node packages/core/scripts/gen-tls-cipher-suites.mjs
 *
 * What it records per suite (TLS ≤ 1.2): code point, IANA name (`-stdname`), OpenSSL name, minimum
 * protocol, OpenSSL's Kx/Au/Enc/Mac masks (ssl/ssl_local.h names), strength bits, the algo_strength
 * flags of s3_lib.c (HIGH/MEDIUM/LOW, FIPS, NOT_DEFAULT; observed through the single-alias lists),
 * and `order`: OpenSSL 3.0's default preference order, i.e. the position in the internal list that
 * ssl_create_cipher_list() builds before it applies a rule string. That order is recovered by merging
 * the output of every single alias (each is a subsequence of that list) into one total order.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../src/catalog/tls-cipher-suites.generated.ts');
const env = { ...process.env, OPENSSL_CONF: '/dev/null' };

function run(args) {
  try {
    return execFileSync('openssl', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

const LINE =
  /^\s*0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\S+)\s+- (\S+)\s+(\S+)\s+Kx=(\S+)\s+Au=(\S+)\s+Enc=(\S+)\s+Mac=(\S+)/;
function parse(text) {
  const rows = [];
  for (const l of text.split('\n')) {
    const m = LINE.exec(l);
    if (m)
      rows.push({
        cp: `0x${m[1]}${m[2]}`,
        iana: m[3],
        openssl: m[4],
        ver: m[5],
        kx: m[6],
        au: m[7],
        enc: m[8],
        mac: m[9],
      });
  }
  return rows;
}
const list = (s) => parse(run(['ciphers', '-V', '-stdname', s])).filter((r) => r.ver !== 'TLSv1.3');

const version = run(['version']).trim();
if (!version.startsWith('OpenSSL 3.0')) throw new Error(`need OpenSSL 3.0.x, found ${version}`);

const everything = list('ALL:COMPLEMENTOFALL');
const byName = new Map(everything.map((r, i) => [r.openssl, { ...r, seen: i }]));

const ALIASES =
  `ALL COMPLEMENTOFALL COMPLEMENTOFDEFAULT kRSA kEDH kDHE DH kEECDH kECDHE ECDH kPSK kRSAPSK kECDHEPSK kDHEPSK
kSRP aRSA aDSS DSS aNULL aECDSA ECDSA aPSK aSRP EDH DHE EECDH ECDHE NULL RSA ADH AECDH PSK SRP eNULL AES128 AES256 AES
AESGCM AESCCM AESCCM8 CAMELLIA128 CAMELLIA256 CAMELLIA CHACHA20 ARIA ARIAGCM ARIA128 ARIA256 CBC 3DES DES RC4 SEED IDEA MD5 SHA1
SHA SHA256 SHA384 SSLv3 TLSv1 TLSv1.0 TLSv1.2 LOW MEDIUM HIGH FIPS`.split(/\s+/);

// Topological merge of the alias subsequences; ties broken by the ALL:COMPLEMENTOFALL position.
const succ = new Map([...byName.keys()].map((k) => [k, new Set()]));
const indeg = new Map([...byName.keys()].map((k) => [k, 0]));
const memberOf = {};
for (const a of ALIASES) {
  const seq = list(a).map((r) => r.openssl);
  memberOf[a] = new Set(seq);
  for (let i = 1; i < seq.length; i++) {
    const s = succ.get(seq[i - 1]);
    if (!s.has(seq[i])) {
      s.add(seq[i]);
      indeg.set(seq[i], indeg.get(seq[i]) + 1);
    }
  }
}
const order = [];
const ready = [...indeg].filter(([, d]) => d === 0).map(([k]) => k);
while (ready.length > 0) {
  ready.sort((a, b) => byName.get(a).seen - byName.get(b).seen);
  const k = ready.shift();
  order.push(k);
  for (const n of succ.get(k)) {
    indeg.set(n, indeg.get(n) - 1);
    if (indeg.get(n) === 0) ready.push(n);
  }
}
if (order.length !== byName.size) throw new Error('alias subsequences are inconsistent (cycle)');

const KX = {
  RSA: 'kRSA',
  DH: 'kDHE',
  ECDH: 'kECDHE',
  PSK: 'kPSK',
  RSAPSK: 'kRSAPSK',
  ECDHEPSK: 'kECDHEPSK',
  DHEPSK: 'kDHEPSK',
  SRP: 'kSRP',
};
const AU = { RSA: 'aRSA', DSS: 'aDSS', None: 'aNULL', ECDSA: 'aECDSA', PSK: 'aPSK', SRP: 'aSRP' };
const ENC = {
  'AES(128)': 'AES128',
  'AES(256)': 'AES256',
  'AESGCM(128)': 'AES128GCM',
  'AESGCM(256)': 'AES256GCM',
  'AESCCM(128)': 'AES128CCM',
  'AESCCM(256)': 'AES256CCM',
  'AESCCM8(128)': 'AES128CCM8',
  'AESCCM8(256)': 'AES256CCM8',
  'Camellia(128)': 'CAMELLIA128',
  'Camellia(256)': 'CAMELLIA256',
  'ARIAGCM(128)': 'ARIA128GCM',
  'ARIAGCM(256)': 'ARIA256GCM',
  'CHACHA20/POLY1305(256)': 'CHACHA20POLY1305',
  None: 'eNULL',
  'SEED(128)': 'SEED',
  'IDEA(128)': 'IDEA',
  'RC4(128)': 'RC4',
  'RC2(128)': 'RC2',
  'DES(56)': 'DES',
  '3DES(168)': '3DES',
};
// s3_lib.c: 3DES suites carry strength_bits 112 (alg_bits 168); every other suite's strength equals its key bits.
const strengthOf = (enc) => (enc === '3DES(168)' ? 112 : enc === 'None' ? 0 : Number(/\((\d+)\)/.exec(enc)?.[1] ?? 0));

const rows = order.map((name, i) => {
  const r = byName.get(name);
  const strength = memberOf.HIGH.has(name)
    ? 'high'
    : memberOf.MEDIUM.has(name)
      ? 'medium'
      : memberOf.LOW.has(name)
        ? 'low'
        : 'none';
  for (const [k, t] of [
    ['kx', KX],
    ['au', AU],
    ['enc', ENC],
  ])
    if (!(r[k] in t)) throw new Error(`unmapped ${k} ${r[k]}`);
  return {
    order: i,
    codePoint: r.cp,
    iana: r.iana,
    openssl: r.openssl,
    minVersion: r.ver === 'TLSv1' ? 'TLSv1.0' : r.ver,
    kx: KX[r.kx],
    au: AU[r.au],
    enc: ENC[r.enc],
    mac: r.mac,
    encBits: strengthOf(r.enc) === 112 ? 168 : strengthOf(r.enc),
    strengthBits: strengthOf(r.enc),
    strength,
    fips: memberOf.FIPS.has(name),
    notDefault: memberOf.COMPLEMENTOFDEFAULT.has(name),
  };
});

const tls13 = parse(
  run([
    'ciphers',
    '-V',
    '-stdname',
    '-ciphersuites',
    'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256',
    'kRSA',
  ]),
).filter((r) => r.ver === 'TLSv1.3');

const fmt = (o) =>
  `  ${JSON.stringify(o)
    .replace(/"([a-zA-Z0-9]+)":/g, '$1: ')
    .replace(/,(?=[a-z])/g, ', ')
    .replace(/"/g, "'")},`;
const text = `// DO NOT EDIT: generated by \`OPENSSL_CONF=/dev/null node packages/core/scripts/gen-tls-cipher-suites.mjs\` from ${version}.
/**
 * TLS cipher suites as the local OpenSSL 3.0 build knows them (\`openssl ciphers -V -stdname 'ALL:COMPLEMENTOFALL'\`),
 * cross-checked against the IANA TLS Cipher Suites registry names it prints with \`-stdname\`.
 * \`order\` is OpenSSL 3.0's built-in preference order (ssl/ssl_ciph.c ssl_create_cipher_list); the mask names
 * (kECDHE, aRSA, AES256GCM, AEAD …) are OpenSSL's own (ssl/ssl_local.h); strength flags as in ssl/s3_lib.c.
 */
import type { OpensslCipherSuiteRow, Tls13CipherSuiteRow } from './tls-cipher-suite-types.js';

export const OPENSSL_CIPHER_SUITE_ROWS: readonly OpensslCipherSuiteRow[] = Object.freeze([
${rows.map(fmt).join('\n')}
]);

export const TLS13_CIPHER_SUITE_ROWS: readonly Tls13CipherSuiteRow[] = Object.freeze([
${tls13.map((r, i) => fmt({ order: i, codePoint: r.cp, iana: r.iana, enc: ENC[r.enc], mac: r.mac, encBits: strengthOf(r.enc), isDefault: i < 3 })).join('\n')}
]);

export const OPENSSL_CIPHER_TABLE_SOURCE = ${JSON.stringify(`${version} ciphers -V -stdname`).replace(/"/g, "'")};
`;
writeFileSync(out, text);
console.log(
  `wrote ${rows.length} TLS<=1.2 suites and ${tls13.length} TLS 1.3 suites to ${path.relative(process.cwd(), out)}`,
);
