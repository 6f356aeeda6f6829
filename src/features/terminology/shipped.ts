// The shipped glossary, refreshed at every start in one statement. An entry a person has edited
// (updated_by set) keeps its text; an unchanged entry is not rewritten, so its version stays.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentChanged } from '../../web/cache.ts';
import shippedGlossary from '../../data/glossary.json' with { type: 'json' };
import { GlossaryEntryInputSchema, type GlossaryEntryInput } from './schema.ts';

let parsed: (GlossaryEntryInput & { position: number })[] | undefined;

export function shippedEntries(): (GlossaryEntryInput & { position: number })[] {
  parsed ??= shippedGlossary.entries.map((e, i) => ({ ...GlossaryEntryInputSchema.parse(e), position: (i + 1) * 10 }));
  return parsed;
}

export async function loadShippedGlossary(db: Db): Promise<number> {
  const r = await sql`
    INSERT INTO glossary_terms (key, status, term, variants, alternative, explanation, source, link, confirmed, position)
    SELECT e.key, e.status, e.term, e.variants, e.alternative, e.explanation, e.source, e.link, e.confirmed, e.position
    FROM jsonb_to_recordset(${JSON.stringify(shippedEntries())}::jsonb) AS e(key text, status text, term jsonb, variants jsonb,
      alternative text, explanation jsonb, source text, link text, confirmed boolean, position int)
    ON CONFLICT (key) DO UPDATE SET status = EXCLUDED.status, term = EXCLUDED.term, variants = EXCLUDED.variants,
      alternative = EXCLUDED.alternative, explanation = EXCLUDED.explanation, source = EXCLUDED.source, link = EXCLUDED.link,
      confirmed = EXCLUDED.confirmed, position = EXCLUDED.position, version = glossary_terms.version + 1, updated_at = now()
    WHERE glossary_terms.updated_by IS NULL
      AND (glossary_terms.status, glossary_terms.term, glossary_terms.variants, glossary_terms.alternative, glossary_terms.explanation,
           glossary_terms.source, glossary_terms.link, glossary_terms.confirmed, glossary_terms.position)
      IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.term, EXCLUDED.variants, EXCLUDED.alternative, EXCLUDED.explanation,
           EXCLUDED.source, EXCLUDED.link, EXCLUDED.confirmed, EXCLUDED.position)`.execute(db);
  const written = Number(r.numAffectedRows ?? 0);
  if (written > 0) contentChanged();
  return written;
}
