/**
 * On-target measurements supplied with --calibration FILE (JSON or YAML). They override estimates for the same
 * scheme and operation and are reported as measured.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ImplClass, Operation, SchemeId } from '../catalog/types.js';
import { describeSchemaError, ProfileError, readDocument } from '../profile/load.js';

export interface CalibrationMeasurement {
  scheme: SchemeId;
  op: Operation;
  impl?: ImplClass;
  implName?: string;
  /** Time at the profile's clock; or give cycles. */
  ms?: number;
  /** Worst observed time (ML-DSA signing tail). */
  maxMs?: number;
  cycles?: number;
  stackBytes?: number;
  codeBytes?: number;
  source?: string;
}

export interface Calibration {
  label: string;
  measurements: CalibrationMeasurement[];
}

const SCHEMES: SchemeId[] = [
  'ml-kem-512',
  'ml-kem-768',
  'ml-kem-1024',
  'ml-dsa-44',
  'ml-dsa-65',
  'ml-dsa-87',
  'slh-dsa-sha2-128s',
  'slh-dsa-sha2-128f',
  'lms',
  'xmss',
  'x25519',
  'ecdsa-p256',
  'ecdh-p256',
];

export const CALIBRATION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['measurements'],
  properties: {
    measurements: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['scheme', 'op'],
        anyOf: [{ required: ['ms'] }, { required: ['cycles'] }],
        properties: {
          scheme: { enum: SCHEMES },
          op: { enum: ['keygen', 'encaps', 'decaps', 'sign', 'verify', 'derive'] },
          impl: { enum: ['speed', 'stack', 'portable'] },
          implName: { type: 'string' },
          ms: { type: 'number', exclusiveMinimum: 0 },
          maxMs: { type: 'number', exclusiveMinimum: 0 },
          cycles: { type: 'number', exclusiveMinimum: 0 },
          stackBytes: { type: 'integer', minimum: 0 },
          codeBytes: { type: 'integer', minimum: 0 },
          source: { type: 'string' },
        },
      },
    },
  },
} as const;

const validate = new Ajv2020({ allErrors: false, verbose: true, strict: false }).compile(CALIBRATION_SCHEMA);

export function validateCalibration(value: unknown, label: string): Calibration {
  if (!validate(value)) {
    const first = validate.errors?.[0];
    const detail = first ? describeSchemaError(first) : 'is invalid';
    throw new ProfileError(`Calibration file ${label}: ${detail}.`);
  }
  return { label, measurements: (value as { measurements: CalibrationMeasurement[] }).measurements };
}

export function loadCalibration(file: string): Calibration {
  const { value, label } = readDocument(file, 'calibration file');
  return validateCalibration(value, label);
}
