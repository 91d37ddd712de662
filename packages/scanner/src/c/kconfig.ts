/**
 * Reader for Kconfig output and fragments (Zephyr prj.conf, ESP-IDF sdkconfig, Linux/Zephyr
 * defconfig): `CONFIG_NAME=value` lines and the `# CONFIG_NAME is not set` form that Kconfig writes
 * for a disabled boolean (Linux Documentation/kbuild/kconfig.rst, "Format of .config").
 */

export interface KconfigEntry {
  readonly name: string;
  /** Raw value (`y`, `n`, `"str"`, `123`), or null for `# CONFIG_X is not set`. */
  readonly value: string | null;
  readonly line: number;
  readonly snippet: string;
}

export interface KconfigParse {
  readonly entries: readonly KconfigEntry[];
  /** Lines that are neither assignments, comments nor blank (1-based). */
  readonly invalidLines: readonly number[];
}

const ASSIGN = /^(CONFIG_[A-Za-z0-9_]+)\s*=\s*(.*)$/;
const NOT_SET = /^#\s*(CONFIG_[A-Za-z0-9_]+) is not set\s*$/;

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

/** What a Kconfig value means to the C preprocessor (autoconf.h): y → 1, n/unset → undefined. */
export function kconfigMacroBody(value: string | null): string | undefined {
  if (value === null || value === 'n') return undefined;
  if (value === 'y' || value === 'm') return '1';
  return value;
}
