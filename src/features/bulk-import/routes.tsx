// Back office: importing resources from the web. Upload (or paste) → preview → confirm → result:
// the upload is stored server-side as a pending import (pending.ts) and previewed with a dry run;
// the confirmation carries only its id and runs the same importer for real, in one transaction
// with every revision and audit entry (record.ts). The importers are the CLI's (src/features/import).
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { importFileEntries } from '../import/cli.ts';
import { importEntries, type ImportReport } from '../import/run.ts';
import { claimPending, findPending, storePending, type PendingImport } from './pending.ts';
import { recordImportHistory } from './record.ts';
import { findRun, runItems } from './runs.ts';
import { importLimit, readImportForm } from './upload.ts';
import { ImportFormPage, PreviewPage, ResultPage } from './views.tsx';

/** Thrown inside the import's transaction when another request confirmed the same upload first. */
class AlreadyConfirmed extends Error {}

export function bulkImportRoutes(pages: GuardedRouter, _api: GuardedRouter): void {
  pages.get('/import', 'content.import', (c) => {
    const { ctx, user, csrfToken, config } = c.var;
    return c.html(<ImportFormPage ctx={ctx} user={user} csrfToken={csrfToken} limit={importLimit(config.uploadMaxBytes)} />);
  });

  pages.post('/import', 'content.import', async (c) => {
    const { ctx, user, csrfToken, config, db } = c.var;
    const limit = importLimit(config.uploadMaxBytes);
    const form = await readImportForm(await c.req.parseBody(), limit);
    if (!form.ok) {
      return c.html(<ImportFormPage ctx={ctx} user={user} csrfToken={csrfToken} limit={limit} typed={form.typed} problems={form.problems} />, form.httpStatus);
    }
    const id = await storePending(db, user!.id, form.format, { status: form.status, file: form.file }, form.content);
    return c.redirect(`/${ctx.locale}/admin/import/${id}`, 303);
  });

  pages.get('/import/:id', 'content.import', async (c) => {
    const id = c.req.param('id') ?? '';
    const pending = await ownPending(c);
    if (!pending) {
      // Already confirmed (a reload, the back button): its result.
      if (await findRun(c.var.db, id, c.var.user!.id)) return c.redirect(`/${c.var.ctx.locale}/admin/import/${id}/result`, 303);
      throw notFound();
    }
    return preview(c, pending);
  });

  pages.post('/import/:id', 'content.import', async (c) => {
    const { db, ctx, user, clientIp } = c.var;
    const id = c.req.param('id') ?? '';
    const pending = await ownPending(c);
    const resultUrl = `/${ctx.locale}/admin/import/${id}/result`;
    if (!pending) {
      if (await findRun(db, id, user!.id)) return c.redirect(resultUrl, 303);
      throw notFound();
    }
    const body = await c.req.parseBody();
    const skipInvalid = body.skip_invalid === '1';
    const actor = { id: user!.id, email: user!.email, ip: clientIp };
    const history = recordImportHistory(actor, {
      via: 'web',
      format: pending.format,
      file: pending.options.file,
      batch: pending.id,
      status: pending.options.status,
      skipInvalid,
    });
    let report: ImportReport;
    try {
      report = await importEntries(db, importFileEntries(pending.format, pending.content), {
        skipInvalid,
        newStatus: pending.options.status,
        onWritten: async (trx, written) => {
          if (!(await claimPending(trx, pending.id, user!.id))) throw new AlreadyConfirmed();
          await history(trx, written);
        },
      });
    } catch (error) {
      if (error instanceof AlreadyConfirmed) return c.redirect(resultUrl, 303);
      throw error;
    }
    if (!report.written) return preview(c, pending, { refused: report.valid === 0 ? 'noValid' : 'problems', skipChecked: skipInvalid });
    return c.redirect(resultUrl, 303);
  });

  pages.get('/import/:id/result', 'content.import', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const batch = c.req.param('id') ?? '';
    const run = await findRun(db, batch, user!.id);
    if (!run) throw notFound();
    const items = await runItems(db, run, batch);
    return c.html(<ResultPage ctx={ctx} user={user} csrfToken={csrfToken} run={run} items={items} batch={batch} />);
  });
}

/** The pending import named in the URL, when it is the signed-in user's: anyone else's does not exist. */
function ownPending(c: Context<AppEnv>): Promise<PendingImport | undefined> {
  return findPending(c.var.db, c.req.param('id') ?? '', c.var.user!.id);
}

/** The dry run of a pending import, as a page; after a refused confirmation, with why (422). */
async function preview(c: Context<AppEnv>, pending: PendingImport, refusal?: { refused: 'problems' | 'noValid'; skipChecked: boolean }) {
  const { db, ctx, user, csrfToken } = c.var;
  const entries = importFileEntries(pending.format, pending.content);
  const report = await importEntries(db, entries, { dryRun: true, newStatus: pending.options.status });
  return c.html(
    <PreviewPage ctx={ctx} user={user} csrfToken={csrfToken} pending={pending} entries={entries} report={report}
      refused={refusal?.refused} skipChecked={refusal?.skipChecked} />,
    refusal ? 422 : 200,
  );
}
