import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { acceptsGzip, compressResponses } from './compress.ts';

describe('response compression', () => {
  const app = new Hono();
  app.use('*', compressResponses);
  const big = JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ i, title: `Résumé ${i} حماية الطفل` })) });
  app.get('/json', (c) => {
    c.header('ETag', '"abc"');
    return c.body(big, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  app.get('/small', (c) => c.text('short'));
  app.get('/pdf', (c) => c.body(new Uint8Array(5000), 200, { 'Content-Type': 'application/pdf' }));
  app.get('/huge', (c) => c.text('x'.repeat(600 * 1024)));

  it('gzips a compressible body when asked, with its length, a weak ETag and Vary', async () => {
    const res = await app.request('/json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(Number(res.headers.get('content-length')), bytes.byteLength);
    assert.ok(bytes.byteLength < big.length / 3);
    assert.equal(gunzipSync(bytes).toString('utf8'), big);
    assert.equal(res.headers.get('etag'), 'W/"abc"');
    assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
  });

  it('leaves alone: no gzip asked (or q=0), small bodies, binary files', async () => {
    const plain = await app.request('/json');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), big);
    assert.equal((await app.request('/json', { headers: { 'accept-encoding': 'gzip;q=0' } })).headers.get('content-encoding'), null);
    assert.equal((await app.request('/small', { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding'), null);
    const pdf = await app.request('/pdf', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(pdf.headers.get('content-encoding'), null);
    assert.equal((await pdf.arrayBuffer()).byteLength, 5000);
  });

  it('compresses a large body off the event loop, with the same result', async () => {
    const res = await app.request('/huge', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gunzipSync(new Uint8Array(await res.arrayBuffer())).length, 600 * 1024);
  });

  it('reads Accept-Encoding with quality values', () => {
    assert.equal(acceptsGzip('gzip'), true);
    assert.equal(acceptsGzip('br, GZIP;q=0.5'), true);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip('gzip;q=0, br'), false);
    assert.equal(acceptsGzip('deflate'), false);
    assert.equal(acceptsGzip(undefined), false);
  });
});
