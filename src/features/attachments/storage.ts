// Attachment bytes on disk, named by their SHA-256 (files/ab/cdef…): identical documents are stored
// once, a name can never point at other bytes, and a file is written whole or not at all (a temporary
// file in the same directory, then renamed over).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export type MediaType = typeof PDF | typeof DOCX;

/** The short name of each accepted type, shown beside file names (a format name, not translated). */
export const TYPE_LABELS: Record<MediaType, string> = { [PDF]: 'PDF', [DOCX]: 'DOCX' };
export const EXTENSIONS: Record<MediaType, string> = { [PDF]: '.pdf', [DOCX]: '.docx' };

export function isMediaType(value: string): value is MediaType {
  return value === PDF || value === DOCX;
}

/** The type read from the bytes themselves (the name and the browser's claim are not trusted). */
export async function detectType(bytes: Uint8Array): Promise<MediaType | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  return found && isMediaType(found.mime) ? found.mime : undefined;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const HASH = /^[0-9a-f]{64}$/;

export function filePath(filesDir: string, hash: string): string {
  // The hash comes from our own database, but a path is built from it: refuse anything else.
  if (!HASH.test(hash)) throw new Error(`not a SHA-256: ${hash}`);
  return path.join(filesDir, hash.slice(0, 2), hash.slice(2));
}

/** Stores the bytes under their hash unless that file is already there. */
export async function storeFile(filesDir: string, hash: string, bytes: Uint8Array): Promise<void> {
  const target = filePath(filesDir, hash);
  if (await exists(target)) return;
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function deleteFile(filesDir: string, hash: string): Promise<void> {
  await rm(filePath(filesDir, hash), { force: true });
}

/** The size of the stored file, or undefined when it is missing. */
export async function storedSize(filesDir: string, hash: string): Promise<number | undefined> {
  try {
    return (await stat(filePath(filesDir, hash))).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
