// Writing resources on both databases: idempotent upserts, derived regions, merged translations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { buildResource } from '../../testing/builders.ts';
import type { Database } from '../../db/connect.ts';
import { getPublishedResource, relatedResources, upsertResources } from './store.ts';

for (const kind of DATABASE_KINDS) {
  describe(`resource store on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await testDatabase(kind);
    });
    after(() => database.close());

    it('creates, then reports unchanged, then updates', async () => {
      const input = buildResource({ slug: 'store-a', countries: ['LA'], topics: ['legislation'] });
      assert.deepEqual((await upsertResources(database.db, [input])).map((o) => o.outcome), ['created']);
      assert.deepEqual((await upsertResources(database.db, [input])).map((o) => o.outcome), ['unchanged']);
      assert.deepEqual((await upsertResources(database.db, [{ ...input, year: 2001 }])).map((o) => o.outcome), ['updated']);
      const stored = await getPublishedResource(database.db, 'store-a');
      assert.equal(stored?.year, 2001);
      assert.ok(stored?.regions.includes('asean'), 'regions derive from countries');
      assert.ok(stored?.regions.includes('south-eastern-asia'));
    });

    it('keeps other languages when an import brings only English', async () => {
      await upsertResources(database.db, [buildResource({ slug: 'store-b', title: { en: 'Guide', ar: 'دليل' }, summary: { en: 'Old', ru: 'Старый' } })]);
      await upsertResources(database.db, [buildResource({ slug: 'store-b', title: { en: 'Guide (2nd edition)' }, summary: { en: 'New' } })]);
      const stored = await getPublishedResource(database.db, 'store-b');
      assert.deepEqual(stored?.title, { en: 'Guide (2nd edition)', ar: 'دليل' });
      assert.deepEqual(stored?.summary, { en: 'New', ru: 'Старый' });
    });

    it('hides drafts and relates resources by shared topics and countries', async () => {
      await upsertResources(database.db, [
        buildResource({ slug: 'rel-1', topics: ['child-marriage'], countries: ['EG'] }),
        buildResource({ slug: 'rel-2', topics: ['child-marriage'], countries: ['EG', 'YE'] }),
        buildResource({ slug: 'rel-3', topics: ['child-marriage'] }),
        buildResource({ slug: 'rel-draft', topics: ['child-marriage'], countries: ['EG'], status: 'draft' }),
      ]);
      assert.equal(await getPublishedResource(database.db, 'rel-draft'), undefined);
      const r1 = (await getPublishedResource(database.db, 'rel-1'))!;
      const related = await relatedResources(database.db, r1);
      assert.deepEqual(related.map((r) => r.slug), ['rel-2', 'rel-3']);
    });
  });
}
