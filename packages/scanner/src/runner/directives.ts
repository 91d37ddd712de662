/**
 * Inline suppressions: `pqready-ignore <ids> -- <reason>` in a comment (`/* … *\/` or `// …` in C, `# …` or `; …`
 * in configs, `<!-- … -->` in XML). The comment covers findings on its own line and on the next one. The scanner
 * only reads them (facts, with their line); which finding a suppression matches is decided where verdicts and rule
 * ids are known. A suppression without a reason or without an id is a warning and suppresses nothing.
 */
import type { Diagnostic, SuppressionDirective } from '@pqready/core';

const MARKER = 'pqready-ignore';
const MARKER_BYTES = Buffer.from(MARKER);

/**
 * A comment opener, then the marker. `*` counts only at the start of a line (the body of a block comment), so that
 * a multiplication never opens a suppression.
 */
const DIRECTIVE = /(?:\/\/|\/\*|<!--|#|;|^\s*\*)\s*pqready-ignore\b(.*)$/;
/** Rule and algorithm ids: kebab-case words, `all` or `*`; several separated by commas. */
const ID = /^(?:\*|[A-Za-z0-9][A-Za-z0-9_.+/-]*)$/;

interface DirectiveScan {
  readonly directives: SuppressionDirective[];
  readonly diagnostics: Diagnostic[];
}

function warning(code: string, message: string, path: string, line: number): Diagnostic {
  return { severity: 'warning', code, message, path, line, detector: 'suppression' };
}

/** Binary files (firmware images, libraries) may hold the word; they hold no comments. Decided on the first 8 KiB. */
export const looksBinaryForDirectives = (bytes: Uint8Array): boolean => bytes.subarray(0, 8192).includes(0);

/** The suppression comments of one file, and a warning for each malformed one. */
export function readDirectives(path: string, bytes: Uint8Array): DirectiveScan {
  if (looksBinaryForDirectives(bytes)) return { directives: [], diagnostics: [] };
  return readDirectiveLines(path, bytes, 1);
}

/**
 * The suppression comments of whole lines of text (a file, or the lines a window of a large file owns), the first
 * being line `firstLine` of the file.
 */
export function readDirectiveLines(path: string, bytes: Uint8Array, firstLine: number): DirectiveScan {
  const out: DirectiveScan = { directives: [], diagnostics: [] };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(MARKER_BYTES) < 0) return out;
  const lines = buffer.toString('utf8').split(/\r?\n/);
  lines.forEach((content, index) => {
    const match = DIRECTIVE.exec(content);
    if (!match) return;
    const line = firstLine + index;
    // The comment's closer ends the directive; ` -- ` separates the ids from the reason.
    const body = match[1]!.replace(/\s*(?:\*\/|-->).*$/, '').trim();
    const separator = body.search(/(?:^|\s)--(?:\s|$)/);
    const idsText = (separator < 0 ? body : body.slice(0, separator)).trim();
    const reason =
      separator < 0
        ? ''
        : body
            .slice(separator)
            .replace(/^\s*--/, '')
            .trim();
    const targets = idsText
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    const example = `${MARKER} ${targets[0] ?? 'rsa'} -- <why this is acceptable>`;
    if (targets.length === 0) {
      out.diagnostics.push(
        warning(
          'suppression-invalid',
          `${MARKER} names no rule or algorithm, so it suppresses nothing; write \`${example}\`.`,
          path,
          line,
        ),
      );
      return;
    }
    const bad = targets.filter((t) => !ID.test(t));
    if (bad.length > 0) {
      out.diagnostics.push(
        warning(
          'suppression-invalid',
          `${MARKER} has ${bad.map((t) => `"${t}"`).join(', ')}, which is not a rule or algorithm id, so it suppresses nothing; write \`${example}\`.`,
          path,
          line,
        ),
      );
      return;
    }
    if (reason === '') {
      out.diagnostics.push(
        warning(
          'suppression-without-reason',
          `${MARKER} ${targets.join(',')} gives no reason, so it suppresses nothing; write \`${example}\`.`,
          path,
          line,
        ),
      );
      return;
    }
    out.directives.push({ path, line, targets, reason });
  });
  return out;
}
