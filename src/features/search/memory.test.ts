// The in-memory search must answer exactly what the SQL statement answers: the same rows in the
// same order, the same totals, facet counts and corrections, over a random corpus and random
// searches; and it must never answer from a copy older than the table.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { buildResource } from '../../testing/builders.ts';
import { upsertResources } from '../library/store.ts';
import { RESOURCE_SEARCH, resourceEngineParams } from '../library/search.ts';
import { RESOURCE_TYPES, type SearchParams } from '../library/schema.ts';
import { sqlFacetedSearch } from './engine.ts';
import { memorySearch, warmSearchCopy } from './memory.ts';
import { textQuery } from './words.ts';
import { PRACTICE_SEARCH } from '../practices/search.ts';
import { upsertPractices } from '../practices/store.ts';
import { buildPractice } from '../practices/test-helpers.ts';

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const some = <T,>(xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(xs)))];
  return { next, pick, some };
}

const WORDS = {
  en: ['children', 'protection', 'online', 'abuse', 'exploitation', 'trafficking', 'school', 'safety', 'justice', 'violence', 'reporting', 'law'],
  es: ['niños', 'protección', 'abuso', 'explotación', 'trata', 'escuela', 'justicia', 'violencia'],
  ru: ['детей', 'защита', 'насилие', 'эксплуатация', 'школа', 'закон'],
  ar: ['الأطفال', 'حماية', 'العنف', 'الاستغلال', 'المدرسة', 'القانون'],
  fa: ['کودکان', 'حمایت', 'خشونت', 'بهره‌کشی', 'مدرسه', 'قانون'],
};
const COUNTRIES = ['US', 'GB', 'FR', 'IN', 'BR', 'KE', 'PH', 'IR', 'RU', 'EG', 'MX', 'ID'];
const LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru', 'fa'];

for (const kind of DATABASE_KINDS) {
  describe(`search from memory on ${kind}`, () => {
    let database: Awaited<ReturnType<typeof testDatabase>>;
    let topics: string[];
    const rnd = random(20261123);
    const sentence = (lang: keyof typeof WORDS, n: number) => Array.from({ length: n }, () => rnd.pick(WORDS[lang])).join(' ');

    before(async () => {
      database = await testDatabase(kind);
      topics = (await sql<{ slug: string }>`SELECT slug FROM topics ORDER BY slug`.execute(database.db)).rows.map((r) => r.slug).slice(0, 10);
      const inputs = Array.from({ length: 400 }, (_, i) =>
        buildResource({
          type: rnd.pick(RESOURCE_TYPES),
          // Few distinct years, so that ties in the sort keys are common.
          year: rnd.next() < 0.1 ? null : 2010 + Math.floor(rnd.next() * 8),
          status: rnd.next() < 0.9 ? 'published' : 'draft',
          title: { en: `${sentence('en', 3)} ${i}`, ...(rnd.next() < 0.5 ? { es: sentence('es', 3) } : {}), ...(rnd.next() < 0.3 ? { ru: sentence('ru', 2), ar: sentence('ar', 2), fa: sentence('fa', 2) } : {}) },
          summary: { en: sentence('en', 8), ...(rnd.next() < 0.4 ? { es: sentence('es', 6) } : {}) },
          publishers: rnd.some(['UNICEF', 'ECPAT International', 'Save the Children', 'WeProtect'], 2),
          topics: rnd.some(topics, 3),
          countries: rnd.some(COUNTRIES, 3),
          languages: rnd.some(LANGUAGES, 2),
        }),
      );
      await upsertResources(database.db, inputs);
      assert.ok(await warmSearchCopy(database.db, RESOURCE_SEARCH), 'the copy is built');
    });
    after(() => database.close());

    function randomParams(): SearchParams {
      const langs = Object.keys(WORDS) as (keyof typeof WORDS)[];
      const words = Array.from({ length: Math.floor(rnd.next() * 3) }, () => {
        const w = rnd.pick(WORDS[rnd.pick(langs)]);
        const r = rnd.next();
        // Prefixes, misspellings, exclusions and tag names, besides plain words.
        return r < 0.1 ? w.slice(0, 4) : r < 0.2 ? `${w.slice(0, -1)}x` : r < 0.25 ? `-${w}` : r < 0.3 ? 'France' : w;
      });
      const maybe = <T,>(xs: readonly T[], p: number, max: number) => (rnd.next() < p ? rnd.some(xs, max) : []);
      const from = rnd.next() < 0.2 ? 2011 + Math.floor(rnd.next() * 4) : undefined;
      return {
        q: words.join(' '),
        topic: maybe(topics, 0.4, 2),
        country: maybe([...COUNTRIES, 'ZZ'], 0.4, 2),
        region: maybe(['europe', 'asia', 'africa', 'americas'], 0.15, 1),
        publisher: maybe(['unicef', 'ecpat-international', 'nobody'], 0.15, 1),
        type: maybe(RESOURCE_TYPES, 0.2, 2),
        language: maybe(LANGUAGES, 0.2, 2),
        yearFrom: from,
        yearTo: from !== undefined && rnd.next() < 0.5 ? from + 2 : undefined,
        sort: rnd.pick(['relevance', 'relevance', 'newest'] as const),
        page: rnd.next() < 0.8 ? 1 : 2,
        perPage: rnd.pick([5, 20]),
      };
    }

    it('answers 150 random searches exactly as the SQL statement does', async () => {
      let nonEmpty = 0;
      for (let i = 0; i < 150; i++) {
        const params = randomParams();
        const engine = resourceEngineParams(params);
        const fromSql = await sqlFacetedSearch(database.db, RESOURCE_SEARCH, engine, 'en');
        const fromMemory = await memorySearch(database.db, RESOURCE_SEARCH, engine, () => textQuery(database.db, params.q));
        assert.ok(fromMemory, `answered from memory: ${JSON.stringify(params)}`);
        assert.deepEqual(fromMemory, fromSql, `same answer for ${JSON.stringify(params)}`);
        if (fromSql.total > 0) nonEmpty++;
      }
      assert.ok(nonEmpty > 60, `most searches find something (${nonEmpty})`);
    });

    it('never answers from a copy older than the table, and is rebuilt after a write', async () => {
      const params = { ...randomParams(), q: 'zebrafish', topic: [], country: [], region: [], publisher: [], type: [], language: [], yearFrom: undefined, yearTo: undefined };
      const engine = resourceEngineParams(params);
      const getText = () => textQuery(database.db, params.q);
      assert.equal((await memorySearch(database.db, RESOURCE_SEARCH, engine, getText))?.total, 0);

      // A write that does not go through the application (another process, a script) is seen too.
      await upsertResources(database.db, [buildResource({ title: { en: 'Zebrafish studies of child development' } })]);
      assert.equal(await memorySearch(database.db, RESOURCE_SEARCH, engine, getText), undefined, 'out of date: SQL answers');
      assert.equal((await sqlFacetedSearch(database.db, RESOURCE_SEARCH, engine, 'en')).total, 1);
      assert.ok(await warmSearchCopy(database.db, RESOURCE_SEARCH));
      assert.equal((await memorySearch(database.db, RESOURCE_SEARCH, engine, getText))?.total, 1);

      // A change rolled back leaves the copy current.
      await database.db
        .transaction()
        .execute(async (trx) => {
          await sql`UPDATE resources SET status = 'draft' WHERE title->>'en' LIKE 'Zebrafish%'`.execute(trx);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      assert.equal((await memorySearch(database.db, RESOURCE_SEARCH, engine, getText))?.total, 1);

      await sql`UPDATE resources SET status = 'draft' WHERE title->>'en' LIKE 'Zebrafish%'`.execute(database.db);
      assert.equal(await memorySearch(database.db, RESOURCE_SEARCH, engine, getText), undefined);
    });

    it('leaves sorting by title to SQL', async () => {
      const params = { ...randomParams(), sort: 'title' as const };
      assert.equal(await memorySearch(database.db, RESOURCE_SEARCH, resourceEngineParams(params), () => textQuery(database.db, params.q)), undefined);
    });
  });
}

// The practices use every other kind of facet: a single value (actor) and a span of years.
for (const kind of DATABASE_KINDS) {
  describe(`practices search from memory on ${kind}`, () => {
    let database: Awaited<ReturnType<typeof testDatabase>>;
    const rnd = random(7);
    const ACTORS_USED = ['civil-society', 'government', 'business', 'intergovernmental'] as const;

    before(async () => {
      database = await testDatabase(kind);
      const topics = (await sql<{ slug: string }>`SELECT slug FROM topics ORDER BY slug LIMIT 6`.execute(database.db)).rows.map((r) => r.slug);
      await upsertPractices(
        database.db,
        Array.from({ length: 150 }, (_, i) => {
          const from = rnd.next() < 0.1 ? null : 1995 + Math.floor(rnd.next() * 25);
          return buildPractice({
            actor: rnd.pick(ACTORS_USED),
            status: rnd.next() < 0.9 ? 'published' : 'draft',
            title: { en: `${rnd.pick(WORDS.en)} ${rnd.pick(WORDS.en)} practice ${i}`, es: rnd.pick(WORDS.es) },
            summary: { en: Array.from({ length: 6 }, () => rnd.pick(WORDS.en)).join(' ') },
            topics: rnd.some(topics, 2),
            countries: rnd.some(COUNTRIES, 2),
            yearFrom: from,
            yearTo: from !== null && rnd.next() < 0.5 ? from + Math.floor(rnd.next() * 10) : null,
          });
        }),
      );
      assert.ok(await warmSearchCopy(database.db, PRACTICE_SEARCH));
    });
    after(() => database.close());

    it('answers 80 random searches exactly as the SQL statement does', async () => {
      for (let i = 0; i < 80; i++) {
        const from = rnd.next() < 0.4 ? 2000 + Math.floor(rnd.next() * 20) : undefined;
        const params = {
          q: rnd.next() < 0.6 ? rnd.pick([...WORDS.en, ...WORDS.es]) : '',
          values: { topic: [], country: rnd.next() < 0.3 ? rnd.some(COUNTRIES, 2) : [], region: [], actor: rnd.next() < 0.4 ? rnd.some(ACTORS_USED, 2) : [] },
          ranges: { years: { from, to: from !== undefined && rnd.next() < 0.5 ? from + 3 : undefined } },
          sort: rnd.pick(['relevance', 'newest'] as const),
          page: 1,
          perPage: 10,
        };
        const fromSql = await sqlFacetedSearch(database.db, PRACTICE_SEARCH, params, 'en');
        const fromMemory = await memorySearch(database.db, PRACTICE_SEARCH, params, () => textQuery(database.db, params.q));
        assert.ok(fromMemory, 'answered from memory');
        assert.deepEqual(fromMemory, fromSql, `same answer for ${JSON.stringify(params)}`);
      }
    });
  });
}
