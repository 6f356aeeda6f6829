// The backup's table of contents: what it holds, from which schema, and the SHA-256 of every part.
// Restore trusts nothing in the archive until this manifest parses and every part matches it.
import { z } from 'zod';

export const BACKUP_FORMAT = 'atlas-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const TableName = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a table name');

/** tables/NAME.jsonl, or files/… with no empty, "." or ".." segment: nothing can point outside the staging folder. */
export function isSafePartPath(part: string): boolean {
  if (part.includes('\\') || part.includes('\0')) return false;
  const segments = part.split('/');
  return segments.length >= 2 && segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

const PartPath = z.string().max(1000).refine(isSafePartPath, 'a relative path inside the backup');

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  created_at: z.string(),
  server: z.string(),
  migrations: z.array(z.object({ version: z.number().int().positive(), name: z.string() })),
  tables: z.array(
    z.object({
      name: TableName,
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().min(0),
      part: PartPath.refine((p) => /^tables\/[a-z_][a-z0-9_]*\.jsonl$/.test(p), 'tables/NAME.jsonl'),
      bytes: z.number().int().min(0),
      sha256: Sha256,
    }),
  ),
  files: z.array(
    z.object({
      part: PartPath.refine((p) => p.startsWith('files/'), 'files/…'),
      bytes: z.number().int().min(0),
      sha256: Sha256,
    }),
  ),
});

export type Manifest = z.infer<typeof ManifestSchema>;

export function tablePart(table: string): string {
  return `tables/${table}.jsonl`;
}
