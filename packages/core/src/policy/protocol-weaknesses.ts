/**
 * Protocol flags that are classical weaknesses of a configuration in themselves, whatever algorithms it names:
 * versions the standards retire and options that switch security off. They join the algorithms' own weaknesses
 * (`weakness.ts`) in a protocol finding's verdict, so that a setting naming no algorithm (`ssl_protocols TLSv1`)
 * still says it is weak. Flags that only describe algorithms (`cbc-sha1`, `sha1-or-md5-mac`) are not listed: their
 * algorithms carry their own weaknesses, and HMAC-SHA1 stays acceptable (NIST SP 800-131A Rev. 2, HMAC).
 */
import type { Source } from '../model/source.js';

interface ProtocolWeakness {
  /** The protocol flag detectors write (`ProtocolFacts.flags`). */
  readonly flag: string;
  /** What is weak, as a noun phrase (`RSA key transport`). */
  readonly what: string;
  /** Why it is weak today, one clause. */
  readonly why: string;
  readonly sources: readonly Source[];
}

const PROTOCOL_WEAKNESSES: readonly ProtocolWeakness[] = Object.freeze([
  {
    flag: 'tls-below-1.2',
    what: 'protocol versions below TLS 1.2',
    why: 'SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated and must not be negotiated',
    sources: [
      {
        title: 'RFC 8996 "Deprecating TLS 1.0 and TLS 1.1" §§2–3 (MUST NOT negotiate)',
        url: 'https://www.rfc-editor.org/rfc/rfc8996',
        confidence: 'primary',
      },
      {
        title: 'RFC 7568 "Deprecating Secure Sockets Layer Version 3.0" §3 (SSLv3 MUST NOT be used)',
        url: 'https://www.rfc-editor.org/rfc/rfc7568',
        confidence: 'primary',
      },
    ],
  },
  {
    flag: 'ssh-1',
    what: 'SSH protocol 1',
    why: 'SSH-1 is obsolete; OpenSSH removed it',
    sources: [
      {
        title: 'OpenSSH 7.4 release notes (server support for SSH protocol 1 removed)',
        url: 'https://www.openssh.com/txt/release-7.4',
        confidence: 'secondary',
      },
    ],
  },
  {
    flag: 'ikev1',
    what: 'IKEv1',
    why: 'IKEv1 is deprecated in favour of IKEv2',
    sources: [
      {
        title:
          'RFC 9395 "Deprecation of the Internet Key Exchange Version 1 (IKEv1) Protocol and Obsoleted Algorithms"',
        url: 'https://www.rfc-editor.org/rfc/rfc9395',
        confidence: 'primary',
      },
    ],
  },
  {
    flag: 'null-cipher',
    what: 'cipher suites without encryption',
    why: 'NULL cipher suites send data in clear text',
    sources: [
      {
        title: 'RFC 9325 (BCP 195) §4.1: NULL cipher suites MUST NOT be negotiated',
        url: 'https://www.rfc-editor.org/rfc/rfc9325#section-4.1',
        confidence: 'secondary',
      },
    ],
  },
  {
    flag: 'anonymous-auth',
    what: 'cipher suites without authentication',
    why: 'anonymous suites let anyone in the path impersonate the server',
    sources: [
      {
        title: 'RFC 9325 (BCP 195) §4.1: cipher suites that offer no authentication MUST NOT be negotiated',
        url: 'https://www.rfc-editor.org/rfc/rfc9325#section-4.1',
        confidence: 'secondary',
      },
    ],
  },
  {
    flag: 'static-rsa-kex',
    what: 'RSA key transport',
    why: 'it gives no forward secrecy, and PKCS#1 v1.5 key transport is disallowed after 2023',
    sources: [
      {
        title: 'RFC 9325 (BCP 195) §4.1: cipher suites based on RSA key transport SHOULD NOT be negotiated',
        url: 'https://www.rfc-editor.org/rfc/rfc9325#section-4.1',
        confidence: 'secondary',
      },
      {
        title: 'NIST SP 800-131A Rev. 2 §6: RSA key transport with PKCS#1 v1.5 padding disallowed after 2023',
        url: 'https://doi.org/10.6028/NIST.SP.800-131Ar2',
        confidence: 'secondary',
      },
    ],
  },
  {
    flag: 'legacy-provider-active',
    what: 'the OpenSSL legacy provider',
    why: 'it makes MD4, DES, RC4 and other insecure algorithms available to every application',
    sources: [
      {
        title:
          'OpenSSL OSSL_PROVIDER-legacy(7): algorithms that "have been deemed insecure by the cryptography community"',
        url: 'https://docs.openssl.org/3.0/man7/OSSL_PROVIDER-legacy/',
        confidence: 'primary',
      },
    ],
  },
  {
    flag: 'seclevel-0',
    what: 'OpenSSL security level 0',
    why: 'it permits every algorithm and key size, however weak',
    sources: [
      {
        title: 'OpenSSL SSL_CTX_set_security_level(3): "Level 0: Everything is permitted"',
        url: 'https://docs.openssl.org/3.0/man3/SSL_CTX_set_security_level/',
        confidence: 'primary',
      },
    ],
  },
] satisfies readonly ProtocolWeakness[]);

const BY_FLAG = new Map(PROTOCOL_WEAKNESSES.map((w) => [w.flag, w]));

/** The flags of a protocol configuration that are classical weaknesses, sorted. */
export function protocolWeaknesses(flags: readonly string[] | undefined): string[] {
  return [...new Set((flags ?? []).filter((f) => BY_FLAG.has(f)))].sort();
}

/** The weakness a protocol flag stands for, if it is one. */
export function protocolWeakness(flag: string): ProtocolWeakness | undefined {
  return BY_FLAG.get(flag);
}
