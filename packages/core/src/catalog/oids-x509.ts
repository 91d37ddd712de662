/**
 * Non-algorithm OIDs a certificate parser meets: X.509 v3 extensions (RFC 5280 §4.2), extended key usages
 * (RFC 5280 §4.2.1.12), DN attribute types (RFC 5280 Appendix A / X.520) and the alternative-signature
 * extensions used by catalyst and chameleon hybrid certificates. Names only: no algorithm behind them.
 */
import { SRC } from './sources.js';
import type { OidKind, OidRow } from './types.js';

const rows = (kind: OidKind, sources: OidRow['sources'], list: readonly (readonly [string, string])[]): OidRow[] =>
  list.map(([oid, name]) => ({ oid, name, kind, sources }));

export const X509_OIDS: readonly OidRow[] = Object.freeze([
  ...rows(
    'extension',
    [SRC.rfc5280, SRC.opensslObjects],
    [
      ['2.5.29.9', 'subjectDirectoryAttributes'],
      ['2.5.29.14', 'subjectKeyIdentifier'],
      ['2.5.29.15', 'keyUsage'],
      ['2.5.29.16', 'privateKeyUsagePeriod'],
      ['2.5.29.17', 'subjectAltName'],
      ['2.5.29.18', 'issuerAltName'],
      ['2.5.29.19', 'basicConstraints'],
      ['2.5.29.20', 'cRLNumber'],
      ['2.5.29.21', 'cRLReason'],
      ['2.5.29.23', 'holdInstructionCode'],
      ['2.5.29.24', 'invalidityDate'],
      ['2.5.29.27', 'deltaCRLIndicator'],
      ['2.5.29.28', 'issuingDistributionPoint'],
      ['2.5.29.29', 'certificateIssuer'],
      ['2.5.29.30', 'nameConstraints'],
      ['2.5.29.31', 'cRLDistributionPoints'],
      ['2.5.29.32', 'certificatePolicies'],
      ['2.5.29.33', 'policyMappings'],
      ['2.5.29.35', 'authorityKeyIdentifier'],
      ['2.5.29.36', 'policyConstraints'],
      ['2.5.29.37', 'extKeyUsage'],
      ['2.5.29.46', 'freshestCRL'],
      ['2.5.29.54', 'inhibitAnyPolicy'],
      ['1.3.6.1.5.5.7.1.1', 'authorityInfoAccess'],
      ['1.3.6.1.5.5.7.1.11', 'subjectInfoAccess'],
      ['1.3.6.1.5.5.7.1.24', 'tlsfeature'],
      ['1.3.6.1.5.5.7.48.1.5', 'ocspNoCheck'],
      ['2.16.840.1.113730.1.1', 'nsCertType'],
      ['2.16.840.1.113730.1.13', 'nsComment'],
    ],
  ),
  ...rows(
    'extension',
    [SRC.rfc6962],
    [
      ['1.3.6.1.4.1.11129.2.4.2', 'signedCertificateTimestampList'],
      ['1.3.6.1.4.1.11129.2.4.3', 'ctPrecertificatePoison'],
    ],
  ),
  ...rows(
    'extension',
    [SRC.x509Alt],
    [
      ['2.5.29.72', 'subjectAltPublicKeyInfo'],
      ['2.5.29.73', 'altSignatureAlgorithm'],
      ['2.5.29.74', 'altSignatureValue'],
      ['2.16.840.1.114027.80.6.1', 'deltaCertificateDescriptor'],
      ['2.16.840.1.114027.80.6.2', 'deltaCertificateRequest'],
    ],
  ),
  ...rows(
    'eku',
    [SRC.rfc5280, SRC.opensslObjects],
    [
      ['2.5.29.37.0', 'anyExtendedKeyUsage'],
      ['1.3.6.1.5.5.7.3.1', 'serverAuth'],
      ['1.3.6.1.5.5.7.3.2', 'clientAuth'],
      ['1.3.6.1.5.5.7.3.3', 'codeSigning'],
      ['1.3.6.1.5.5.7.3.4', 'emailProtection'],
      ['1.3.6.1.5.5.7.3.8', 'timeStamping'],
      ['1.3.6.1.5.5.7.3.9', 'OCSPSigning'],
    ],
  ),
  ...rows(
    'attribute',
    [SRC.rfc5280, SRC.opensslObjects],
    [
      ['2.5.4.3', 'CN'],
      ['2.5.4.4', 'SN'],
      ['2.5.4.5', 'serialNumber'],
      ['2.5.4.6', 'C'],
      ['2.5.4.7', 'L'],
      ['2.5.4.8', 'ST'],
      ['2.5.4.9', 'street'],
      ['2.5.4.10', 'O'],
      ['2.5.4.11', 'OU'],
      ['2.5.4.12', 'title'],
      ['2.5.4.42', 'GN'],
      ['2.5.4.97', 'organizationIdentifier'],
      ['0.9.2342.19200300.100.1.1', 'UID'],
      ['0.9.2342.19200300.100.1.25', 'DC'],
      ['1.2.840.113549.1.9.1', 'emailAddress'],
      ['1.2.840.113549.1.9.14', 'extensionRequest'],
    ],
  ),
]);
