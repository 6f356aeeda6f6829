// Uploaded model laws between their preview and their confirmation, kept in this process's memory
// (not in the database): a document is small, a preview is confirmed within minutes, and an
// unconfirmed upload should leave nothing behind. Each belongs to the user who uploaded it; after
// PENDING_MINUTES, or a restart, the user uploads again. With several processes behind one
// address, the confirmation must reach the process that made the preview (sticky sessions).
import { randomUUID } from 'node:crypto';
import type { ModelLawDocument } from '../model-law/format.ts';
import type { FileFormat } from './import-file.ts';

export const PENDING_MINUTES = 30;
const MAX_PENDING = 100;

export type PendingLawImport = { id: string; userId: string; format: FileFormat; file: string; doc: ModelLawDocument; expires: number };

const pending = new Map<string, PendingLawImport>();

function purge(now: number): void {
  for (const [id, entry] of pending) if (entry.expires <= now) pending.delete(id);
  // Oldest first (insertion order): a flood of previews cannot grow the map without bound.
  while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
}

export function storePending(entry: Omit<PendingLawImport, 'id' | 'expires'>): string {
  const now = Date.now();
  purge(now);
  const id = randomUUID();
  pending.set(id, { ...entry, id, expires: now + PENDING_MINUTES * 60_000 });
  return id;
}

/** The user's own pending import, if it has not expired; anyone else's does not exist. */
export function findPending(id: string, userId: string): PendingLawImport | undefined {
  const entry = pending.get(id);
  if (!entry || entry.userId !== userId || entry.expires <= Date.now()) return undefined;
  return entry;
}

/** Takes it out, so that a second confirmation (a double click) finds nothing; put it back when the import fails. */
export function takePending(id: string, userId: string): PendingLawImport | undefined {
  const entry = findPending(id, userId);
  if (entry) pending.delete(id);
  return entry;
}

export function putBack(entry: PendingLawImport): void {
  pending.set(entry.id, entry);
}
