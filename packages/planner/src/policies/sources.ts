/**
 * Primary documents the plan cites. Confidence follows the project's convention: `primary` when the publisher's own
 * text (or a byte-exact mirror) was read, `secondary` when the wording comes from page-referenced transcriptions or
 * several agreeing summaries, `unverified` when one weak source stands behind it.
 */
import type { Source } from '@pqready/core';

const s = (title: string, url: string, confidence: Source['confidence']): Source =>
  Object.freeze({ title, url, confidence });

// Reference: NIST IR 8547 ipd "Transition to Post-Quantum Cryptography Standards" (initial public draft, 12 Nov 2024), Tables 2 and 4 (https://doi.org/10.6028/NIST.IR.8547.ipd).
// Reference: NIST IR 8547 ipd §4.1.3 and Tables 6-7 (112-bit symmetric standards disallowed in 2030) (https://doi.org/10.6028/NIST.IR.8547.ipd).
export const IR_8547_HYBRID = s(
  'NIST IR 8547 ipd §3.2 (hybrid key establishment and dual signatures accepted with an approved component)',
  'https://doi.org/10.6028/NIST.IR.8547.ipd',
  'secondary',
);
export const CNSA_2 = s(
  'NSA CSA "Announcing the Commercial National Security Algorithm Suite 2.0" (Sep 2022, re-hosted 2025-05-30), timeline table',
  'https://media.defense.gov/2025/May/30/2003728741/-1/-1/0/CSA_CNSA_2.0_ALGORITHMS.PDF',
  'secondary',
);
export const CNSA_2_FAQ = s(
  'NSA "CNSA 2.0 and Quantum Computing FAQ" v2.1 (Dec 2024) pp. 3, 6, 11-12',
  'https://media.defense.gov/2022/Sep/07/2003071836/-1/-1/0/CSI_CNSA_2.0_FAQ_.PDF',
  'secondary',
);
export const BSI_TR_02102_1 = s(
  'BSI TR-02102-1 "Cryptographic Mechanisms: Recommendations and Key Lengths" version 2026-01 (23 Jan 2026), §2.1',
  'https://www.bsi.bund.de/SharedDocs/Downloads/EN/BSI/Publications/TechGuidelines/TG02102/BSI-TR-02102-1.pdf',
  'secondary',
);
export const ANSSI_FOLLOW_UP = s(
  'ANSSI "ANSSI views on the Post-Quantum Cryptography transition (2023 follow up)" (21 Dec 2023), p. 2',
  'https://cyber.gouv.fr/en/publications/follow-position-paper-post-quantum-cryptography',
  'secondary',
);
export const ANSSI_FAQ = s(
  'ANSSI "FAQ PQC" (read 2026-09-27): PQC obligations for product qualification from 2027; no non-PQC purchases after 2030',
  'https://cyber.gouv.fr/enjeux-technologiques/cryptographie-post-quantique/faq-pqc/',
  'secondary',
);
export const EU_ROADMAP = s(
  'NIS Cooperation Group "A Coordinated Implementation Roadmap for the Transition to Post-Quantum Cryptography", Part 1 v1.1 (11 Jun 2025), §4',
  'https://digital-strategy.ec.europa.eu/en/library/coordinated-implementation-roadmap-transition-post-quantum-cryptography',
  'secondary',
);
export const EU_CRA = s(
  'Regulation (EU) 2024/2847 (Cyber Resilience Act), Art. 71 (application dates) and Art. 2(2) (MDR/IVDR devices excluded)',
  'https://eur-lex.europa.eu/eli/reg/2024/2847/oj',
  'secondary',
);
export const FDA_PREMARKET = s(
  'FDA "Cybersecurity in Medical Devices: Quality Management System Considerations and Content of Premarket Submissions" (3 Feb 2026 edition), App. 1 C-03/C-04, H-03; §V.A.4(b) SBOM',
  'https://www.fda.gov/regulatory-information/search-fda-guidance-documents/cybersecurity-medical-devices-quality-system-considerations-and-content-premarket-submissions',
  'secondary',
);
export const MOSCA = s(
  'M. Mosca, "Cybersecurity in an era with quantum computers: will we be ready?", IEEE Security & Privacy 16(5), 2018',
  'https://doi.org/10.1109/MSP.2018.3761723',
  'secondary',
);
export const SP_800_208 = s(
  'NIST SP 800-208 "Recommendation for Stateful Hash-Based Signature Schemes" (Oct 2020)',
  'https://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-208.pdf',
  'secondary',
);
export const PQUIP_CONSTRAINED = s(
  'IETF draft-ietf-pquip-pqc-hsm-constrained-05, "Post-quantum Firmware Upgrades" and "Hybrid Signature Approaches"',
  'https://datatracker.ietf.org/doc/draft-ietf-pquip-pqc-hsm-constrained/',
  'primary',
);
export const TLS_ECDHE_MLKEM = s(
  'IETF draft-ietf-tls-ecdhe-mlkem (X25519MLKEM768, code point 0x11EC)',
  'https://datatracker.ietf.org/doc/draft-ietf-tls-ecdhe-mlkem/',
  'primary',
);
export const OPENSSH_MLKEM = s(
  'OpenSSH 9.9 release (mlkem768x25519-sha256), myproposal.h at V_9_9_P1',
  'https://github.com/openssh/openssh-portable/blob/V_9_9_P1/myproposal.h',
  'primary',
);
export const OPENSSH_HOST_KEYS = s(
  'OpenSSH 10.0 myproposal.h at V_10_0_P1: KEX_DEFAULT_PK_ALG lists Ed25519, ECDSA and RSA-SHA2 host keys only',
  'https://github.com/openssh/openssh-portable/blob/V_10_0_P1/myproposal.h',
  'secondary',
);
export const MBEDTLS_CHANGELOG = s(
  'Mbed TLS ChangeLog: LMS verification since 3.3.0; no ML-KEM or ML-DSA in the 4.1.0 tree',
  'https://github.com/Mbed-TLS/mbedtls/blob/development/ChangeLog',
  'primary',
);
export const SP_800_131A = s(
  'NIST SP 800-131A Rev. 2 "Transitioning the Use of Cryptographic Algorithms and Key Lengths" (Mar 2019)',
  'https://doi.org/10.6028/NIST.SP.800-131Ar2',
  'secondary',
);
export const CSWP_39 = s(
  'NIST CSWP 39 "Considerations for Achieving Cryptographic Agility" (Dec 2025)',
  'https://csrc.nist.gov/pubs/cswp/39/considerations-for-achieving-cryptographic-agility/final',
  'secondary',
);
export const NCCOE_INVENTORY = s(
  'NIST NCCoE Migration to PQC FAQ "When should we start?" and "What is a cryptographic inventory?"',
  'https://github.com/usnistgov/nccoe-migration-post-quantum-cryptography',
  'primary',
);
