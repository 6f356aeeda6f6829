// Public glossary pages and the "check a text" tool (works without JavaScript: a multipart form
// posting back to itself).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { formToken } from '../auth/middleware.ts';
import { listGlossary, getGlossaryEntry } from './store.ts';
import { STATUSES, type TermStatus } from './schema.ts';
import { GlossaryPage } from './glossary-view.tsx';
import { EntryPage } from './entry-view.tsx';
import { CheckPage, type CheckErrors, type CheckForm, type CheckOutcome } from './check-view.tsx';
import { documentText, MAX_TEXT_CHARS } from './document.ts';
import { largeCheckWait, runCheck, uploadWait } from './check-service.ts';

type C = Context<AppEnv>;

const isStatus = (value: unknown): value is TermStatus => typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

function renderCheck(c: C, form: CheckForm, errors: CheckErrors, status: 200 | 400 | 413 | 415 | 422 | 429 = 200, outcome?: CheckOutcome) {
  const maxMb = Math.round((c.var.config.uploadMaxBytes / (1024 * 1024)) * 10) / 10;
  return c.html(<CheckPage ctx={c.var.ctx} csrfToken={formToken(c)} form={form} errors={errors} maxMb={maxMb} outcome={outcome} />, status);
}

const PROBLEMS = {
  unsupported: { status: 415, key: 'terminology.check.errorUnsupported' },
  broken: { status: 422, key: 'terminology.check.errorBroken' },
  password: { status: 422, key: 'terminology.check.errorPassword' },
  empty: { status: 422, key: 'terminology.check.errorNoText' },
} as const;

export function terminologyPages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/terminology', async (c) => {
    const { db, ctx } = c.var;
    const wanted = c.req.query('status');
    const status = isStatus(wanted) ? wanted : undefined;
    const entries = await listGlossary(db);
    const byKey = new Map(entries.map((e) => [e.key, e]));
    return c.html(<GlossaryPage ctx={ctx} entries={entries} byKey={byKey} status={status} />);
  });

  app.get('/:locale/terminology/check', (c) => renderCheck(c, { text: '', lang: 'auto' }, {}));

  app.post('/:locale/terminology/check', async (c) => {
    const { db, ctx } = c.var;
    const body = await c.req.parseBody();
    const lang: Locale | 'auto' = isLocale(body.lang) ? body.lang : 'auto';
    let text = typeof body.text === 'string' ? body.text.replace(/\r\n?/g, '\n') : '';
    let truncated = false;
    const file = body.file;
    if (file instanceof File && file.size > 0) {
      const uploadsWait = await uploadWait(db, !!c.var.user, c.var.clientIp);
      if (uploadsWait > 0) {
        c.header('Retry-After', String(uploadsWait * 60));
        return renderCheck(c, { text, lang }, { file: ctx.t('terminology.check.rateLimited', { minutes: uploadsWait }) }, 429);
      }
      const read = await documentText(new Uint8Array(await file.arrayBuffer()));
      if ('problem' in read) {
        const problem = PROBLEMS[read.problem];
        return renderCheck(c, { text, lang }, { file: ctx.t(problem.key) }, problem.status);
      }
      ({ text, truncated } = read);
    }
    if (!text.trim()) return renderCheck(c, { text, lang }, { text: ctx.t('terminology.check.errorEmpty') }, 422);
    if (text.length > MAX_TEXT_CHARS) {
      return renderCheck(c, { text, lang }, { text: ctx.t('terminology.check.errorTooLong', { max: MAX_TEXT_CHARS }) }, 413);
    }
    const wait = await largeCheckWait(db, text, !!c.var.user, c.var.clientIp);
    if (wait > 0) {
      c.header('Retry-After', String(wait * 60));
      return renderCheck(c, { text, lang }, { text: ctx.t('terminology.check.rateLimited', { minutes: wait }) }, 429);
    }
    const checked = await runCheck(db, text, lang, ctx.locale);
    return renderCheck(c, { text, lang }, {}, 200, { text, ...checked, truncated, maxChars: MAX_TEXT_CHARS });
  });

  app.get('/:locale/terminology/:key', async (c) => {
    const { db, ctx } = c.var;
    const key = c.req.param('key');
    const entry = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) ? await getGlossaryEntry(db, key) : undefined;
    if (!entry) throw notFound();
    const entries = await listGlossary(db);
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const preferredOver = entries.filter((e) => e.alternative === entry.key);
    return c.html(<EntryPage ctx={ctx} entry={entry} byKey={byKey} preferredOver={preferredOver} />);
  });

  return app;
}
