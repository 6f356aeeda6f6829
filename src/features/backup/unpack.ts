// Opens a backup into a staging folder and checks it completely: the archive reads to its end, the
// manifest is valid, and every part is there, listed, of the listed size and SHA-256. Nothing else
// is touched, so a damaged or truncated file is refused before a restore changes anything.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { listFiles, sha256File } from './files.ts';
import { BACKUP_FORMAT_VERSION, MANIFEST_NAME, ManifestSchema, type Manifest } from './manifest.ts';
import { BackupError } from './errors.ts';

const ARCHIVE_PROBLEMS: Record<string, string> = {
  Z_BUF_ERROR: 'it ends too early (a truncated or incomplete copy?)',
  Z_DATA_ERROR: 'its compressed data is damaged',
  TAR_BAD_ARCHIVE: 'it is not a .tar.gz archive',
  TAR_ABORT: 'the archive is damaged',
};

export async function unpackBackup(file: string, staging: string): Promise<Manifest> {
  const name = path.basename(file);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new BackupError(`${file} does not exist or is not a file.`);

  // Read to the end once without writing anything: a damaged or truncated archive, or one with
  // links or devices in it, is refused before a single file is extracted.
  const oddEntries: string[] = [];
  await readArchive(name, () =>
    tar.t({
      file,
      // Any warning (a bad header, an unexpected end) is an error: a backup is all or nothing.
      strict: true,
      onReadEntry: (entry) => {
        if (!['File', 'OldFile', 'Directory'].includes(entry.type)) oddEntries.push(`${entry.path} (${entry.type})`);
      },
    }),
  );
  if (oddEntries.length > 0) {
    throw new BackupError(`${name} holds entries that are not plain files (${oddEntries.slice(0, 3).join(', ')}). Nothing was changed.`);
  }
  await readArchive(name, () => tar.x({ file, cwd: staging, strict: true, preserveOwner: false, noChmod: true }));

  const manifest = await readManifest(staging, name);
  await checkParts(staging, manifest, name);
  return manifest;
}

async function readArchive(name: string, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const problem = ARCHIVE_PROBLEMS[code] ?? (error as Error).message;
    throw new BackupError(`${name} cannot be read as a backup: ${problem}. Nothing was changed.`);
  }
}

async function readManifest(staging: string, name: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(staging, MANIFEST_NAME), 'utf8');
  } catch {
    throw new BackupError(`${name} has no ${MANIFEST_NAME}: it is not an Atlas backup. Nothing was changed.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${name}: ${MANIFEST_NAME} is not valid JSON. Nothing was changed.`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${name} is in backup format ${version}, newer than this Atlas reads (${BACKUP_FORMAT_VERSION}): upgrade the Atlas first. Nothing was changed.`,
    );
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new BackupError(`${name}: ${MANIFEST_NAME} is not valid (${issues.join('; ')}). Nothing was changed.`);
  }
  if (parsed.data.version !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`${name} is in backup format ${parsed.data.version}, which this Atlas does not read. Nothing was changed.`);
  }
  return parsed.data;
}

async function checkParts(staging: string, manifest: Manifest, name: string): Promise<void> {
  const parts = [...manifest.tables, ...manifest.files];
  const listed = new Set<string>();
  for (const p of parts) {
    if (listed.has(p.part)) throw new BackupError(`${name}: ${MANIFEST_NAME} lists ${p.part} twice. Nothing was changed.`);
    listed.add(p.part);
  }
  const tableNames = new Set(manifest.tables.map((t) => t.name));
  if (tableNames.size !== manifest.tables.length) throw new BackupError(`${name}: ${MANIFEST_NAME} lists a table twice. Nothing was changed.`);

  const present = new Set((await listFiles(staging)).filter((f) => f !== MANIFEST_NAME));
  const missing = parts.filter((p) => !present.has(p.part)).map((p) => p.part);
  if (missing.length > 0) {
    throw new BackupError(`${name} lacks ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}. Nothing was changed.`);
  }
  const unlisted = [...present].filter((p) => !listed.has(p));
  if (unlisted.length > 0) {
    throw new BackupError(`${name} holds ${unlisted.slice(0, 3).join(', ')}, not listed in its manifest. Nothing was changed.`);
  }
  for (const p of parts) {
    const file = path.join(staging, p.part);
    const size = (await stat(file)).size;
    if (size !== p.bytes) {
      throw new BackupError(`${name}: ${p.part} has ${size} bytes where the manifest says ${p.bytes}: the backup is damaged. Nothing was changed.`);
    }
    if ((await sha256File(file)) !== p.sha256) {
      throw new BackupError(`${name}: ${p.part} does not match its SHA-256 checksum: the backup is damaged. Nothing was changed.`);
    }
  }
}
