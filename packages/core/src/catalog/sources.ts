/**
 * The documents catalog rows cite. One constant per document so that a row's `sources` stays short
 * and every citation is spelled the same way. Confidence: `primary` when the document itself was read,
 * `secondary` when taken from a summary of it, `unverified` otherwise.
 */
import type { Source } from '../model/source.js';

const s = (title: string, url: string, confidence: Source['confidence']): Source =>
  Object.freeze({ title, url, confidence });

export const SRC = Object.freeze({
  fips203: s('FIPS 203 (ML-KEM) §8 Table 2', 'https://doi.org/10.6028/NIST.FIPS.203', 'secondary'),
  fips204: s('FIPS 204 (ML-DSA) §4 Table 1', 'https://doi.org/10.6028/NIST.FIPS.204', 'secondary'),
  fips205: s('FIPS 205 (SLH-DSA) §11 Table 2', 'https://doi.org/10.6028/NIST.FIPS.205', 'secondary'),
  sp800208: s('NIST SP 800-208 (LMS/XMSS)', 'https://doi.org/10.6028/NIST.SP.800-208', 'secondary'),
  ir8547: s('NIST IR 8547 ipd Tables 2-7', 'https://doi.org/10.6028/NIST.IR.8547.ipd', 'secondary'),
  ir8547t7: s(
    'NIST IR 8547 ipd Table 7 (hash collision strength)',
    'https://doi.org/10.6028/NIST.IR.8547.ipd',
    'secondary',
  ),
  ir8547t6: s('NIST IR 8547 ipd Table 6 (block ciphers)', 'https://doi.org/10.6028/NIST.IR.8547.ipd', 'secondary'),
  sp80057: s('NIST SP 800-57 Pt 1 Rev 5 Table 2', 'https://doi.org/10.6028/NIST.SP.800-57pt1r5', 'secondary'),
  sp800131a: s('NIST SP 800-131A Rev 2', 'https://doi.org/10.6028/NIST.SP.800-131Ar2', 'secondary'),
  fips1865: s(
    'FIPS 186-5 (DSA removed for signing; EdDSA added)',
    'https://doi.org/10.6028/NIST.FIPS.186-5',
    'secondary',
  ),
  nistOids: s(
    'NIST CSOR arc 2.16.840.1.101.3.4 (via BouncyCastle NISTObjectIdentifiers)',
    'bcgit/bc-java@0b053c398d78:core/src/main/java/org/bouncycastle/asn1/nist/NISTObjectIdentifiers.java',
    'primary',
  ),
  opensslObjects: s(
    'OpenSSL crypto/objects/objects.txt',
    'openssl/openssl@007df6cf6621:crypto/objects/objects.txt',
    'primary',
  ),
  opensslTlsGroups: s(
    'OpenSSL providers/common/capabilities.c (TLS groups, secbits)',
    'openssl/openssl@0223dfcf1e4d:providers/common/capabilities.c',
    'primary',
  ),
  rfc8017: s('RFC 8017 (PKCS #1 v2.2)', 'https://www.rfc-editor.org/rfc/rfc8017', 'primary'),
  rfc8018: s('RFC 8018 (PKCS #5 v2.1) Appendix A/C', 'https://www.rfc-editor.org/rfc/rfc8018', 'secondary'),
  rfc7292: s('RFC 7292 (PKCS #12) Appendix C', 'https://www.rfc-editor.org/rfc/rfc7292', 'secondary'),
  rfc5280: s('RFC 5280 §4.2 (certificate extensions)', 'https://www.rfc-editor.org/rfc/rfc5280', 'secondary'),
  rfc5639: s('RFC 5639 (Brainpool curves)', 'https://www.rfc-editor.org/rfc/rfc5639', 'primary'),
  rfc7748: s('RFC 7748 (X25519, X448)', 'https://www.rfc-editor.org/rfc/rfc7748', 'secondary'),
  rfc8032: s('RFC 8032 (EdDSA)', 'https://www.rfc-editor.org/rfc/rfc8032', 'secondary'),
  rfc8410: s('RFC 8410 (Curve25519/448 OIDs in X.509)', 'https://www.rfc-editor.org/rfc/rfc8410', 'primary'),
  rfc8702: s(
    'RFC 8702 (SHAKE in CMS/X.509: RSASSA-PSS-SHAKE, ECDSA-SHAKE)',
    'https://www.rfc-editor.org/rfc/rfc8702',
    'secondary',
  ),
  rfc9802: s(
    'RFC 9802 / RFC 9708 (HSS/LMS and XMSS in X.509/CMS)',
    'https://www.rfc-editor.org/rfc/rfc9802',
    'secondary',
  ),
  rfc8103: s('RFC 8103 (ChaCha20-Poly1305 in CMS)', 'https://www.rfc-editor.org/rfc/rfc8103', 'secondary'),
  rfc6962: s('RFC 6962 §3.3 (SCT list extension)', 'https://www.rfc-editor.org/rfc/rfc6962', 'secondary'),
  cdxDefs: s(
    'CycloneDX 1.7 cryptography-defs.json (families, naming patterns, curves)',
    'CycloneDX/specification@e02a34ae42a4:schema/cryptography-defs.json',
    'primary',
  ),
  compositeSigs: s(
    'draft-ietf-lamps-pq-composite-sigs (src/algParams.md; OIDs early-allocated 2025-10-20)',
    'lamps-wg/draft-composite-sigs@60fcb1e82b90:src/algParams.md',
    'primary',
  ),
  compositeSigsProto: s(
    'draft-ietf-lamps-pq-composite-sigs -05…-12 prototype arcs 2.16.840.1.114027.80.8.1 / 80.9.1',
    'lamps-wg/draft-composite-sigs (repository tags)',
    'primary',
  ),
  compositeKem: s(
    'draft-ietf-lamps-pq-composite-kem OIDs as used in the IETF hackathon BC artefacts',
    'IETF-Hackathon/pqc-certificates@b355adf1:providers/bc/artifacts_certs_r5.zip',
    'secondary',
  ),
  hackathonArtefacts: s(
    'IETF-Hackathon pqc-certificates BC artefact names (experimental OIDs)',
    'IETF-Hackathon/pqc-certificates@b355adf1:providers/bc/artifacts_certs_r5.zip',
    'secondary',
  ),
  oqsProvider: s(
    'open-quantum-safe/oqs-provider oqs-template/generate.yml (round-3 OIDs)',
    'https://github.com/open-quantum-safe/oqs-provider',
    'unverified',
  ),
  roundThreeKyber: s('CRYSTALS-Kyber round-3 submission (pre-FIPS 203)', 'https://pq-crystals.org/kyber/', 'secondary'),
  roundThreeDilithium: s(
    'CRYSTALS-Dilithium round-3 submission (pre-FIPS 204)',
    'https://pq-crystals.org/dilithium/',
    'secondary',
  ),
  falcon: s('Falcon round-3 spec 20211101 (FN-DSA / FIPS 206 not final)', 'https://falcon-sign.info/', 'secondary'),
  nistRound4: s(
    'NIST IR 8545 (round 4: HQC selected, BIKE / Classic McEliece not)',
    'https://doi.org/10.6028/NIST.IR.8545',
    'secondary',
  ),
  tlsEcdheMlkem: s(
    'draft-ietf-tls-ecdhe-mlkem (X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024)',
    'post-quantum-cryptography/draft-kwiatkowski-tls-ecdhe-mlkem@4eb3d11da01d:draft-ietf-tls-ecdhe-mlkem.md',
    'primary',
  ),
  tlsKyberDraft: s(
    'draft-tls-westerbaan-xyber768d00 (obsoleted by draft-ietf-tls-ecdhe-mlkem)',
    'https://datatracker.ietf.org/doc/draft-tls-westerbaan-xyber768d00/',
    'primary',
  ),
  opensshKex: s('OpenSSH kex-names.c (KEX_IS_PQ)', 'openssh/openssh-portable@0ef0f5a83983:kex-names.c', 'primary'),
  rfc4418: s('RFC 4418 (UMAC)', 'https://www.rfc-editor.org/rfc/rfc4418', 'secondary'),
  rfc4279: s('RFC 4279 (Pre-Shared Key Ciphersuites for TLS)', 'https://www.rfc-editor.org/rfc/rfc4279', 'secondary'),
  rfc5054: s('RFC 5054 (SRP for TLS Authentication)', 'https://www.rfc-editor.org/rfc/rfc5054', 'secondary'),
  rfc6507: s(
    'RFC 6507 (ECCSI: Elliptic Curve-Based Certificateless Signatures)',
    'https://www.rfc-editor.org/rfc/rfc6507',
    'secondary',
  ),
  rfc6508: s('RFC 6508 (SAKKE: Sakai-Kasahara Key Encryption)', 'https://www.rfc-editor.org/rfc/rfc6508', 'secondary'),
  rfc2040: s('RFC 2040 (RC5 family)', 'https://www.rfc-editor.org/rfc/rfc2040', 'secondary'),
  sec1: s('SEC 1 v2 §3.6.1 (ANSI X9.63 key derivation function)', 'https://www.secg.org/sec1-v2.pdf', 'secondary'),
  rfc4253kdf: s(
    'RFC 4253 (SSH transport) §7.2 Output from Key Exchange',
    'https://www.rfc-editor.org/rfc/rfc4253#section-7.2',
    'secondary',
  ),
  siphash: s(
    'Aumasson, Bernstein: "SipHash: a fast short-input PRF" (2012)',
    'https://cr.yp.to/siphash/siphash-20120918.pdf',
    'secondary',
  ),
  xtea: s('Needham, Wheeler: "Tea extensions" (1997)', 'https://www.cix.co.uk/~klockstone/xtea.pdf', 'unverified'),
  iso10118: s(
    'ISO/IEC 10118-3 (Whirlpool) and 10118-2 (MDC-2)',
    'https://www.iso.org/standard/67116.html',
    'secondary',
  ),
  rfc8439: s('RFC 8439 (ChaCha20 and Poly1305)', 'https://www.rfc-editor.org/rfc/rfc8439', 'secondary'),
  sp80038: s('NIST SP 800-38 series / SP 800-67 Rev 2 (TDEA)', 'https://csrc.nist.gov/publications/sp800', 'secondary'),
  weakAlgos: s(
    'Known breaks: MD5/SHA-1 collisions (RFC 6151, SHAttered), RC4 (RFC 7465), DES/3DES 64-bit blocks (Sweet32, SP 800-131A)',
    'https://www.rfc-editor.org/rfc/rfc7465',
    'secondary',
  ),
  sm: s(
    'GB/T 32918 (SM2), GB/T 32905 (SM3), GB/T 32907 (SM4); OIDs via OpenSSL objects.txt',
    'openssl/openssl:crypto/objects/objects.txt',
    'secondary',
  ),
  x509Alt: s(
    'ITU-T X.509 (10/2019) alternative signature extensions; chameleon draft-bonnell-lamps-chameleon-certs',
    'https://www.itu.int/rec/T-REC-X.509',
    'unverified',
  ),
  monocypherEddsa: s(
    'Monocypher manual, crypto_eddsa_sign: EdDSA over Curve25519 with BLAKE2b-512 (not Ed25519, which uses SHA-512)',
    'https://monocypher.org/manual/eddsa',
    'secondary',
  ),
  libhydrogenSign: s(
    'libhydrogen wiki, Public-key signatures: Schnorr-like signatures over Curve25519 with the Gimli hash',
    'https://github.com/jedisct1/libhydrogen/wiki/Public-key-signatures',
    'secondary',
  ),
  gimli: s('Bernstein et al., Gimli: a cross-platform permutation (CHES 2017)', 'https://gimli.cr.yp.to/', 'secondary'),
  salsa20: s('D. J. Bernstein, Salsa20 specification', 'https://cr.yp.to/snuffle/spec.pdf', 'secondary'),
  xsalsa20: s(
    'D. J. Bernstein, Extending the Salsa20 nonce (XSalsa20)',
    'https://cr.yp.to/snuffle/xsalsa-20081128.pdf',
    'secondary',
  ),
  sp800232: s(
    'NIST SP 800-232 (Ascon-Based Lightweight Cryptography Standards), Ascon-Hash256',
    'https://doi.org/10.6028/NIST.SP.800-232',
    'primary',
  ),
  catalogJudgement: s(
    'pqready catalog convention (documented judgement, no external number)',
    'docs/catalog.md',
    'secondary',
  ),
} as const);
