// The faceted search on both databases: stemming per language, prefixes, typos, filters that
// combine, facet counts that ignore their own filter, sorting, paging, drafts hidden.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { buildResource } from '../../testing/builders.ts';
import type { Database } from '../../db/connect.ts';
import { upsertResources } from './store.ts';
import { searchResources, tokenize } from './search.ts';
import type { SearchParams } from './schema.ts';

const params = (p: Partial<SearchParams> = {}): SearchParams => ({
  q: '', topic: [], country: [], region: [], publisher: [], type: [], language: [],
  yearFrom: undefined, yearTo: undefined, sort: 'relevance', page: 1, perPage: 20, ...p,
});

const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug).sort();

describe('tokenize', () => {
  it('keeps letters of every script, splits punctuation, marks exclusions', () => {
    assert.deepEqual(tokenize('child-friendly "justice" -tourism حماية'), [
      { word: 'child', negated: false },
      { word: 'friendly', negated: false },
      { word: 'justice', negated: false },
      { word: 'tourism', negated: true },
      { word: 'حماية', negated: false },
    ]);
    assert.deepEqual(tokenize("'); DROP TABLE resources; --"), [
      { word: 'drop', negated: false },
      { word: 'table', negated: false },
      { word: 'resources', negated: false },
    ]);
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`search on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await testDatabase(kind);
      await database.db.transaction().execute((trx) =>
        upsertResources(trx, [
          buildResource({ slug: 'grooming-laws', title: { en: 'Protecting children from online grooming' }, topics: ['online-grooming', 'legislation'], countries: ['TH', 'LA'], year: 2016, type: 'study' }),
          buildResource({ slug: 'missing-asean', title: { en: 'Missing children in Southeast Asia' }, summary: { en: 'A regional review of laws on missing children.' }, topics: ['missing-children-and-child-abduction'], countries: ['KH', 'VN'], year: 2018 }),
          buildResource({ slug: 'proteccion-infancia', title: { es: 'Protección de la infancia en América Latina' }, summary: { es: 'Respuestas legislativas de los países.' }, topics: ['legislation'], countries: ['AR', 'BR'], year: 2014, languages: ['es'] }),
          buildResource({ slug: 'ru-law', title: { ru: 'Законодательство о защите детей', en: 'Legislation on child protection in Russia' }, topics: ['legislation'], countries: ['RU'], year: 2012, languages: ['ru'] }),
          buildResource({ slug: 'ar-guide', title: { ar: 'دليل حماية الأطفال في المدارس', en: 'A guide to child protection in schools' }, topics: ['schools'], countries: ['EG'], year: 2020, type: 'guide', languages: ['ar', 'en'] }),
          buildResource({ slug: 'fa-guide', title: { fa: 'راهنمای ایمنی کودکان در اینترنت', en: 'Online safety guide for children' }, topics: ['online-safety'], countries: ['IR'], year: null, type: 'guide', languages: ['fa'] }),
          buildResource({ slug: 'draft-one', title: { en: 'Unpublished draft about grooming' }, status: 'draft', topics: ['online-grooming'] }),
        ]),
      );
    });
    after(() => database.close());

    it('finds English words by their stem and ranks title matches', async () => {
      const r = await searchResources(database.db, params({ q: 'protecting child' }), 'en');
      assert.ok(slugs(r).includes('grooming-laws'));
      assert.ok(slugs(r).includes('ar-guide'));
      assert.ok(!slugs(r).includes('draft-one'), 'drafts never appear');
    });

    it('stems Spanish, Russian and Arabic, and matches Farsi words', async () => {
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'respuesta' }), 'es')), ['proteccion-infancia']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'защиты детей' }), 'ru')), ['ru-law']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'دليل' }), 'ar')), ['ar-guide']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'راهنمای' }), 'fa')), ['fa-guide']);
    });

    it('ignores accents (proteccion finds Protección)', async () => {
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'proteccion' }), 'es')), ['proteccion-infancia']);
    });

    it('matches the last word as a prefix while typing', async () => {
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'groo' }), 'en')), ['grooming-laws']);
    });

    it('tolerates a typo and says which word it searched', async () => {
      const r = await searchResources(database.db, params({ q: 'missnig' }), 'en');
      assert.deepEqual(slugs(r), ['missing-asean']);
      assert.deepEqual(r.corrections, [{ word: 'missnig', suggestion: 'missing' }]);
    });

    it('excludes words with a minus', async () => {
      const r = await searchResources(database.db, params({ q: 'children -grooming' }), 'en');
      assert.ok(!slugs(r).includes('grooming-laws'));
      assert.ok(slugs(r).includes('missing-asean'));
    });

    it('ORs values of one filter and ANDs different filters', async () => {
      const either = await searchResources(database.db, params({ country: ['TH', 'RU'] }), 'en');
      assert.deepEqual(slugs(either), ['grooming-laws', 'ru-law']);
      const both = await searchResources(database.db, params({ country: ['TH', 'RU'], topic: ['online-grooming'] }), 'en');
      assert.deepEqual(slugs(both), ['grooming-laws']);
    });

    it('filters by region derived from countries, type, language and year range', async () => {
      assert.deepEqual(slugs(await searchResources(database.db, params({ region: ['asean'] }), 'en')), ['grooming-laws', 'missing-asean']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ type: ['guide'] }), 'en')), ['ar-guide', 'fa-guide']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ language: ['es'] }), 'en')), ['proteccion-infancia']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ yearFrom: 2013, yearTo: 2017 }), 'en')), ['grooming-laws', 'proteccion-infancia']);
    });

    it("counts each facet with every other filter but not its own", async () => {
      const r = await searchResources(database.db, params({ topic: ['legislation'], country: ['TH'] }), 'en');
      assert.equal(r.total, 1);
      const countFor = (facet: keyof typeof r.facets, value: string) => r.facets[facet].find((f) => f.value === value)?.count;
      // Topic counts ignore the topic filter but apply the country filter (TH): only grooming-laws.
      assert.equal(countFor('topic', 'online-grooming'), 1);
      assert.equal(countFor('topic', 'legislation'), 1);
      // Country counts ignore the country filter but apply the topic filter (legislation): 3 resources.
      assert.equal(countFor('country', 'RU'), 1);
      assert.equal(countFor('country', 'AR'), 1);
      assert.equal(countFor('country', 'TH'), 1);
      assert.equal(countFor('country', 'EG'), undefined);
      assert.equal(countFor('year', '2016'), 1);
    });

    it('sorts by title in the reader\'s language and by newest, and pages', async () => {
      const byTitle = await searchResources(database.db, params({ sort: 'title' }), 'en');
      const titles = byTitle.items.map((i) => (i.title.en ?? i.title.es ?? '').toLowerCase());
      assert.deepEqual(titles, [...titles].sort());
      const newest = await searchResources(database.db, params({ sort: 'newest' }), 'en');
      assert.equal(newest.items[0]!.slug, 'ar-guide');
      assert.equal(newest.items.at(-1)!.slug, 'fa-guide', 'unknown years come last');
      const page2 = await searchResources(database.db, params({ sort: 'newest', perPage: 4, page: 2 }), 'en');
      assert.equal(page2.total, 6);
      assert.deepEqual(page2.items.map((i) => i.slug), newest.items.slice(4).map((i) => i.slug));
    });

    it('finds resources by the names of their countries and topics in any language', async () => {
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'Cambodia' }), 'en')), ['missing-asean']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'Таиланд' }), 'ru')), ['grooming-laws']);
    });

    it('ignores English stopwords and finds tags by a name being typed', async () => {
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'the missing children' }), 'en')), ['missing-asean']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'Camb' }), 'en')), ['missing-asean']);
      assert.deepEqual(slugs(await searchResources(database.db, params({ q: 'grooming Laos' }), 'en')), ['grooming-laws']);
    });

    it('returns an empty result with zero facets for nonsense', async () => {
      const r = await searchResources(database.db, params({ q: 'zzzzqqq' }), 'en');
      assert.equal(r.total, 0);
      assert.deepEqual(r.items, []);
      assert.deepEqual(r.facets.topic, []);
    });
  });
}
