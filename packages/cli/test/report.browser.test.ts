/**
 * Opens the HTML report in headless Chromium (Debian's `chromium`, driven by playwright-core; no browser download):
 * no console errors, every chart a non-empty SVG, a certificate subject holding <script> stays text, sorting and
 * filtering work, and a screenshot is kept in test/artifacts/ (gitignored). Skips when chromium is not installed.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/** A valid CycloneDX 1.6 CBOM whose certificate subject and file path carry markup. */
function hostileCbom(): string {
  const occ = (location: string) => ({ occurrences: [{ location, line: 1, additionalContext: HOSTILE }] });
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'firmware', 'bom-ref': 'root', name: `device ${HOSTILE}` } },
    components: [
      {
        type: 'cryptographic-asset',
        'bom-ref': 'sig',
        name: 'RSA-PKCS1-1.5-SHA256',
        cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive: 'signature' } },
        evidence: occ(`pki/${HOSTILE}.pem`),
      },
      {
        type: 'cryptographic-asset',
        'bom-ref': 'k',
        name: 'EC-P256 public key',
        cryptoProperties: {
          assetType: 'related-crypto-material',
          relatedCryptoMaterialProperties: { type: 'public-key', algorithmRef: 'ec' },
        },
        evidence: occ(`pki/${HOSTILE}.pem`),
      },
      {
        type: 'cryptographic-asset',
        'bom-ref': 'ec',
        name: 'ECDSA-P256',
        cryptoProperties: {
          assetType: 'algorithm',
          algorithmProperties: { primitive: 'signature', curve: 'secp256r1' },
        },
      },
      {
        type: 'cryptographic-asset',
        'bom-ref': 'cert',
        name: HOSTILE,
        cryptoProperties: {
          assetType: 'certificate',
          certificateProperties: {
            subjectName: `CN=${HOSTILE}`,
            notValidAfter: '2040-01-01T00:00:00Z',
            signatureAlgorithmRef: 'sig',
            subjectPublicKeyRef: 'k',
          },
        },
        evidence: occ(`pki/${HOSTILE}.pem`),
      },
      {
        type: 'cryptographic-asset',
        'bom-ref': 'sha1',
        name: 'SHA1',
        cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive: 'hash' } },
        evidence: occ('src/legacy.c'),
      },
    ],
  });
}

describe.skipIf(!cliBuilt || !hasChromium)(
  `HTML report in headless Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium not installed; apt-get install -y chromium)'}`,
  () => {
    it('renders every chart, keeps markup as text, sorts and filters, without console errors', async () => {
      const { chromium } = await import('playwright-core');
      const dir = mkdtempSync(path.join(tmpdir(), 'pqready-report-'));
      writeFileSync(path.join(dir, 'hostile.cdx.json'), hostileCbom());
      const html = path.join(dir, 'report.html');
      const r = runCli([
        'plan',
        '--inventory',
        path.join(dir, 'hostile.cdx.json'),
        '--device',
        'nrf52840',
        '--format',
        'html',
        '--output',
        html,
      ]);
      expect(r.status, r.stderr).toBe(0);

      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
        page.on('dialog', (d) => {
          problems.push(`dialog: ${d.message()}`);
          void d.dismiss();
        });
        await page.goto(pathToFileURL(html).href);

        const charts = await page.$$eval('figure', (figs) =>
          figs.map((f) => {
            const svg = f.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            return {
              id: f.id,
              marks: svg ? svg.querySelectorAll('path, rect, text, line, circle').length : 0,
              w: box?.width ?? 0,
              h: box?.height ?? 0,
            };
          }),
        );
        expect(charts.map((c) => c.id)).toEqual(['chart-verdicts', 'chart-use-cases', 'chart-fit-1', 'chart-timeline']);
        for (const c of charts) {
          expect(c.marks, c.id).toBeGreaterThan(5);
          expect(c.w * c.h, c.id).toBeGreaterThan(1000);
        }

        expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator('#findings').textContent()).toContain('<script>window.__pwned=1</script>');
        expect(await page.locator('h1').textContent()).toContain('<script>');
        expect(await page.$$eval('script', (s) => s.length)).toBe(1);

        const rows = () =>
          page.$$eval('#findings tbody tr:not([hidden])', (trs) => trs.map((t) => t.cells[0]!.textContent));
        const all = await rows();
        expect(all.length).toBeGreaterThan(2);
        await page.click('#findings th:nth-child(1)');
        await page.click('#findings th:nth-child(1)');
        expect(await rows()).toEqual([...all].reverse());
        await page.selectOption('#filter-verdict', 'weakened');
        const weakened = await rows();
        expect(weakened.length).toBeGreaterThan(0);
        expect(weakened.length).toBeLessThan(all.length);
        await page.selectOption('#filter-verdict', '');

        const artefacts = path.join(repoRoot, 'packages/cli/test/artifacts');
        mkdirSync(artefacts, { recursive: true });
        await page.screenshot({ path: path.join(artefacts, 'report.png'), fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  },
);
