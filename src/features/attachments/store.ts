// Attachment rows, and the copy of their texts on the resource that the search vector reads.
// Writes take the caller's transaction; a per-file advisory lock orders an upload against the
// clean-up of a removed file with the same content, so a file in use is never deleted.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { MAX_TEXT_CHARS } from './extract.ts';
import type { MediaType } from './storage.ts';

export type ResourceHead = { id: string; title: Localized; status: 'draft' | 'in_review' | 'published' | 'archived' };

export type Attachment = {
  id: string;
  resource_id: string;
  sha256: string;
  filename: string;
  media_type: MediaType;
  size: number;
  pages: number | null;
  created_at: string;
  created_by_email: string | null;
};

/** For a download: the attachment and the state of its resource. */
export type StoredAttachment = Pick<Attachment, 'id' | 'resource_id' | 'sha256' | 'filename' | 'media_type' | 'size'> & {
  resource_status: ResourceHead['status'];
};

const isId = (id: string) => /^\d{1,18}$/.test(id);

const COLUMNS = sql`a.id::text AS id, a.resource_id::text AS resource_id, a.sha256, a.filename, a.media_type,
  a.size::float8 AS size, a.pages, to_json(a.created_at)#>>'{}' AS created_at, u.email AS created_by_email`;

export async function resourceHead(db: Db, id: string): Promise<ResourceHead | undefined> {
  if (!isId(id)) return undefined;
  const r = await sql<ResourceHead>`SELECT id::text AS id, title, status FROM resources WHERE id = ${id}::bigint`.execute(db);
  return r.rows[0];
}

export async function listAttachments(db: Db, resourceId: string): Promise<Attachment[]> {
  const r = await sql<Attachment>`SELECT ${COLUMNS} FROM attachments a LEFT JOIN users u ON u.id = a.created_by
    WHERE a.resource_id = ${resourceId}::bigint ORDER BY a.id`.execute(db);
  return r.rows;
}

/** The attachments a reader may see: those of a published resource. */
export async function listPublishedAttachments(db: Db, resourceId: string): Promise<Attachment[]> {
  if (!isId(resourceId)) return [];
  const r = await sql<Attachment>`SELECT ${COLUMNS} FROM attachments a JOIN resources r ON r.id = a.resource_id
      LEFT JOIN users u ON u.id = a.created_by
    WHERE a.resource_id = ${resourceId}::bigint AND r.status = 'published' ORDER BY a.id`.execute(db);
  return r.rows;
}

export async function findAttachment(db: Db, id: string): Promise<StoredAttachment | undefined> {
  if (!isId(id)) return undefined;
  const r = await sql<StoredAttachment>`SELECT a.id::text AS id, a.resource_id::text AS resource_id, a.sha256, a.filename,
      a.media_type, a.size::float8 AS size, r.status AS resource_status
    FROM attachments a JOIN resources r ON r.id = a.resource_id WHERE a.id = ${id}::bigint`.execute(db);
  return r.rows[0];
}

/** Held until the end of the transaction: one writer at a time per stored file. */
export async function lockFile(trx: Db, hash: string): Promise<void> {
  // The two-key form has its own lock space, apart from the migrations' one-key lock.
  await sql`SELECT pg_advisory_xact_lock(7215003, hashtext(${hash}))`.execute(trx);
}

export async function isAttached(trx: Db, resourceId: string, hash: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM attachments
    WHERE resource_id = ${resourceId}::bigint AND sha256 = ${hash}`.execute(trx);
  return r.rows[0]!.n > 0;
}

export async function isReferenced(trx: Db, hash: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM attachments WHERE sha256 = ${hash}`.execute(trx);
  return r.rows[0]!.n > 0;
}

export type NewAttachment = {
  resourceId: string;
  sha256: string;
  filename: string;
  mediaType: MediaType;
  size: number;
  pages: number | null;
  text: string;
  createdBy: string | null;
};

export async function insertAttachment(trx: Db, a: NewAttachment): Promise<string> {
  const r = await sql<{ id: string }>`INSERT INTO attachments (resource_id, sha256, filename, media_type, size, pages, text, created_by)
    VALUES (${a.resourceId}::bigint, ${a.sha256}, ${a.filename}, ${a.mediaType}, ${a.size}, ${a.pages}, ${a.text}, ${a.createdBy}::bigint)
    RETURNING id::text AS id`.execute(trx);
  await refreshAttachmentText(trx, a.resourceId);
  return r.rows[0]!.id;
}

/** Deletes one attachment of this resource; undefined when there is none. */
export async function deleteAttachment(trx: Db, resourceId: string, id: string): Promise<Attachment | undefined> {
  if (!isId(id)) return undefined;
  const r = await sql<Attachment>`DELETE FROM attachments a
    WHERE a.id = ${id}::bigint AND a.resource_id = ${resourceId}::bigint
    RETURNING a.id::text AS id, a.resource_id::text AS resource_id, a.sha256, a.filename, a.media_type,
      a.size::float8 AS size, a.pages, to_json(a.created_at)#>>'{}' AS created_at, NULL::text AS created_by_email`.execute(trx);
  if (r.rows[0]) await refreshAttachmentText(trx, resourceId);
  return r.rows[0];
}

/** The resource's copy of its attachments' texts, which its generated search vector includes. */
async function refreshAttachmentText(trx: Db, resourceId: string): Promise<void> {
  await sql`UPDATE resources r SET attachment_text = left(coalesce(
      (SELECT string_agg(a.text, E'\n\n' ORDER BY a.id) FROM attachments a WHERE a.resource_id = r.id), ''), ${MAX_TEXT_CHARS})
    WHERE r.id = ${resourceId}::bigint`.execute(trx);
}
