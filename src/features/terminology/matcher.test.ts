// The glossary store and the matcher on both databases: the shipped glossary, inflected forms in
// each language through the search stemmers, stopwords inside terms, phrase breaks, offsets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import type { Database } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { loadShippedGlossary, shippedEntries } from './shipped.ts';
import { getGlossaryEntry, listGlossary } from './store.ts';
import { checkText } from './matcher.ts';
import { STATUSES } from './schema.ts';

for (const kind of DATABASE_KINDS) {
  describe(`terminology glossary and matcher on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await testDatabase(kind);
      await loadShippedGlossary(database.db);
    });
    after(() => database.close());

    const keys = async (text: string, lang: Locale) => (await checkText(database.db, text, lang)).findings.map((f) => `${f.key}=${f.found}`);

    it('loads the shipped glossary once and rewrites nothing unchanged on the next start', async () => {
      const entries = await listGlossary(database.db);
      assert.equal(entries.length, shippedEntries().length);
      assert.equal(await loadShippedGlossary(database.db), 0, 'a second start writes nothing');
      const entry = await getGlossaryEntry(database.db, 'child-pornography');
      assert.equal(entry?.status, 'avoid');
      assert.equal(entry?.alternative, 'child-sexual-abuse-material');
      assert.equal(entry?.version, 1);
      for (const status of STATUSES) assert.ok(entries.some((e) => e.status === status), `some entry is ${status}`);
      // Every avoid/care entry points to an entry that exists, and every entry speaks all five languages.
      for (const e of entries) {
        if (e.alternative) assert.ok(entries.some((a) => a.key === e.alternative && a.status === 'preferred'), e.key);
        assert.deepEqual(Object.keys(e.term).sort(), ['ar', 'en', 'es', 'fa', 'ru'], e.key);
        assert.deepEqual(Object.keys(e.explanation).sort(), ['ar', 'en', 'es', 'fa', 'ru'], e.key);
      }
    });

    it("keeps an editor's change across starts and picks up the change in the checker", async () => {
      await sql`INSERT INTO users (email, role) VALUES ('glossary-editor@atlas.test', 'editor')`.execute(database.db);
      await sql`UPDATE glossary_terms SET status = 'care', version = version + 1, updated_at = now(),
        updated_by = (SELECT id FROM users WHERE email = 'glossary-editor@atlas.test') WHERE key = 'sexting'`.execute(database.db);
      assert.equal(await loadShippedGlossary(database.db), 0);
      assert.equal((await getGlossaryEntry(database.db, 'sexting'))?.version, 2);
      await sql`UPDATE glossary_terms SET variants = jsonb_set(variants, '{en}', '["sexy texting"]') WHERE key = 'sexting'`.execute(database.db);
      await sql`UPDATE glossary_terms SET version = version + 1 WHERE key = 'sexting'`.execute(database.db);
      assert.deepEqual(await keys('No sexy texting here.', 'en'), ['sexting=sexy texting'], 'a changed glossary is re-stemmed');
      // Back to the shipped text for the other tests.
      await sql`UPDATE glossary_terms SET updated_by = NULL WHERE key = 'sexting'`.execute(database.db);
      await loadShippedGlossary(database.db);
      assert.deepEqual((await getGlossaryEntry(database.db, 'sexting'))?.variants.en, undefined);
    });

    it('finds English terms in inflected forms, with offsets, lines and columns', async () => {
      const text = 'Report\nOn child prostitutes, and “Child Pornography”; also kiddie porn.';
      const { findings, lang } = await checkText(database.db, text, 'en');
      assert.equal(lang, 'en');
      assert.deepEqual(findings.map((f) => [f.key, f.found, f.line, f.column, f.status]), [
        ['child-prostitute', 'child prostitutes', 2, 4, 'avoid'],
        ['child-pornography', 'Child Pornography', 2, 28, 'avoid'],
        ['child-pornography', 'kiddie porn', 2, 53, 'avoid'],
      ]);
      const first = findings[0]!;
      assert.equal(text.slice(first.start, first.end), 'child prostitutes');
      assert.equal(first.suggestion?.term, 'child subjected to sexual exploitation in prostitution');
      assert.match(first.explanation, /cannot be a prostitute/);
      assert.equal(first.source, 'Luxembourg Guidelines (2016)');
    });

    it('tells forms that stem alike apart by their spelling, and prefers the longest term', async () => {
      assert.deepEqual(await keys('Child prostitution and webcam child sex tourism, and virtual child pornography.', 'en'), [
        'child-prostitution=Child prostitution',
        'webcam-child-sex-tourism=webcam child sex tourism',
        'virtual-child-pornography=virtual child pornography',
      ]);
    });

    it('lets stopwords stand inside a term only where the term has them, and never across a sentence', async () => {
      assert.deepEqual(await keys('We speak of children in prostitution.', 'en'), []);
      assert.deepEqual(await keys('A child of pornography? A child. Pornography is a word.', 'en'), []);
      // A preferred term holds its words: no "child sex offender" inside it, nor a finding for it.
      assert.deepEqual(await keys('A travelling child sex offender; the sexual exploitation of the children in prostitution.', 'en'), []);
      assert.deepEqual(await keys('consensual sexual exploitation', 'en'), ['consensual-exploitation=consensual sexual exploitation']);
    });

    it('matches Spanish forms with and without accents', async () => {
      assert.deepEqual(await keys('Las niñas prostitutas y la pornografia infantil; turismo sexual infantil.', 'es'), [
        'child-prostitute=niñas prostitutas',
        'child-pornography=pornografia infantil',
        'child-sex-tourism=turismo sexual infantil',
      ]);
      const { findings } = await checkText(database.db, 'Sobre la pornografía infantil.', 'es');
      assert.equal(findings[0]?.suggestion?.term, 'material de abuso sexual infantil', 'the suggestion is in the text’s language');
    });

    it('matches Russian case endings', async () => {
      assert.deepEqual(await keys('Борьба с детской порнографией и детскую проституцию; о педофилах.', 'ru'), [
        'child-pornography=детской порнографией',
        'child-prostitution=детскую проституцию',
        'paedophile=педофилах',
      ]);
      const { findings } = await checkText(database.db, 'детской порнографии', 'ru');
      assert.equal(findings[0]?.suggestion?.term, 'материалы сексуального насилия над детьми');
    });

    it('matches Arabic with the article and joined prepositions', async () => {
      assert.deepEqual(await keys('مكافحة المواد الإباحية للأطفال وبغاء الأطفال والسياحة الجنسية بالأطفال.', 'ar'), [
        'child-pornography=المواد الإباحية للأطفال',
        'child-prostitution=وبغاء الأطفال',
        'child-sex-tourism=والسياحة الجنسية بالأطفال',
      ]);
    });

    it('matches Persian across letter variants, the zero-width non-joiner and plural suffixes', async () => {
      // Arabic yeh and kaf, no non-joiner, a plural ها: all still the glossary's words.
      assert.deepEqual(await keys('درباره هرزهنگاری کودکان، روسپي‌گري کودکان‌ها و پورنوگرافی كودكان', 'fa'), [
        'child-pornography=هرزهنگاری کودکان',
        'child-prostitution=روسپي‌گري کودکان‌ها',
        'child-pornography=پورنوگرافی كودكان',
      ]);
      const { findings } = await checkText(database.db, 'سکستینگ', 'fa');
      assert.equal(findings[0]?.status, 'care');
      assert.equal(findings[0]?.suggestion?.term, 'محتوای جنسی خودساخته');
    });

    it('finds nothing in a clean text and copes with a long one', async () => {
      assert.deepEqual(await keys('Child sexual abuse material must be reported.', 'en'), []);
      const long = 'Some words about child pornography here.\n'.repeat(3000);
      const started = performance.now();
      const { findings } = await checkText(database.db, long, 'en');
      assert.equal(findings.length, 3000);
      assert.equal(findings[2999]!.line, 3000);
      assert.ok(performance.now() - started < 5000, 'a long text is checked in seconds');
    });
  });
}
