// The shipped frameworks (src/data/frameworks.json) and the derived one: model-law coverage, whose
// criteria are the articles of the newest published model law. Refreshed at every start; criteria
// that editors added stay, shipped ones are updated in place.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { LocalizedSchema } from '../model-law/format.ts';
import frameworksData from '../../data/frameworks.json' with { type: 'json' };

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const FrameworkDataSchema = z.object({
  key: z.string().regex(KEY),
  name: LocalizedSchema,
  description: LocalizedSchema.default({}),
  derived: z.boolean().default(false),
  criteria: z.array(
    z.object({ key: z.string().regex(KEY), name: LocalizedSchema, description: LocalizedSchema.default({}), weight: z.number().min(0).default(1), modelLawArticle: z.string().regex(KEY).optional() }),
  ),
});

export const SHIPPED_FRAMEWORKS = z.array(FrameworkDataSchema).parse(frameworksData);
export const MODEL_LAW_COVERAGE = 'model-law-coverage';

export async function upsertFrameworks(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const frameworks = SHIPPED_FRAMEWORKS.map((f, position) => ({ key: f.key, name: f.name, description: f.description, derived: f.derived, position }));
    await sql`INSERT INTO frameworks (key, name, description, derived, position)
      SELECT x->>'key', x->'name', x->'description', (x->>'derived')::boolean, (x->>'position')::int FROM jsonb_array_elements(${JSON.stringify(frameworks)}::jsonb) x
      ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, derived = EXCLUDED.derived, position = EXCLUDED.position`.execute(trx);
    const criteria = SHIPPED_FRAMEWORKS.flatMap((f) =>
      f.criteria.map((c, position) => ({ framework: f.key, key: c.key, name: c.name, description: c.description, weight: c.weight, position, article: c.modelLawArticle ?? null })),
    );
    await sql`INSERT INTO framework_criteria (framework_key, key, name, description, weight, position, model_law_article)
      SELECT x->>'framework', x->>'key', x->'name', x->'description', (x->>'weight')::numeric, (x->>'position')::int, x->>'article'
      FROM jsonb_array_elements(${JSON.stringify(criteria)}::jsonb) x
      ON CONFLICT (framework_key, key) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, position = EXCLUDED.position,
        model_law_article = EXCLUDED.model_law_article`.execute(trx);
    await syncModelLawCoverage(trx);
  });
}

/**
 * The coverage framework's criteria follow the newest published edition of the first model law:
 * one criterion per article, named by its heading (weight 1; an editor may change weights).
 */
export async function syncModelLawCoverage(db: Db): Promise<void> {
  await sql`INSERT INTO framework_criteria (framework_key, key, name, position, model_law_article)
    SELECT ${MODEL_LAW_COVERAGE}, n.key,
      coalesce((SELECT jsonb_object_agg(t.locale, t.heading) FROM model_law_texts t WHERE t.node_id = n.id), '{}'),
      row_number() OVER (ORDER BY c.position, n.position), n.key
    FROM model_law_nodes n
    JOIN model_law_nodes c ON c.id = n.parent_id
    WHERE n.kind = 'article' AND n.edition_id = (
      SELECT e.id FROM model_law_editions e JOIN model_laws l ON l.id = e.law_id
      WHERE e.status = 'published' ORDER BY l.id, e.year DESC, e.published_at DESC NULLS LAST, e.id DESC LIMIT 1)
    ON CONFLICT (framework_key, key) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position`.execute(db);
}
