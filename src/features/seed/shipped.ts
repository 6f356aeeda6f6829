// The data the Atlas ships with: vocabularies (refreshed at every start) and the library's
// resources (loaded once, on the first start, so that later edits and deletions stay).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { upsertReferenceData } from '../taxonomy/store.ts';
import { ResourceInputSchema } from '../library/schema.ts';
import { upsertResources } from '../library/store.ts';
import { contentChanged } from '../../web/cache.ts';
import shippedResources from '../../data/resources.json' with { type: 'json' };

const LOADED_KEY = 'shipped_resources_loaded';

export async function loadShippedData(db: Db): Promise<{ resourcesLoaded: number }> {
  await upsertReferenceData(db);
  const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM atlas_settings WHERE key = ${LOADED_KEY}`.execute(db);
  if (done.rows[0]!.n > 0) return { resourcesLoaded: 0 };
  const inputs = (shippedResources as unknown[]).map((r) => ResourceInputSchema.parse(r));
  await db.transaction().execute(async (trx) => {
    await upsertResources(trx, inputs);
    await sql`INSERT INTO atlas_settings (key, value) VALUES (${LOADED_KEY}, ${JSON.stringify({ at: new Date().toISOString(), count: inputs.length })})
      ON CONFLICT (key) DO NOTHING`.execute(trx);
  });
  contentChanged();
  return { resourcesLoaded: inputs.length };
}
