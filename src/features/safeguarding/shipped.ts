// The shipped answer scale and questionnaires, loaded on the first start only (published), so that
// editors' later changes and archiving stay.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentChanged } from '../../web/cache.ts';
import shippedScales from '../../data/safeguarding/scales.json' with { type: 'json' };
import schoolsAndYouth from '../../data/safeguarding/schools-and-youth-organisations.json' with { type: 'json' };
import { QuestionnaireFileSchema, ScaleFileSchema, writeQuestionnaire, writeScale } from './questionnaire-file.ts';

const LOADED_KEY = 'shipped_questionnaires_loaded';

export const SHIPPED_SCALES = (shippedScales as unknown[]).map((s) => ScaleFileSchema.parse(s));
export const SHIPPED_QUESTIONNAIRES = [schoolsAndYouth].map((q) => QuestionnaireFileSchema.parse(q));

export async function loadShippedQuestionnaires(db: Db): Promise<number> {
  const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM atlas_settings WHERE key = ${LOADED_KEY}`.execute(db);
  if (done.rows[0]!.n > 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const scale of SHIPPED_SCALES) await writeScale(trx, scale);
    for (const questionnaire of SHIPPED_QUESTIONNAIRES) await writeQuestionnaire(trx, questionnaire, 'published');
    await sql`INSERT INTO atlas_settings (key, value) VALUES (${LOADED_KEY}, ${JSON.stringify({ at: new Date().toISOString(), count: SHIPPED_QUESTIONNAIRES.length })})
      ON CONFLICT (key) DO NOTHING`.execute(trx);
  });
  contentChanged();
  return SHIPPED_QUESTIONNAIRES.length;
}
