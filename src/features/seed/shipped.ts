// The data the Atlas ships with: vocabularies (refreshed at every start) and the library's
// resources (loaded once, on the first start, so that later edits and deletions stay).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { upsertReferenceData } from '../taxonomy/store.ts';
import { ResourceInputSchema } from '../library/schema.ts';
import { upsertResources } from '../library/store.ts';
import { contentChanged } from '../../web/cache.ts';
import shippedResources from '../../data/resources.json' with { type: 'json' };
import { upsertSourceData } from '../model-law/sources-data.ts';
import { shippedSampleLaw } from '../model-law/shipped-sample.ts';
import { writeModelLawDocument } from '../model-law/write-document.ts';
import { upsertFrameworks } from '../reviews/frameworks-data.ts';
import { loadShippedPractices } from '../practices/shipped.ts';
import { loadShippedGlossary } from '../terminology/shipped.ts';
import { loadShippedQuestionnaires } from '../safeguarding/shipped.ts';

const LOADED_KEY = 'shipped_resources_loaded';
const SAMPLE_LAW_KEY = 'shipped_sample_law_loaded';

export async function loadShippedData(db: Db): Promise<{ resourcesLoaded: number; sampleLawArticles: number }> {
  await upsertReferenceData(db);
  await upsertSourceData(db);
  const sampleLawArticles = await loadSampleLawOnce(db);
  // After the model law: the coverage framework's criteria are its articles.
  await upsertFrameworks(db);
  const resourcesLoaded = await loadResourcesOnce(db);
  // After the resources: practices and questionnaires link to library resources and topics.
  await loadShippedGlossary(db);
  await loadShippedPractices(db);
  await loadShippedQuestionnaires(db);
  return { resourcesLoaded, sampleLawArticles };
}

/** The sample model law, published, on the first start only (editors may change or archive it). */
async function loadSampleLawOnce(db: Db): Promise<number> {
  const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM atlas_settings WHERE key = ${SAMPLE_LAW_KEY}`.execute(db);
  if (done.rows[0]!.n > 0) return 0;
  const written = await db.transaction().execute(async (trx) => {
    const result = await writeModelLawDocument(trx, shippedSampleLaw(), { status: 'published' });
    await sql`INSERT INTO atlas_settings (key, value) VALUES (${SAMPLE_LAW_KEY}, ${JSON.stringify({ at: new Date().toISOString(), articles: result.articles })})
      ON CONFLICT (key) DO NOTHING`.execute(trx);
    return result;
  });
  contentChanged();
  return written.articles;
}

async function loadResourcesOnce(db: Db): Promise<number> {
  const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM atlas_settings WHERE key = ${LOADED_KEY}`.execute(db);
  if (done.rows[0]!.n > 0) return 0;
  const inputs = (shippedResources as unknown[]).map((r) => ResourceInputSchema.parse(r));
  await db.transaction().execute(async (trx) => {
    await upsertResources(trx, inputs);
    await sql`INSERT INTO atlas_settings (key, value) VALUES (${LOADED_KEY}, ${JSON.stringify({ at: new Date().toISOString(), count: inputs.length })})
      ON CONFLICT (key) DO NOTHING`.execute(trx);
  });
  contentChanged();
  return inputs.length;
}
