import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { x509Certificate } from '../detectors/x509-certificate/index.js';
import { scan } from './scan.js';

const scanTime = new Date('2026-01-01T00:00:00Z');
const bundle = fileURLToPath(new URL('../detectors/x509-certificate/fixtures/bundle-with-text.pem', import.meta.url));
const HOST_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** A device tree in `root/device`, and a host folder next to it that the tree's links point into. */
function layout(): { device: string; host: string } {
  const top = mkdtempSync(path.join(tmpdir(), 'pqready-links-'));
  const device = path.join(top, 'device');
  const host = path.join(top, 'host');
  mkdirSync(path.join(device, 'etc/ssl'), { recursive: true });
  mkdirSync(host);
  copyFileSync(bundle, path.join(host, 'ca-certificates.crt'));
  copyFileSync(bundle, path.join(device, 'etc/ssl/own.pem'));
  return { device, host };
}

const certPaths = (inv: Awaited<ReturnType<typeof scan>>) => [
  ...new Set(inv.findings.filter((f) => f.detector === 'x509-certificate').map((f) => f.evidence.path)),
];

describe('symbolic links outside the scan root', () => {
  it('does not follow a link to a certificate bundle outside the root, and says so once', async () => {
    const { device, host } = layout();
    symlinkSync(path.join(host, 'ca-certificates.crt'), path.join(device, 'etc/ssl/ca-bundle.crt'));
    const inv = await scan({ roots: [device], scanTime, detectors: [x509Certificate] });
    expect(certPaths(inv)).toEqual(['etc/ssl/own.pem']);
    const notes = inv.diagnostics.filter((d) => d.code === 'symlink-outside-root');
    expect(notes.map((d) => [d.path, d.severity])).toEqual([['etc/ssl/ca-bundle.crt', 'info']]);
    expect(notes[0]!.message).toContain('--follow-symlinks-outside');
  });

  it('follows it when asked', async () => {
    const { device, host } = layout();
    symlinkSync(path.join(host, 'ca-certificates.crt'), path.join(device, 'etc/ssl/ca-bundle.crt'));
    const inv = await scan({
      roots: [device],
      scanTime,
      detectors: [x509Certificate],
      scope: { followSymlinksOutside: true },
    });
    expect(certPaths(inv)).toEqual(['etc/ssl/ca-bundle.crt', 'etc/ssl/own.pem']);
    expect(inv.diagnostics.some((d) => d.code === 'symlink-outside-root')).toBe(false);
  });

  it.skipIf(!existsSync(HOST_BUNDLE))('keeps the host CA bundle out of the inventory', async () => {
    const { device } = layout();
    symlinkSync(HOST_BUNDLE, path.join(device, 'etc/ssl/ca-certificates.crt'));
    const inv = await scan({ roots: [device], scanTime, detectors: [x509Certificate] });
    expect(certPaths(inv)).toEqual(['etc/ssl/own.pem']);
  });

  it('does not walk the host through sysroot -> /, and finishes at once', async () => {
    const { device } = layout();
    symlinkSync('/', path.join(device, 'sysroot'));
    const started = Date.now();
    const inv = await scan({ roots: [device], scanTime, detectors: [x509Certificate] });
    // Walking the host's disk takes minutes and thousands of files; the tree has two.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(inv.stats.filesScanned).toBe(1);
    expect(inv.diagnostics.filter((d) => d.code === 'symlink-outside-root').map((d) => d.path)).toEqual(['sysroot']);
  });

  it('follows links that stay inside the root, also through a root given by a link, and ends loops', async () => {
    const { device, host } = layout();
    mkdirSync(path.join(device, 'a'));
    symlinkSync('../etc', path.join(device, 'a/etc-again'));
    symlinkSync('..', path.join(device, 'a/up'));
    symlinkSync(path.join(device, 'etc/ssl/own.pem'), path.join(device, 'a/own-link.pem'));
    const viaLink = path.join(host, 'device-link');
    symlinkSync(device, viaLink);
    for (const root of [device, viaLink]) {
      const inv = await scan({ roots: [root], scanTime, detectors: [x509Certificate] });
      expect(inv.diagnostics.filter((d) => d.code === 'symlink-outside-root')).toEqual([]);
      expect(inv.diagnostics.map((d) => `${d.code}@${d.path}`)).toContain('symlink-loop@a/up');
      // The file is detected once, under the first of its names in walk order.
      expect(certPaths(inv)).toEqual(['a/own-link.pem']);
      expect(inv.stats.filesScanned).toBe(1);
    }
  });

  it('treats a link into another scan root as inside', async () => {
    const { device, host } = layout();
    writeFileSync(path.join(host, 'readme.txt'), 'x');
    symlinkSync(path.join(host, 'ca-certificates.crt'), path.join(device, 'etc/ssl/ca-bundle.crt'));
    const inv = await scan({ roots: [device, host], scanTime, detectors: [x509Certificate] });
    expect(inv.diagnostics.filter((d) => d.code === 'symlink-outside-root')).toEqual([]);
  });
});
