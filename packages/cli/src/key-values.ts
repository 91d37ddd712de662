/**
 * Parses repeatable `NAME=VALUE` flags (`--define`, `--assume`).
 */
export class KeyValueError extends Error {}

export function parseKeyValues(
  values: readonly string[] | undefined,
  flag: string,
  opts: { readonly valueOptional?: boolean; readonly defaultValue?: string } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  // `--assume nginx=1.22,openssl=3.0` is as natural as repeating the flag.
  for (const item of (values ?? []).flatMap((v) => v.split(','))) {
    const trimmed = item.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const name = eq < 0 ? trimmed : trimmed.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      throw new KeyValueError(`--${flag} expects NAME=VALUE, and "${trimmed}" does not start with a valid name.`);
    }
    if (eq < 0 && !opts.valueOptional) throw new KeyValueError(`--${flag} expects NAME=VALUE, got "${trimmed}".`);
    out[name] = eq < 0 ? (opts.defaultValue ?? '1') : trimmed.slice(eq + 1);
  }
  return out;
}
