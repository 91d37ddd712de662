/**
 * On-target measurements supplied with --calibration FILE (JSON or YAML). They override estimates for the same
 * scheme and operation and are reported as measured. Every scheme id the catalog knows is accepted.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type ImplClass, OPERATIONS, type Operation, SCHEME_IDS, type SchemeId } from '../catalog/types.js';
import { describeSchemaErrors, ProfileError, readDocument } from '../profile/load.js';

export interface CalibrationMeasurement {
  scheme: SchemeId;
  op: Operation;
  impl?: ImplClass;
  implName?: string;
  /** Mean time at the profile's clock; or give cycles. */
  ms?: number;
  /** Fastest observed time (ML-DSA signing: one attempt of the loop). */
  minMs?: number;
  /** Worst observed time. */
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

/**
 * Bounds on measured figures, so a typo or a hostile file (`cycles: 1e300`) is refused instead of turned into a
 * verdict. The slowest operation in the published pqm4/pqm3 tables takes 4.3e10 cycles (reference-pqm.generated.ts):
 * 1e13 leaves a factor of 200 and is 1,000 s even at the 10 GHz the profile schema allows. A day is the longest
 * mean time; a 32-bit address space the largest stack or code size.
 */
export const MAX_CALIBRATION_CYCLES = 1e13;
const MAX_CALIBRATION_MS = 86_400_000;
const MAX_BYTES = 2 ** 32;

const CALIBRATION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'pqready calibration file',
  type: 'object',
  additionalProperties: false,
  required: ['measurements'],
  properties: {
    $schema: { type: 'string' },
    measurements: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['scheme', 'op'],
        anyOf: [{ required: ['ms'] }, { required: ['cycles'] }],
        properties: {
          scheme: { enum: [...SCHEME_IDS] },
          op: { enum: [...OPERATIONS] },
          impl: { enum: ['speed', 'stack', 'portable'] },
          implName: { type: 'string' },
          ms: { type: 'number', exclusiveMinimum: 0, maximum: MAX_CALIBRATION_MS },
          minMs: { type: 'number', exclusiveMinimum: 0, maximum: MAX_CALIBRATION_MS },
          maxMs: { type: 'number', exclusiveMinimum: 0, maximum: MAX_CALIBRATION_MS },
          cycles: { type: 'number', exclusiveMinimum: 0, maximum: MAX_CALIBRATION_CYCLES },
          stackBytes: { type: 'integer', minimum: 0, maximum: MAX_BYTES },
          codeBytes: { type: 'integer', minimum: 0, maximum: MAX_BYTES },
          source: { type: 'string' },
        },
      },
    },
  },
} as const;

// Compiled on first use, not at start-up of every command.
let compiled: ReturnType<Ajv2020['compile']> | undefined;
const validator = () =>
  (compiled ??= new Ajv2020({ allErrors: true, verbose: true, strict: false }).compile(CALIBRATION_SCHEMA));

export function validateCalibration(value: unknown, label: string): Calibration {
  const validate = validator();
  if (!validate(value)) {
    throw new ProfileError(`Calibration file ${label} has ${describeSchemaErrors(validate.errors ?? [])}`);
  }
  return { label, measurements: (value as { measurements: CalibrationMeasurement[] }).measurements };
}

export function loadCalibration(file: string): Calibration {
  const { value, label } = readDocument(file, 'calibration file');
  return validateCalibration(value, label);
}
