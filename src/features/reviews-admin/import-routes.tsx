// The CSV export of an edition's assessments, and the import: upload → preview (nothing written;
// the file waits in memory, see pending.ts) → confirmation, which plans again inside one
// transaction and writes only what the preview showed (data changed meanwhile: a new preview).
import path from 'node:path';
import { HttpError } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { decodeImportBytes, ImportFileError } from '../import/read-file.ts';
import { storedAssessments } from './assessments.ts';
import { assessmentsCsv } from './csv.ts';
import { EditionReadOnlyError } from './errors.ts';
import { field, type Body } from './form.ts';
import { actorOf, EDITION, editionOr404, editionPath, failure, type C } from './http.ts';
import { applyImport, ImportRefusedError, planImport, PlanChangedError, type ImportPlan } from './import.ts';
import { findPending, storePending, type PendingAssessmentImport } from './pending.ts';
import { ImportFormPage, ImportPreviewPage } from './views/import-pages.tsx';
import { isEditable } from './workflow.ts';

const PENDING = `${EDITION}/import/:importId{[0-9a-f-]+}`;

async function editableEditionOr409(c: C) {
  const loaded = await editionOr404(c);
  if (!isEditable(loaded.edition.status)) failure(c, new EditionReadOnlyError(loaded.edition.status));
  return loaded;
}

function pendingOr404(c: C, editionId: string): PendingAssessmentImport {
  const pending = findPending(c.req.param('importId') ?? '', c.var.user!.id, editionId);
  if (!pending) throw new HttpError(404, 'reviewsAdmin.import.expired');
  return pending;
}

/** A file name safe for a Content-Disposition header. */
function downloadName(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('-') + '.csv';
}

export function importRoutes(pages: GuardedRouter): void {
  pages.get(`${EDITION}/assessments.csv`, 'backoffice.read', async (c) => {
    const { edition } = await editionOr404(c);
    const rows = [...(await storedAssessments(c.var.db, edition.id)).values()];
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${downloadName(edition.frameworkKey, edition.label, 'assessments')}"`);
    return c.body(assessmentsCsv(rows, { demo: edition.demo }));
  });

  pages.get(`${EDITION}/import`, 'content.import', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const { edition, framework } = await editableEditionOr409(c);
    return c.html(<ImportFormPage ctx={ctx} user={user!} csrfToken={csrfToken} framework={framework} edition={edition} skipInvalid={false} />);
  });

  pages.post(`${EDITION}/import`, 'content.import', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const { edition, framework } = await editableEditionOr409(c);
    const body = (await c.req.parseBody()) as Body;
    const skipInvalid = field(body, 'skip_invalid') === '1';
    const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
    const refuse = (message: string, detail?: string) =>
      c.html(<ImportFormPage ctx={ctx} user={user!} csrfToken={csrfToken} framework={framework} edition={edition} skipInvalid={skipInvalid} fileError={message} fileDetail={detail} />, 422);
    if (!file) return refuse(ctx.t('reviewsAdmin.import.noFile'));
    const name = path.basename(file.name.replace(/\\/g, '/')).slice(0, 200) || 'upload.csv';
    let text: string;
    let plan: ImportPlan;
    try {
      text = decodeImportBytes(new Uint8Array(await file.arrayBuffer()));
      plan = await planImport(db, edition, text);
    } catch (error) {
      if (error instanceof ImportFileError) return refuse(ctx.t('reviewsAdmin.import.unreadable'), error.message);
      throw error;
    }
    const id = storePending({ userId: user!.id, editionId: edition.id, file: name, text, skipInvalid, signature: plan.signature });
    return c.redirect(editionPath(ctx.locale, edition.id, `/import/${id}`), 303);
  });

  pages.get(PENDING, 'content.import', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const { edition, framework } = await editionOr404(c);
    const pending = pendingOr404(c, edition.id);
    const frame = { ctx, user: user!, csrfToken, framework, edition, id: pending.id, file: pending.file, skipInvalid: pending.skipInvalid };
    if (pending.result) return c.html(<ImportPreviewPage {...frame} plan={pending.result} done={true} />);
    if (!isEditable(edition.status)) failure(c, new EditionReadOnlyError(edition.status));
    // The preview always shows what a confirmation would do now.
    const plan = await planImport(db, edition, pending.text);
    pending.signature = plan.signature;
    return c.html(<ImportPreviewPage {...frame} plan={plan} done={false} />);
  });

  pages.post(PENDING, 'content.import', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const { edition, framework } = await editionOr404(c);
    const pending = pendingOr404(c, edition.id);
    if (pending.result) return c.redirect(editionPath(ctx.locale, edition.id, `/import/${pending.id}`), 303);
    const body = (await c.req.parseBody()) as Body;
    const skipInvalid = field(body, 'skip_invalid') === '1';
    const frame = { ctx, user: user!, csrfToken, framework, edition, id: pending.id, file: pending.file, skipInvalid, done: false };
    try {
      pending.result = await applyImport(db, actorOf(c), edition.id, pending.text, { skipInvalid, via: 'web', file: pending.file, expectedSignature: pending.signature });
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        pending.signature = error.plan.signature;
        return c.html(<ImportPreviewPage {...frame} plan={error.plan} notice={ctx.t('reviewsAdmin.import.refusedNotice')} />, 422);
      }
      if (error instanceof PlanChangedError) {
        pending.signature = error.plan.signature;
        return c.html(<ImportPreviewPage {...frame} plan={error.plan} notice={ctx.t('reviewsAdmin.import.changedNotice')} />, 409);
      }
      failure(c, error);
    }
    pending.skipInvalid = skipInvalid;
    return c.redirect(editionPath(ctx.locale, edition.id, `/import/${pending.id}`), 303);
  });
}
