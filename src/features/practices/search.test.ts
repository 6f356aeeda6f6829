// The practices store and search on both databases: upsert by slug, words in several languages,
// each facet filter, facet counts that ignore their own filter, years active as an overlap.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import type { Database } from '../../db/connect.ts';
import { getPractice, getPublishedPractice, practiceSlug, upsertPractices } from './store.ts';
import { searchPractices, type PracticeSearchParams } from './search.ts';
import { PracticeInputSchema } from './schema.ts';
import { buildPractice } from './test-helpers.ts';

const params = (p: Partial<PracticeSearchParams> = {}): PracticeSearchParams => ({
  q: '', topic: [], country: [], region: [], actor: [], yearFrom: undefined, yearTo: undefined, sort: 'relevance', page: 1, perPage: 20, ...p,
});
const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug).sort();

describe('practice slugs', () => {
  it('come from the English title and never take a reserved path', () => {
    assert.equal(practiceSlug({ title: { en: 'Children’s Houses & Helplines', fr: undefined } as never }), 'children-s-houses-and-helplines');
    assert.equal(practiceSlug({ title: { en: 'Submit' } }), 'submit-practice');
    assert.equal(PracticeInputSchema.safeParse({ ...buildPractice(), slug: 'submit' }).success, false);
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`practices search on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await testDatabase(kind);
      await database.db.transaction().execute((trx) =>
        upsertPractices(trx, [
          buildPractice({ slug: 'helpline', title: { en: 'National child helpline', es: 'Línea nacional de ayuda infantil' }, actor: 'civil-society',
            topics: ['support-for-child-victims'], countries: ['IN'], yearFrom: 1996, yearTo: null }),
          buildPractice({ slug: 'alert', title: { en: 'Abducted child alert' }, description: { en: 'Broadcasters warn the public quickly.' },
            actor: 'government', topics: ['missing-children-and-child-abduction'], countries: ['US'], yearFrom: 2010, yearTo: null }),
          buildPractice({ slug: 'houses', title: { ru: 'Детские дома-центры для допроса', en: 'Children’s houses' }, actor: 'government',
            topics: ['support-for-child-victims', 'justice-for-children'], countries: ['IS', 'SE'], yearFrom: 1998, yearTo: 2005 }),
          buildPractice({ slug: 'code', title: { ar: 'مدونة سلوك لشركات السياحة' }, summary: {}, actor: 'business',
            topics: ['sexual-exploitation-in-travel-and-tourism'], countries: ['TH'], yearFrom: null, yearTo: null }),
          buildPractice({ slug: 'hidden', title: { en: 'Draft helpline idea' }, status: 'draft', topics: ['support-for-child-victims'] }),
        ]),
      );
    });
    after(() => database.close());

    it('upserts by slug, derives regions, sets published_at, and updates in place', async () => {
      const houses = await getPublishedPractice(database.db, 'houses');
      assert.ok(houses);
      assert.ok(houses.regions.includes('eu'), 'Sweden is in the EU region');
      assert.ok(houses.publishedAt);
      assert.equal(await getPublishedPractice(database.db, 'hidden'), undefined);
      assert.equal((await getPractice(database.db, 'hidden'))?.status, 'draft');
      const again = await upsertPractices(database.db, [buildPractice({ slug: 'houses', title: houses.title, summary: houses.summary, actor: 'government',
        topics: houses.topics, countries: houses.countries, yearFrom: 1998, yearTo: 2005 })]);
      assert.equal(again[0]!.outcome, 'unchanged');
      const changed = await upsertPractices(database.db, [buildPractice({ slug: 'houses', title: houses.title, summary: houses.summary, actor: 'government',
        topics: houses.topics, countries: houses.countries, yearFrom: 1998, yearTo: 2006 })]);
      assert.equal(changed[0]!.outcome, 'updated');
      const updated = await getPractice(database.db, houses.id);
      assert.equal(updated?.yearTo, 2006);
      assert.equal(updated?.version, houses.version + 1);
      await upsertPractices(database.db, [buildPractice({ slug: 'houses', title: houses.title, summary: houses.summary, actor: 'government',
        topics: houses.topics, countries: houses.countries, yearFrom: 1998, yearTo: 2005 })]);
    });

    it('finds words in English, Spanish, Russian and Arabic, and never drafts', async () => {
      assert.deepEqual(slugs(await searchPractices(database.db, params({ q: 'helplines' }), 'en')), ['helpline']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ q: 'ayuda' }), 'es')), ['helpline']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ q: 'допрос' }), 'ru')), ['houses']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ q: 'السياحة' }), 'ar')), ['code']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ q: 'broadcasters' }), 'en')), ['alert'], 'the description is searched');
    });

    it('corrects a typo from the practices\' own words', async () => {
      const r = await searchPractices(database.db, params({ q: 'broadcastres' }), 'en');
      assert.deepEqual(slugs(r), ['alert']);
      assert.deepEqual(r.corrections, [{ word: 'broadcastres', suggestion: 'broadcasters' }]);
    });

    it('filters by topic, country, region and actor', async () => {
      assert.deepEqual(slugs(await searchPractices(database.db, params({ topic: ['support-for-child-victims'] }), 'en')), ['helpline', 'houses']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ country: ['US', 'TH'] }), 'en')), ['alert', 'code']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ region: ['asean'] }), 'en')), ['code']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ actor: ['government'] }), 'en')), ['alert', 'houses']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ actor: ['government'], topic: ['support-for-child-victims'] }), 'en')), ['houses']);
    });

    it('matches years active by overlap, ongoing practices included', async () => {
      // alert: 2010–ongoing; helpline: 1996–ongoing; houses: 1998–2005; code: years unknown.
      assert.deepEqual(slugs(await searchPractices(database.db, params({ yearFrom: 2015, yearTo: 2020 }), 'en')), ['alert', 'helpline']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ yearFrom: 2000, yearTo: 2003 }), 'en')), ['helpline', 'houses']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ yearTo: 1997 }), 'en')), ['helpline']);
      assert.deepEqual(slugs(await searchPractices(database.db, params({ yearFrom: 2006 }), 'en')), ['alert', 'helpline']);
    });

    it('counts each facet with every other filter but not its own', async () => {
      const r = await searchPractices(database.db, params({ actor: ['government'], topic: ['support-for-child-victims'] }), 'en');
      assert.equal(r.total, 1);
      const countFor = (facet: keyof typeof r.facets, value: string) => r.facets[facet].find((f) => f.value === value)?.count;
      // Actor counts ignore the actor filter but apply the topic: helpline (civil society) and houses (government).
      assert.equal(countFor('actor', 'government'), 1);
      assert.equal(countFor('actor', 'civil-society'), 1);
      assert.equal(countFor('actor', 'business'), undefined);
      // Topic counts ignore the topic filter but apply the actor: alert and houses.
      assert.equal(countFor('topic', 'missing-children-and-child-abduction'), 1);
      assert.equal(countFor('topic', 'justice-for-children'), 1);
      assert.equal(countFor('country', 'IS'), 1);
      assert.equal(countFor('country', 'US'), undefined);
      assert.deepEqual(r.facets.years, []);
    });

    it('sorts by title and by the newest start, and pages', async () => {
      const byTitle = await searchPractices(database.db, params({ sort: 'title' }), 'en');
      const titles = byTitle.items.map((i) => (i.title.en ?? i.title.ar ?? '').toLowerCase());
      assert.deepEqual(titles, [...titles].sort());
      const newest = await searchPractices(database.db, params({ sort: 'newest' }), 'en');
      assert.deepEqual(newest.items.map((i) => i.slug), ['alert', 'houses', 'helpline', 'code']);
      const page2 = await searchPractices(database.db, params({ sort: 'newest', perPage: 3, page: 2 }), 'en');
      assert.equal(page2.total, 4);
      assert.deepEqual(page2.items.map((i) => i.slug), ['code']);
    });
  });
}
