// The moderation queue of public submissions (oldest first) and one submission as it was sent.
// Everything a stranger typed is shown as text: links too, which stay plain text until a
// moderator accepts the submission and an editor reviews the draft.
import { dir, LOCALE_NAMES, pickText } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import { formatWhen } from '../../admin/content-editor/format.tsx';
import { practicePath, practicesPath, submissionPath, submissionsPath } from '../paths.ts';
import type { Submission } from '../submission-store.ts';

type Base = { ctx: PageContext; user: User; csrfToken: string | undefined };

export function QueuePage({ ctx, user, csrfToken, submissions, total }: Base & { submissions: Submission[]; total: number }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('practicesAdmin.queue.title')} section="practices">
      <p>
        <a href={practicesPath(locale)}>{t('practicesAdmin.backToList')}</a>
      </p>
      <h1>{t('practicesAdmin.queue.title')}</h1>
      <p role="status">{t('practicesAdmin.queue.count', { count: total })}</p>
      {submissions.length > 0 && (
        <table class="data-table">
          <caption>{t('practicesAdmin.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('practicesAdmin.queue.received')}</th>
              <th scope="col">{t('practicesAdmin.field.title')}</th>
              <th scope="col">{t('practicesAdmin.field.language')}</th>
              <th scope="col">{t('practicesAdmin.field.actor')}</th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((s) => {
              const title = pickText(s.payload.title, s.locale);
              return (
                <tr>
                  <td>{formatWhen(locale, s.created_at)}</td>
                  <td>
                    <a href={submissionPath(locale, s.id)} lang={title.lang} dir="auto">
                      {title.text}
                    </a>
                  </td>
                  <td>
                    <span lang={s.locale} dir={dir(s.locale)}>
                      {LOCALE_NAMES[s.locale]}
                    </span>
                  </td>
                  <td>{t(`practicesAdmin.actor.${s.payload.actor}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

type SubmissionProps = Base & { submission: Submission; choices: { topics: Choice[]; countries: Choice[] }; error?: string | undefined };

export function SubmissionPage({ ctx, user, csrfToken, submission: s, choices, error }: SubmissionProps) {
  const { t, locale } = ctx;
  const p = s.payload;
  const lang = s.locale;
  const text = (value: string | undefined) => (
    <dd lang={lang} dir={dir(lang)} class="practice-sent-text">
      {value || '—'}
    </dd>
  );
  const names = (list: Choice[], values: string[]) => values.map((v) => pickText(list.find((c) => c.value === v)?.names, locale).text || v).join(', ') || '—';
  const years = p.yearFrom === null && p.yearTo === null ? '—' : `${p.yearFrom ?? '…'} – ${p.yearTo ?? t('practicesAdmin.submission.ongoing')}`;
  const title = pickText(p.title, lang).text;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('practicesAdmin.submission.title')} section="practices">
      <p>
        <a href={submissionsPath(locale)}>{t('practicesAdmin.submission.back')}</a>
      </p>
      <h1>
        {t('practicesAdmin.submission.heading')}{' '}
        <span lang={lang} dir={dir(lang)}>
          {title}
        </span>
      </h1>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <p>{t('practicesAdmin.submission.received', { when: formatWhen(locale, s.created_at) })}</p>
      <dl class="details practice-sent">
        <dt>{t('practicesAdmin.field.language')}</dt>
        <dd>
          <span lang={lang} dir={dir(lang)}>
            {LOCALE_NAMES[lang]}
          </span>
        </dd>
        <dt>{t('practicesAdmin.field.title')}</dt>
        {text(p.title[lang])}
        <dt>{t('practicesAdmin.field.summary')}</dt>
        {text(p.summary[lang])}
        <dt>{t('practicesAdmin.field.description')}</dt>
        {text(p.description[lang])}
        <dt>{t('practicesAdmin.field.outcomes')}</dt>
        {text(p.outcomes[lang])}
        <dt>{t('practicesAdmin.field.actor')}</dt>
        <dd>{t(`practicesAdmin.actor.${p.actor}`)}</dd>
        <dt>{t('practicesAdmin.field.countries')}</dt>
        <dd>{names(choices.countries, p.countries)}</dd>
        <dt>{t('practicesAdmin.field.topics')}</dt>
        <dd>{names(choices.topics, p.topics)}</dd>
        <dt>{t('practicesAdmin.field.years')}</dt>
        <dd dir="ltr">{years}</dd>
        <dt>{t('practicesAdmin.field.links')}</dt>
        <dd>
          {p.links.length === 0 ? (
            '—'
          ) : (
            <ul class="practice-sent-links">
              {p.links.map((l) => (
                <li>
                  <code dir="ltr">{l.url}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('practicesAdmin.submission.contact')}</dt>
        <dd>
          {s.contact_name || s.contact_email ? (
            <>
              {s.contact_name && <span dir="auto">{s.contact_name}</span>} {s.contact_email && <code dir="ltr">{s.contact_email}</code>}
            </>
          ) : (
            t('practicesAdmin.submission.noContact')
          )}
        </dd>
      </dl>
      {s.status === 'pending' ? (
        <section aria-labelledby="decision-heading" class="practice-decision">
          <h2 id="decision-heading">{t('practicesAdmin.submission.decide')}</h2>
          <p>{t('practicesAdmin.submission.decideHelp')}</p>
          <form method="post" action={submissionPath(locale, s.id, '/accept')}>
            <CsrfField token={csrfToken} />
            <button type="submit">{t('practicesAdmin.submission.accept')}</button>
          </form>
          <form method="post" action={submissionPath(locale, s.id, '/reject')}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="practice-reject">
              {t('practicesAdmin.submission.reject')}
            </button>
          </form>
        </section>
      ) : (
        <p class="notice" role="status">
          {t(s.status === 'accepted' ? 'practicesAdmin.submission.wasAccepted' : 'practicesAdmin.submission.wasRejected', {
            who: s.decided_by_email ?? '—',
            when: formatWhen(locale, s.decided_at),
          })}{' '}
          {s.practice_id && <a href={practicePath(locale, s.practice_id)}>{t('practicesAdmin.submission.openDraft')}</a>}
        </p>
      )}
    </AdminLayout>
  );
}
