// Library resources for the action plan: published resources sharing the question's topics, those
// sharing the most topics first, at most three per item.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';

export type LinkedResource = { id: string; slug: string; title: Localized };

export const RESOURCES_PER_ITEM = 3;
// Enough candidates per topic to rank by overlap, without reading a whole large library.
const CANDIDATES_PER_TOPIC = 12;

/** For each topic list given (one per action item), its resources, in the same order. */
export async function resourcesForTopics(db: Db, topicLists: string[][]): Promise<LinkedResource[][]> {
  const topics = [...new Set(topicLists.flat())];
  if (topics.length === 0) return topicLists.map(() => []);
  const r = await sql<{ topic: string; id: string; slug: string; title: Localized; topics: string[] }>`
    SELECT t.topic, r.id::text AS id, r.slug, r.title, r.topics
    FROM unnest(${topics}::text[]) AS t(topic)
    CROSS JOIN LATERAL (
      SELECT id, slug, title, topics FROM resources
      WHERE status = 'published' AND topics @> ARRAY[t.topic]
      ORDER BY published_at DESC NULLS LAST, id DESC LIMIT ${CANDIDATES_PER_TOPIC}
    ) r`.execute(db);
  const byTopic = new Map<string, typeof r.rows>();
  for (const row of r.rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
  return topicLists.map((wanted) => {
    const seen = new Map<string, { resource: LinkedResource; shared: number; order: number }>();
    for (const topic of wanted) {
      for (const row of byTopic.get(topic) ?? []) {
        if (seen.has(row.id)) continue;
        const shared = row.topics.filter((t) => wanted.includes(t)).length;
        seen.set(row.id, { resource: { id: row.id, slug: row.slug, title: row.title }, shared, order: seen.size });
      }
    }
    return [...seen.values()]
      .sort((a, b) => b.shared - a.shared || a.order - b.order)
      .slice(0, RESOURCES_PER_ITEM)
      .map((x) => x.resource);
  });
}
