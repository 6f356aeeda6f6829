// The reviews back office through the app, on both databases: editions and their workflow (and
// what the public listing then holds), the assessment grid (statuses, evidence checked against
// national provisions with the message beside its field, stale rows, roles, read-only editions),
// criteria weights, ratifications, regional recommendations, and the JSON API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { listReviewEditions } from '../reviews/store.ts';
import { assessmentRows, auditOf, counts, CSAM, formFields, GB_LAW, makeEdition, revisionsOf } from './test-helpers.ts';

type App = Awaited<ReturnType<typeof testApp>>;

for (const kind of DATABASE_KINDS) {
  describe(`reviews back office on ${kind}`, () => {
    let t: App;
    let editor: TestSession;
    let reviewer: TestSession;
    let translator: TestSession;
    before(async () => {
      t = await testApp(kind);
      editor = await testSession(t.db, 'editor');
      reviewer = await testSession(t.db, 'reviewer');
      translator = await testSession(t.db, 'translator', { locales: ['ar'] });
    });
    after(() => t.close());

    const page = async (s: TestSession | undefined, path: string) => {
      const res = await t.app.request(path, { headers: s ? s.headers() : {} });
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    };
    const post = async (s: TestSession, path: string, fields: Record<string, string> = {}) => {
      const res = await t.app.request(path, s.form(fields));
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    };
    const edition = (id: string, rest = '') => `/en/admin/reviews/editions/${id}${rest}`;
    const grid = (id: string, code: string) => edition(id, `/countries/${code}`);
    /** The grid's fields as loaded, with some changed. */
    const gridForm = async (s: TestSession, id: string, code: string, changes: Record<string, string>) => {
      const { html, status } = await page(s, grid(id, code));
      assert.equal(status, 200, html);
      return { ...formFields(html, grid(id, code)), ...changes };
    };

    it('lists the frameworks with their editions in every state, under its own menu entry', async () => {
      await makeEdition(t.db, 'list-draft');
      await makeEdition(t.db, 'list-published', { status: 'published' });
      const { status, html } = await page(translator, '/en/admin/reviews');
      assert.equal(status, 200);
      assert.match(html, /<a href="\/en\/admin\/reviews" aria-current="page">Legislative reviews<\/a>/);
      assert.match(html, /Child sexual abuse material legislation/);
      assert.match(html, /Edition list-draft \(2026\)[\s\S]*?status-draft">Draft/);
      assert.match(html, /Edition list-published \(2026\)[\s\S]*?status-published">Published/);
      const ar = await page(editor, '/ar/admin/reviews');
      assert.match(ar.html, /<html lang="ar" dir="rtl">/);
      assert.match(ar.html, /المراجعات التشريعية/);
    });

    it('creates a draft edition (never a demo one); a taken label or a bad year is refused beside its field', async () => {
      const res = await post(editor, `/en/admin/reviews/frameworks/${CSAM}/editions`, { label: 'web-2027', year: '2027' });
      assert.equal(res.status, 303, res.html);
      const id = /\/editions\/(\d+)\?done=created$/.exec(res.location ?? '')?.[1];
      assert.ok(id);
      const row = await sql<{ status: string; demo: boolean; year: number }>`SELECT status, demo, year FROM framework_editions WHERE id = ${id}::bigint`.execute(t.db);
      assert.deepEqual(row.rows[0], { status: 'draft', demo: false, year: 2027 });
      assert.equal((await auditOf(t.db, 'review_edition.create')).filter((a) => a.entity_id === id).length, 1);
      const { html } = await page(editor, res.location!);
      assert.match(html, /The draft edition is ready/);

      const taken = await post(editor, `/en/admin/reviews/frameworks/${CSAM}/editions`, { label: 'web-2027', year: '20x7' });
      assert.equal(taken.status, 422);
      assert.match(taken.html, /id="create-label" name="label" type="text" value="web-2027"[^>]*aria-invalid="true" aria-describedby="create-label-error create-hint"/);
      assert.match(taken.html, /id="create-label-error">Another edition of this framework is already labelled web-2027/);
      assert.match(taken.html, /id="create-year-error">A year between 1900 and 2200/);
      assert.match(taken.html, /value="20x7"/);
      assert.equal((await post(translator, `/en/admin/reviews/frameworks/${CSAM}/editions`, { label: 'x', year: '2027' })).status, 403);
      assert.equal((await post(reviewer, `/en/admin/reviews/frameworks/${CSAM}/editions`, { label: 'x', year: '2027' })).status, 403);
    });

    it('moves an edition through the workflow; only published editions are in the public listing', async () => {
      const id = await makeEdition(t.db, 'flow-1', { framework: 'missing-child-framework' });
      const published = async () => (await listReviewEditions(t.db, 'missing-child-framework')).map((e) => e.label);
      assert.ok(!(await published()).includes('flow-1'), 'a draft is not public');
      assert.equal((await post(editor, edition(id, '/archive'), { version: '1' })).status, 409, 'a draft cannot be archived');
      assert.equal((await post(reviewer, edition(id, '/publish'), { version: '1' })).status, 403, 'a reviewer publishes only what was submitted');
      assert.equal((await post(editor, edition(id, '/submit'), { version: '1' })).status, 303);
      assert.ok(!(await published()).includes('flow-1'), 'in review is not public');
      assert.equal((await post(reviewer, edition(id, '/publish'), { version: '1' })).status, 409, 'a stale version is refused');
      const done = await post(reviewer, edition(id, '/publish'), { version: '2' });
      assert.equal(done.status, 303);
      assert.ok((await published()).includes('flow-1'));
      const first = await sql<{ published_at: Date }>`SELECT published_at FROM framework_editions WHERE id = ${id}::bigint`.execute(t.db);
      assert.ok(first.rows[0]!.published_at instanceof Date);
      assert.equal((await post(editor, edition(id, '/submit'), { version: '3' })).status, 409, 'a published edition is not submitted again');
      assert.equal((await post(reviewer, edition(id, '/archive'), { version: '3' })).status, 403);
      assert.equal((await post(editor, edition(id, '/archive'), { version: '3' })).status, 303);
      assert.ok(!(await published()).includes('flow-1'), 'an archived edition is no longer listed');
      const after = await sql<{ published_at: Date; status: string }>`SELECT published_at, status FROM framework_editions WHERE id = ${id}::bigint`.execute(t.db);
      assert.equal(after.rows[0]!.status, 'archived');
      assert.equal(after.rows[0]!.published_at.getTime(), first.rows[0]!.published_at.getTime(), 'published_at is the first publication');
      const actions = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'review_edition' AND entity_id = ${id} ORDER BY id`.execute(t.db);
      assert.deepEqual(actions.rows.map((r) => r.action), ['review_edition.submit', 'review_edition.publish', 'review_edition.archive']);
      // Editors may publish a draft directly.
      const direct = await makeEdition(t.db, 'flow-2', { framework: 'missing-child-framework' });
      assert.equal((await post(editor, edition(direct, '/publish'), { version: '1' })).status, 303);
      assert.ok((await published()).includes('flow-2'));
    });

    it('shows the countries of an edition with their progress, each leading to its grid', async () => {
      const id = await makeEdition(t.db, 'progress-1');
      await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status) VALUES
        (${id}::bigint, ${CSAM}, 'FR', 'definition', 'met'), (${id}::bigint, ${CSAM}, 'FR', 'provider-reporting', 'not_assessed')`.execute(t.db);
      const { status, html } = await page(reviewer, edition(id));
      assert.equal(status, 200);
      assert.match(html, new RegExp(`<a href="/en/admin/reviews/editions/${id}/countries/FR">France</a>[\\s\\S]*?1 of 5`));
      assert.match(html, new RegExp(`<a href="/en/admin/reviews/editions/${id}/countries/DE">Germany</a>[\\s\\S]*?0 of 5`));
      assert.match(html, /1 country of \d+ has assessments/);
      assert.doesNotMatch(html, /Submit for review/, 'a reviewer has no step for a draft');
    });

    it('saves a grid in one transaction: statuses, evidence, notes, one revision per changed row and one audit entry', async () => {
      const id = await makeEdition(t.db, 'grid-1');
      const before = await counts(t.db);
      const loaded = await page(editor, grid(id, 'GB'));
      assert.match(loaded.html, new RegExp(`name="definition.reviewer" type="text" value="${editor.user.email.replace(/[.+]/g, '\\$&')}"`), 'the reviewer defaults to the user');
      assert.match(loaded.html, /gb-sexual-offences-act-2003 \| s\. 15/, 'the country’s provisions are offered');
      const fields = await gridForm(editor, id, 'GB', {
        'definition.status': 'met',
        'definition.provisions': `${GB_LAW} | s. 15\r\n${GB_LAW} | s. 47`,
        'definition.citations': 'Home Office guidance | https://www.gov.uk/guidance',
        'definition.note.en': 'Defined in the Act.',
        'definition.note.ar': 'معرّف في القانون.',
        'knowing-possession.status': 'partly',
        'knowing-possession.date': '2026-03-01',
      });
      const res = await post(editor, grid(id, 'GB'), fields);
      assert.equal(res.status, 303, res.html);
      assert.match(res.location ?? '', /\?done=saved$/);
      const rows = await assessmentRows(t.db, id);
      assert.deepEqual(rows.map((r) => [r.criterion, r.status]), [['definition', 'met'], ['knowing-possession', 'partly']], 'untouched rows write nothing');
      const definition = rows[0]!;
      assert.deepEqual(definition.evidence, [
        { nationalLaw: GB_LAW, provision: 's. 15' },
        { nationalLaw: GB_LAW, provision: 's. 47' },
        { citation: 'Home Office guidance', link: 'https://www.gov.uk/guidance' },
      ]);
      assert.deepEqual(definition.note, { ar: 'معرّف في القانون.', en: 'Defined in the Act.' });
      assert.equal(definition.reviewer, editor.user.email);
      assert.equal(rows[1]!.assessed_on, '2026-03-01');
      const after = await counts(t.db);
      assert.equal(after.revisions - before.revisions, 2);
      assert.equal(after.audit - before.audit, 1);
      const audit = (await auditOf(t.db, 'assessment.save')).find((a) => a.entity_id === `${id}:GB`);
      assert.deepEqual(audit?.details.criteria, ['definition', 'knowing-possession']);
      assert.equal((await revisionsOf(t.db, 'assessment', `${id}:GB:definition`))[0]?.version, 1);
      const shown = await page(editor, res.location!);
      assert.match(shown.html, /Saved\./);
      assert.match(shown.html, /<option value="met" selected="">Met<\/option>/);

      // Saving the grid as it is now changes nothing.
      const again = await post(editor, grid(id, 'GB'), await gridForm(editor, id, 'GB', {}));
      assert.match(again.location ?? '', /\?done=unchanged$/);
      assert.equal((await counts(t.db)).revisions, after.revisions);
    });

    it('refuses evidence that is not a provision of the country, with the message beside the field and the input kept', async () => {
      const id = await makeEdition(t.db, 'grid-2');
      const before = await counts(t.db);
      const fields = await gridForm(editor, id, 'GB', {
        'definition.status': 'met',
        'definition.provisions': `${GB_LAW} | s. 99`,
        'provider-reporting.status': 'met',
        'provider-reporting.provisions': 'us-18-usc-2258a | 2258A(a)',
        'knowing-possession.citations': 'Guidance | javascript:alert(1)',
        'specific-legislation.date': '2026-02-30',
      });
      const res = await post(editor, grid(id, 'GB'), fields);
      assert.equal(res.status, 422);
      assert.match(res.html, /id="grid-definition-provisions" name="definition.provisions"[^>]*aria-invalid="true" aria-describedby="grid-definition-provisions-error provisions-hint">gb-sexual-offences-act-2003 \| s\. 99<\/textarea>/);
      assert.match(res.html, /id="grid-definition-provisions-error">gb-sexual-offences-act-2003 has no provision “s\. 99”/);
      assert.match(res.html, /id="grid-provider-reporting-provisions-error">us-18-usc-2258a is a law of another country \(US\)/);
      assert.match(res.html, /id="grid-knowing-possession-citations-error">“javascript:alert\(1\)” is not a web address/);
      assert.match(res.html, /id="grid-specific-legislation-date-error">“2026-02-30” is not a date/);
      assert.match(res.html, /4 fields need attention/);
      assert.deepEqual(await counts(t.db), before, 'nothing written');
      const es = await t.app.request(`/es/admin/reviews/editions/${id}/countries/GB`, editor.form(fields));
      assert.match(await es.text(), /no tiene ninguna disposición «s\. 99»/, 'in the page’s language');
    });

    it('answers a stale row with 409: both versions shown, the input kept, and a second save goes through', async () => {
      const id = await makeEdition(t.db, 'grid-3');
      const mine = await gridForm(editor, id, 'FR', { 'definition.status': 'partly', 'definition.note.en': 'My reading.' });
      // Someone else saves the same row after the form was loaded.
      const other = await testSession(t.db, 'editor');
      assert.equal((await post(other, grid(id, 'FR'), await gridForm(other, id, 'FR', { 'definition.status': 'not_met', 'definition.note.en': 'Their reading.' }))).status, 303);
      const before = await counts(t.db);
      const res = await post(editor, grid(id, 'FR'), mine);
      assert.equal(res.status, 409);
      assert.match(res.html, /Someone else saved in the meantime/);
      assert.match(res.html, /Saved now \(version 1, [^)]*\)[\s\S]*?Not met[\s\S]*?Their reading\./);
      assert.match(res.html, /Yours<\/th>[\s\S]*?Partly met[\s\S]*?My reading\./);
      assert.match(res.html, /name="definition.note.en"[^>]*>My reading\.<\/textarea>/, 'the input is kept');
      assert.match(res.html, /<option value="partly" selected="">/);
      assert.deepEqual(await counts(t.db), before, 'nothing written');
      const resolved = await post(editor, grid(id, 'FR'), formFields(res.html, grid(id, 'FR')));
      assert.equal(resolved.status, 303);
      const row = (await assessmentRows(t.db, id))[0]!;
      assert.equal(row.status, 'partly');
      assert.equal(row.version, 2);
    });

    it('lets reviewers and translators read a grid but not save it', async () => {
      const id = await makeEdition(t.db, 'grid-4');
      await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status, note) VALUES
        (${id}::bigint, ${CSAM}, 'SE', 'definition', 'met', '{"fa":"یادداشت"}')`.execute(t.db);
      const read = await page(reviewer, grid(id, 'SE'));
      assert.equal(read.status, 200);
      assert.match(read.html, /Your role can read the assessments but not change them/);
      assert.doesNotMatch(read.html, /<form method="post" action="\/en\/admin\/reviews\/editions/);
      assert.match(read.html, /<dd lang="fa" dir="rtl" class="reviews-admin-text">یادداشت<\/dd>/);
      assert.equal((await post(reviewer, grid(id, 'SE'), { 'definition.status': 'not_met' })).status, 403);
      assert.equal((await post(translator, grid(id, 'SE'), { 'definition.status': 'not_met' })).status, 403);
      assert.equal((await assessmentRows(t.db, id))[0]!.status, 'met');
      assert.equal((await page(editor, grid(id, 'se'))).status, 301, 'one address per grid');
      assert.equal((await page(editor, grid(id, 'QQ'))).status, 404);
    });

    it('keeps published and archived editions read-only and says so', async () => {
      const id = await makeEdition(t.db, 'grid-5', { status: 'published' });
      const { html } = await page(editor, grid(id, 'FR'));
      assert.match(html, /This edition is Published: its assessments, imports and recommendations can no longer change/);
      assert.doesNotMatch(html, /Save the grid/);
      const before = await counts(t.db);
      const res = await post(editor, grid(id, 'FR'), { 'definition.status': 'met', 'definition.version': '0', 'definition.loaded': 'x' });
      assert.equal(res.status, 409);
      assert.deepEqual(await counts(t.db), before);
      assert.equal((await page(editor, edition(id, '/import'))).status, 409);
    });

    it('marks every page of a demonstration edition as such', async () => {
      const id = await makeEdition(t.db, 'demo-1', { status: 'published', demo: true });
      for (const path of [edition(id), grid(id, 'FR'), edition(id, '/regions/europe')]) {
        const { html } = await page(editor, path);
        assert.match(html, /<p class="notice reviews-admin-demo" role="note"><strong>Demonstration data\.<\/strong>/, path);
      }
      const api = (await (await t.app.request('/api/v1/admin/reviews/editions', { headers: editor.headers() })).json()) as { demo: boolean; notice?: string };
      assert.equal(api.demo, true);
      assert.match(api.notice ?? '', /Demonstration data/);
    });

    it('changes criteria weights with an audit entry; a bad weight is refused beside its field', async () => {
      const path = `/en/admin/reviews/frameworks/${CSAM}`;
      const { html } = await page(editor, path);
      const fields = { ...formFields(html, `${path}/weights`), 'weight.definition': '2,5' };
      const res = await post(editor, `${path}/weights`, fields);
      assert.equal(res.status, 303, res.html);
      const w = await sql<{ weight: number }>`SELECT weight::float8 AS weight FROM framework_criteria WHERE framework_key = ${CSAM} AND key = 'definition'`.execute(t.db);
      assert.equal(w.rows[0]!.weight, 2.5);
      const audit = (await auditOf(t.db, 'framework.weights')).at(-1);
      assert.deepEqual(audit?.details.changes, { definition: { from: 1, to: 2.5 } });
      const bad = await post(editor, `${path}/weights`, { ...fields, 'weight.definition': '-1' });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /id="weight-definition-error">A number from 0 to 9999\.99/);
      // A weight changed by someone else since the form was loaded.
      const stale = await post(editor, `${path}/weights`, { ...fields, 'weight.definition': '3' });
      assert.equal(stale.status, 409);
      assert.match(stale.html, /changed this weight to 2\.5 in the meantime/);
      assert.equal((await post(reviewer, `${path}/weights`, fields)).status, 403);
    });

    it('saves the ratifications of a country with revisions and an audit entry, refusing bad links and stale rows', async () => {
      const path = '/en/admin/reviews/ratifications';
      const chooser = await page(reviewer, path);
      assert.match(chooser.html, /<option value="FR">France<\/option>/);
      const { html } = await page(editor, `${path}?country=FR`);
      assert.match(html, /Ratifications: France/);
      const loaded = formFields(html, path);
      const before = await counts(t.db);
      const fields = {
        ...loaded,
        'crc.action': 'ratification',
        'crc.signed': '1990-01-26',
        'crc.bound': '1990-08-07',
        'crc.link': 'https://treaties.un.org/',
        'crc.reservations.en': 'Article 30: declaration.',
        'crc.reservations.ar': 'المادة 30: إعلان.',
        'lanzarote.action': 'signature',
      };
      const res = await post(editor, path, fields);
      assert.equal(res.status, 303, res.html);
      assert.equal(res.location, `${path}?country=FR&done=saved`);
      const rows = await sql<{ instrument_key: string; action: string; bound_on: string | null; reservations: Record<string, string>; source_link: string | null }>`
        SELECT instrument_key, action, to_char(bound_on, 'YYYY-MM-DD') AS bound_on, reservations, source_link FROM ratifications WHERE country = 'FR' ORDER BY instrument_key`.execute(t.db);
      assert.deepEqual(rows.rows, [
        { instrument_key: 'crc', action: 'ratification', bound_on: '1990-08-07', reservations: { ar: 'المادة 30: إعلان.', en: 'Article 30: declaration.' }, source_link: 'https://treaties.un.org/' },
        { instrument_key: 'lanzarote', action: 'signature', bound_on: null, reservations: {}, source_link: null },
      ]);
      const after = await counts(t.db);
      assert.equal(after.revisions - before.revisions, 2);
      assert.equal(after.audit - before.audit, 1);
      assert.deepEqual((await auditOf(t.db, 'ratification.save')).at(-1)?.details.changes, { crc: 'created', lanzarote: 'created' });

      const bad = await post(editor, path, { ...fields, 'crc.link': 'javascript:alert(1)', 'lanzarote.bound': '2020-01-01' });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /id="rat-crc-link-error">“javascript:alert\(1\)” is not a web address/);
      assert.match(bad.html, /id="rat-lanzarote-bound-error">A signature alone does not bind the country/);
      // The form of the first save is stale now: its crc row was loaded at version 0.
      const stale = await post(editor, path, { ...fields, 'crc.link': 'https://example.org/' });
      assert.equal(stale.status, 409);
      assert.match(stale.html, /Someone else saved in the meantime/);
      assert.match(stale.html, /value="https:\/\/example.org\/"/, 'the input is kept');
      assert.deepEqual(await counts(t.db), after, 'nothing written by refused saves');
      assert.equal((await post(translator, path, fields)).status, 403);
    });

    it('saves regional recommendations per language with a version check, a revision and an audit entry', async () => {
      const id = await makeEdition(t.db, 'rec-1');
      const path = edition(id, '/regions/south-eastern-asia');
      const { html, status } = await page(editor, path);
      assert.equal(status, 200);
      assert.match(html, /<textarea id="rec-ar" name="text.ar" rows="6" lang="ar" dir="rtl">/);
      assert.match(html, /<textarea id="rec-fa" name="text.fa" rows="6" lang="fa" dir="rtl">/);
      const res = await post(editor, path, { version: '0', 'text.en': 'Adopt a national registry.', 'text.ar': 'اعتماد سجل وطني.' });
      assert.equal(res.status, 303, res.html);
      const row = await sql<{ text: Record<string, string>; version: number }>`SELECT text, version FROM regional_recommendations WHERE edition_id = ${id}::bigint`.execute(t.db);
      assert.deepEqual(row.rows[0], { text: { ar: 'اعتماد سجل وطني.', en: 'Adopt a national registry.' }, version: 1 });
      assert.equal((await revisionsOf(t.db, 'regional_recommendation', `${id}:south-eastern-asia`)).length, 1);
      assert.equal((await auditOf(t.db, 'recommendation.save')).filter((a) => a.entity_id === `${id}:south-eastern-asia`).length, 1);
      const stale = await post(editor, path, { version: '0', 'text.en': 'My other text.' });
      assert.equal(stale.status, 409);
      assert.match(stale.html, /Adopt a national registry\.[\s\S]*?My other text\./);
      assert.match(stale.html, /name="version" value="1"/);
      assert.equal((await post(reviewer, path, { version: '1', 'text.en': 'x' })).status, 403);
      const listed = await page(editor, edition(id));
      assert.match(listed.html, /South-eastern Asia<\/span><\/a><\/th><td>Arabic, English<\/td>/);
    });

    it('lists the editions with their states and progress in the JSON API', async () => {
      const id = await makeEdition(t.db, 'api-1');
      await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status) VALUES
        (${id}::bigint, ${CSAM}, 'FR', 'definition', 'met'), (${id}::bigint, ${CSAM}, 'DE', 'definition', 'partly'),
        (${id}::bigint, ${CSAM}, 'DE', 'provider-reporting', 'not_assessed')`.execute(t.db);
      const res = await t.app.request('/api/v1/admin/reviews/editions', { headers: translator.headers() });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { editions: { id: string; status: string; demo: boolean; progress: { criteria: number; countries_assessed: number; assessed: number } }[] };
      const mine = body.editions.find((e) => e.id === id);
      assert.deepEqual(mine && { status: mine.status, demo: mine.demo, progress: mine.progress }, { status: 'draft', demo: false, progress: { criteria: 5, countries_assessed: 2, assessed: 2 } });
    });
  });
}
