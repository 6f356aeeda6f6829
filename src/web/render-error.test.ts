// The one error handler: known errors in the reader's language, timeouts as 503, the rest hidden.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import { renderError } from './render-error.tsx';
import { HttpError } from './errors.ts';

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>();
  app.get('*', () => {
    throw error;
  });
  app.onError((e, c) => renderError(c, e));
  return app;
}

describe('error rendering', () => {
  it('turns a cancelled statement (statement_timeout) into 503 with Retry-After', async () => {
    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const res = await appThrowing(timeout).request('/api/v1/resources', { headers: { 'accept-language': 'es' } });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'busy');
    assert.match(body.error.message, /ocupado/);
  });

  it('hides the detail of an unexpected error', async () => {
    const res = await appThrowing(new Error('password=secret')).request('/en/library');
    assert.equal(res.status, 500);
    const html = await res.text();
    assert.doesNotMatch(html, /secret/);
  });

  it('renders an HttpError as a page in the language of the URL', async () => {
    const res = await appThrowing(new HttpError(404, 'error.notFound')).request('/ru/x', { headers: { 'accept-language': 'ru' } });
    assert.equal(res.status, 404);
    assert.match(await res.text(), /lang="ru"/);
  });
});
