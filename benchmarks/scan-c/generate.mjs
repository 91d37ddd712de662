// Deterministic generator of a firmware-like C tree for the scan-c benchmark: headers with include
// guards, defines and enums; sources with ordinary code, #if blocks, occasional tables and crypto calls.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const CRYPTO = [
  'mbedtls_rsa_gen_key(&rsa, rng_fn, NULL, KEY_BITS_%d, 65537);',
  'mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1);',
  'mbedtls_sha256(buf, len, out, 0);',
  'psa_hash_compute(PSA_ALG_SHA_256, buf, len, out, 32, &olen);',
  'wc_AesSetKey(&aes, key, 16, iv, AES_ENCRYPTION);',
  'EVP_DigestInit_ex(mdctx, EVP_sha256(), NULL);',
];

function header(r, i) {
  const lines = [`#ifndef MOD_${i}_H`, `#define MOD_${i}_H`, '#include <stdint.h>', ''];
  for (let k = 0; k < 40; k++) lines.push(`#define MOD_${i}_PARAM_${k} (${Math.floor(r() * 4096)}u)`);
  lines.push(`#define KEY_BITS_${i} ${[2048, 3072, 4096][Math.floor(r() * 3)]}`);
  lines.push(`typedef enum { MOD_${i}_IDLE = 0, MOD_${i}_BUSY, MOD_${i}_ERROR } mod_${i}_state_t;`);
  lines.push(`typedef struct { uint32_t id; uint8_t buf[64]; mod_${i}_state_t st; } mod_${i}_t;`);
  for (let k = 0; k < 20; k++) lines.push(`int mod_${i}_op_${k}(mod_${i}_t *m, const uint8_t *in, size_t n);`);
  lines.push('#endif', '');
  return lines.join('\n');
}

function source(r, i, headers) {
  const lines = [`#include "mod_${i % headers}.h"`, `#include "mod_${(i + 1) % headers}.h"`, '#include <string.h>', ''];
  if (r() < 0.1) {
    const vals = Array.from({ length: 64 }, () => `0x${Math.floor(r() * 0xffff).toString(16)}`);
    lines.push(`static const uint16_t table_${i}[64] = { ${vals.join(', ')} };`, '');
  }
  const h = i % headers;
  for (let f = 0; f < 20; f++) {
    lines.push(`int mod_${h}_op_${f}(mod_${h}_t *m, const uint8_t *in, size_t n)`, '{');
    lines.push('    size_t i;', '    uint32_t acc = 0;');
    lines.push(`    if (m == NULL || n > sizeof(m->buf)) { return -${f + 1}; }`);
    lines.push('    for (i = 0; i < n; i++) {');
    lines.push(`        acc = (acc << 3) ^ (in[i] * MOD_${h}_PARAM_${f % 40}) + (acc >> 7);`);
    lines.push('        m->buf[i] = (uint8_t)(acc & 0xff);', '    }');
    if (r() < 0.3)
      lines.push(
        '#if defined(CONFIG_DEBUG_LOG) && CONFIG_DEBUG_LOG > 1',
        '    printf("op %u %u\\n", (unsigned)m->id, (unsigned)acc);',
        '#endif',
      );
    if (r() < 0.08) lines.push(`    ${CRYPTO[Math.floor(r() * CRYPTO.length)].replace('%d', String(h))}`);
    lines.push(
      `    switch (m->st) { case MOD_${h}_IDLE: m->st = MOD_${h}_BUSY; break; default: m->st = MOD_${h}_IDLE; }`,
    );
    lines.push('    memcpy(m->buf, in, n);', '    return (int)(acc % 251);', '}', '');
  }
  return lines.join('\n');
}

export function generate(dir, files) {
  const r = rng(42);
  const headers = Math.max(1, Math.floor(files / 5));
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `comp${i % 50}`);
    mkdirSync(sub, { recursive: true });
    if (i < headers) writeFileSync(join(sub, `mod_${i}.h`), header(r, i));
    else writeFileSync(join(sub, `src_${i}.c`), source(r, i, headers));
  }
}
