/**
 * Use cases the plan groups findings into (not files): what each protects, which threat applies, which stage
 * migrates it, which policy scopes date it, and who is responsible by default. The words that tie a finding to a use
 * case (paths, function names, snippets, library names) are data here; `assign.ts` is the mechanism.
 * Threats: harvest now, decrypt later (confidentiality, Mosca's inequality); trust now, forge later (roots of trust
 * that outlive a CRQC); live forgery (authentication); classical (broken today, quantum aside).
 */
import type { DeadlineScope } from '../policies/plan-policies.js';

export type UseCaseId =
  | 'secure-boot-update'
  | 'identity-pki'
  | 'transport-key-exchange'
  | 'transport-authentication'
  | 'data-at-rest'
  | 'hash-mac-kdf'
  | 'classically-weak'
  | 'library-config'
  | 'unidentified';

export type Party = 'manufacturer' | 'healthcare-delivery-organisation' | 'cloud-supplier' | 'third-party-supplier';

export const PARTIES: readonly Party[] = [
  'manufacturer',
  'healthcare-delivery-organisation',
  'cloud-supplier',
  'third-party-supplier',
];

export type StageId = 0 | 1 | 2 | 3 | 4 | 5;

interface UseCaseSpec {
  readonly id: UseCaseId;
  readonly title: string;
  readonly stage: StageId;
  readonly threat: 'harvest-now-decrypt-later' | 'trust-now-forge-later' | 'forgery' | 'classical' | 'unknown';
  /** Whether data confidentiality (Mosca's shelf life) decides urgency. */
  readonly confidentiality: boolean;
  readonly scopes: readonly DeadlineScope[];
  readonly parties: { readonly primary: Party; readonly shared: readonly Party[] };
  readonly why: string;
}

export const USE_CASE_SPECS: readonly UseCaseSpec[] = Object.freeze([
  {
    id: 'unidentified',
    title: 'Algorithms to identify',
    stage: 0,
    threat: 'unknown',
    confidentiality: false,
    scopes: [],
    parties: { primary: 'manufacturer', shared: [] },
    why: 'the algorithm is decided at run time or not in the catalog, so it cannot be planned until someone names it',
  },
  {
    id: 'classically-weak',
    title: 'Classically weak cryptography (must go regardless of quantum)',
    stage: 1,
    threat: 'classical',
    confidentiality: false,
    scopes: ['symmetric-112'],
    parties: { primary: 'manufacturer', shared: [] },
    why: 'attackable with classical computers today',
  },
  {
    id: 'hash-mac-kdf',
    title: 'Hashing, MAC and key derivation',
    stage: 1,
    threat: 'classical',
    confidentiality: false,
    scopes: ['symmetric-112'],
    parties: { primary: 'manufacturer', shared: [] },
    why: 'Grover gives at most a quadratic speed-up; only outputs below the policy threshold need work',
  },
  {
    id: 'data-at-rest',
    title: 'Data at rest and bulk (symmetric) encryption',
    stage: 1,
    threat: 'harvest-now-decrypt-later',
    confidentiality: true,
    scopes: ['symmetric-112'],
    parties: { primary: 'manufacturer', shared: [] },
    why: 'symmetric keys below the policy threshold lose their margin against Grover',
  },
  {
    id: 'transport-key-exchange',
    title: 'Transport key exchange',
    stage: 2,
    threat: 'harvest-now-decrypt-later',
    confidentiality: true,
    scopes: ['key-establishment', 'public-key', 'web'],
    parties: { primary: 'manufacturer', shared: ['healthcare-delivery-organisation'] },
    why: 'traffic recorded today is decrypted once a CRQC exists (harvest now, decrypt later)',
  },
  {
    id: 'secure-boot-update',
    title: 'Secure boot and firmware-update signing',
    stage: 3,
    threat: 'trust-now-forge-later',
    confidentiality: false,
    scopes: ['firmware-signing', 'signatures', 'public-key', 'niche-equipment'],
    parties: { primary: 'manufacturer', shared: [] },
    why: 'a root of trust fixed at manufacture must still reject forged images when a CRQC exists (trust now, forge later)',
  },
  {
    id: 'identity-pki',
    title: 'Device identity and PKI',
    stage: 4,
    threat: 'forgery',
    confidentiality: false,
    scopes: ['signatures', 'public-key', 'niche-equipment'],
    parties: { primary: 'manufacturer', shared: ['healthcare-delivery-organisation'] },
    why: 'certificates and device keys whose validity outlives the deadlines can be forged once a CRQC exists',
  },
  {
    id: 'transport-authentication',
    title: 'Transport authentication',
    stage: 4,
    threat: 'forgery',
    confidentiality: false,
    scopes: ['signatures', 'public-key', 'web'],
    parties: { primary: 'manufacturer', shared: ['healthcare-delivery-organisation'] },
    why: 'a peer accepting classical signatures can be impersonated live once a CRQC exists',
  },
  {
    id: 'library-config',
    title: 'Classical public-key support compiled into crypto libraries',
    stage: 5,
    threat: 'forgery',
    confidentiality: false,
    scopes: ['public-key'],
    parties: { primary: 'manufacturer', shared: [] },
    why: 'algorithms left enabled in the build stay reachable (downgrade) after their users have moved',
  },
] satisfies readonly UseCaseSpec[]);

export function useCaseSpec(id: UseCaseId): UseCaseSpec {
  return USE_CASE_SPECS.find((u) => u.id === id)!;
}

/** Words (split on anything not a letter or digit) that tie evidence to a use case. */
export const WORDS = Object.freeze({
  /** Key files named for signing images or for a root of trust (MCUboot's root-ec-p256.pem, signing-key.pem). */
  signingKey: ['sign', 'signing', 'signer', 'root', 'image', 'img', 'firmware', 'fw', 'code'],
  /** Key files named for key transport or image encryption (MCUboot's enc-x25519-priv.pem). */
  encryptionKey: ['enc', 'encrypt', 'encryption', 'kek', 'wrap', 'ecies'],
  boot: ['boot', 'bootloader', 'bootutil', 'mcuboot', 'bl2', 'imgtool', 'romkey', 'rotpk', 'secureboot'],
  update: ['update', 'fota', 'ota', 'dfu', 'upgrade', 'swupdate', 'suit'],
  tls: ['tls', 'ssl', 'dtls', 'mqtt', 'mqtts', 'https', 'handshake', 'ciphersuite', 'ciphersuites', 'ssh', 'ecdhe'],
  identity: [
    'keygen',
    'gen',
    'generate',
    'provisioning',
    'provision',
    'csr',
    'x509write',
    'identity',
    'attest',
    'attestation',
    'enroll',
    'enrollment',
    'device',
  ],
});

/** Library names that are bootloaders: their findings are secure boot by definition. */
export const BOOT_LIBRARIES: readonly string[] = ['MCUboot', 'TF-M BL2', 'wolfBoot'];

/** Classical weakness flags (core `classicalWeaknesses`) that make an algorithm weak in itself, not just its size. */
export const INTRINSIC_WEAKNESSES: readonly string[] = [
  'md2',
  'md4',
  'md5',
  'sha1',
  'sha1-signature',
  'des',
  '3des',
  'rc2',
  'rc4',
  'ecb-mode',
  'rsa-below-2048',
  'dsa-below-2048',
  'dh-below-2048',
  'key-below-112',
  'p-192',
  'export',
  'dsa',
];
