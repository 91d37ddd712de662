/**
 * stunnel configuration syntax (stunnel(8) "CONFIGURATION FILE"; stunnel src/options.c options_file): one
 * `option = value` pair or one `[service]` header per line, comments are lines starting with `;` or `#`, leading
 * and trailing whitespace is dropped, a UTF-8 byte order mark opens the file. Option names compare without case.
 * There are no trailing comments: `ciphers = HIGH ; strong` hands `HIGH ; strong` to OpenSSL.
 */

export interface StunnelOption {
  readonly kind: 'option';
  /** As written (`sslVersionMin`); compare with `key.toLowerCase()`. */
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export interface StunnelSection {
  readonly kind: 'section';
  readonly name: string;
  readonly line: number;
}

export type StunnelLine = StunnelOption | StunnelSection;

interface StunnelParseResult {
  readonly lines: StunnelLine[];
  readonly problems: { readonly code: string; readonly message: string; readonly line: number }[];
}

/** stunnel reads lines into a CONFLINELEN (16384) buffer (src/prototypes.h). */
const MAX_LINE = 16 * 1024;
const MAX_PROBLEMS = 20;

export function parseStunnelConf(text: string): StunnelParseResult {
  const problems: StunnelParseResult['problems'] = [];
  const problem = (code: string, message: string, line: number) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ code, message, line });
  };
  const lines: StunnelLine[] = [];
  const raw = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    const physical = raw[i]!;
    if (physical.length > MAX_LINE) {
      problem('line-too-long', `Line longer than ${MAX_LINE} characters skipped.`, line);
      continue;
    }
    const l = physical.trim();
    if (l === '' || l.startsWith(';') || l.startsWith('#')) continue;
    if (l.startsWith('[') && l.endsWith(']')) {
      lines.push({ kind: 'section', name: l.slice(1, -1), line });
      continue;
    }
    const eq = l.indexOf('=');
    if (eq <= 0) {
      // stunnel refuses to start: `"…": No '=' found`.
      problem('unparsable-line', 'Line is neither "option = value" nor a [service] header; stunnel stops here.', line);
      continue;
    }
    lines.push({ kind: 'option', key: l.slice(0, eq).trim(), value: l.slice(eq + 1).trim(), line });
  }
  return { lines, problems };
}
