// File names come from the uploader's computer: they are shown on pages and sent back in
// Content-Disposition, so they are reduced to a plain, single-line name with the right extension.
import { EXTENSIONS, type MediaType } from './storage.ts';

const MAX_LENGTH = 150;

/**
 * The last path segment, without control or bidirectional-override characters (which can disguise
 * "exe.pdf" as "fdp.exe"), nor leading dots, and ending in the extension of the detected type.
 */
export function cleanFilename(name: string, type: MediaType): string {
  const extension = EXTENSIONS[type];
  let base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // Not every format character: Farsi needs the zero-width non-joiner.
    .replace(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/gu, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  if (base.toLowerCase().endsWith(extension)) base = base.slice(0, -extension.length).trimEnd();
  base = [...base].slice(0, MAX_LENGTH).join('').replace(/[.\s]+$/, '');
  return `${base || 'document'}${extension}`;
}

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
