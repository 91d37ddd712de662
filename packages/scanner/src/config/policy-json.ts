/**
 * Server-side TLS policy documents in the Mozilla ssl-config-generator guideline format (`guidelines/*.json`:
 * `configurations.{modern,intermediate,old}` with `tls_versions`, `ciphers.openssl`/`ciphers.iana`,
 * `ciphersuites`, `tls_curves`, `certificate_*`, `rsa_key_size`, `dh_param_size`, `hsts_min_age`) and policy
 * files shaped like them. A cheap textual sniff decides whether a file is one; JSON.parse does the parsing and
 * every field is type-checked, so a wrong-typed field becomes a problem instead of an exception.
 */
import type { ParseProblem } from './nginx-parser.js';

export interface TlsPolicyLevel {
  readonly name: string;
  /** Line of the level's key in the file (1-based). */
  readonly line: number;
  readonly tlsVersions: readonly string[];
  readonly ciphersOpenssl: readonly string[];
  readonly ciphersIana: readonly string[];
  readonly ciphersuites: readonly string[];
  /** Undefined when the document does not state curves. */
  readonly tlsCurves?: readonly string[];
  readonly certificateSignatures: readonly string[];
  readonly certificateTypes: readonly string[];
  readonly certificateCurves: readonly string[];
  readonly rsaKeySize?: number;
  readonly dhParamSize?: number;
  readonly ecdhParamSize?: number;
  readonly hstsMinAge?: number;
}

export interface TlsPolicyDocument {
  readonly version?: string;
  readonly href?: string;
  readonly levels: readonly TlsPolicyLevel[];
}

export interface TlsPolicyParseResult {
  /** Undefined when the text is not JSON or not a policy document. */
  readonly document?: TlsPolicyDocument;
  readonly problems: readonly ParseProblem[];
}

const LEVEL_KEYS = /"(tls_versions|ciphersuites|tls_curves)"\s*:/;
const LEVEL_FIELDS = ['tls_versions', 'ciphersuites', 'tls_curves'];

/** Cheap check on a file head: a JSON object with `configurations` and at least one TLS policy key. */
export function sniffTlsPolicy(head: string): boolean {
  return /^\s*\{/.test(head) && /"configurations"\s*:\s*\{/.test(head) && LEVEL_KEYS.test(head);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parseTlsPolicyJson(text: string): TlsPolicyParseResult {
  const problems: ParseProblem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // V8 reports "… at position N" (or line/column); map it to a line when it does.
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const ln = /line (\d+)/.exec(msg);
    const line = pos ? lineOf(text, Number(pos[1])) : ln ? Number(ln[1]) : 1;
    problems.push({ code: 'invalid-json', message: `Not valid JSON: ${msg.slice(0, 160)}`, line });
    return { problems };
  }
  if (!isObject(data) || !isObject(data.configurations)) {
    problems.push({ code: 'not-a-policy', message: 'No "configurations" object.', line: 1 });
    return { problems };
  }
  const configsAt = text.indexOf('"configurations"');
  const levels: TlsPolicyLevel[] = [];
  for (const [name, raw] of Object.entries(data.configurations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const keyAt = text.slice(configsAt).search(new RegExp(`"${escapeRe(name)}"\\s*:`));
    const line = keyAt < 0 ? 1 : lineOf(text, configsAt + keyAt);
    if (!isObject(raw)) {
      problems.push({ code: 'invalid-field', message: `configurations.${name} is not an object.`, line });
      continue;
    }
    // Other tools also have "configurations"; only levels that state TLS settings are policy levels.
    if (!LEVEL_FIELDS.some((k) => k in raw)) continue;
    const strings = (key: string, value: unknown = raw[key]): string[] => {
      if (value === undefined || value === null) return [];
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
      problems.push({ code: 'invalid-field', message: `configurations.${name}.${key} is not a list of names.`, line });
      return [];
    };
    const num = (key: string): number | undefined => {
      const v = raw[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      problems.push({ code: 'invalid-field', message: `configurations.${name}.${key} is not a number.`, line });
      return undefined;
    };
    const ciphers = raw.ciphers;
    const c = isObject(ciphers) ? ciphers : {};
    if (ciphers !== undefined && !isObject(ciphers)) {
      problems.push({ code: 'invalid-field', message: `configurations.${name}.ciphers is not an object.`, line });
    }
    const rsaKeySize = num('rsa_key_size');
    const dhParamSize = num('dh_param_size');
    const ecdhParamSize = num('ecdh_param_size');
    const hstsMinAge = num('hsts_min_age');
    levels.push({
      name,
      line,
      tlsVersions: strings('tls_versions'),
      ciphersOpenssl: strings('ciphers.openssl', c.openssl),
      ciphersIana: strings('ciphers.iana', c.iana),
      ciphersuites: strings('ciphersuites'),
      ...(raw.tls_curves !== undefined ? { tlsCurves: strings('tls_curves') } : {}),
      certificateSignatures: strings('certificate_signatures'),
      certificateTypes: strings('certificate_types'),
      certificateCurves: strings('certificate_curves'),
      ...(rsaKeySize !== undefined ? { rsaKeySize } : {}),
      ...(dhParamSize !== undefined ? { dhParamSize } : {}),
      ...(ecdhParamSize !== undefined ? { ecdhParamSize } : {}),
      ...(hstsMinAge !== undefined ? { hstsMinAge } : {}),
    });
  }
  // `"version": 6.0` would read back as 6; the text keeps what the document says.
  const version =
    typeof data.version === 'number' || typeof data.version === 'string'
      ? (/"version"\s*:\s*"?([^",}\s]+)/.exec(text)?.[1] ?? String(data.version))
      : undefined;
  const href = typeof data.href === 'string' ? data.href : undefined;
  return {
    document: { ...(version ? { version } : {}), ...(href ? { href } : {}), levels },
    problems,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
