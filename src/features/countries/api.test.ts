// The reviews API (frameworks, editions, assessments, scores) on both databases, and its place in
// the OpenAPI document.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { addEdition, assess, seedReviews } from './test-data.ts';

type Body = Record<string, unknown> & { items: Record<string, unknown>[] };
type ApiError = { error: { code: string; message: string; field?: string } };

for (const kind of DATABASE_KINDS) {
  describe(`reviews API on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
      await seedReviews(t.db);
    });
    after(() => t.close());
    const get = (path: string) => t.app.request(path);
    const json = async (path: string) => {
      const res = await get(path);
      assert.equal(res.status, 200, `${path} -> ${res.status}`);
      return (await res.json()) as Body;
    };
    const failure = async (path: string, status: number) => {
      const res = await get(path);
      assert.equal(res.status, status, `${path} -> ${res.status}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      return (await res.json()) as ApiError;
    };

    it('lists the frameworks with their newest published edition', async () => {
      const body = await json('/api/v1/frameworks?lang=ru');
      assert.equal(body.demo, false);
      assert.equal(body.notice, undefined);
      const keys = body.items.map((i) => i.key);
      assert.deepEqual(keys, ['csam-legislation', 'missing-child-framework', 'model-law-coverage']);
      const csam = body.items[0]!;
      assert.match(csam.name as string, /[А-Яа-я]/);
      assert.equal(csam.criteria_count, 5);
      assert.equal((csam.latest_edition as { label: string }).label, '2024', 'the draft 2025 edition is not public');
      assert.equal(body.items[1]!.latest_edition, null);
    });

    it('describes one framework: criteria with names in every language and weights', async () => {
      const body = await json('/api/v1/frameworks/csam-legislation');
      const criteria = body.criteria as { key: string; names: Record<string, string>; weight: number; model_law_article: string | null }[];
      assert.equal(criteria.length, 5);
      assert.equal(criteria[0]!.key, 'specific-legislation');
      for (const c of criteria) {
        assert.deepEqual(Object.keys(c.names).sort(), ['ar', 'en', 'es', 'fa', 'ru']);
        assert.equal(c.weight, 1);
      }
      assert.equal(criteria[0]!.model_law_article, 'child-sexual-abuse-material');
    });

    it('lists only published editions', async () => {
      const body = await json('/api/v1/frameworks/csam-legislation/editions');
      assert.deepEqual(body.items.map((e) => e.label), ['2024']);
      assert.equal(body.items[0]!.demo, false);
      const draft = await failure('/api/v1/frameworks/csam-legislation/editions/2025-draft/assessments', 404);
      assert.equal(draft.error.code, 'notFound');
    });

    it('returns assessments, for one country too, with evidence resolved', async () => {
      const all = await json('/api/v1/frameworks/csam-legislation/editions/2024/assessments');
      assert.equal(all.items.length, 3);
      const ph = await json('/api/v1/frameworks/csam-legislation/editions/2024/assessments?country=ph&lang=es');
      assert.equal(ph.items.length, 2);
      assert.ok(ph.items.every((i) => i.country === 'PH' && i.country_name === 'Filipinas'));
      const met = ph.items.find((i) => i.criterion === 'specific-legislation')!;
      assert.equal(met.status, 'met');
      const evidence = met.evidence as Record<string, unknown>[];
      assert.equal(evidence[0]!.law_title, 'Republic Act No. 9775 (Anti-Child Pornography Act of 2009)');
      assert.equal(evidence[0]!.provision, 'sec. 9');
      assert.deepEqual(evidence[1], { citation: 'Supreme Court ruling G.R. 12345', link: 'https://example.org/ruling' });
      assert.equal((ph.edition as { label: string }).label, '2024');
    });

    it('answers a bad country with 400 naming the parameter', async () => {
      for (const country of ['ZZ', 'FRA', '1']) {
        const body = await failure(`/api/v1/frameworks/csam-legislation/editions/2024/assessments?country=${country}`, 400);
        assert.equal(body.error.field, 'country');
        assert.match(body.error.message, /country/);
      }
    });

    it('scores an edition: null, never 0, for a country with nothing assessed', async () => {
      const edition = await addEdition(t.db, 'csam-legislation', '2023', { year: 2023 });
      await assess(t.db, edition, 'csam-legislation', 'PH', 'definition', 'not_met');
      await assess(t.db, edition, 'csam-legislation', 'DE', 'definition', 'not_assessed');
      const newest = await json('/api/v1/frameworks/csam-legislation/editions/2024/scores');
      const byCountry = new Map(newest.items.map((i) => [i.country, i]));
      assert.equal(byCountry.get('PH')!.score, 75);
      assert.equal(byCountry.get('PH')!.rank, 1);
      assert.equal(byCountry.get('PH')!.change, 'improved');
      assert.equal(byCountry.get('PH')!.previous, 0);
      assert.equal(byCountry.get('FR')!.score, 0);
      assert.equal(byCountry.get('FR')!.change, 'new');
      const older = await json('/api/v1/frameworks/csam-legislation/editions/2023/scores');
      const de = older.items.find((i) => i.country === 'DE')!;
      assert.equal(de.score, null);
      assert.equal(de.rank, null);
      assert.equal(de.not_assessed, 5);
    });

    it('answers an unknown framework or edition with 404 in the language asked for', async () => {
      const es = await failure('/api/v1/frameworks/nothing-here?lang=es', 404);
      assert.equal(es.error.code, 'notFound');
      assert.equal(es.error.message, 'No existe el marco «nothing-here».');
      const fa = await failure('/api/v1/frameworks/csam-legislation/editions/1999/scores?lang=fa', 404);
      assert.match(fa.error.message, /[\u0600-\u06FF]/);
      assert.match(fa.error.message, /1999/);
      await failure('/api/v1/frameworks/nothing-here/editions', 404);
      await failure('/api/v1/frameworks/CSAM_Legislation', 404);
    });

    it('marks every answer built on a demonstration edition', async () => {
      const demo = await addEdition(t.db, 'missing-child-framework', 'demo', { demo: true });
      await assess(t.db, demo, 'missing-child-framework', 'PH', 'definition', 'met');
      for (const path of [
        '/api/v1/frameworks',
        '/api/v1/frameworks/missing-child-framework',
        '/api/v1/frameworks/missing-child-framework/editions',
        '/api/v1/frameworks/missing-child-framework/editions/demo/assessments',
        '/api/v1/frameworks/missing-child-framework/editions/demo/scores?lang=ar',
      ]) {
        const body = await json(path);
        assert.equal(body.demo, true, path);
        assert.equal(typeof body.notice, 'string', path);
      }
      const arabic = await json('/api/v1/frameworks/missing-child-framework/editions/demo/scores?lang=ar');
      assert.match(arabic.notice as string, /[\u0600-\u06FF]/);
      const real = await json('/api/v1/frameworks/csam-legislation/editions/2024/scores');
      assert.equal(real.demo, false);
      assert.equal(real.notice, undefined);
    });

    it('documents the endpoints in the OpenAPI document', async () => {
      const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
      for (const path of [
        '/api/v1/frameworks',
        '/api/v1/frameworks/{key}',
        '/api/v1/frameworks/{key}/editions',
        '/api/v1/frameworks/{key}/editions/{label}/assessments',
        '/api/v1/frameworks/{key}/editions/{label}/scores',
      ]) {
        assert.ok(doc.paths[path]?.get, `${path} documented`);
      }
      const params = doc.paths['/api/v1/frameworks/{key}/editions/{label}/assessments']!.get!.parameters!.map((p) => p.name);
      assert.ok(params.includes('country') && params.includes('label'));
    });
  });
}
