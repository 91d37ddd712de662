/**
 * Writes an output file atomically: a reader (or a crash) never sees half a CBOM. A target that is not a regular
 * file (`/dev/stdout`, a FIFO, a terminal) is written in place: renaming over it would replace the device with a
 * file. A symbolic link to a file keeps its link: the file it points to is replaced.
 */
import { randomBytes } from 'node:crypto';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomically(target: string, content: string): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await writeFile(target, content);
    return;
  }
  const resolved = existing ? await realpath(target) : path.resolve(target);
  const dir = path.dirname(resolved);
  const temp = path.join(dir, `.${path.basename(resolved)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, resolved);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
