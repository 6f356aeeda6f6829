// Country index, profiles, grouping profiles and the comparison, through the app on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { countryName } from '../taxonomy/country-names.ts';
import { addEdition, assess, seedReviews } from './test-data.ts';

const count = (html: string, pattern: RegExp) => (html.match(new RegExp(pattern.source, 'g')) ?? []).length;

for (const kind of DATABASE_KINDS) {
  describe(`country pages on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
      await seedReviews(t.db);
    });
    after(() => t.close());
    const get = (path: string) => t.app.request(path);
    const page = async (path: string, status = 200) => {
      const res = await get(path);
      assert.equal(res.status, status, `${path} -> ${res.status}`);
      return res.text();
    };

    it('lists every country by region with the newest published score, never 0 for missing data', async () => {
      const html = await page('/en/countries');
      for (const region of ['africa', 'americas', 'asia', 'europe', 'oceania']) assert.match(html, new RegExp(`id="region-${region}"`));
      assert.ok(count(html, /href="\/en\/countries\/[A-Z]{2}"/) >= 249, 'a link per country');
      assert.match(html, /<a href="\/en\/regions\/south-eastern-asia">South-eastern Asia<\/a>/i);
      // One score column: the CSAM edition 2024; nothing is published for the other frameworks.
      assert.match(html, /Child sexual abuse material legislation \(edition 2024\)/);
      assert.match(html, /Nothing published yet for: National missing-child framework/);
      const row = (code: string) => html.match(new RegExp(`href="/en/countries/${code}">[^<]+</a></th>(.*?)</tr>`))?.[1] ?? '';
      assert.match(row('PH'), /75%/);
      assert.match(row('FR'), /0%/, 'France is assessed: all not met is a real 0');
      assert.match(row('DE'), /Not assessed/);
      assert.doesNotMatch(row('DE'), /%/);
      assert.doesNotMatch(html, /cp-demo-banner/);
    });

    it('shows a country profile with groupings, ratifications, laws, resources, assessments and coverage', async () => {
      const html = await page('/en/countries/PH');
      assert.match(html, /<h1>Philippines<\/h1>/);
      assert.match(html, /href="\/en\/regions\/asean">Association of Southeast Asian Nations/);
      assert.match(html, /href="\/en\/regions\/south-eastern-asia"/);
      // Ratifications, with dates for the locale in <time>.
      assert.match(html, /Convention on the Rights of the Child/);
      assert.match(html, /Ratified/);
      assert.match(html, /<time datetime="1990-08-21">August 21, 1990<\/time>/);
      assert.match(html, /Acceded/);
      assert.match(html, /No reservations beyond the declaration on article 1\./);
      assert.doesNotMatch(html, /No ratification data recorded yet/);
      // National laws with their provisions.
      assert.match(html, /Republic Act No\. 9775/);
      assert.match(html, /sec\. 9/);
      assert.match(html, /Required internet service providers to notify the police/);
      // Library resources: the newest five and a link to all.
      assert.match(html, /href="\/en\/library\?country=PH">See (all \d+ resources|this resource) in the library/);
      // The assessment: criterion names, statuses, resolved evidence, note, score and rank, links.
      assert.match(html, /Legislation specific to child sexual abuse material/);
      assert.match(html, /cp-status-met">Met</);
      assert.match(html, /cp-status-partly">Partly met</);
      assert.match(html, /cp-status-not-assessed">Not assessed</);
      assert.match(html, /Republic Act No\. 9775 \(Anti-Child Pornography Act of 2009\) \(2009\), sec\. 9/);
      assert.match(html, /<a href="https:\/\/example\.org\/ruling" rel="external">Supreme Court ruling G\.R\. 12345<\/a>/);
      assert.match(html, /The definition leaves out drawings\./);
      assert.match(html, /75%/);
      assert.match(html, /1 of 2/);
      assert.match(html, /href="\/en\/reviews\/csam-legislation"/);
      assert.match(html, /href="\/en\/reviews\/csam-legislation\/gaps\/PH"/);
      // Model-law coverage: articles citing the Philippine act.
      assert.match(html, /href="\/en\/model-law\/atlas-sample-model-law\/articles\/service-providers-duty-to-report\?edition=/);
      // Unpublished editions stay invisible; this profile is built on no demo edition.
      assert.doesNotMatch(html, /UNPUBLISHED-DRAFT-NOTE/);
      assert.doesNotMatch(html, /cp-demo-banner/);
      assert.match(html, /Nothing published yet for this framework\./);
    });

    it('is honest about a country without data', async () => {
      const html = await page('/en/countries/DE');
      assert.match(html, /<h1>Germany<\/h1>/);
      assert.match(html, /No ratification data recorded yet for this country\./);
      assert.match(html, /No national laws recorded yet for this country\./);
      assert.match(html, /Germany is not assessed in the 2024 edition\./);
      assert.match(html, /No article of the published model law cites this country/);
      assert.doesNotMatch(html, /cp-status-met/);
      assert.doesNotMatch(html, /UNPUBLISHED-DRAFT-NOTE/, 'the draft edition assessed Germany');
    });

    it('renders the profile in Arabic, right to left, with Arabic names, dates and texts', async () => {
      const html = await page('/ar/countries/PH');
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.ok(html.includes(`<h1>${countryName('PH', 'ar')}</h1>`), 'Arabic country name');
      assert.ok(html.includes(CATALOGS.ar['countries.profile.ratifications']!));
      assert.match(html, /لا تحفظات سوى الإعلان بشأن المادة 1\./);
      assert.match(html, /التعريف لا يشمل الرسوم\./);
      assert.match(html, /<time datetime="1990-08-21">[^<]*أغسطس[^<]*<\/time>/);
      // A reservation recorded only in English is shown marked as English.
      assert.match(html, /<span lang="en" dir="ltr">Declaration on the minimum age\.<\/span>/);
      assert.match(html, /تشريع خاص بمواد الاعتداء الجنسي على الأطفال/);
    });

    it('redirects a lower-case code and answers an unknown one with 404 in the page language', async () => {
      const res = await get('/en/countries/ph?x=1');
      assert.equal(res.status, 301);
      assert.equal(res.headers.get('location'), '/en/countries/PH?x=1');
      const missing = await page('/en/countries/XX', 404);
      assert.match(missing, /There is no country with the code “XX”\./);
      const ru = await page('/ru/countries/qq', 404);
      assert.match(ru, /<html lang="ru"/);
      assert.match(ru, /Страны с кодом «qq» нет\./);
      await page('/en/countries/FRA', 404);
    });

    it('shows a grouping with its members and scores, sub-regions and regional reviews', async () => {
      const asean = await page('/en/regions/asean');
      assert.match(asean, /<h1>Association of Southeast Asian Nations<\/h1>/);
      assert.match(asean, /href="\/en\/countries\/PH">Philippines<\/a><\/th><td><data value="75">75%/);
      assert.match(asean, /11 members/);
      assert.match(asean, /href="\/en\/reviews\/csam-legislation\/regions\/asean"/);
      assert.match(asean, /href="\/en\/reviews\/missing-child-framework\/regions\/asean"/);
      const asia = await page('/en/regions/asia');
      assert.match(asia, /Sub-regions/);
      assert.match(asia, /href="\/en\/regions\/south-eastern-asia"/);
      const sub = await page('/es/regions/south-eastern-asia');
      assert.match(sub, /Forma parte de <a href="\/es\/regions\/asia">/);
      assert.match(await page('/en/regions/atlantis', 404), /There is no region or grouping “atlantis”\./);
    });

    it('offers a comparison form without JavaScript', async () => {
      const html = await page('/en/countries/compare');
      assert.equal(count(html, /<select id="c\d" name="c"/), 6);
      assert.match(html, /<option value="PH">Philippines<\/option>/);
      assert.doesNotMatch(html, /<script/);
      assert.doesNotMatch(html, /<table/);
    });

    it('compares countries criterion by criterion, with scores and ratifications side by side', async () => {
      const html = await page('/en/countries/compare?c=PH&c=fr&c=');
      assert.match(html, /<option value="PH" selected="">Philippines<\/option>/);
      assert.match(html, /<option value="FR" selected="">France<\/option>/);
      const csam = html.match(/id="framework-csam-legislation"[\s\S]*?<\/table>/)?.[0] ?? '';
      assert.match(csam, /Legislation specific to child sexual abuse material<\/th><td><span class="cp-status cp-status-met">Met<\/span><\/td><td><span class="cp-status cp-status-not-met">Not met/);
      assert.match(csam, /Score<\/th><td><data value="75">75%<\/data><\/td><td><data value="0">0%/);
      assert.match(html, /id="framework-missing-child-framework"[\s\S]*?Nothing published yet for this framework/);
      const ratifications = html.match(/id="ratifications"[\s\S]*?<\/table>/)?.[0] ?? '';
      assert.equal(count(ratifications, /<tr>/), 9, 'a header and the 8 instruments');
      assert.match(ratifications, /Ratified <time datetime="1990-08-21">/);
      assert.match(ratifications, /No record/);
      assert.doesNotMatch(html, /UNPUBLISHED-DRAFT-NOTE|cp-demo-banner/);
    });

    it('rejects a bad comparison with 400 naming the parameter, in the page language, keeping the form', async () => {
      const seven = ['PH', 'FR', 'DE', 'ES', 'IT', 'BR', 'US'].map((c) => `c=${c}`).join('&');
      const tooMany = await page(`/en/countries/compare?${seven}`, 400);
      assert.match(tooMany, /The parameter “c” must name from 2 to 6 countries; it names 7\./);
      assert.match(tooMany, /role="alert"/);
      assert.match(tooMany, /aria-invalid="true"/);
      assert.match(await page('/en/countries/compare?c=PH', 400), /The parameter “c” must name from 2 to 6 countries; it names 1\./);
      const unknown = await page('/es/countries/compare?c=PH&c=ZZ', 400);
      assert.match(unknown, /<html lang="es"/);
      assert.match(unknown, /El parámetro «c» no es válido: «ZZ» no es un código de país conocido\./);
      assert.match(unknown, /<option value="PH" selected="">/);
    });

    it('says plainly when a profile rests on a demonstration edition', async () => {
      const demo = await addEdition(t.db, 'missing-child-framework', 'demo-2024', { demo: true, note: { en: 'Illustrative edition for the demo.' } });
      await assess(t.db, demo, 'missing-child-framework', 'PH', 'definition', 'met');
      const html = await page('/en/countries/PH');
      const banner = html.indexOf('cp-demo-banner');
      assert.ok(banner > 0 && banner < html.indexOf('<h1>'), 'a banner before the content');
      assert.match(html, /Demonstration data\./);
      assert.match(html, /National missing-child framework \(edition demo-2024\)/);
      assert.match(html, /Illustrative edition for the demo\./);
      assert.match(await page('/en/countries'), /cp-demo-banner/);
      assert.match(await page('/en/countries/compare?c=PH&c=FR'), /cp-demo-banner/);
      assert.match(await page('/en/regions/asean'), /cp-demo-banner/);
    });
  });
}
