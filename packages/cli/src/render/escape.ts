/**
 * One escaping helper per output medium, for every value that comes from a scanned file or a certificate
 * (paths, subjects, snippets, diagnostic messages). A file name is attacker-chosen text: it must not move the
 * terminal's cursor or set its title (ECMA-48 ESC/CSI/OSC sequences), close a Markdown code span, open live
 * HTML in a rendered Markdown report, or reorder what a reader sees (Unicode bidirectional controls, the
 * "Trojan Source" attack, CVE-2021-42574).
 *
 * Sources: ECMA-48 5th ed. §5 (C0 and C1 control sets); CommonMark 0.31.2 §6.1 (code spans: a run of N
 * backticks closes only a run of N; one leading and trailing space is stripped); GitHub Flavored Markdown
 * spec §4.10 (a `|` inside a table cell, even in a code span, must be escaped as `\|`); Unicode UAX #9
 * (bidirectional formatting characters).
 */

/** C0 controls, DEL, C1 controls, bidirectional formatting, line/paragraph separators, BOM. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Control characters as visible escapes (`\x1b`), so text can neither drive a terminal nor hide itself. */
export const terminalText = (s: string): string => s.replace(CONTROL, visible);

/** Inline Markdown text: no HTML, no emphasis, link, heading or table syntax, no control characters. */
export const mdText = (s: string): string =>
  terminalText(s)
    .replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');

/**
 * A Markdown code span holding `s` verbatim that stays closed whatever `s` holds: the fence is one backtick
 * longer than the longest run inside, padded with a space when `s` starts or ends with a backtick.
 * `inTable`: `|` is escaped (GFM reads it as a cell boundary even inside a code span).
 */
export function mdCode(s: string, inTable = true): string {
  let text = terminalText(s);
  if (inTable) text = text.replace(/\|/g, '\\|');
  if (text.length === 0) return '` `';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end of a span that has one at both ends and is not all spaces.
  const stripped = text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '';
  const pad = text.startsWith('`') || text.endsWith('`') || stripped ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** HTML text and attribute values: the five markup characters as entities, controls visible. */
export const htmlText = (s: string | number | undefined): string =>
  terminalText(String(s ?? '')).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
