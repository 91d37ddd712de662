/**
 * Parses and validates the text of a configuration file (`loadConfig` in load.ts reads it): YAML 1.2, which reads
 * JSON too, with line numbers for every node, then the schema. Its own module so that the YAML parser and Ajv are
 * loaded only when a scan has a configuration file.
 */
import { deepestFlowNesting, MAX_YAML_NESTING } from '@pqready/core';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { ConfigError, type LoadedConfig } from './load.js';
import { CONFIG_SCHEMA } from './schema.js';

let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction =>
  (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA));
const ALLOWED_KEYS = Object.keys(CONFIG_SCHEMA.properties).filter((k) => k !== '$schema');

/** `suppress[0].reason` from an Ajv instance path (`/suppress/0/reason`). */
function keyName(segments: readonly (string | number)[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' || /^\d+$/.test(String(s)) ? `[${s}]` : `${i > 0 ? '.' : ''}${s}`))
    .join('');
}

function segmentsOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The line of the node at `segments` (of its key when `key` is given), or of the nearest parent that exists. */
function lineOf(doc: Document, counter: LineCounter, segments: readonly (string | number)[], key?: string): number {
  for (let n = segments.length; n >= 0; n--) {
    const node = doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const target =
      n === segments.length && key !== undefined && isMap(node)
        ? node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.key
        : node;
    const range = (target as { range?: [number, number, number] } | undefined)?.range ?? node?.range;
    if (range) return counter.linePos(range[0]).line;
    if (n === 0) break;
  }
  return 1;
}

function describe(error: ErrorObject, doc: Document, counter: LineCounter, file: string): string {
  const segments = segmentsOf(error.instancePath);
  const where = (name: string, line: number) => `${file}:${line}: ${name === '' ? 'the configuration' : `\`${name}\``}`;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const allowed = segments.length === 0 ? ALLOWED_KEYS : ['paths', 'ids', 'reason'];
      return `${where(keyName([...segments, extra]), lineOf(doc, counter, segments, extra))} is not a known key; allowed keys: ${allowed.join(', ')}.`;
    }
    case 'required':
      return `${where(keyName(segments), lineOf(doc, counter, segments))} needs \`${String(p.missingProperty)}\`${p.missingProperty === 'reason' ? ': every suppression says why' : ''}.`;
    case 'enum':
      return `${where(keyName(segments), lineOf(doc, counter, segments))} must be one of: ${(p.allowedValues as unknown[]).filter((v) => typeof v === 'string').join(', ')}.`;
    case 'type': {
      const hint =
        segments[0] === 'assume' || segments[0] === 'component-version'
          ? ' (quote versions: YAML reads 1.20 as the number 1.2)'
          : '';
      return `${where(keyName(segments), lineOf(doc, counter, segments))} must be ${[p.type].flat().join(' or ')}${hint}.`;
    }
    case 'minLength':
    case 'pattern':
      return `${where(keyName(segments), lineOf(doc, counter, segments))} must not be empty.`;
    case 'minimum':
    case 'maximum':
      return `${where(keyName(segments), lineOf(doc, counter, segments))} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p.limit)}.`;
    default:
      return `${where(keyName(segments), lineOf(doc, counter, segments))} ${error.message ?? 'is not valid'}.`;
  }
}

/** Only the most telling error per key: `anyOf` wrappers repeat what their branches said. */
function telling(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    const key = e.instancePath;
    if (seen.has(key) && e.keyword === 'type') continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** `text` is the content of `file`; `shown` is how messages name it. */
export function parseConfig(text: string, file: string, shown: string): LoadedConfig {
  if (deepestFlowNesting(text) > MAX_YAML_NESTING)
    throw new ConfigError(`${shown}: brackets nest deeper than ${MAX_YAML_NESTING} levels; not a configuration.`);
  const counter = new LineCounter();
  // YAML 1.2 reads JSON too, with line numbers for every node.
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = counter.linePos(e.pos[0]).line;
    throw new ConfigError(
      `${shown}:${line}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}.`,
    );
  }
  const values = (doc.toJS() ?? {}) as unknown;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new ConfigError(`${shown}:1: the configuration must be a map of keys (the flags of pqready scan).`);
  }
  const validate = validator();
  if (!validate(values)) {
    const messages = telling(validate.errors ?? []).map((e) => describe(e, doc, counter, shown));
    throw new ConfigError(messages.join('\n'));
  }
  const lines = new Map<string, number>();
  for (const key of Object.keys(values)) lines.set(key, lineOf(doc, counter, [], key));
  const suppress = (values as { suppress?: unknown[] }).suppress ?? [];
  for (let i = 0; i < suppress.length; i++) lines.set(`suppress[${i}]`, lineOf(doc, counter, ['suppress', i]));
  return { file, values: values as Record<string, unknown>, lines };
}
