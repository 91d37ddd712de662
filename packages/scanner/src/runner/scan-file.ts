/**
 * Reading one file for the detectors: bytes once, hash once, text decoded lazily.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHead, ScanFile } from '../detectors/types.js';

export const HEAD_BYTES = 4096;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function makeScanFile(head: Omit<FileHead, 'head'>, bytes: Uint8Array): ScanFile {
  let text: string | undefined;
  return {
    ...head,
    head: bytes.subarray(0, HEAD_BYTES),
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text() {
      // TextDecoder drops a leading BOM (ignoreBOM: false) and maps invalid bytes to U+FFFD.
      text ??= utf8.decode(bytes);
      return text;
    },
  };
}

export async function readHead(absPath: string, size: number): Promise<Uint8Array> {
  const handle = await open(absPath, 'r');
  try {
    const buffer = new Uint8Array(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A FileHead whose head bytes are dropped once the runner has asked every detector whether it
 * accepts the file, and read again only if a detector looks at them later: a tree of 100k files
 * then costs a path and a size per file, not 4 KiB.
 */
export class WalkedFileHead implements FileHead {
  #head: Uint8Array | undefined;

  constructor(
    readonly path: string,
    readonly absPath: string,
    readonly size: number,
    head: Uint8Array | undefined,
    readonly aliasOf?: string,
  ) {
    this.#head = head;
  }

  get head(): Uint8Array {
    if (this.#head === undefined) {
      const buffer = new Uint8Array(Math.min(HEAD_BYTES, this.size));
      let fd: number | undefined;
      try {
        fd = openSync(this.absPath, 'r');
        this.#head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
      } catch {
        // The file went away or became unreadable since the walk; reading it later reports that.
        this.#head = new Uint8Array();
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    return this.#head;
  }

  release(): void {
    this.#head = undefined;
  }
}
