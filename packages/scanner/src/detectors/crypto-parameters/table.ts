/**
 * Domain-parameter PEM labels and DER structures (OpenSSL `dhparam`, `genpkey -genparam`, `dsaparam`,
 * `ecparam`, with `-outform DER` too): PKCS #3 DHParameter { p, g, privateValueLength? }, X9.42
 * DomainParameters { p, g, q, j?, seed? } (RFC 3279 §2.3.3), Dss-Parms { p, q, g } (RFC 3279 §2.3.2),
 * ECParameters (RFC 5480 §2.1.1).
 */
import type { DerKind } from '../../pki/der-kind.js';

type ParamsKind = 'dh' | 'dhx' | 'dsa' | 'ec';

export const PARAMETER_PEM_LABELS = Object.freeze([
  {
    label: 'DH PARAMETERS',
    kind: 'dh',
    derKind: 'dh-params',
    format: 'DHparams (PKCS#3)',
    algorithmOid: '1.2.840.113549.1.3.1',
  },
  {
    label: 'X9.42 DH PARAMETERS',
    kind: 'dhx',
    derKind: 'dhx-params',
    format: 'DHparams (X9.42)',
    algorithmOid: '1.2.840.10046.2.1',
  },
  {
    label: 'DSA PARAMETERS',
    kind: 'dsa',
    derKind: 'dsa-params',
    format: 'DSAparams',
    algorithmOid: '1.2.840.10040.4.1',
  },
  {
    label: 'EC PARAMETERS',
    kind: 'ec',
    derKind: 'ec-params',
    format: 'ECParameters',
    algorithmOid: '1.2.840.10045.2.1',
  },
] as const satisfies readonly {
  label: string;
  kind: ParamsKind;
  derKind: DerKind;
  format: string;
  algorithmOid: string;
}[]);

/**
 * Well-known finite-field groups, identified by comparing p with the primes node:crypto's
 * `getDiffieHellman(name)` returns (OpenSSL's copies of RFC 2409 §6.1–6.2 and RFC 3526 §2–7).
 */
export const KNOWN_DH_GROUPS = Object.freeze([
  { nodeName: 'modp1', parameterSet: 'oakley-group-1', source: 'RFC 2409 §6.1' },
  { nodeName: 'modp2', parameterSet: 'oakley-group-2', source: 'RFC 2409 §6.2' },
  { nodeName: 'modp5', parameterSet: 'modp1536', source: 'RFC 3526 §2' },
  { nodeName: 'modp14', parameterSet: 'modp2048', source: 'RFC 3526 §3' },
  { nodeName: 'modp15', parameterSet: 'modp3072', source: 'RFC 3526 §4' },
  { nodeName: 'modp16', parameterSet: 'modp4096', source: 'RFC 3526 §5' },
  { nodeName: 'modp17', parameterSet: 'modp6144', source: 'RFC 3526 §6' },
  { nodeName: 'modp18', parameterSet: 'modp8192', source: 'RFC 3526 §7' },
] as const);
