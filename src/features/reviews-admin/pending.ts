// Uploaded assessment files between their preview and their confirmation, and the report of a
// confirmed import, kept in this process's memory: a CSV of an edition is small, a preview is
// confirmed within minutes, and an unconfirmed upload should leave nothing behind. Each belongs to
// the user who uploaded it; after PENDING_MINUTES (or a restart) the user uploads again.
import { randomUUID } from 'node:crypto';
import type { ImportPlan } from './import.ts';

export const PENDING_MINUTES = 30;
const MAX_PENDING = 100;

export type PendingAssessmentImport = {
  id: string;
  userId: string;
  editionId: string;
  file: string;
  text: string;
  skipInvalid: boolean;
  /** What the preview showed (see ImportPlan.signature). */
  signature: string;
  /** Set once confirmed: the report the result page shows. */
  result?: ImportPlan;
  expires: number;
};

const pending = new Map<string, PendingAssessmentImport>();

function purge(now: number): void {
  for (const [id, entry] of pending) if (entry.expires <= now) pending.delete(id);
  while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
}

export function storePending(entry: Omit<PendingAssessmentImport, 'id' | 'expires'>): string {
  const now = Date.now();
  purge(now);
  const id = randomUUID();
  pending.set(id, { ...entry, id, expires: now + PENDING_MINUTES * 60_000 });
  return id;
}

/** The user's own import of this edition, if it has not expired; anyone else's does not exist. */
export function findPending(id: string, userId: string, editionId: string): PendingAssessmentImport | undefined {
  const entry = pending.get(id);
  if (!entry || entry.userId !== userId || entry.editionId !== editionId || entry.expires <= Date.now()) return undefined;
  return entry;
}
