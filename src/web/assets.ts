// Static assets, read once at start and served under a content hash so browsers can cache them forever.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Asset = { name: string; url: string; body: string; gzipped: Buffer; type: string; etag: string };

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

function load(name: string, type: string): Asset {
  const body = readFileSync(path.join(dir, name), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [base, ext] = name.split('.');
  return { name, url: `/assets/${base}.${hash}.${ext}`, body, gzipped: gzipSync(body), type, etag: `"${hash}"` };
}

export const ASSETS = {
  css: load('atlas.css', 'text/css; charset=utf-8'),
  libraryJs: load('library.js', 'text/javascript; charset=utf-8'),
};

export const assetByUrl = new Map(Object.values(ASSETS).map((a) => [a.url, a]));
