/**
 * JSON Schema (draft 2020-12) for device profiles; docs/device-profile.schema.json is this object, checked by a test.
 * Every object is closed (additionalProperties: false) so a misspelt field is an error, not a silent default.
 */
import { CORE_IDS, ROLES } from '../catalog/types.js';

const ms = (description: string) => ({ type: 'number', exclusiveMinimum: 0, description });
const kib = (description: string) => ({ type: 'number', minimum: 0, description });

export const DEVICE_PROFILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://pqready.dev/schemas/device-profile.schema.json',
  title: 'pqready device profile',
  description:
    'A device for `pqready bench --profile FILE` (JSON or YAML). Times are milliseconds, memory KiB (1024 bytes), wire sizes bytes.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'role', 'core', 'clockMHz', 'ramKiB', 'flashKiB'],
  properties: {
    $schema: { type: 'string', description: 'Optional pointer to this schema, for editors.' },
    name: { type: 'string', minLength: 1, description: 'Product or board name shown in reports.' },
    role: { enum: [...ROLES], description: 'What the device does; used in reports and recommendations.' },
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
    ramKiB: kib('Total on-chip RAM.'),
    ramAvailableKiB: kib('RAM available to crypto (stack and buffers); defaults to half of ramKiB.'),
    flashKiB: kib('Total flash for code.'),
    flashAvailableKiB: kib('Flash available to crypto code; defaults to a quarter of flashKiB.'),
    accelerators: {
      type: 'object',
      additionalProperties: false,
      description: 'Hardware crypto engines present and usable by the boot/crypto code.',
      properties: {
        sha256: { type: 'boolean', description: 'SHA-256 engine (helps image hashing, LMS/XMSS, SLH-DSA-SHA2).' },
        sha512: { type: 'boolean', description: 'SHA-512 engine.' },
        aes: { type: 'boolean', description: 'AES engine.' },
        pka: { type: 'boolean', description: 'Public-key accelerator (RSA/ECC); does not help lattice schemes.' },
        keccak: { type: 'boolean', description: 'SHA-3/SHAKE engine (none of the catalogued parts has one).' },
      },
    },
    link: {
      type: 'object',
      additionalProperties: false,
      description: 'Network link the device talks over.',
      properties: {
        mtuBytes: { type: 'integer', minimum: 1, description: 'Usable payload per frame.' },
        bandwidthKbps: { type: 'number', exclusiveMinimum: 0, description: 'Link throughput in kbit/s.' },
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
        tlsHandshakeMs: ms('Client-side TLS 1.3 handshake crypto (key exchange + authentication).'),
        keyExchangeMs: ms('Client-side key exchange (keygen + decapsulation).'),
        identitySignMs: ms('One device-identity signature (budgeted on the tail for ML-DSA).'),
        stackKiB: kib('Peak stack the crypto may use.'),
        codeKiB: kib('Flash the crypto code may use.'),
        wireBytesPerHandshake: {
          type: 'integer',
          minimum: 0,
          description: 'Key-exchange and authentication bytes per handshake.',
        },
      },
    },
    shipYear: { type: 'integer', minimum: 1990, maximum: 2100, description: 'Year the device ships.' },
    fieldLifeYears: { type: 'number', minimum: 0, maximum: 60, description: 'Years the device stays in the field.' },
  },
} as const;
