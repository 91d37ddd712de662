/**
 * The schema of `pqready.config.yaml` / `pqready.config.json` (JSON Schema draft-07). Every `scan` flag has a key
 * of the same name; `suppress` is configuration only. `pnpm gen:docs` writes it to `schemas/config.schema.json`
 * for editors, and a test fails when that copy is stale.
 */

export const SCAN_FORMATS = ['cyclonedx', 'json', 'markdown', 'sarif', 'table'] as const;
export const SPEC_VERSIONS = ['1.6', '1.7'] as const;

const strings = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const oneOrMore = { anyOf: [{ type: 'string', minLength: 1 }, strings] } as const;

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'pqready configuration',
  description:
    'pqready.config.yaml or pqready.config.json, found by walking up from the scan root to the repository top. ' +
    'Keys are the flags of `pqready scan`; flags on the command line win (lists add up). Paths and patterns are ' +
    'relative to the folder holding this file.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'this schema, for editors' },
    format: { enum: [...SCAN_FORMATS], description: 'output format' },
    output: { type: 'string', minLength: 1, description: 'file to write the output to' },
    'spec-version': { enum: [...SPEC_VERSIONS, 1.6, 1.7], description: 'CycloneDX specification version' },
    policy: { type: 'string', minLength: 1, description: 'policy id (pqready scan --list-policies)' },
    define: {
      description: 'preprocessor defines for C analysis: a list of NAME or NAME=VALUE, or a map NAME: VALUE',
      anyOf: [strings, { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } }],
    },
    'config-file': {
      ...strings,
      description:
        'C configuration headers the build selects (as with -DMBEDTLS_CONFIG_FILE), as paths in the scanned tree',
    },
    assume: {
      description: 'product versions whose defaults apply when a directive is absent, e.g. nginx: "1.22"',
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
    },
    'follow-includes-outside': { type: 'boolean' },
    'follow-symlinks-outside': {
      type: 'boolean',
      description: 'follow symbolic links whose target is outside the scanned paths',
    },
    'max-file-size': {
      description: 'files larger than this are not read (a diagnostic names each): bytes, or a size such as 64M',
      anyOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG](i?[bB])?|[bB])?\\s*$' },
      ],
    },
    jobs: { type: 'integer', minimum: 1, maximum: 256 },
    'component-name': { type: 'string', minLength: 1 },
    'component-version': { type: 'string', minLength: 1 },
    supplier: { type: 'string', minLength: 1 },
    'absolute-paths': { type: 'boolean' },
    strict: { type: 'boolean', description: 'exit 1 when the scan produced warnings or errors' },
    quiet: { type: 'boolean' },
    gitignore: { type: 'boolean', description: 'honour .gitignore files (default true)' },
    exclude: { ...strings, description: 'patterns in .gitignore syntax to leave out' },
    'third-party': {
      ...strings,
      description: 'patterns in .gitignore syntax of vendored folders: kept, grouped apart',
    },
    'fail-on': { ...oneOrMore, description: 'gate expression(s): exit 1 when a finding matches (docs/ci.md)' },
    baseline: {
      type: 'string',
      minLength: 1,
      description: 'earlier CBOM or JSON report: the gate judges new findings only',
    },
    'sarif-include-pass': { type: 'boolean' },
    'sarif-include-suppressed': { type: 'boolean' },
    suppress: {
      description: 'suppressions for files that cannot carry a comment (DER, binaries) or for whole folders',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['paths', 'ids', 'reason'],
        properties: {
          paths: { ...oneOrMore, description: 'patterns in .gitignore syntax' },
          ids: { ...oneOrMore, description: 'rule or algorithm ids, as in pqready-ignore comments' },
          reason: { type: 'string', minLength: 1, pattern: '\\S' },
        },
      },
    },
  },
} as const;
