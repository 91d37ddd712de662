/**
 * Reads a device profile (JSON or YAML), validates it against DEVICE_PROFILE_SCHEMA, and reports every schema
 * violation at once, one line each naming the JSON path and the allowed values. Never throws anything but
 * ProfileError.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deepestFlowNesting, MAX_YAML_NESTING } from '@pqready/core';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import type { DeviceProfile } from '../catalog/types.js';
import { DEVICE_PROFILE_SCHEMA } from './schema.js';

/** A user-facing problem with an input file: the CLI prints `message` and exits with code 2. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

// Compiled on first use: compiling costs a tenth of a second at start-up of every command, most of which never load a profile.
let compiledProfile: ValidateFunction<DeviceProfile> | undefined;
const profileValidator = (): ValidateFunction<DeviceProfile> =>
  (compiledProfile ??= new Ajv2020({ allErrors: true, verbose: true, strict: false }).compile<DeviceProfile>(
    DEVICE_PROFILE_SCHEMA,
  ));

/** `/budgets/bootVerifyMs` → `$.budgets.bootVerifyMs`. */
function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${clip(seg)}`))
    .join('')}`;
}

/** Names and values from the file are echoed at most this long: a 67 MB key must not become a 67 MB error. */
const ECHO_MAX = 60;
const clip = (text: string): string => (text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX - 3)}...` : text);

const show = (v: unknown) => {
  if (typeof v === 'string') return clip(`"${v.slice(0, ECHO_MAX)}"`);
  return clip(JSON.stringify(v) ?? String(v));
};

function describeSchemaError(e: ErrorObject): string {
  const at = jsonPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `${at} must be one of ${(params.allowedValues as unknown[]).join(', ')} (got ${show(e.data)})`;
    case 'required':
      return `${at} is missing the required field "${String(params.missingProperty)}"`;
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `${at} has an unknown field "${clip(String(params.additionalProperty))}"; allowed fields: ${allowed.join(', ')}`;
    }
    case 'type':
      return `${at} must be of type ${String(params.type)} (got ${show(e.data)})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${at} must be ${String(params.comparison)} ${String(params.limit)} (got ${show(e.data)})`;
    case 'oneOf':
    case 'anyOf': {
      const schema = e.parentSchema as {
        oneOf?: { required?: string[]; type?: string }[];
        anyOf?: { required?: string[]; type?: string }[];
      };
      const options = schema.oneOf ?? schema.anyOf ?? [];
      if (options.every((o) => o.required && !o.type))
        return `${at} needs one of the fields ${options.map((o) => `"${(o.required ?? []).join('", "')}"`).join(', ')}`;
      return `${at} must be ${alternatives(schema)} (got ${show(e.data)})`;
    }
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

/** "true or false, or an object with cyclesPerByte (and cyclesPerCall)" from a oneOf/anyOf schema. */
function alternatives(schema: { oneOf?: unknown[]; anyOf?: unknown[] }): string {
  const options = (schema.oneOf ?? schema.anyOf ?? []) as { type?: string; required?: string[]; properties?: object }[];
  return options
    .map((o) =>
      o.type === 'boolean'
        ? 'true or false'
        : o.type === 'object'
          ? `an object with ${(o.required ?? []).join(', ')}${o.properties ? ` (fields: ${Object.keys(o.properties).join(', ')})` : ''}`
          : o.required
            ? `given "${o.required.join('", "')}"`
            : JSON.stringify(o),
    )
    .join(', or ');
}

/**
 * Every violation once, in document order: errors inside a oneOf/anyOf are folded into one line for that value.
 * Returns "N problems:" followed by one indented line each (or "a problem: …" for one).
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): string {
  const folded = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath);
  const lines = errors
    .filter((e) => !folded.some((p) => e.schemaPath !== p && e.schemaPath.startsWith(`${p}/`)))
    .map(describeSchemaError);
  const unique = [...new Set(lines)];
  if (unique.length === 1) return `a problem: ${unique[0]}.`;
  return `${unique.length} problems:\n${unique.map((l) => `  - ${l}`).join('\n')}`;
}

/** Validates an already-parsed value; `label` names the file in the message. */
export function validateDeviceProfile(value: unknown, label: string): DeviceProfile {
  const validateProfile = profileValidator();
  if (validateProfile(value)) return value;
  throw new ProfileError(
    `Device profile ${label} has ${describeSchemaErrors(validateProfile.errors ?? [])}\nSee docs/device-profile.schema.json.`,
  );
}

/** Parses JSON or YAML text; YAML is a superset of JSON, so JSON files go through the JSON parser for clearer errors. */
export function parseDocument(text: string, label: string, kind = 'device profile'): unknown {
  if (deepestFlowNesting(text) > MAX_YAML_NESTING)
    throw new ProfileError(`Could not parse ${kind} ${label}: brackets nest deeper than ${MAX_YAML_NESTING} levels.`);
  try {
    return label.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ProfileError(`Could not parse ${kind} ${label}: ${reason}.`);
  }
}

export function readDocument(file: string, kind: string): { value: unknown; label: string } {
  const label = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ProfileError(`Could not read ${kind} ${file} (${code}).`);
  }
  return { value: parseDocument(text, label, kind), label };
}

export function loadDeviceProfile(file: string): DeviceProfile {
  const { value, label } = readDocument(file, 'device profile');
  return validateDeviceProfile(value, label);
}
