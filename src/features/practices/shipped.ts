// The shipped practices (src/data/practices.json), published, loaded on the first start only so
// that editors' later changes and deletions stay.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentChanged } from '../../web/cache.ts';
import shippedPractices from '../../data/practices.json' with { type: 'json' };
import { PracticeInputSchema } from './schema.ts';
import { upsertPractices } from './store.ts';

const LOADED_KEY = 'shipped_practices_loaded';

export async function loadShippedPractices(db: Db): Promise<number> {
  const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM atlas_settings WHERE key = ${LOADED_KEY}`.execute(db);
  if (done.rows[0]!.n > 0) return 0;
  const inputs = (shippedPractices as unknown[]).map((p) => PracticeInputSchema.parse(p));
  await db.transaction().execute(async (trx) => {
    await upsertPractices(trx, inputs);
    await sql`INSERT INTO atlas_settings (key, value) VALUES (${LOADED_KEY}, ${JSON.stringify({ at: new Date().toISOString(), count: inputs.length })})
      ON CONFLICT (key) DO NOTHING`.execute(trx);
  });
  contentChanged();
  return inputs.length;
}
