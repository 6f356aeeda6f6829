// What an import leaves behind besides the resources: a revision and an audit entry for each
// resource it created or updated, and one audit entry for the run. Written through importEntries'
// onWritten hook, inside the import's own transaction, by the web import and the CLI alike, so that
// no import can change the library without its history.
import type { Db } from '../../db/connect.ts';
import { pickText } from '../../i18n/locales.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { resourceSnapshot } from '../editor/snapshot.ts';
import { recordRevision } from '../history/revisions.ts';
import { formatProblem, type ImportReport } from '../import/run.ts';

/** Problems listed in the run's audit entry; past this only their number is kept (the entry stays readable). */
export const SKIPPED_LISTED = 200;

export type ImportRun = {
  /** 'web' or 'cli': copied into every entry's details. */
  via: 'web' | 'cli';
  format: string;
  /** The file's name, or null for pasted text. */
  file: string | null;
  /** The pending import the web confirmed: the run's entity id, and how its page finds the entries. */
  batch?: string;
  status?: string;
  skipInvalid?: boolean;
};

export function recordImportHistory(actor: Actor, run: ImportRun): (trx: Db, report: ImportReport) => Promise<void> {
  const common = { via: run.via, file: run.file, ...(run.batch ? { batch: run.batch } : {}) };
  return async (trx, report) => {
    for (const outcome of report.outcomes) {
      if (outcome.outcome === 'unchanged') continue;
      const snapshot = await resourceSnapshot(trx, outcome.id);
      // Written a moment ago in this transaction: missing would mean the upsert lied.
      if (!snapshot) throw new Error(`resource ${outcome.id} vanished during its import`);
      await recordRevision(trx, actor, { entityType: 'resource', entityId: outcome.id, version: snapshot.version, data: snapshot.data, action: 'import' });
      await recordAudit(trx, actor, {
        action: outcome.outcome === 'created' ? 'resource.import_create' : 'resource.import_update',
        entityType: 'resource',
        entityId: outcome.id,
        entityLabel: pickText(snapshot.data.title, 'en').text || snapshot.data.slug,
        details: { ...common, where: outcome.where, version: snapshot.version },
      });
    }
    const skipped = report.problems.map(formatProblem);
    await recordAudit(trx, actor, {
      action: 'import.run',
      entityType: 'import',
      ...(run.batch ? { entityId: run.batch } : {}),
      ...(run.file ? { entityLabel: run.file } : {}),
      details: {
        ...common,
        format: run.format,
        ...(run.status ? { status: run.status } : {}),
        ...(run.skipInvalid !== undefined ? { skipInvalid: run.skipInvalid } : {}),
        entries: report.entries,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        ...(skipped.length > 0 ? { skipped: skipped.slice(0, SKIPPED_LISTED) } : {}),
        ...(skipped.length > SKIPPED_LISTED ? { skippedNotListed: skipped.length - SKIPPED_LISTED } : {}),
      },
    });
  };
}
