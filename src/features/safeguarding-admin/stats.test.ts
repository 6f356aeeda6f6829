// Aggregate statistics of self-audits: suppression of every figure drawn from fewer than five
// audits, complementary suppression in breakdowns, figures checked against a hand computation, and
// the page and JSON API on both databases (never an id, label, token hash or exact date).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { scoreAudit } from '../safeguarding/scoring.ts';
import { breakdown, overallFigures, suppression, type AuditFacts, type Figures } from './stats.ts';
import { addAudits, makeQuestionnaire, questionnaireTree, type TestAudit } from './test-helpers.ts';

type App = Awaited<ReturnType<typeof testApp>>;

const FEWER = { value: null, suppressed: 'fewer-than-5' };
const WITHHELD = { value: null, suppressed: 'withheld' };

/** Four completed audits, hand-scored in the comments (d1: q1 weight 1, q2 weight 3; d2: q3). */
const FIRST_FOUR: TestAudit[] = [
  { kind: 'school', country: 'FR', label: 'Lycée Secret', answers: { q1: 'yes', q2: 'no', q3: 'partly' } }, // d1 0.25, d2 0.5
  { kind: 'school', country: 'FR', answers: { q1: 'yes', q2: 'yes', q3: 'yes' } }, // d1 1, d2 1
  { kind: 'school', country: 'DE', answers: { q1: 'no', q2: 'partly' } }, // d1 0.375, d2 none
  { kind: 'youth-organisation', country: 'DE', answers: { q1: 'partly', q2: 'yes', q3: 'no' } }, // d1 0.875, d2 0
];
const FIFTH: TestAudit = { kind: 'youth-organisation', country: 'FR', answers: { q1: 'na', q2: 'no', q3: 'na' } }; // d1 0, d2 none
const UNFINISHED: TestAudit = { kind: 'school', country: 'FR', completed: false, answers: { q1: 'yes' } };

const shares = (figures: Figures, question: string) => Object.fromEntries(figures.questions.find((q) => q.key === question)!.options.map((o) => [o.value, o.share]));

describe('suppression of a breakdown', () => {
  it('suppresses groups under five, then withholds the smallest others until the hidden ones hold five', () => {
    assert.deepEqual(suppression([8, 6, 3]), [undefined, 'withheld', 'fewer-than-5']);
    assert.deepEqual(suppression([7, 4, 1]), [undefined, 'fewer-than-5', 'fewer-than-5']);
    assert.deepEqual(suppression([9, 0, 0]), [undefined, 'fewer-than-5', 'fewer-than-5']);
    assert.deepEqual(suppression([2, 3]), ['fewer-than-5', 'fewer-than-5']);
    assert.deepEqual(suppression([6, 5, 4]), [undefined, 'withheld', 'fewer-than-5']);
  });

  it('withholds a group whose unfinished audits (started minus completed) number 1 to 4, then others until the hidden ones hold 0 or five and more', () => {
    assert.deepEqual(suppression([6], [1]), ['withheld']);
    assert.deepEqual(suppression([6], [4]), ['withheld']);
    assert.deepEqual(suppression([6], [0]), [undefined]);
    assert.deepEqual(suppression([6], [5]), [undefined]);
    assert.deepEqual(suppression([8, 6, 9], [1, 5, 0]), ['withheld', 'withheld', undefined]);
    assert.deepEqual(suppression([8, 6, 3], [0, 0, 0]), [undefined, 'withheld', 'fewer-than-5']);
    // The small group's three audits are all unfinished: no shown group may leave them to subtraction.
    assert.deepEqual(suppression([8, 6, 3], [0, 0, 3]), ['withheld', 'withheld', 'fewer-than-5']);
  });
});

describe('statistics computed from audits', () => {
  const questionnaire = questionnaireTree('pure');

  const facts = (kind: string | null, country: string | null, n: number, answers: Record<string, string> = { q1: 'yes', q2: 'no', q3: 'yes' }): AuditFacts[] =>
    Array.from({ length: n }, () => ({ organisationKind: kind, country, completed: true, answers: new Map(Object.entries(answers)) }));

  it('by kind: a group under five is suppressed, and the next smallest is withheld so that it cannot be recovered', () => {
    const audits = [...facts('school', 'FR', 8), ...facts('youth-organisation', 'FR', 6), ...facts('sports-club', 'FR', 3)];
    const groups = new Map(breakdown(questionnaire, audits, 'kind').map((g) => [g.key, g.figures]));
    assert.deepEqual([...groups.keys()], ['school', 'youth-organisation', 'sports-club', 'faith-group', 'other', 'none']);
    assert.deepEqual(groups.get('school')!.started, { value: 8 });
    assert.deepEqual(groups.get('sports-club')!.started, FEWER);
    assert.deepEqual(groups.get('youth-organisation')!.started, WITHHELD);
    assert.deepEqual(groups.get('faith-group')!.started, FEWER);
    assert.deepEqual(groups.get('youth-organisation')!.domains[0]!.average, WITHHELD);
    assert.deepEqual(shares(groups.get('youth-organisation')!, 'q1').yes, WITHHELD);
    assert.deepEqual(shares(groups.get('school')!, 'q1').yes, { value: 1 });
  });

  it('by country: small countries are not named but merged, with the next smallest when the merged group would be under five', () => {
    const audits = [...facts(null, 'FR', 6), ...facts(null, 'DE', 5), ...facts(null, 'IT', 2), ...facts(null, null, 1)];
    const groups = breakdown(questionnaire, audits, 'country');
    assert.deepEqual(
      groups.map((g) => [g.key, g.figures.started]),
      [
        ['FR', { value: 6 }],
        ['rest', { value: 8 }],
      ],
    );
  });

  it('started is withheld where started minus completed would show one to four unfinished audits', () => {
    const unfinished = (kind: string, n: number): AuditFacts[] => facts(kind, 'FR', n).map((a) => ({ ...a, completed: false }));
    assert.deepEqual(overallFigures(questionnaire, [...facts('school', 'FR', 5), ...unfinished('school', 1)]).started, WITHHELD);
    assert.deepEqual(overallFigures(questionnaire, [...facts('school', 'FR', 5), ...unfinished('school', 1)]).completed, { value: 5 });
    assert.deepEqual(overallFigures(questionnaire, [...facts('school', 'FR', 5), ...unfinished('school', 5)]).started, { value: 10 });
    assert.deepEqual(overallFigures(questionnaire, facts('school', 'FR', 5)).started, { value: 5 });
    // Schools 6 + 2 unfinished, youth organisations 10 + 10: the total (28, 12 unfinished) is shown,
    // so youth organisations must be withheld too, or 28 - 20 would give the schools' 8.
    const audits = [...facts('school', 'FR', 6), ...unfinished('school', 2), ...facts('youth-organisation', 'FR', 10), ...unfinished('youth-organisation', 10)];
    assert.deepEqual(overallFigures(questionnaire, audits).started, { value: 28 });
    const groups = new Map(breakdown(questionnaire, audits, 'kind').map((g) => [g.key, g.figures]));
    assert.deepEqual(groups.get('school')!.started, WITHHELD);
    assert.deepEqual(groups.get('youth-organisation')!.started, WITHHELD);
    assert.deepEqual(groups.get('school')!.completed, { value: 6 });
    assert.deepEqual(groups.get('youth-organisation')!.completed, { value: 10 });
  });

  it('averages are those of the public score formula', () => {
    const answers = new Map(Object.entries({ q1: 'partly', q2: 'yes', q3: 'no' }));
    const scores = scoreAudit(questionnaire, answers);
    const figures = breakdown(questionnaire, facts('school', 'FR', 5, { q1: 'partly', q2: 'yes', q3: 'no' }), 'kind')[0]!.figures;
    assert.deepEqual(
      figures.domains.map((d) => d.average),
      scores.domains.map((d) => ({ value: d.score })),
    );
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`self-audit statistics on ${kind}`, () => {
    let t: App;
    let admin: TestSession;
    let editor: TestSession;
    let reviewer: TestSession;
    let hashes: string[] = [];
    before(async () => {
      t = await testApp(kind, { shipped: false });
      admin = await testSession(t.db, 'admin');
      editor = await testSession(t.db, 'editor');
      reviewer = await testSession(t.db, 'reviewer');
      await makeQuestionnaire(t.db, 'stats-q');
      hashes = await addAudits(t.db, 'stats-q', FIRST_FOUR);
    });
    after(() => t.close());

    const api = async (s: TestSession, query = '') => {
      const res = await t.app.request(`/api/v1/admin/safeguarding/stats${query}`, { headers: s.headers() });
      const text = await res.text();
      return { status: res.status, text, body: res.status === 200 ? (JSON.parse(text) as { questionnaires: { key: string; overall: Figures; groups?: ({ group: string } & Figures)[] }[] }) : undefined };
    };

    it('with four audits: nothing but "fewer than 5"', async () => {
      const { status, body } = await api(admin, '?questionnaire=stats-q');
      assert.equal(status, 200);
      const overall = body!.questionnaires[0]!.overall;
      assert.deepEqual(overall.started, FEWER);
      assert.deepEqual(overall.completed, FEWER);
      for (const d of overall.domains) assert.deepEqual(d.average, FEWER);
      for (const q of overall.questions) {
        assert.deepEqual(q.answered, FEWER);
        for (const o of q.options) assert.deepEqual(o.share, FEWER);
      }
      const page = await t.app.request('/en/admin/safeguarding/stats?questionnaire=stats-q', { headers: editor.headers() });
      const html = await page.text();
      assert.equal(page.status, 200);
      assert.doesNotMatch(html, /\d+%/);
      assert.match(html, /fewer than 5/);
    });

    it('with five and more: the figures of a hand computation; figures from fewer than five stay suppressed', async () => {
      hashes.push(...(await addAudits(t.db, 'stats-q', [FIFTH, UNFINISHED])));
      const { body } = await api(editor, '?questionnaire=stats-q');
      const overall = body!.questionnaires[0]!.overall;
      // Six started, five completed: "6" would tell that one audit is unfinished.
      assert.deepEqual(overall.started, WITHHELD);
      assert.deepEqual(overall.completed, { value: 5 });
      // d1: (0.25 + 1 + 0.375 + 0.875 + 0) / 5; d2 is scored by three completed audits only.
      assert.deepEqual(overall.domains, [
        { key: 'd1', average: { value: 0.5 } },
        { key: 'd2', average: FEWER },
      ]);
      assert.deepEqual(overall.questions[0]!.answered, { value: 5 });
      assert.deepEqual(shares(overall, 'q1'), { no: { value: 0.2 }, partly: { value: 0.2 }, yes: { value: 0.4 }, na: { value: 0.2 } });
      assert.deepEqual(shares(overall, 'q2'), { no: { value: 0.4 }, partly: { value: 0.2 }, yes: { value: 0.4 }, na: { value: 0 } });
      assert.deepEqual(overall.questions[2]!.answered, FEWER);

      const page = await t.app.request('/en/admin/safeguarding/stats?questionnaire=stats-q', { headers: admin.headers() });
      const html = await page.text();
      assert.match(html, /<th scope="row">All audits<\/th><td><span class="safeguarding-admin-suppressed withheld">withheld<\/span><\/td><td>5<\/td><td>50%<\/td><td><span class="safeguarding-admin-suppressed fewer-than-5">fewer than 5<\/span><\/td>/);
    });

    it('breaks down by kind and by country with complementary suppression', async () => {
      await addAudits(t.db, 'stats-q', [
        ...Array.from({ length: 4 }, () => ({ kind: 'school', country: 'FR', answers: { q1: 'yes', q2: 'yes', q3: 'yes' } })),
        ...Array.from({ length: 3 }, () => ({ kind: 'youth-organisation', country: 'ES', answers: { q1: 'no', q2: 'no', q3: 'no' } })),
        { kind: 'sports-club', country: 'IT', answers: { q1: 'no' } },
      ]);
      // Started: school 8 (one unfinished), youth 5, sports 1, the rest 0: sports is hidden (1) and
      // school withheld (its one unfinished audit), so youth is withheld too. The total, 14 with 13
      // completed, is withheld for the one unfinished audit.
      const { body } = await api(admin, '?questionnaire=stats-q&by=kind');
      const groups = new Map(body!.questionnaires[0]!.groups!.map((g) => [g.group, g]));
      assert.deepEqual(body!.questionnaires[0]!.overall.started, WITHHELD);
      assert.deepEqual(body!.questionnaires[0]!.overall.completed, { value: 13 });
      assert.deepEqual(groups.get('school')!.started, WITHHELD);
      assert.deepEqual(groups.get('sports-club')!.started, FEWER);
      assert.deepEqual(groups.get('youth-organisation')!.started, WITHHELD);
      // Completed: school 7 (d1: 0.25, 1, 0.375, 1, 1, 1, 1), youth 5, sports 1.
      assert.deepEqual(groups.get('school')!.domains[0]!.average, { value: 0.8036 });
      assert.deepEqual(groups.get('youth-organisation')!.completed, WITHHELD);

      const html = await (await t.app.request('/en/admin/safeguarding/stats?questionnaire=stats-q&by=kind', { headers: admin.headers() })).text();
      assert.match(html, /<th scope="row">Youth organisations<\/th><td><span class="safeguarding-admin-suppressed withheld">withheld<\/span>/);
      assert.match(html, /<th scope="row">Sports clubs<\/th><td><span class="safeguarding-admin-suppressed fewer-than-5">fewer than 5<\/span>/);

      // Countries: FR 8 (7 completed), DE 2, ES 3, IT 1: the small ones are merged (6) and not named.
      // Started is withheld in both: FR's would show its one unfinished audit, and the rest's would
      // give FR's by subtraction.
      const byCountry = await api(admin, '?questionnaire=stats-q&by=country');
      assert.deepEqual(
        byCountry.body!.questionnaires[0]!.groups!.map((g) => [g.group, g.started, g.completed]),
        [
          ['FR', WITHHELD, { value: 7 }],
          ['rest', WITHHELD, { value: 6 }],
        ],
      );
      const countryPage = await (await t.app.request('/fa/admin/safeguarding/stats?questionnaire=stats-q&by=country', { headers: admin.headers() })).text();
      assert.match(countryPage, /<html lang="fa" dir="rtl">/);
      assert.match(countryPage, /کشورهای دیگر یا اعلام‌نشده/);
      assert.doesNotMatch(countryPage, /ایتالیا|آلمان|اسپانیا/);
    });

    it('with five unfinished audits and more, started is shown again', async () => {
      await addAudits(t.db, 'stats-q', Array.from({ length: 4 }, () => ({ kind: 'other', completed: false, answers: { q1: 'yes' } })));
      const { body } = await api(admin, '?questionnaire=stats-q');
      assert.deepEqual(body!.questionnaires[0]!.overall.started, { value: 18 });
      assert.deepEqual(body!.questionnaires[0]!.overall.completed, { value: 13 });
    });

    it('the JSON API never holds token hashes, labels, ids or timestamps, and is for admins and editors only', async () => {
      const { status, text } = await api(admin, '?by=country');
      assert.equal(status, 200);
      for (const hash of hashes) assert.ok(!text.includes(hash));
      assert.ok(!text.includes('Lycée Secret'));
      assert.doesNotMatch(text, /"(id|audit_id|token_hash|label|created_at|updated_at|completed_at)"/);
      assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/);
      assert.equal((await api(reviewer)).status, 403);
      assert.equal((await api(admin, '?by=region')).status, 400);
      assert.equal((await t.app.request('/en/admin/safeguarding/stats', { headers: reviewer.headers() })).status, 403);
    });
  });
}
