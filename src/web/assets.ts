// Static assets, read once at start and served under a content hash so browsers can cache them forever.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Asset = { name: string; url: string; body: string; gzipped: Buffer; type: string; etag: string };

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

/** One asset from one or more files (concatenated in order; paths relative to src/web/assets). */
function load(name: string, type: string, parts: string[] = [name]): Asset {
  const body = parts.map((part) => readFileSync(path.join(dir, part), 'utf8')).join('\n');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [base, ext] = name.split('.');
  return { name, url: `/assets/${base}.${hash}.${ext}`, body, gzipped: gzipSync(body), type, etag: `"${hash}"` };
}

export const ASSETS = {
  css: load('atlas.css', 'text/css; charset=utf-8'),
  libraryJs: load('library.js', 'text/javascript; charset=utf-8'),
  reviewsIndexJs: load('reviews-index.js', 'text/javascript; charset=utf-8'),
  // The model law's reading, side-by-side and print styles.
  modelLawCss: load('model-law.css', 'text/css; charset=utf-8', ['../../features/model-law/model-law.css']),
  // Country profiles, reviews and the map, for the public pages that use them.
  reviewsCss: load('reviews.css', 'text/css; charset=utf-8', ['../../features/countries/countries.css', '../../features/reviews/reviews.css', '../../features/map/map.css']),
  // The best-practices directory, the terminology guide and checker, and the self-audit.
  toolsCss: load('tools.css', 'text/css; charset=utf-8', [
    ...['practices', 'terminology', 'safeguarding'].map((f) => `../../features/${f}/${f}.css`),
    '../../features/practices-admin/practices-submit.css',
  ]),
  safeguardingJs: load('safeguarding.js', 'text/javascript; charset=utf-8', ['../../features/safeguarding/safeguarding.js']),
  // The back office's styles: its frame, then each back-office feature's own rules.
  adminCss: load('admin.css', 'text/css; charset=utf-8', [
    'admin.css',
    ...['editor', 'users', 'audit', 'attachments', 'bulk-import', 'model-law-admin', 'reviews-admin', 'practices-admin', 'safeguarding-admin'].map((feature) => `../../features/${feature}/${feature}.css`),
  ]),
};

export const assetByUrl = new Map(Object.values(ASSETS).map((a) => [a.url, a]));
