/**
 * CBOMs exactly as pqready writes them today: findings in the core model, written by core's CycloneDX writer (the
 * writer every `pqready scan` and `assess` goes through), so planner tests read the shape the scanner produces,
 * not a hand-written copy of it. Builders keep each finding to the facts a test needs.
 */
import {
  type AlgorithmRef,
  type CertificateFacts,
  defaultPolicyId,
  type Finding,
  getPolicy,
  type KeyFacts,
  type ProtocolFacts,
  serializeCbom,
  toCycloneDx,
} from '@pqready/core';

interface Where {
  readonly path: string;
  readonly line?: number;
  readonly context?: string;
  readonly snippet?: string;
}

type Extra = Partial<Pick<Finding, 'state' | 'origin' | 'library' | 'notes' | 'properties' | 'role'>>;

const evidence = (w: Where) => ({
  path: w.path,
  ...(w.line !== undefined ? { line: w.line } : {}),
  ...(w.snippet ? { snippet: w.snippet } : {}),
});

export function alg(algorithm: AlgorithmRef, w: Where, extra: Extra = {}): Finding {
  return {
    kind: 'algorithm',
    detector: 'c-crypto-api',
    role: 'api-call',
    state: 'active',
    evidence: evidence(w),
    ...(w.context ? { context: w.context } : {}),
    algorithm,
    ...extra,
  };
}

export function config(algorithm: AlgorithmRef, w: Where, extra: Extra = {}): Finding {
  return alg(algorithm, w, { role: 'config-enable', ...extra });
}

export function keyFile(key: KeyFacts, w: Where): Finding {
  return { kind: 'key', detector: 'public-key', role: 'stored-object', evidence: evidence(w), key };
}

export function cert(c: Partial<CertificateFacts> & Pick<CertificateFacts, 'signatureAlgorithm'>, w: Where): Finding {
  return {
    kind: 'certificate',
    detector: 'x509-certificate',
    role: 'stored-object',
    evidence: evidence(w),
    certificate: {
      type: 'certificate',
      encoding: 'PEM',
      fingerprint: {
        sha256: (c.subject ?? 'x')
          .padEnd(64, '0')
          .replace(/[^0-9a-f]/g, 'a')
          .slice(0, 64),
      },
      ...c,
    },
  };
}

/** One protocol setting, as the config detectors report it (`config.setting`, `config.directive` properties). */
export function setting(
  protocol: Partial<ProtocolFacts>,
  w: Where & { readonly setting: string; readonly directive: string },
  extra: Extra = {},
): Finding {
  return {
    kind: 'protocol',
    detector: 'nginx-tls',
    role: 'protocol-config',
    state: 'active',
    origin: 'explicit',
    library: 'OpenSSL',
    evidence: evidence(w),
    context: w.context ?? 'http > server[gw.example:443]',
    properties: { 'config.setting': w.setting, 'config.directive': w.directive, 'config.role': 'server' },
    protocol: {
      type: 'tls',
      versions: ['1.2', '1.3'],
      cipherSuites: [],
      groups: [],
      signatureAlgorithms: [],
      ...protocol,
    },
    ...extra,
  };
}

/** The CBOM text pqready writes for these findings (CycloneDX 1.6 unless asked). */
export function scannedCbom(findings: readonly Finding[], spec: '1.6' | '1.7' = '1.6'): string {
  return serializeCbom(
    toCycloneDx(
      {
        tool: { name: 'pqready', version: 'test' },
        scannedAt: '2026-01-01T00:00:00.000Z',
        roots: ['device'],
        findings,
        diagnostics: [],
        stats: { filesScanned: findings.length, bytesScanned: 0, filesSkipped: 0 },
      },
      { specVersion: spec, policy: getPolicy(defaultPolicyId) },
    ),
  );
}
