/**
 * Writes an output file atomically: a reader (or a crash) never sees half a CBOM. A target that is not a regular
 * file (`/dev/stdout`, a FIFO, a terminal) is written in place: renaming over it would replace the device with a
 * file. A symbolic link to a file keeps its link: the file it points to is replaced. The content may be a string or
 * a stream of chunks, written as they come, so a large inventory is never held as one string. SIGINT or SIGTERM
 * during the write removes the temporary file before the process ends as the signal asks.
 *
 * Before a scan, `checkOutput` refuses an output that would destroy input (an existing file of the scanned tree
 * that pqready did not write) or that cannot be written, and says which paths the walk must leave out: the output
 * itself and its temporary files.
 */
import { randomBytes } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import { access, open, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WalkScope } from '@pqready/scanner';

type OutputContent = string | Iterable<string> | AsyncIterable<string>;

/** Temporary files are `.<name>.<pid>.<random>.tmp` next to the target: this is their common prefix. */
const tempPrefix = (resolved: string): string => path.join(path.dirname(resolved), `.${path.basename(resolved)}.`);

async function writeAll(handle: import('node:fs/promises').FileHandle, content: OutputContent): Promise<void> {
  if (typeof content === 'string') {
    await handle.writeFile(content);
    return;
  }
  for await (const chunk of content) if (chunk.length > 0) await handle.write(chunk);
}

export async function writeFileAtomically(target: string, content: OutputContent): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    const handle = await open(target, 'w');
    try {
      await writeAll(handle, content);
    } finally {
      await handle.close();
    }
    return;
  }
  const resolved = existing ? await realpath(target) : path.resolve(target);
  const temp = `${tempPrefix(resolved)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const onSignal = (signal: NodeJS.Signals): void => {
    rmSync(temp, { force: true });
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    // Ends the process as the signal would have without the listener (exit status 128 + signal number).
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const handle = await open(temp, 'wx');
    try {
      await writeAll(handle, content);
    } finally {
      await handle.close();
    }
    await rename(temp, resolved);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

let stdoutClosed = false;
let watching = false;

/**
 * A reader that stops reading (`pqready scan … | head`) closes the pipe: the rest of the output has nobody to go to,
 * which is what the reader asked for, not an error of pqready's. Writing stops quietly and the command ends with the
 * exit code it would have had. Any other error of standard output is still one.
 */
export function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
}

/** Whether the reader of standard output has left (nothing written there reaches anybody, and no `drain` comes). */
function stdoutGone(): boolean {
  return stdoutClosed || process.stdout.destroyed;
}

/** Writes chunks to standard output as it drains: a large output is never held whole, nor queued whole. */
export async function writeToStdout(content: Iterable<string>): Promise<void> {
  for (const chunk of content) {
    if (stdoutGone()) return;
    if (!process.stdout.write(chunk)) await drainedOrClosed();
  }
}

/**
 * Waits until what was written to standard output has gone out, or its reader has left. oclif's `flush` waits for a
 * `drain` only, which never comes once the reader has left (`| head`), and the process then ended with Node's
 * unsettled-await exit code 13.
 */
export function flushStdout(): Promise<void> {
  // A `drain` comes only after a write that was told to wait: with nothing waiting, there is nothing to wait for.
  if (stdoutGone() || !process.stdout.writableNeedDrain) return Promise.resolve();
  return drainedOrClosed();
}

/** Resolves when standard output can take more, or will never take any (the reader left: no `drain` comes then). */
function drainedOrClosed(): Promise<void> {
  const out = process.stdout;
  if (out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

export class OutputError extends Error {}

/** Whether the head of an existing file shows an output of pqready (or another CycloneDX BOM), safe to replace. */
function looksLikeOwnOutput(head: string): boolean {
  if (head.trim() === '') return true;
  return (
    /"bomFormat"\s*:\s*"CycloneDX"/.test(head) || /\bpqready\b/.test(head) || /^# Cryptography inventory/.test(head)
  );
}

async function headOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Checks an output path before the scan starts: its directory exists and is writable, and it is not a file of the
 * scanned roots that pqready did not write (that file would be overwritten). Returns what the walk leaves out.
 */
export async function checkOutput(target: string, roots: readonly string[]): Promise<WalkScope> {
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(`Cannot write ${target}: it is a directory; name a file.`);
  if (existing && !existing.isFile()) return {};
  const resolved = existing ? await realpath(target) : path.resolve(target);
  const dir = path.dirname(resolved);
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    throw new OutputError(`Cannot write ${target}: its directory ${dir} does not exist; create it first.`);
  }
  try {
    await access(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutputError(`Cannot write ${target}: its directory ${dir} is not writable.`);
  }
  const realDir = await realpath(dir);
  const real = path.join(realDir, path.basename(resolved));
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => path.resolve(r))));
  const inScan = realRoots.some((r) => real === r || real.startsWith(`${r}${path.sep}`));
  if (existing && inScan && !looksLikeOwnOutput(await headOf(real))) {
    throw new OutputError(
      `Refusing to write ${target}: it is a file of the scanned tree and would be overwritten; write the output elsewhere.`,
    );
  }
  const paths = [...new Set([path.resolve(target), resolved, real])];
  return { skipPaths: paths, skipTempPrefixes: [...new Set(paths.map(tempPrefix))] };
}
