/**
 * Table-driven fixture suite: every fixtures/configs/<format>/<variant>/ directory is scanned by the
 * format's detector and compared with its expected.json (findings summarised, diagnostics by code).
 * Regenerate after a reviewed behaviour change with PQREADY_UPDATE_EXPECTED=1.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apacheTls } from '../detectors/apache-tls/index.js';
import { haproxyTls } from '../detectors/haproxy-tls/index.js';
import { mosquittoTls } from '../detectors/mosquitto-tls/index.js';
import { nginxTls } from '../detectors/nginx-tls/index.js';
import { opensshConfig } from '../detectors/openssh-config/index.js';
import { opensslCnf } from '../detectors/openssl-cnf/index.js';
import { postfixTls } from '../detectors/postfix-tls/index.js';
import { strongswanIpsec } from '../detectors/strongswan-ipsec/index.js';
import { tlsPolicyJson } from '../detectors/tls-policy-json/index.js';
import type { Detector } from '../detectors/types.js';
import { listFiles, runConfigDetector, summarize } from './test-support/fixture-context.js';

const root = resolve(__dirname, '../../../../fixtures/configs');
const DETECTORS: Record<string, { detector: Detector; assume?: Record<string, string> }> = {
  nginx: { detector: nginxTls, assume: { nginx: '1.22', openssl: '3.0' } },
  openssh: { detector: opensshConfig, assume: { openssh: '9.2' } },
  apache: { detector: apacheTls, assume: { apache: '2.4.57', openssl: '3.0' } },
  haproxy: { detector: haproxyTls, assume: { haproxy: '2.6', openssl: '3.0' } },
  'openssl-cnf': { detector: opensslCnf, assume: { openssl: '3.0' } },
  mosquitto: { detector: mosquittoTls, assume: { mosquitto: '2.0', openssl: '3.0' } },
  strongswan: { detector: strongswanIpsec, assume: { strongswan: '6.0' } },
  'tls-policy-json': { detector: tlsPolicyJson, assume: { openssl: '3.0' } },
  postfix: { detector: postfixTls, assume: { postfix: '3.7', openssl: '3.0' } },
};

for (const [format, { detector, assume }] of Object.entries(DETECTORS)) {
  const dir = join(root, format);
  describe.skipIf(!existsSync(dir))(`${format} fixtures`, () => {
    for (const variant of existsSync(dir) ? readdirSync(dir).sort() : []) {
      it(variant, async () => {
        // A variant may state its own product versions (assume.json), e.g. OpenSSL 3.5 for default PQ groups.
        const own = join(dir, variant, 'assume.json');
        const variantAssume = existsSync(own) ? (JSON.parse(readFileSync(own, 'utf8')) as Record<string, string>) : {};
        const r = await runConfigDetector(detector, listFiles(join(dir, variant)), { ...assume, ...variantAssume });
        const actual = {
          findings: r.findings.map(summarize),
          diagnostics: r.diagnostics.map((d) => `${d.code} ${d.path}:${d.line ?? ''}`),
        };
        const file = join(dir, variant, 'expected.json');
        if (process.env.PQREADY_UPDATE_EXPECTED) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      });
    }
  });
}
