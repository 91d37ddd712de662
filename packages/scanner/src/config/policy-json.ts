/**
 * Server-side TLS policy documents in the Mozilla ssl-config-generator guideline format (`guidelines/*.json`:
 * `configurations.{modern,intermediate,old}` with `tls_versions`, `ciphers.openssl`/`ciphers.iana`,
 * `ciphersuites`, `tls_curves`, `certificate_*`, `rsa_key_size`, `dh_param_size`, `hsts_min_age`) and policy
 * files shaped like them. A cheap textual sniff decides whether a file is one; JSON.parse does the parsing and
 * every field is type-checked, so a wrong-typed field becomes a problem instead of an exception.
 */

import { escapeRegExp } from '../regexp.js';
import type { ParseProblem } from './nginx-parser.js';

export interface TlsPolicyLevel {
  readonly name: string;
  /** Line of the level's key in the file (1-based). */
  readonly line: number;
  /** Line of each field, by its key path inside the level (`tls_versions`, `ciphers.openssl`). */
  readonly lines: Readonly<Record<string, number>>;
  /**
   * TLS ≤ 1.2 suites: an OpenSSL cipher string (4.0 `openssl_ciphersuites`) or a list of OpenSSL names (5.0-5.6
   * `openssl_ciphers`, 5.7+ `ciphers.openssl`), with the key they were read from.
   */
  readonly tls12?: { readonly key: string; readonly value: string };
  /** TLS 1.3 suites and their key (5.0-5.6 `openssl_ciphersuites`, 5.7+ `ciphersuites`). */
  readonly tls13?: { readonly key: string; readonly value: string };
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

interface TlsPolicyDocument {
  readonly version?: string;
  readonly href?: string;
  readonly levels: readonly TlsPolicyLevel[];
}

interface TlsPolicyParseResult {
  /** Undefined when the text is not JSON or not a policy document. */
  readonly document?: TlsPolicyDocument;
  readonly problems: readonly ParseProblem[];
}

const LEVEL_KEYS = /"(tls_versions|ciphersuites|tls_curves|openssl_ciphers|openssl_ciphersuites)"\s*:/;
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
  const keyLines = jsonKeyLines(text);
  const levels: TlsPolicyLevel[] = [];
  for (const [name, raw] of Object.entries(data.configurations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const keyAt = text.slice(configsAt).search(new RegExp(`"${escapeRegExp(name)}"\\s*:`));
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
    const prefix = `configurations/${name}/`;
    const lines: Record<string, number> = {};
    for (const [k, l] of keyLines) if (k.startsWith(prefix)) lines[k.slice(prefix.length).replace(/\//g, '.')] = l;
    // Three generations of the Mozilla format (see the module header of tls-policy-json).
    let tls12: { key: string; value: string } | undefined;
    let tls13: { key: string; value: string } | undefined;
    if (typeof raw.openssl_ciphersuites === 'string') {
      tls12 = { key: 'openssl_ciphersuites', value: raw.openssl_ciphersuites };
    } else if (raw.openssl_ciphers !== undefined || Array.isArray(raw.openssl_ciphersuites)) {
      const a = strings('openssl_ciphers');
      const b = strings('openssl_ciphersuites');
      if (a.length > 0) tls12 = { key: 'openssl_ciphers', value: a.join(':') };
      if (b.length > 0) tls13 = { key: 'openssl_ciphersuites', value: b.join(':') };
    } else {
      const a = strings('ciphers.openssl', c.openssl);
      const b = strings('ciphersuites');
      if (a.length > 0) tls12 = { key: 'ciphers.openssl', value: a.join(':') };
      if (b.length > 0) tls13 = { key: 'ciphersuites', value: b.join(':') };
    }
    const rsaKeySize = num('rsa_key_size');
    const dhParamSize = num('dh_param_size');
    const ecdhParamSize = num('ecdh_param_size');
    const hstsMinAge = num('hsts_min_age');
    levels.push({
      name,
      line,
      lines,
      ...(tls12 ? { tls12 } : {}),
      ...(tls13 ? { tls13 } : {}),
      tlsVersions: strings('tls_versions'),
      ciphersOpenssl: strings('ciphers.openssl', c.openssl),
      ciphersIana: strings('ciphers.iana', c.iana),
      ciphersuites:
        Array.isArray(raw.ciphersuites) && typeof raw.openssl_ciphersuites !== 'string' ? strings('ciphersuites') : [],
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

/**
 * Line of every object key of a JSON text, by its key path (`configurations/modern/tls_versions`). Array elements
 * are skipped (their keys are not addressable here). The text has already passed JSON.parse.
 */
function jsonKeyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const stack: { kind: '{' | '['; key?: string }[] = [];
  let line = 1;
  let pendingKey: string | undefined;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    else if (ch === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') line++;
        i++;
      }
      const top = stack.at(-1);
      if (top?.kind === '{' && expectKey) {
        pendingKey = JSON.parse(text.slice(start, i + 1)) as string;
        const path = [...stack.map((s) => s.key).filter((k): k is string => k !== undefined), pendingKey].join('/');
        if (stack.every((s) => s.kind === '{')) out.set(path, line);
        expectKey = false;
      }
    } else if (ch === '{' || ch === '[') {
      stack.push({ kind: ch, ...(pendingKey !== undefined ? { key: pendingKey } : {}) });
      pendingKey = undefined;
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      pendingKey = undefined;
    } else if (ch === ',') {
      pendingKey = undefined;
      expectKey = stack.at(-1)?.kind === '{';
    }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
