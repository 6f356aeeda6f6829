// Response compression. Hono's compress() pipes every body through a web CompressionStream,
// whose per-chunk machinery cost more CPU than the search itself on a warm API request. Our
// compressible responses (HTML, JSON, CSV, XML, CSS, JS) are built whole in memory anyway, so
// they are read whole and gzipped by zlib in one call (on the thread pool when large).
import { promisify } from 'node:util';
import { gzip as gzipAsync, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

const gzip = promisify(gzipAsync);
const THRESHOLD = 1024;
/** Above this, compression leaves the event loop (other requests go on meanwhile). */
const SYNC_MAX = 256 * 1024;

/** True when the client takes gzip (a q=0 refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export const compressResponses: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('Content-Type');
  if (
    !res.body ||
    c.req.method === 'HEAD' ||
    res.status === 206 ||
    res.headers.has('Content-Encoding') ||
    res.headers.has('Transfer-Encoding') ||
    !type ||
    !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
    /no-transform/i.test(res.headers.get('Cache-Control') ?? '')
  ) {
    return;
  }
  const vary = res.headers.get('Vary');
  if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (!acceptsGzip(c.req.header('Accept-Encoding'))) return;
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength < THRESHOLD) {
    c.res = new Response(body, res);
    return;
  }
  const zipped = body.byteLength <= SYNC_MAX ? gzipSync(body) : await gzip(body);
  // Hono merges the previous response's headers into the one assigned: set ours after.
  c.res = new Response(zipped, res);
  c.res.headers.set('Content-Encoding', 'gzip');
  c.res.headers.set('Content-Length', String(zipped.byteLength));
  const etag = c.res.headers.get('ETag');
  if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
};
