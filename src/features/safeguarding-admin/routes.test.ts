// Questionnaire management through the app, on both databases: creating, editing texts, domains,
// questions and scales, reordering and removing, stale versions, the workflow, what translators
// and reviewers may do, and the audit-log entries and revisions every write leaves.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { listRevisions } from '../history/revisions.ts';
import { listQuestionnaires, loadQuestionnaire } from '../safeguarding/questionnaire.ts';
import type { QuestionnaireSnapshot } from './store.ts';
import { addAudits, auditEntries } from './test-helpers.ts';

type App = Awaited<ReturnType<typeof testApp>>;

const KEY = 'safe-schools';
const BASE = `/en/admin/safeguarding/questionnaires/${KEY}`;

for (const kind of DATABASE_KINDS) {
  describe(`self-audit questionnaires in the back office on ${kind}`, () => {
    let t: App;
    let editor: TestSession;
    let reviewer: TestSession;
    let translator: TestSession;
    let idle: TestSession;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      editor = await testSession(t.db, 'editor');
      reviewer = await testSession(t.db, 'reviewer');
      translator = await testSession(t.db, 'translator', { locales: ['ar'] });
      idle = await testSession(t.db, 'translator', { locales: [] });
    });
    after(() => t.close());

    const post = async (s: TestSession, path: string, fields: Record<string, string | string[]> = {}) => {
      const res = await t.app.request(path, s.form(fields));
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    };
    const page = async (s: TestSession, path: string) => {
      const res = await t.app.request(path, { headers: s.headers() });
      return { status: res.status, html: await res.text() };
    };
    const tree = async () => (await loadQuestionnaire(t.db, KEY, { publishedOnly: false }))!;
    const version = async () => String((await tree()).version);

    it('creates a questionnaire; a bad key is refused beside its field, with what was typed kept', async () => {
      const bad = await post(editor, '/en/admin/safeguarding', { key: 'Bad Key', 'title.en': 'Safe schools', 'title.fa': 'مدرسه‌های امن', audience: 'school' });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /id="key" name="key" type="text" dir="ltr" value="Bad Key"[^>]*aria-invalid="true" aria-describedby="key-hint key-error"/);
      assert.match(bad.html, /id="key-error">Use lower-case letters, digits and single hyphens/);
      assert.match(bad.html, /value="مدرسه‌های امن" id="title-fa" name="title.fa" lang="fa" dir="rtl"/);

      const res = await post(editor, '/en/admin/safeguarding', { key: KEY, 'title.en': 'Safe schools', intro: '', audience: 'school' });
      assert.equal(res.status, 303, res.html);
      assert.equal(res.location, `${BASE}?done=created`);
      const q = await tree();
      assert.deepEqual([q.status, q.version, q.title, q.audience], ['draft', 1, { en: 'Safe schools' }, 'school']);
      assert.deepEqual(await auditEntries(t.db, KEY), ['safeguarding.questionnaire.create']);

      const again = await post(editor, '/en/admin/safeguarding', { key: KEY, 'title.en': 'Twice', audience: 'any' });
      assert.equal(again.status, 422);
      assert.match(again.html, /The key safe-schools is already used here/);
      const list = await page(translator, '/en/admin/safeguarding');
      assert.match(list.html, /<a href="\/en\/admin\/safeguarding" aria-current="page">Self-audit<\/a>/);
      assert.match(list.html, /Safe schools[\s\S]*?status-draft">Draft/);
      assert.doesNotMatch(list.html, /Start a new questionnaire/);
    });

    it('edits the texts in five languages; a stale version opens a conflict that keeps what was typed', async () => {
      const res = await post(editor, `${BASE}/texts`, { version: '1', 'title.en': 'Safe schools audit', 'title.ar': 'تدقيق المدارس الآمنة', 'intro.en': 'For schools.', audience: 'school' });
      assert.equal(res.status, 303, res.html);
      assert.deepEqual((await tree()).title, { ar: 'تدقيق المدارس الآمنة', en: 'Safe schools audit' });
      const stale = await post(editor, `${BASE}/texts`, { version: '1', 'title.en': 'My own title', audience: 'school' });
      assert.equal(stale.status, 409);
      assert.match(stale.html, /Someone saved this questionnaire while you were editing it: it is now at version 2/);
      assert.match(stale.html, /value="My own title"/);
      assert.match(stale.html, /name="version" value="2"/);
      assert.equal((await tree()).title.en, 'Safe schools audit');
      const ar = await page(editor, `/ar/admin/safeguarding/questionnaires/${KEY}`);
      assert.match(ar.html, /<html lang="ar" dir="rtl">/);
      assert.match(ar.html, /<textarea rows="3" id="intro-fa" name="intro.fa" lang="fa" dir="rtl"/);
    });

    it('adds, edits, reorders and removes domains', async () => {
      for (const [key, title, weight] of [
        ['policies', 'Policies and code of conduct', '1'],
        ['recruitment', 'Safe recruitment', '2'],
        ['training', 'Training', '2,5'],
      ] as const) {
        const res = await post(editor, `${BASE}/domains`, { version: await version(), key, 'title.en': title, weight });
        assert.equal(res.status, 303, res.html);
      }
      assert.deepEqual(
        (await tree()).domains.map((d) => [d.key, d.weight]),
        [
          ['policies', 1],
          ['recruitment', 2],
          ['training', 2.5],
        ],
      );
      const bad = await post(editor, `${BASE}/domains`, { version: await version(), key: 'policies', 'title.en': '', weight: 'heavy' });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /id="key-error">The key policies is already used here/);
      assert.match(bad.html, /id="weight" name="weight"[^>]*value="heavy"[^>]*aria-invalid="true"/);
      assert.match(bad.html, /id="title-error">Write this text in at least one language/);

      const edit = await post(editor, `${BASE}/domains/policies`, { version: await version(), 'title.en': 'Policies', 'title.fa': 'سیاست‌ها', weight: '3' });
      assert.equal(edit.status, 303, edit.html);
      const moved = await post(editor, `${BASE}/domains/training/move`, { version: await version(), direction: 'up' });
      assert.equal(moved.status, 303);
      const domains = (await tree()).domains;
      assert.deepEqual(
        domains.map((d) => d.key),
        ['policies', 'training', 'recruitment'],
      );
      assert.deepEqual([domains[0]!.title, domains[0]!.weight], [{ en: 'Policies', fa: 'سیاست‌ها' }, 3]);

      const confirm = await page(editor, `${BASE}/domains/recruitment/remove`);
      assert.match(confirm.html, /Remove the domain Safe recruitment\?/);
      assert.match(confirm.html, /Some audits may have answered it/);
      const removed = await post(editor, `${BASE}/domains/recruitment/remove`, { version: await version() });
      assert.equal(removed.status, 303);
      assert.deepEqual(
        (await tree()).domains.map((d) => d.key),
        ['policies', 'training'],
      );
      // A move with a stale version is refused and changes nothing.
      const stale = await post(editor, `${BASE}/domains/training/move`, { version: '1', direction: 'up' });
      assert.equal(stale.status, 409);
    });

    it('creates an answer scale with labels in five languages and scores from 0 to 1', async () => {
      const bad = await post(editor, '/en/admin/safeguarding/scales', { rows: '2', key: 'yes-no', 'name.en': 'Yes or no', 'option.0.value': 'no', 'option.0.score': '2', 'option.0.label.en': 'No', 'option.1.value': 'yes', 'option.1.score': '1', 'option.1.label.en': 'Yes' });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /id="option-0-score-error">A score from 0 to 1/);
      assert.match(bad.html, /id="option-0-score"[^>]*value="2"[^>]*aria-invalid="true"/);
      const res = await post(editor, '/en/admin/safeguarding/scales', {
        rows: '4',
        key: 'yes-no',
        'name.en': 'Yes or no',
        'name.ru': 'Да или нет',
        'option.0.value': 'no',
        'option.0.score': '0',
        'option.0.label.en': 'No',
        'option.0.label.ar': 'لا',
        'option.1.value': 'yes',
        'option.1.score': '1',
        'option.1.label.en': 'Yes',
        'option.2.value': 'na',
        'option.2.score': '',
        'option.2.label.en': 'Not applicable',
      });
      assert.equal(res.status, 303, res.html);
      const row = await sql<{ options: unknown }>`SELECT options FROM safeguarding_scales WHERE key = 'yes-no'`.execute(t.db);
      assert.deepEqual(row.rows[0]!.options, [
        { value: 'no', score: 0, label: { ar: 'لا', en: 'No' } },
        { value: 'yes', score: 1, label: { en: 'Yes' } },
        { value: 'na', score: null, label: { en: 'Not applicable' } },
      ]);
      assert.deepEqual(await auditEntries(t.db, 'yes-no'), ['safeguarding.scale.create']);
    });

    it('adds, edits, moves between domains, reorders and removes questions; removal says how many audits only from five', async () => {
      const topic = (await sql<{ slug: string }>`SELECT slug FROM topics ORDER BY slug LIMIT 1`.execute(t.db)).rows[0]!.slug;
      for (const key of ['written-policy', 'code-of-conduct']) {
        const res = await post(editor, `${BASE}/questions`, { version: await version(), key, domain: 'policies', 'text.en': `Is there a ${key}?`, 'guidance.es': 'Orientación', 'action.en': 'Write one.', scale: 'yes-no', weight: '1', topics: [topic] });
        assert.equal(res.status, 303, res.html);
      }
      const badTopic = await post(editor, `${BASE}/questions`, { version: await version(), key: 'other', domain: 'policies', 'text.en': 'Other?', scale: 'nope', weight: '1', topics: ['no-such-topic'] });
      assert.equal(badTopic.status, 422);
      assert.match(badTopic.html, /Unknown topics: no-such-topic/);
      assert.match(badTopic.html, /id="scale-error">Choose an existing answer scale/);

      assert.equal((await post(editor, `${BASE}/questions/code-of-conduct/move`, { version: await version(), direction: 'up' })).status, 303);
      assert.deepEqual(
        (await tree()).domains[0]!.questions.map((q) => q.key),
        ['code-of-conduct', 'written-policy'],
      );
      const edit = await post(editor, `${BASE}/questions/written-policy`, { version: await version(), domain: 'training', 'text.en': 'Is the policy written down?', 'guidance.es': 'Orientación', scale: 'yes-no', weight: '2', topics: [] });
      assert.equal(edit.status, 303, edit.html);
      const q = await tree();
      assert.deepEqual(
        q.domains.map((d) => [d.key, d.questions.map((x) => x.key)]),
        [
          ['policies', ['code-of-conduct']],
          ['training', ['written-policy']],
        ],
      );
      const moved = q.domains[1]!.questions[0]!;
      assert.deepEqual([moved.text, moved.guidance, moved.weight, moved.topics], [{ en: 'Is the policy written down?' }, { es: 'Orientación' }, 2, []]);

      await addAudits(t.db, KEY, [{ answers: { 'code-of-conduct': 'yes' } }, { answers: { 'code-of-conduct': 'no' } }]);
      assert.match((await page(editor, `${BASE}/questions/code-of-conduct/remove`)).html, /Some audits may have answered it/);
      await addAudits(t.db, KEY, [{ answers: { 'code-of-conduct': 'yes' } }, { answers: { 'code-of-conduct': 'na' } }, { answers: { 'code-of-conduct': 'no' } }]);
      const confirm = await page(editor, `${BASE}/questions/code-of-conduct/remove`);
      assert.match(confirm.html, /5 audits have answered it/);
      assert.equal((await post(editor, `${BASE}/questions/code-of-conduct/remove`, { version: await version() })).status, 303);
      assert.deepEqual((await tree()).domains[0]!.questions, []);
      const kept = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_answers WHERE question_key = 'code-of-conduct'`.execute(t.db);
      assert.equal(kept.rows[0]!.n, 5);
    });

    it('a translator changes only the texts of their languages; a reviewer may not write', async () => {
      const before = await tree();
      const res = await post(translator, `${BASE}/texts`, { version: await version(), 'title.en': 'Hacked', 'title.ar': 'عنوان جديد', audience: 'other' });
      assert.equal(res.status, 303, res.html);
      const after = await tree();
      assert.deepEqual(after.title, { ar: 'عنوان جديد', en: before.title.en });
      assert.equal(after.audience, 'school');
      const domain = await post(translator, `${BASE}/domains/policies`, { version: await version(), 'title.en': 'x', 'title.ar': 'السياسات', weight: '99' });
      assert.equal(domain.status, 303, domain.html);
      const policies = (await tree()).domains[0]!;
      assert.deepEqual([policies.title, policies.weight], [{ ar: 'السياسات', en: 'Policies', fa: 'سیاست‌ها' }, 3]);
      const form = await page(translator, `${BASE}/domains/policies`);
      assert.match(form.html, /value="Policies" id="title-en" name="title.en" lang="en" dir="ltr" maxlength="300" readonly=""/);
      assert.match(form.html, /You may change the texts in: العربية/);

      assert.equal((await post(translator, `${BASE}/domains`, { version: await version(), key: 'x', 'title.ar': 'س', weight: '1' })).status, 403);
      assert.equal((await post(translator, `${BASE}/questions/written-policy/remove`, { version: await version() })).status, 403);
      assert.equal((await post(idle, `${BASE}/texts`, { version: await version(), 'title.en': 'No' })).status, 403);
      assert.equal((await post(reviewer, `${BASE}/texts`, { version: await version(), 'title.en': 'No' })).status, 403);
      assert.equal((await post(reviewer, `${BASE}/domains`, { version: await version(), key: 'x', 'title.en': 'X', weight: '1' })).status, 403);
      assert.equal((await post(reviewer, '/en/admin/safeguarding/scales/yes-no', { version: '1' })).status, 403);
      assert.equal((await post(reviewer, `${BASE}/publish`, { version: await version() })).status, 403, 'a reviewer publishes only what was submitted');
    });

    it('publishes: only then is the questionnaire offered to the public; archiving withdraws it', async () => {
      assert.deepEqual(await listQuestionnaires(t.db, { publishedOnly: true }), []);
      const res = await post(editor, `${BASE}/publish`, { version: await version() });
      assert.equal(res.status, 303);
      assert.deepEqual(
        (await listQuestionnaires(t.db, { publishedOnly: true })).map((q) => q.key),
        [KEY],
      );
      assert.equal((await post(editor, `${BASE}/publish`, { version: await version() })).status, 409);
      assert.equal((await post(editor, `${BASE}/archive`, { version: await version() })).status, 303);
      assert.deepEqual(await listQuestionnaires(t.db, { publishedOnly: true }), []);
    });

    it('a scale change gives every questionnaire using it a new version; a stale scale form is a conflict', async () => {
      const was = (await tree()).version;
      const fields = {
        version: '1',
        rows: '3',
        'name.en': 'Yes or no',
        'option.0.value': 'no',
        'option.0.score': '0',
        'option.0.label.en': 'Not at all',
        'option.1.value': 'yes',
        'option.1.score': '1',
        'option.1.label.en': 'Yes',
        'option.2.value': 'na',
        'option.2.score': '',
        'option.2.label.en': 'Not applicable',
      };
      assert.equal((await post(editor, '/en/admin/safeguarding/scales/yes-no', fields)).status, 303);
      assert.equal((await tree()).version, was + 1);
      assert.equal((await tree()).domains[1]!.questions[0]!.scale.options[0]!.label.en, 'Not at all');
      const stale = await post(editor, '/en/admin/safeguarding/scales/yes-no', { ...fields, 'option.0.label.en': 'Never' });
      assert.equal(stale.status, 409);
      assert.match(stale.html, /value="Never"/);
    });

    it('every write left an audit-log entry and a revision of the whole tree', async () => {
      const entries = await auditEntries(t.db, KEY);
      for (const action of [
        'safeguarding.questionnaire.create',
        'safeguarding.questionnaire.update',
        'safeguarding.domain.add',
        'safeguarding.domain.update',
        'safeguarding.domain.move',
        'safeguarding.domain.remove',
        'safeguarding.question.add',
        'safeguarding.question.update',
        'safeguarding.question.move',
        'safeguarding.question.remove',
        'safeguarding.questionnaire.publish',
        'safeguarding.questionnaire.archive',
        'safeguarding.questionnaire.scaleChanged',
      ]) {
        assert.ok(entries.includes(action), `${action} in ${entries.join(', ')}`);
      }
      const q = await tree();
      assert.equal(entries.length, q.version);
      const revisions = await listRevisions<QuestionnaireSnapshot>(t.db, 'safeguarding-questionnaire', KEY);
      assert.deepEqual(
        revisions.map((r) => r.version),
        Array.from({ length: q.version }, (_, i) => q.version - i),
      );
      const latest = revisions[0]!.data;
      assert.equal(latest.status, 'archived');
      assert.deepEqual(
        latest.domains.map((d) => [d.key, d.questions.map((x) => x.key)]),
        [
          ['policies', []],
          ['training', ['written-policy']],
        ],
      );
      assert.equal(latest.scales['yes-no']!.options[0]!.label.en, 'Not at all');
    });
  });
}
