/**
 * Reading one file for the detectors: bytes once, hash once, text decoded lazily.
 */
import { createHash } from 'node:crypto';
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
