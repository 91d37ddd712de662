/**
 * `pqready diff <old> <new>`: what changed between two scans (CycloneDX CBOMs or pqready JSON reports), matched by
 * identity (kind, algorithm and parameters, file, enclosing function or scope; never the line), so moved code is not
 * a change. Exit codes: 0 done, 1 `--fail-on` matched an added or changed entry, 2 usage or input error, 3 internal.
 */
import { Args, Flags } from '@oclif/core';
import { PqreadyCommand } from '../base.js';
import { type ChangedEntry, diffEntries, type EntryDiff } from '../diff/compare.js';
import type { DiffEntry } from '../diff/entries.js';
import { readScanResult, ScanFileError } from '../diff/read.js';
import { EXIT } from '../main.js';
import { writeFileAtomically } from '../output.js';
import { GateError, parseGates } from '../triage/gate.js';

/** An entry as `--json` prints it: its identity spelled out, without the internal key. */
export type DiffJsonEntry = Omit<DiffEntry, 'key' | 'gate'>;

export interface DiffJson {
  readonly old: string;
  readonly new: string;
  readonly added: readonly DiffJsonEntry[];
  readonly removed: readonly DiffJsonEntry[];
  readonly changed: readonly {
    readonly before: DiffJsonEntry;
    readonly after: DiffJsonEntry;
    readonly changes: ChangedEntry['changes'];
  }[];
  readonly unchanged: number;
  readonly gate?: { readonly expressions: readonly string[]; readonly failed: boolean; readonly matching: number };
}

const plain = (e: DiffEntry): DiffJsonEntry => ({
  kind: e.kind,
  label: e.label,
  path: e.path,
  ...(e.line !== undefined ? { line: e.line } : {}),
  ...(e.scope ? { scope: e.scope } : {}),
  attributes: e.attributes,
});

const where = (e: DiffEntry): string =>
  `${e.path}${e.line !== undefined ? `:${e.line}` : ''}${e.scope ? ` in ${e.scope}` : ''}`;

export function renderDiff(d: EntryDiff, oldName: string, newName: string): string {
  const out: string[] = [`pqready diff ${oldName} → ${newName}`];
  const list = (title: string, entries: readonly DiffEntry[], sign: string) => {
    if (entries.length === 0) return;
    out.push('', `${title} (${entries.length}):`);
    for (const e of entries) out.push(`  ${sign} ${(e.attributes.verdict ?? '').padEnd(9)} ${e.label}  ${where(e)}`);
  };
  list('Added', d.added, '+');
  list('Removed', d.removed, '-');
  if (d.changed.length > 0) {
    out.push('', `Changed (${d.changed.length}):`);
    for (const c of d.changed) {
      out.push(`  ~ ${(c.after.attributes.verdict ?? '').padEnd(9)} ${c.after.label}  ${where(c.after)}`);
      for (const ch of c.changes) out.push(`      ${ch.attribute}: ${ch.before ?? '(none)'} → ${ch.after ?? '(none)'}`);
    }
  }
  out.push(
    '',
    d.added.length + d.removed.length + d.changed.length === 0
      ? `No differences; ${d.unchanged} entries unchanged.`
      : `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged.`,
  );
  return `${out.join('\n')}\n`;
}

export default class Diff extends PqreadyCommand {
  static override summary = 'Compare two scans: added, removed and changed cryptography.';
  static override description =
    'Reads two CycloneDX CBOMs or JSON reports written by pqready scan (or CBOMs of other tools) and lists what was ' +
    'added, removed and changed. Findings are matched by kind, algorithm and parameters, file and enclosing function ' +
    'or configuration scope, not by line: moving code is not a change. With --fail-on, exits 1 when an added or ' +
    'changed entry matches.';
  static override examples = [
    '<%= config.bin %> diff main.cdx.json branch.cdx.json',
    '<%= config.bin %> diff old.json new.json --json',
    '<%= config.bin %> diff main.cdx.json branch.cdx.json --fail-on broken',
  ];
  static override enableJsonFlag = true;
  static override args = {
    old: Args.string({ description: 'the earlier scan (CBOM or JSON report)', required: true }),
    new: Args.string({ description: 'the later scan (CBOM or JSON report)', required: true }),
  };
  static override flags = {
    'fail-on': Flags.string({
      description: 'exit 1 when an added or changed entry matches, e.g. broken, "broken and active" (repeatable)',
      multiple: true,
      multipleNonGreedy: true,
    }),
    output: Flags.string({ char: 'o', description: 'write the listing (or JSON with --json) to FILE' }),
  };

  async run(): Promise<DiffJson> {
    const { args, flags } = await this.parse(Diff);
    let gate: ReturnType<typeof parseGates>;
    let before: readonly DiffEntry[];
    let after: readonly DiffEntry[];
    try {
      gate = parseGates(flags['fail-on'] ?? []);
      before = (await readScanResult(args.old)).entries;
      after = (await readScanResult(args.new)).entries;
    } catch (error) {
      if (error instanceof ScanFileError || error instanceof GateError) this.usageError(error.message);
      throw error;
    }
    const d = diffEntries(before, after);
    const matching = gate ? [...d.added, ...d.changed.map((c) => c.after)].filter((e) => gate(e.gate)).length : 0;
    const result: DiffJson = {
      old: args.old,
      new: args.new,
      added: d.added.map(plain),
      removed: d.removed.map(plain),
      changed: d.changed.map((c) => ({ before: plain(c.before), after: plain(c.after), changes: c.changes })),
      unchanged: d.unchanged,
      ...(gate ? { gate: { expressions: flags['fail-on']!, failed: matching > 0, matching } } : {}),
    };
    const text = this.jsonEnabled() ? `${JSON.stringify(result, null, 2)}\n` : renderDiff(d, args.old, args.new);
    if (flags.output) {
      try {
        await writeFileAtomically(flags.output, text);
      } catch (error) {
        this.usageError(`Cannot write ${flags.output} (${(error as NodeJS.ErrnoException).code ?? 'write failed'}).`);
      }
    } else if (!this.jsonEnabled()) {
      process.stdout.write(text);
    }
    if (gate && matching > 0) {
      process.stderr.write(
        `Gate failed: ${matching} added or changed entr${matching === 1 ? 'y matches' : 'ies match'} --fail-on ${flags['fail-on']!.map((e) => `"${e}"`).join(' or ')}.\n`,
      );
      process.exitCode = EXIT.gate;
    }
    return result;
  }
}
