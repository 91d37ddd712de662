/**
 * Reader for Kconfig output and fragments (Zephyr prj.conf, board and sysbuild fragments, ESP-IDF
 * sdkconfig, Linux/Zephyr defconfig): `CONFIG_NAME=value` lines (sysbuild `SB_CONFIG_NAME=value`), the
 * `# CONFIG_NAME is not set` form that Kconfig writes for a disabled boolean (Linux
 * Documentation/kbuild/kconfig.rst, "Format of .config"), and assignments commented out by hand
 * (`#CONFIG_NAME=y`), which set nothing.
 */

export interface KconfigEntry {
  readonly name: string;
  /** Raw value (`y`, `n`, `"str"`, `123`), or null for `# CONFIG_X is not set`. */
  readonly value: string | null;
  readonly line: number;
  readonly snippet: string;
  /** An assignment that was commented out: it sets nothing. */
  readonly commented?: boolean;
}

interface KconfigParse {
  readonly entries: readonly KconfigEntry[];
  /** Lines that are neither assignments, comments nor blank (1-based). */
  readonly invalidLines: readonly number[];
}

const NAME = '((?:SB_)?CONFIG_[A-Za-z0-9_]+)';
const ASSIGN = new RegExp(`^${NAME}\\s*=\\s*(.*)$`);
const NOT_SET = new RegExp(`^#\\s*${NAME} is not set\\s*$`);
const COMMENTED = new RegExp(`^#+\\s*${NAME}\\s*=\\s*(\\S.*)$`);

export function parseKconfig(text: string): KconfigParse {
  const entries: KconfigEntry[] = [];
  const invalidLines: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const line = raw.trim();
    if (line === '') continue;
    const ns = NOT_SET.exec(line);
    if (ns) {
      entries.push({ name: ns[1]!, value: null, line: i + 1, snippet: line });
      continue;
    }
    const cm = COMMENTED.exec(line);
    if (cm) {
      entries.push({
        name: cm[1]!,
        value: cm[2]!.replace(/\s+#.*$/, '').trim(),
        line: i + 1,
        snippet: line,
        commented: true,
      });
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = ASSIGN.exec(line);
    if (m) {
      entries.push({ name: m[1]!, value: m[2]!.replace(/\s+#.*$/, '').trim(), line: i + 1, snippet: line });
      continue;
    }
    invalidLines.push(i + 1);
  }
  return { entries, invalidLines };
}

const SNIFF = /^[ \t]*#?[ \t]*(?:SB_)?CONFIG_[A-Za-z0-9_]+[ \t]*=|^# (?:SB_)?CONFIG_[A-Za-z0-9_]+ is not set/gm;

/**
 * Whether text is a Kconfig fragment, whatever the file is called: at least one assignment line and
 * no line that is neither an assignment, a comment nor blank in the first 64 non-blank lines.
 */
export function looksLikeKconfig(text: string): boolean {
  let assignments = 0;
  let checked = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (++checked > 64) break;
    if (line.startsWith('#')) {
      if (SNIFF.test(line)) assignments++;
      SNIFF.lastIndex = 0;
      continue;
    }
    if (!/^(?:SB_)?CONFIG_[A-Za-z0-9_]+\s*=/.test(line)) return false;
    assignments++;
  }
  return assignments >= 1;
}

/** A Kconfig output is complete (every symbol it does not set is unset); a fragment is not. */
export function isCompleteKconfig(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === '.config' || base === 'sdkconfig' || base === 'autoconf.h';
}

/** What a Kconfig value means to the C preprocessor (autoconf.h): y → 1, n/unset → undefined. */
export function kconfigMacroBody(value: string | null): string | undefined {
  if (value === null || value === 'n') return undefined;
  if (value === 'y' || value === 'm') return '1';
  return value;
}
