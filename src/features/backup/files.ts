// File helpers for backups: hashing, walking the attachments folder, and placing a file atomically.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Regular files under `root`, as paths relative to it with "/" separators. Symbolic links and other
 * special files are left out: a link could point anywhere on the machine.
 */
export async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) found.push(child);
    }
  }
  if (await isDirectory(root)) await walk('');
  return found;
}

export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A hard link when both sides are on one file system (no copy of large attachments), else a copy. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Puts files in place so that a reader never sees half a file (each is written under a temporary
 * name beside its target, then renamed), keeping files already there with the same content, and
 * able to undo everything it did until it is committed.
 */
export class FilePlacement {
  private created: string[] = [];
  private replaced: { target: string; saved: string }[] = [];

  get written(): number {
    return this.created.length + this.replaced.length;
  }

  async place(from: string, to: string, sha256: string): Promise<void> {
    const existing = await lstat(to).catch(() => undefined);
    if (existing?.isFile() && (await sha256File(to)) === sha256) return;
    await mkdir(path.dirname(to), { recursive: true });
    const temporary = siblingName(to, 'restore');
    try {
      await copyFile(from, temporary);
      if (existing) {
        // A file with this name but other content (damaged, or not an attachment): set aside, not lost.
        const saved = siblingName(to, 'before-restore');
        await rename(to, saved);
        this.replaced.push({ target: to, saved });
      } else {
        this.created.push(to);
      }
      await rename(temporary, to);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  /** The placed files stay; what they replaced is deleted. */
  async commit(): Promise<void> {
    for (const r of this.replaced) await rm(r.saved, { recursive: true, force: true });
    this.created = [];
    this.replaced = [];
  }

  /** Back to the folder as it was. */
  async undo(): Promise<void> {
    for (const file of this.created) await unlink(file).catch(() => undefined);
    for (const r of this.replaced.reverse()) await rename(r.saved, r.target).catch(() => undefined);
    this.created = [];
    this.replaced = [];
  }
}

function siblingName(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${randomBytes(6).toString('hex')}`);
}
