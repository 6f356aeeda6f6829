// The public self-audit through the app, on both databases, with the shipped questionnaire: start
// without an account, answer (form and JSON), results, action plan, export, delete, privacy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { openForm, postForm } from '../../testing/anonymous-browser.ts';
import { hashToken } from './audits.ts';
import { EXPORT_FORMAT } from './export.ts';
import { NEW_AUDIT_LIMIT } from './routes.tsx';
import { loadQuestionnaire } from './questionnaire.ts';
import { SHIPPED_QUESTIONNAIRES } from './shipped.ts';
import topics from '../../data/topics.json' with { type: 'json' };

const KEY = 'schools-and-youth-organisations';

for (const kind of DATABASE_KINDS) {
  describe(`safeguarding self-audit on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());

    const count = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.db)).rows[0]!.n;

    async function startAudit(fields: Record<string, string> = {}): Promise<{ token: string; path: string }> {
      // Many audits are started here from one address; the limit has a test of its own.
      await sql`DELETE FROM rate_limit_events WHERE bucket = ${NEW_AUDIT_LIMIT.bucket}`.execute(t.db);
      const res = await postForm(t.app, '/en/self-audit', { questionnaire: KEY, ...fields });
      assert.equal(res.status, 303);
      const path = res.headers.get('location')!;
      const token = /^\/en\/self-audit\/a\/([A-Za-z0-9_-]{43})$/.exec(path)?.[1];
      assert.ok(token, `redirects to the audit's private page: ${path}`);
      return { token: token!, path };
    }

    /** Posts as the anonymous browser that opened the audit page (its cookie and form token). */
    async function post(auditPage: string, path: string, body: Record<string, string> | object, json = false) {
      const form = await openForm(t.app, auditPage);
      return t.app.request(path, {
        method: 'POST',
        body: json ? JSON.stringify(body) : new URLSearchParams({ ...(body as Record<string, string>), _csrf: form.token }),
        headers: {
          'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
          cookie: form.cookie,
          origin: 'http://atlas.test',
          ...(json ? { 'x-csrf-token': form.token } : {}),
        },
      });
    }

    it('ships a published questionnaire with the seven domains, 3–5 questions each, in five languages, on shipped topics', async () => {
      const q = await loadQuestionnaire(t.db, KEY, { publishedOnly: true });
      assert.ok(q);
      assert.deepEqual(
        q.domains.map((d) => d.key),
        ['policies', 'recruitment', 'training', 'reporting', 'online-safety', 'partnerships', 'risk-assessment'],
      );
      const slugs = new Set((topics as { slug: string }[]).map((x) => x.slug));
      for (const d of q.domains) {
        assert.ok(d.questions.length >= 3 && d.questions.length <= 5, d.key);
        for (const question of d.questions) {
          for (const l of ['ar', 'en', 'es', 'fa', 'ru'] as const) {
            assert.ok(question.text[l] && question.guidance[l] && question.action[l], `${question.key} ${l}`);
          }
          assert.ok(question.topics.length > 0 && question.topics.every((x) => slugs.has(x)), question.key);
          assert.deepEqual(question.scale.options.map((o) => o.score), [0, 0.5, 1, null]);
        }
      }
      assert.equal(SHIPPED_QUESTIONNAIRES.length, 1);
    });

    it('shows what the self-audit is, the privacy promise and a start form', async () => {
      const { html } = await openForm(t.app, '/en/self-audit');
      assert.match(html, /<h1>Safeguarding self-audit<\/h1>/);
      assert.match(html, /Only someone with its private link can see your audit/);
      assert.match(html, /fewer than five audits/);
      assert.match(html, /delete your audit at any time/);
      assert.match(html, /name="questionnaire" id="questionnaire-schools-and-youth-organisations" value="schools-and-youth-organisations"/);
      assert.match(html, /<option value="TH">Thailand<\/option>/);
      const fa = await (await t.app.request('/fa/self-audit')).text();
      assert.match(fa, /<html lang="fa" dir="rtl">/);
      assert.match(fa, /خودارزیابی حفاظت از کودکان/);
    });

    it('creates an audit with only the hash of its token in the database', async () => {
      const { token } = await startAudit({ label: 'Lakeside School', organisationKind: 'school', country: 'TH' });
      const rows = await sql<{ token_hash: string; label: string; organisation_kind: string; country: string }>`
        SELECT token_hash, label, organisation_kind, country FROM safeguarding_audits WHERE token_hash = ${hashToken(token)}`.execute(t.db);
      assert.equal(rows.rows.length, 1);
      assert.deepEqual({ ...rows.rows[0] }, { token_hash: hashToken(token), label: 'Lakeside School', organisation_kind: 'school', country: 'TH' });
      const clear = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_audits WHERE token_hash = ${token} OR label = ${token}`.execute(t.db);
      assert.equal(clear.rows[0]!.n, 0, 'the token itself is stored nowhere');
      assert.equal(token.length, 43);
    });

    it('refuses a bad start form with messages next to the fields, keeping the input', async () => {
      const res = await postForm(t.app, '/en/self-audit', { questionnaire: 'nope', label: 'x'.repeat(201), country: 'ZZ', organisationKind: 'club' });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /id="questionnaire-error">This choice is not available/);
      assert.match(html, /aria-invalid="true" aria-describedby="label-error label-hint"/);
      assert.match(html, /id="country-error"/);
      assert.match(html, /id="organisationKind-error"/);
      assert.ok(html.includes(`value="${'x'.repeat(201)}"`), 'the label typed is kept');
    });

    it('shows every question with its scale, guidance and audit-item fields, on a private, uncached page', async () => {
      const { path } = await startAudit({ label: 'Lakeside School' });
      const res = await t.app.request(path);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      assert.match(res.headers.get('x-robots-tag') ?? '', /noindex/);
      const html = await res.text();
      assert.match(html, /<meta name="robots" content="noindex, nofollow"\/>/);
      assert.match(html, /<meta name="referrer" content="same-origin"\/>/);
      assert.match(html, /Lakeside School/);
      assert.equal((html.match(/<fieldset class="safeguarding-question"/g) ?? []).length, 26);
      assert.match(html, /<legend><span class="safeguarding-number">Question 1<\/span> Does the organisation have a written child safeguarding policy/);
      assert.match(html, /type="radio" name="q.written-policy.value" id="q-written-policy-value-developing" value="developing"/);
      assert.match(html, /<label for="q-criminal-checks-deadline">Deadline<\/label>/);
      assert.match(html, /<script type="module" src="\/assets\/safeguarding\.[0-9a-f]+\.js">/);
      assert.match(html, /role="status" aria-live="polite"/);
      // The second request is not a cache hit either.
      const again = await t.app.request(path);
      assert.equal(again.headers.get('x-cache'), null);
    });

    it('sends no referrer to other sites from a token page (Referrer-Policy header)', async () => {
      const { path } = await startAudit();
      const res = await t.app.request(path);
      assert.equal(res.headers.get('referrer-policy'), 'same-origin');
    });

    it('never shares the start form (its CSRF token) between visitors', async () => {
      const first = await t.app.request('/en/self-audit');
      const second = await t.app.request('/en/self-audit');
      assert.equal(second.headers.get('x-cache'), null);
      assert.match(second.headers.get('cache-control') ?? '', /no-store/);
      const token = (res: string) => /name="_csrf" value="([^"]+)"/.exec(res)?.[1];
      assert.notEqual(token(await first.text()), token(await second.text()));
    });

    it('answers 404 to a wrong token, saying nothing about whether it exists', async () => {
      const { token } = await startAudit();
      const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      const anyMissingPage = main(await (await t.app.request('/en/no-such-page')).text());
      for (const path of [`/en/self-audit/a/${wrong}`, `/en/self-audit/a/${wrong}/results`, `/en/self-audit/a/${wrong}/export.json`, '/en/self-audit/a/short', `/en/self-audit/a/${wrong}/delete`]) {
        const res = await t.app.request(path);
        assert.equal(res.status, 404, path);
        const html = await res.text();
        assert.equal(main(html), anyMissingPage, 'the same page as any missing address');
        assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      }
    });

    it('saves a section from the form (303 back to it) and shows the answers on reload', async () => {
      const { path } = await startAudit();
      const res = await post(path, `${path}/d/recruitment`, {
        'q.profile-review.value': 'embedded',
        'q.references.value': 'developing',
        'q.references.evidence': 'Reference form v2',
        'q.references.action': 'Phone every referee',
        'q.references.owner': 'HR lead',
        'q.references.deadline': '2027-03-31',
        'q.identity-credentials.value': 'no',
        'q.criminal-checks.value': 'not-applicable',
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${path}?saved=recruitment#domain-recruitment`);
      const html = await (await t.app.request(res.headers.get('location')!)).text();
      assert.match(html, /The answers in this section are saved/);
      assert.match(html, /id="q-references-value-developing" value="developing" checked/);
      assert.match(html, /id="q-profile-review-value-embedded" value="embedded" checked/);
      assert.match(html, /Reference form v2<\/textarea>/);
      assert.match(html, /name="q.references.owner" value="HR lead"/);
      assert.match(html, /name="q.references.deadline" value="2027-03-31"/);
      assert.match(html, /Progress: 4 of 26 questions answered/);
    });

    it('refuses a value not on the scale (400) and bad fields (422), keeping what was typed', async () => {
      const { path } = await startAudit();
      const bad = await post(path, `${path}/d/training`, { 'q.induction-training.value': 'perfect', 'q.induction-training.evidence': 'kept text' });
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /id="q-induction-training-value-error">Choose one of the answers shown/);
      assert.match(html, /kept text<\/textarea>/);
      const late = await post(path, `${path}/d/training`, { 'q.induction-training.value': 'no', 'q.induction-training.deadline': '2027-02-30', 'q.lead-training.owner': 'o'.repeat(201) });
      assert.equal(late.status, 422);
      const html2 = await late.text();
      assert.match(html2, /aria-invalid="true" aria-describedby="q-induction-training-deadline-error"/);
      assert.match(html2, /Enter a real date/);
      assert.match(html2, /This text is too long \(200 characters at most\)/);
      assert.match(html2, /id="q-induction-training-value-no" value="no" checked/);
      assert.equal(await count('safeguarding_answers').then(() => 0), 0);
      const id = (await sql<{ id: string }>`SELECT id FROM safeguarding_audits ORDER BY id DESC LIMIT 1`.execute(t.db)).rows[0]!.id;
      const saved = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_answers WHERE audit_id = ${id}`.execute(t.db);
      assert.equal(saved.rows[0]!.n, 0, 'nothing of a refused section is saved');
      const unknown = await post(path, `${path}/d/no-such-domain`, { 'q.x.value': 'no' });
      assert.equal(unknown.status, 404);
    });

    it('saves one question at once through JSON, keeping the fields not sent', async () => {
      const { path } = await startAudit();
      const first = await post(path, `${path}/answers`, { question: 'written-policy', value: 'developing', evidence: 'Policy 2024', owner: 'Head' }, true);
      assert.equal(first.status, 200);
      const body = (await first.json()) as { saved: boolean; answered: number; total: number; message: string; domains: { domain: string; progress: string }[] };
      assert.equal(body.saved, true);
      assert.equal(body.answered, 1);
      assert.equal(body.total, 26);
      assert.equal(body.message, 'Saved.');
      assert.equal(body.domains.find((d) => d.domain === 'policies')?.progress, '(1 of 4 answered)');
      const second = await post(path, `${path}/answers`, { question: 'written-policy', value: 'embedded' }, true);
      assert.equal(second.status, 200);
      const html = await (await t.app.request(path)).text();
      assert.match(html, /id="q-written-policy-value-embedded" value="embedded" checked/);
      assert.match(html, /Policy 2024<\/textarea>/);
      assert.match(html, /name="q.written-policy.owner" value="Head"/);
    });

    it('refuses bad JSON answers with 400 and a message', async () => {
      const { path } = await startAudit();
      for (const [payload, field] of [
        [{ question: 'written-policy', value: 'perfect' }, 'value'],
        [{ question: 'nope', value: 'no' }, 'question'],
        [{ question: 'written-policy', deadline: 'tomorrow' }, 'deadline'],
        [{ value: 'no' }, 'body'],
      ] as const) {
        const res = await post(path, `${path}/answers`, payload, true);
        assert.equal(res.status, 400, JSON.stringify(payload));
        const body = (await res.json()) as { error: { field: string; message: string } };
        assert.equal(body.error.field, field);
        assert.ok(body.error.message.length > 0);
      }
      const noToken = await t.app.request(`${path}/answers`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: 'http://atlas.test' } });
      assert.equal(noToken.status, 403, 'the JSON endpoint needs the CSRF token too');
    });

    it('scores the results by hand, draws the chart and orders the action plan with library links', async () => {
      const { path } = await startAudit();
      await post(path, `${path}/d/recruitment`, {
        'q.profile-review.value': 'embedded',
        'q.references.value': 'developing',
        'q.references.action': 'Phone every referee',
        'q.references.owner': 'HR lead',
        'q.references.deadline': '2027-03-31',
        'q.identity-credentials.value': 'no',
        'q.criminal-checks.value': 'not-applicable',
      });
      await post(path, `${path}/d/training`, { 'q.induction-training.value': 'embedded' });
      const res = await t.app.request(`${path}/results`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      const html = await res.text();
      // Recruitment: (1×1 + 1.5×0.5 + 1×0) / (1 + 1.5 + 1) = 50%; training: 100%;
      // overall: (1.5 × 0.5 + 1 × 1) / (1.5 + 1) = 70%.
      assert.match(html, /Overall score: 70%/);
      assert.match(html, /<th scope="row">Safe recruitment and background checks<\/th><td>50%<\/td><td>4 of 4<\/td>/);
      assert.match(html, /<th scope="row">Training<\/th><td>100%<\/td><td>1 of 4<\/td>/);
      assert.match(html, /<th scope="row">Online safety<\/th><td>Not assessed<\/td>/);
      assert.match(html, /<svg class="safeguarding-chart"[^>]*role="img" aria-labelledby="chart-title chart-desc"/);
      assert.match(html, /<title id="chart-title">Score of each domain from 0 to 100%<\/title>/);
      assert.match(html, /<desc id="chart-desc">[^<]*Safe recruitment and background checks: 50%; Training: 100%; Reporting and response: Not assessed/);
      assert.equal((html.match(/class="bar"/g) ?? []).length, 2, 'a bar per assessed domain only');
      // identity-credentials: (1 − 0) × 1 × 1.5 = 1.5 before references: (1 − 0.5) × 1.5 × 1.5 = 1.125.
      const order = [...html.matchAll(/<li class="safeguarding-plan-item" id="plan-([a-z-]+)"/g)].map((m) => m[1]);
      assert.deepEqual(order, ['identity-credentials', 'references']);
      assert.match(html, /Recommended action:<\/strong> Add identity and qualification checks/);
      assert.match(html, /<dd>Phone every referee<\/dd>/);
      assert.match(html, /<dd>HR lead<\/dd>/);
      assert.match(html, /<time datetime="2027-03-31">March 31, 2027<\/time>/);
      // Links: published resources with the question's topics, at most three, the closest first.
      const item = html.slice(html.indexOf('id="plan-identity-credentials"'), html.indexOf('id="plan-references"'));
      const links = [...item.matchAll(/href="\/en\/library\/(\d+)-[a-z0-9-]+"/g)].map((m) => m[1]!);
      const expected = await sql<{ id: string; shared: number }>`
        SELECT id::text AS id, cardinality(ARRAY(SELECT unnest(topics) INTERSECT SELECT unnest(ARRAY['background-checks', 'safe-recruitment']))) AS shared
        FROM resources WHERE status = 'published' AND topics && ARRAY['background-checks', 'safe-recruitment']`.execute(t.db);
      assert.ok(links.length >= 1 && links.length <= 3, `${links.length} links`);
      assert.equal(links.length, Math.min(3, expected.rows.length));
      const shared = new Map(expected.rows.map((r) => [r.id, r.shared]));
      assert.ok(links.every((id) => shared.has(id)), 'every link shares a topic');
      assert.equal(shared.get(links[0]!), Math.max(...expected.rows.map((r) => r.shared)), 'the closest resource first');
      const ar = await (await t.app.request(`/ar${path.slice(3)}/results`)).text();
      assert.match(ar, /<html lang="ar" dir="rtl">/);
      assert.match(ar, /الدرجة الإجمالية: [^<]*70/);
    });

    it('exports the audit as JSON (questionnaire key and version, answers, scores) as an attachment', async () => {
      const { path } = await startAudit({ label: 'Export test' });
      await post(path, `${path}/d/training`, { 'q.induction-training.value': 'developing', 'q.induction-training.owner': 'Ana' });
      const res = await t.app.request(`${path}/export.json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="self-audit-schools-and-youth-organisations-\d{4}-\d{2}-\d{2}\.json"$/);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      const data = JSON.parse(await res.text());
      assert.equal(data.format, EXPORT_FORMAT);
      assert.deepEqual(data.questionnaire.key, KEY);
      assert.equal(data.questionnaire.version, 1);
      assert.equal(data.audit.label, 'Export test');
      assert.equal(data.answers.length, 26);
      assert.deepEqual(data.answers.find((a: { question: string }) => a.question === 'induction-training'), {
        domain: 'training',
        question: 'induction-training',
        value: 'developing',
        evidence: '',
        action: '',
        owner: 'Ana',
        deadline: null,
      });
      assert.equal(data.scores.overall, 0.5);
      assert.equal(data.scores.domains.find((d: { domain: string }) => d.domain === 'policies').score, null);
      assert.deepEqual(data.actionPlan.map((a: { question: string }) => a.question), ['induction-training']);
    });

    it('deletes the audit and its answers after a confirmation; the token then gets 404', async () => {
      const { path, token } = await startAudit();
      await post(path, `${path}/d/training`, { 'q.induction-training.value': 'no' });
      const id = (await sql<{ id: string }>`SELECT id FROM safeguarding_audits WHERE token_hash = ${hashToken(token)}`.execute(t.db)).rows[0]!.id;
      const confirm = await t.app.request(`${path}/delete`);
      assert.equal(confirm.status, 200);
      const html = await confirm.text();
      assert.match(html, /<h1>Delete this audit<\/h1>/);
      assert.match(html, /<form method="post" action="\/en\/self-audit\/a\/[^"]+\/delete">/);
      const res = await post(path, `${path}/delete`, {});
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/en/self-audit/deleted');
      const gone = await (await t.app.request('/en/self-audit/deleted')).text();
      assert.match(gone, /The audit and all its answers are gone/);
      const audits = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_audits WHERE id = ${id}`.execute(t.db);
      const answers = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_answers WHERE audit_id = ${id}`.execute(t.db);
      assert.equal(audits.rows[0]!.n, 0);
      assert.equal(answers.rows[0]!.n, 0);
      assert.equal((await t.app.request(path)).status, 404);
    });

    it('writes nothing about audits to the audit log or the revisions', async () => {
      const before = { log: await count('audit_log'), revisions: await count('revisions') };
      const { path } = await startAudit({ label: 'Private' });
      await post(path, `${path}/d/training`, { 'q.induction-training.value': 'no' });
      await post(path, `${path}/answers`, { question: 'written-policy', value: 'no' }, true);
      await post(path, `${path}/delete`, {});
      assert.deepEqual({ log: await count('audit_log'), revisions: await count('revisions') }, before);
    });

    it('limits new audits per address (429 with Retry-After)', async () => {
      await sql`DELETE FROM rate_limit_events WHERE bucket = ${NEW_AUDIT_LIMIT.bucket}`.execute(t.db);
      let limited: Response | undefined;
      for (let i = 0; i <= NEW_AUDIT_LIMIT.max && !limited; i++) {
        const res = await postForm(t.app, '/en/self-audit', { questionnaire: KEY });
        if (res.status === 429) limited = res;
        else assert.equal(res.status, 303);
      }
      assert.ok(limited, 'the limit was reached');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.match(await limited.text(), /Many audits were started from this address recently/);
      await sql`DELETE FROM rate_limit_events WHERE bucket = ${NEW_AUDIT_LIMIT.bucket}`.execute(t.db);
    });
  });
}
