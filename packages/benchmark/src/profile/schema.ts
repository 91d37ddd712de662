/**
 * JSON Schema (draft 2020-12) for device profiles; docs/device-profile.schema.json is this object, checked by a test.
 * Every object is closed (additionalProperties: false) so a misspelt field is an error, not a silent default.
 */
import { CORE_IDS, ROLES } from '../catalog/types.js';

const ms = (description: string) => ({ type: 'number', exclusiveMinimum: 0, description });
const kib = (description: string) => ({ type: 'number', minimum: 0, description });
const engine = (description: string) => ({
  description: `${description} true = present (published engine figures used); or the part's own throughput.`,
  oneOf: [
    { type: 'boolean' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['cyclesPerByte'],
      properties: {
        cyclesPerByte: { type: 'number', exclusiveMinimum: 0, description: 'Streaming cost per byte.' },
        cyclesPerCall: { type: 'number', minimum: 0, description: 'Setup cost per hash call.' },
      },
    },
  ],
});

export const DEVICE_PROFILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://pqready.dev/schemas/device-profile.schema.json',
  title: 'pqready device profile',
  description:
    'A device for `pqready bench --profile FILE` (JSON or YAML). Times are milliseconds, memory KiB (1024 bytes), wire sizes bytes.',
  type: 'object',
  additionalProperties: false,
  // Only the fields every estimate needs are required; the rest change results only when given.
  required: ['core', 'clockMHz'],
  properties: {
    $schema: { type: 'string', description: 'Optional pointer to this schema, for editors.' },
    name: {
      type: 'string',
      minLength: 1,
      description: 'Product or board name shown in reports (default: the file name).',
    },
    role: { enum: [...ROLES], description: 'What the device does; shown in reports.' },
    core: { enum: [...CORE_IDS], description: 'CPU core; selects the reference cycle table and core factor.' },
    clockMHz: { type: 'number', exclusiveMinimum: 0, maximum: 10000, description: 'Core clock the crypto runs at.' },
    flashWaitStates: {
      type: 'integer',
      minimum: 0,
      maximum: 15,
      description: 'Flash wait states at clockMHz; 0 means no memory derating, >0 applies the default 1.0–1.5 range.',
    },
    memoryDerating: {
      type: 'number',
      minimum: 1,
      maximum: 4,
      description: 'Measured slowdown from the memory system (wait states, cache misses); overrides flashWaitStates.',
    },
    ramKiB: kib('Total on-chip RAM; half of it is the default RAM budget.'),
    ramAvailableKiB: kib('RAM available to crypto (stack and buffers); defaults to half of ramKiB.'),
    flashKiB: kib('Total flash for code; a quarter of it is the default code budget.'),
    flashAvailableKiB: kib('Flash available to crypto code; defaults to a quarter of flashKiB.'),
    accelerators: {
      type: 'object',
      additionalProperties: false,
      description: 'Hardware crypto engines present and usable by the boot/crypto code.',
      properties: {
        sha256: engine('SHA-256 engine (image hashing, LMS/XMSS, SLH-DSA-SHA2, HashML-DSA-44 pre-hash).'),
        sha512: engine('SHA-512 engine (HashML-DSA and composite pre-hash, SLH-DSA-SHA2 categories 3/5).'),
        keccak: engine('SHA-3/SHAKE engine (ML-DSA message hashing; none of the catalogued parts has one).'),
        aes: { type: 'boolean', description: 'AES engine.' },
        pka: { type: 'boolean', description: 'Public-key accelerator (RSA/ECC); does not help lattice schemes.' },
      },
    },
    link: {
      type: 'object',
      additionalProperties: false,
      description: 'Network link the device talks over: with bandwidthKbps, handshake time includes time on the wire.',
      properties: {
        mtuBytes: {
          type: 'integer',
          minimum: 1,
          description: 'Usable payload per frame (frames per handshake are reported).',
        },
        bandwidthKbps: { type: 'number', exclusiveMinimum: 0, description: 'Link throughput in kbit/s.' },
      },
    },
    tls: {
      type: 'object',
      additionalProperties: false,
      description: 'How the device speaks TLS 1.3; every field has a default.',
      properties: {
        serverChainLength: {
          type: 'integer',
          minimum: 1,
          maximum: 6,
          description: 'Certificates the server sends (default 2: leaf + intermediate).',
        },
        mutualTls: {
          type: 'boolean',
          description: 'The device authenticates with its own certificate (default false).',
        },
        clientChainLength: {
          type: 'integer',
          minimum: 1,
          maximum: 6,
          description: 'Certificates the device sends with mutual TLS (default 1).',
        },
        signedCertificateTimestamps: {
          type: 'integer',
          minimum: 0,
          maximum: 5,
          description: 'Certificate Transparency SCTs in the server leaf (default 2, as Web PKI; 0 for a private PKI).',
        },
        certificateExtraBytes: {
          type: 'integer',
          minimum: 0,
          maximum: 65536,
          description: 'Bytes per certificate beyond the measured minimal DER: long names, SANs, policies (default 0).',
        },
      },
    },
    policy: {
      type: 'object',
      additionalProperties: false,
      description: 'What the recommendation must honour.',
      properties: {
        hybrid: {
          enum: ['require', 'prefer', 'allow'],
          description: 'require: only hybrids are recommended; prefer: hybrids rank first; allow (default).',
        },
        minCategory: {
          type: 'integer',
          minimum: 1,
          maximum: 5,
          description: 'Lowest NIST security category a recommendation may have.',
        },
      },
    },
    firmwareImageKiB: kib('Firmware image size hashed at boot and on update.'),
    budgets: {
      type: 'object',
      additionalProperties: false,
      description: 'Limits the fit check compares estimates against; omitted budgets are reported as "no budget".',
      properties: {
        bootVerifyMs: ms('Secure-boot signature verification including image hashing.'),
        updateVerifyMs: ms('Firmware-update signature verification including image hashing.'),
        tlsHandshakeMs: ms(
          'Client-side TLS 1.3 handshake: crypto plus time on the wire when link.bandwidthKbps is given.',
        ),
        keyExchangeMs: ms('Client-side key exchange (keygen + decapsulation).'),
        identitySignMs: ms('One device-identity signature (budgeted on the tail for ML-DSA).'),
        ramKiB: kib(
          'RAM the crypto may use at its peak: stack plus key, signature, ciphertext and certificate buffers.',
        ),
        codeKiB: kib('Flash the crypto code may use, shared hash code included.'),
        wireBytesPerHandshake: {
          type: 'integer',
          minimum: 0,
          description: 'Bytes of a whole TLS 1.3 handshake, both directions, records included.',
        },
        signPercentile: {
          type: 'number',
          minimum: 50,
          maximum: 99.99,
          description: 'Percentile of the ML-DSA signing-time distribution judged against the budget (default 99.9).',
        },
      },
    },
    shipYear: { type: 'integer', minimum: 1990, maximum: 2100, description: 'Year the device ships.' },
    fieldLifeYears: { type: 'number', minimum: 0, maximum: 60, description: 'Years the device stays in the field.' },
  },
} as const;
