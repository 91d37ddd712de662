/**
 * Reader for CMake configuration files that set build options with `set(NAME VALUE [CACHE …])`, as
 * TF-M does for image signing (config/config_base.cmake, profile files). Only literal `set` commands
 * on one line are read; anything computed by CMake itself is out of reach without running it.
 * Reference: CMake `set()` command documentation.
 */
import type { KconfigEntry } from './kconfig.js';

const SET = /^\s*set\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s+("(?:[^"\\]|\\.)*"|[^\s)]+)/i;

/** `set(NAME VALUE …)` lines as entries (value unquoted); same shape as Kconfig entries. */
export function parseCmakeSets(text: string): KconfigEntry[] {
  const out: KconfigEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) continue;
    const m = SET.exec(line);
    if (!m) continue;
    const raw = m[2]!;
    out.push({ name: m[1]!, value: raw.startsWith('"') ? raw.slice(1, -1) : raw, line: i + 1, snippet: trimmed });
  }
  return out;
}

/**
 * Whether a CMake script of any name is an option file: it sets at least two known options as cache
 * defaults (`set(MCUBOOT_ENC_IMAGES OFF CACHE BOOL "…")`, TF-M's bl2/ext/mcuboot/mcuboot_default_config.cmake).
 */
export function isCmakeOptionFile(text: string, isOption: (name: string) => boolean): boolean {
  let n = 0;
  for (const e of parseCmakeSets(text)) if (/\bCACHE\b/.test(e.snippet) && isOption(e.name) && ++n >= 2) return true;
  return false;
}
