// Back office: importing a model law. Upload → preview (nothing written; the document waits in
// memory, see pending.ts) → confirm, which writes the new draft edition and its audit entry in one
// transaction. A bad file is refused with its problems; nothing is written before the confirmation,
// and a confirmation that meets a problem writes nothing either.
import path from 'node:path';
import { contentChanged } from '../../web/cache.ts';
import { HttpError } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { recordAudit } from '../audit/log.ts';
import { ModelLawDocumentError, writeModelLawDocument } from '../model-law/write-document.ts';
import { labelTaken } from './editions.ts';
import { checkLabel, readYear, type FieldProblem } from './forms.ts';
import { actorOf, field, type C } from './http.ts';
import { documentCounts, existingLaw, IMPORT_FORMATS, prepareImport, readModelLawFile, type FileFormat, type ImportFormat, type Prepared } from './import-file.ts';
import { findPending, putBack, storePending, takePending, type PendingLawImport } from './pending.ts';
import { editionPath } from './views/common.tsx';
import { formatSize, ImportFormPage, ImportPreviewPage, type ImportValues } from './views/import-pages.tsx';

function formPage(c: C, values?: ImportValues, errors?: Record<string, FieldProblem>, problems?: string[], status: 200 | 400 | 413 | 422 = 200) {
  const { ctx, user, csrfToken, config } = c.var;
  return c.html(<ImportFormPage ctx={ctx} user={user!} csrfToken={csrfToken} limit={config.uploadMaxBytes} values={values} errors={errors} problems={problems} />, status);
}

async function previewPage(c: C, pending: Pick<PendingLawImport, 'id' | 'file' | 'format' | 'doc'>, checked?: Prepared) {
  const { db, ctx, user, csrfToken } = c.var;
  const prepared = checked ?? (await prepareImport(db, { format: pending.format, doc: pending.doc }));
  return c.html(
    <ImportPreviewPage ctx={ctx} user={user!} csrfToken={csrfToken} id={pending.id} file={pending.file} format={pending.format} prepared={prepared} counts={documentCounts(prepared.doc)} />,
    prepared.problems.length > 0 ? 422 : 200,
  );
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function importRoutes(pages: GuardedRouter): void {
  pages.get('/model-law/import', 'content.import', (c) => formPage(c));

  pages.post('/model-law/import', 'content.import', async (c) => {
    const { db, user, config } = c.var;
    const body = await c.req.parseBody();
    const chosen = field(body, 'format') || 'auto';
    const values: ImportValues = { format: chosen, label: field(body, 'label'), year: field(body, 'year') };
    const errors: Record<string, FieldProblem> = {};
    const format: ImportFormat = (IMPORT_FORMATS as readonly string[]).includes(chosen) ? (chosen as ImportFormat) : 'auto';
    const label = checkLabel(values.label, errors);
    const year = readYear(values.year, errors, 'year', true);
    const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
    if (!file) errors.file = { key: 'modelLawAdmin.import.error.noFile' };
    else if (file.size > config.uploadMaxBytes) {
      return formPage(c, values, { ...errors, file: { key: 'modelLawAdmin.import.error.tooLarge', values: { limit: formatSize(c.var.ctx.locale, config.uploadMaxBytes) } } }, [], 413);
    }
    if (Object.keys(errors).length > 0 || !file) return formPage(c, values, errors, [], 400);

    let text: string;
    try {
      text = UTF8.decode(new Uint8Array(await file.arrayBuffer()));
    } catch {
      return formPage(c, values, { file: { key: 'modelLawAdmin.import.error.encoding' } }, [], 422);
    }
    const read = readModelLawFile(text, format, { label, year });
    if (!read.ok) return formPage(c, values, { file: { key: 'modelLawAdmin.import.error.unreadable', values: { format: c.var.ctx.t(`modelLawAdmin.import.format.${read.format}`) } } }, read.problems, 422);
    const law = await existingLaw(db, read.doc.slug);
    if (law && (await labelTaken(db, law.id, label))) return formPage(c, values, { label: { key: 'modelLawAdmin.error.labelTaken', values: { label } } }, [], 422);
    const name = path.basename(file.name.replace(/\\/g, '/')).slice(0, 200) || 'upload';
    const prepared = await prepareImport(db, read);
    const id = storePending({ userId: user!.id, format: read.format as FileFormat, file: name, doc: prepared.doc });
    return previewPage(c, { id, file: name, format: read.format, doc: prepared.doc }, prepared);
  });

  pages.get('/model-law/import/:id', 'content.import', async (c) => {
    const pending = findPending(c.req.param('id') ?? '', c.var.user!.id);
    if (!pending) throw new HttpError(404, 'modelLawAdmin.import.expired');
    return previewPage(c, pending);
  });

  pages.post('/model-law/import/:id', 'content.import', async (c) => {
    const { db, ctx, user } = c.var;
    const pending = takePending(c.req.param('id') ?? '', user!.id);
    if (!pending) throw new HttpError(404, 'modelLawAdmin.import.expired');
    const check = await prepareImport(db, pending, { dryRun: false });
    if (check.problems.length > 0) {
      putBack(pending);
      return previewPage(c, pending);
    }
    const actor = actorOf(c);
    try {
      const written = await db.transaction().execute(async (trx) => {
        const result = await writeModelLawDocument(trx, check.doc, { status: 'draft', userId: user!.id });
        const counts = documentCounts(check.doc);
        await recordAudit(trx, actor, {
          action: 'model_law.import',
          entityType: 'model_law_edition',
          entityId: result.editionId,
          entityLabel: `${check.doc.slug} ${check.doc.edition.label}`,
          details: {
            format: pending.format,
            file: pending.file,
            label: check.doc.edition.label,
            newLaw: !check.law,
            sourceLocale: check.doc.sourceLocale,
            chapters: counts.chapters,
            articles: counts.articles,
            locales: counts.locales,
          },
        });
        return result;
      });
      contentChanged();
      return c.redirect(`${editionPath(ctx.locale, written.editionId)}?done=imported`, 303);
    } catch (error) {
      if (error instanceof ModelLawDocumentError) {
        putBack(pending);
        return previewPage(c, pending);
      }
      throw error;
    }
  });
}

