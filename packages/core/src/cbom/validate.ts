/**
 * Validates a CBOM against the official CycloneDX JSON schema shipped with @cyclonedx/cyclonedx-library
 * (res/schema/bom-1.x.SNAPSHOT.schema.json plus its spdx, jsf-0.82 and — for 1.7 — cryptography-defs
 * sub-schemas, registered under the URLs the bom schema refers to). Used by tests and benchmarks.
 * The schemas are read from disk on first use, not at import time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';

// Ajv and its formats (some 60 modules) are required on first use, not imported: every command loads this package
// and only the CBOM readers validate, so importing them cost each start-up about 30 ms. Both are CommonJS.
const require = createRequire(import.meta.url);

const SUB_SCHEMAS = [
  'spdx.SNAPSHOT.schema.json',
  'jsf-0.82.SNAPSHOT.schema.json',
  'cryptography-defs.SNAPSHOT.schema.json',
];
const validators = new Map<string, ValidateFunction>();

function schemaDir(): string {
  const pkg = require.resolve('@cyclonedx/cyclonedx-library/package.json');
  return join(dirname(pkg), 'res', 'schema');
}

function validatorFor(specVersion: '1.6' | '1.7'): ValidateFunction {
  const cached = validators.get(specVersion);
  if (cached) return cached;
  const dir = schemaDir();
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as object;
  const schemas: Record<string, object> = {};
  for (const file of SUB_SCHEMAS) schemas[`http://cyclonedx.org/schema/${file}`] = read(file);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as (ajv: AjvInstance) => AjvInstance;
  const ajv = new Ajv({ strict: false, allErrors: true, useDefaults: false, addUsedSchema: false, schemas });
  addFormats(ajv);
  // As in cyclonedx-library: no implementation of these formats exists in ajv-formats.
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  const validate = ajv.compile(read(`bom-${specVersion}.SNAPSHOT.schema.json`));
  validators.set(specVersion, validate);
  return validate;
}

/** Schema errors as `<instancePath> <message>` lines; empty when the document is valid. */
export function validateCycloneDx(obj: unknown, specVersion: '1.6' | '1.7'): string[] {
  const validate = validatorFor(specVersion);
  if (validate(obj)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
