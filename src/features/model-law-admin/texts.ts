// A node's text in one locale. Each text keeps the hash of the source-language text it was made
// from (model_law_texts.source_hash): saving the source text gives it the hash of the new text,
// which makes every translation made from the old one outdated; saving a translation gives it the
// hash of the current source text (a saved translation is current); "still current" confirms an
// outdated translation without changing it.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Actor } from '../audit/log.ts';
import { can } from '../auth/roles.ts';
import type { User } from '../auth/users.ts';
import { textHash } from '../model-law/text-hash.ts';
import { changeNode, type ChangeOutcome } from './node-change.ts';

export type TextInput = { heading: string; paragraphs: string[] };

/** The paragraphs of a textarea: blocks separated by a blank line; lines within a block are joined. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
}

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

/** Translators edit the locales assigned to them; editors and administrators every locale. */
export function mayEditLocale(user: User, locale: Locale): boolean {
  if (can(user.role, 'content.edit')) return true;
  return can(user.role, 'content.translate') && user.locales.includes(locale);
}

/** The hash a translation made now records: that of the source text as it is (or of nothing yet). */
async function currentSourceHash(db: Db, nodeId: string, sourceLocale: Locale): Promise<string> {
  const r = await sql<{ heading: string; paragraphs: string[] }>`SELECT heading, paragraphs FROM model_law_texts
    WHERE node_id = ${nodeId}::bigint AND locale = ${sourceLocale}`.execute(db);
  const source = r.rows[0];
  return textHash(source?.heading ?? '', source?.paragraphs ?? []);
}

/**
 * Saves a node's text in one locale, if the node is still at `expectedVersion`. An empty heading
 * with no paragraphs removes a translation (the text is then missing); the source text is required
 * (the route says so before calling).
 */
export async function saveText(
  db: Db,
  actor: Actor,
  target: { editionId: string; nodeId: string; expectedVersion: number | undefined },
  locale: Locale,
  input: TextInput,
): Promise<ChangeOutcome<void>> {
  return changeNode(db, actor, target, { audit: 'text_save', revision: 'text_save', details: { locale } }, async (trx, { edition, node }) => {
    const paragraphs = node.kind === 'article' ? input.paragraphs : [];
    if (input.heading === '' && paragraphs.length === 0 && locale !== edition.sourceLocale) {
      await sql`DELETE FROM model_law_texts WHERE node_id = ${node.id}::bigint AND locale = ${locale}`.execute(trx);
      return;
    }
    const hash = locale === edition.sourceLocale ? textHash(input.heading, paragraphs) : await currentSourceHash(trx, node.id, edition.sourceLocale);
    await sql`INSERT INTO model_law_texts (node_id, locale, heading, paragraphs, source_hash, updated_by)
      VALUES (${node.id}::bigint, ${locale}, ${input.heading}, ${JSON.stringify(paragraphs)}::jsonb, ${hash}, ${actor.id}::bigint)
      ON CONFLICT (node_id, locale) DO UPDATE SET heading = EXCLUDED.heading, paragraphs = EXCLUDED.paragraphs,
        source_hash = EXCLUDED.source_hash, updated_at = now(), updated_by = EXCLUDED.updated_by`.execute(trx);
  });
}

/** Marks an outdated translation as still current: it is kept as it is, and now counts as made from the current source. */
export async function confirmText(
  db: Db,
  actor: Actor,
  target: { editionId: string; nodeId: string; expectedVersion: number | undefined },
  locale: Locale,
): Promise<ChangeOutcome<void>> {
  return changeNode(db, actor, target, { audit: 'text_confirm', revision: 'text_confirm', details: { locale } }, async (trx, { edition, node }) => {
    if (locale === edition.sourceLocale) return;
    const hash = await currentSourceHash(trx, node.id, edition.sourceLocale);
    await sql`UPDATE model_law_texts SET source_hash = ${hash}, updated_at = now(), updated_by = ${actor.id}::bigint
      WHERE node_id = ${node.id}::bigint AND locale = ${locale}`.execute(trx);
  });
}
