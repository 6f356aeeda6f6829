// One questionnaire: its state and the workflow steps the user's role allows, its texts (a form),
// and its domains with their questions, each with links to edit, buttons to reorder and a link to
// remove. Every form carries the version it was loaded at.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { mayTransition, TRANSITIONS } from '../../admin/workflow.ts';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { EditScope } from '../../editor/form.ts';
import type { Questionnaire } from '../../safeguarding/questionnaire.ts';
import type { Problems, QuestionnaireValues } from '../forms.ts';
import {
  adminPath,
  Breadcrumbs,
  ConflictNotice,
  domainPath,
  NameCell,
  Notice,
  ProblemSummary,
  questionnairePath,
  questionPath,
  ScopeNotice,
  StatusBadge,
  Text,
  textOf,
} from './common.tsx';
import { QuestionnaireFields } from './index-page.tsx';

function MoveButtons({ ctx, csrfToken, action, version, first, last, label }: { ctx: PageContext; csrfToken: string | undefined; action: string; version: number; first: boolean; last: boolean; label: string }) {
  const { t } = ctx;
  return (
    <form method="post" action={action} class="safeguarding-admin-move">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="version" value={String(version)} />
      <button type="submit" name="direction" value="up" disabled={first} aria-label={t('safeguardingAdmin.move.upLabel', { item: label })}>
        {t('safeguardingAdmin.move.up')}
      </button>
      <button type="submit" name="direction" value="down" disabled={last} aria-label={t('safeguardingAdmin.move.downLabel', { item: label })}>
        {t('safeguardingAdmin.move.down')}
      </button>
    </form>
  );
}

export function QuestionnairePage(props: {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  questionnaire: Questionnaire;
  values: QuestionnaireValues;
  version: number;
  problems: Problems;
  scope: EditScope;
  notice?: string | undefined;
  conflict?: number | undefined;
}) {
  const { ctx, user, csrfToken, questionnaire: q, values, version, problems, scope, notice, conflict } = props;
  const { t, locale } = ctx;
  const name = textOf(ctx, q.title, q.key);
  const structure = can(user.role, 'content.edit');
  const canSave = scope.all || scope.locales.length > 0;
  const transitions = TRANSITIONS.filter((tr) => mayTransition(user.role, tr, q.status));
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={name} section="safeguarding">
      <Breadcrumbs ctx={ctx} items={[{ href: adminPath(locale), label: t('safeguardingAdmin.title') }]} />
      <h1>
        <Text ctx={ctx} text={q.title} fallback={q.key} />
      </h1>
      <Notice text={notice} />
      <dl class="details">
        <dt>{t('safeguardingAdmin.field.key')}</dt>
        <dd>
          <code>{q.key}</code>
        </dd>
        <dt>{t('safeguardingAdmin.field.state')}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={q.status} />
        </dd>
        <dt>{t('safeguardingAdmin.field.version')}</dt>
        <dd>{q.version}</dd>
      </dl>
      {q.status !== 'published' && <p class="muted">{t('safeguardingAdmin.publicOnlyPublished')}</p>}
      {transitions.length > 0 && (
        <div class="safeguarding-admin-workflow">
          {transitions.map((tr) => (
            <form method="post" action={questionnairePath(locale, q.key, tr.path)}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(q.version)} />
              <button type="submit">{t(`safeguardingAdmin.action.${tr.action}`)}</button>
            </form>
          ))}
        </div>
      )}

      <h2 id="texts-heading">{t('safeguardingAdmin.form.texts')}</h2>
      <ConflictNotice ctx={ctx} current={conflict} />
      <ScopeNotice ctx={ctx} scope={scope} />
      <form method="post" action={questionnairePath(locale, q.key, '/texts')} class="safeguarding-admin-form" aria-labelledby="texts-heading" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <ProblemSummary ctx={ctx} problems={problems} first={{ title: 'title-en' }} />
        <QuestionnaireFields ctx={ctx} values={values} problems={problems} scope={scope} />
        {canSave && <button type="submit">{t('safeguardingAdmin.form.save')}</button>}
      </form>

      <h2>{t('safeguardingAdmin.domains.heading')}</h2>
      {q.domains.length === 0 && <p>{t('safeguardingAdmin.domains.empty')}</p>}
      {q.domains.map((d, di) => {
        const domainName = textOf(ctx, d.title, d.key);
        return (
          <section class="safeguarding-admin-domain" aria-labelledby={`domain-${d.key}`}>
            <h3 id={`domain-${d.key}`}>
              <Text ctx={ctx} text={d.title} fallback={d.key} />
            </h3>
            <p class="muted">
              <code>{d.key}</code> · {t('safeguardingAdmin.field.weightValue', { weight: d.weight })}
            </p>
            <div class="safeguarding-admin-actions">
              <a href={domainPath(locale, q.key, d.key)}>{t('safeguardingAdmin.domains.edit', { domain: domainName })}</a>
              {structure && (
                <>
                  <MoveButtons ctx={ctx} csrfToken={csrfToken} action={domainPath(locale, q.key, d.key, '/move')} version={q.version} first={di === 0} last={di === q.domains.length - 1} label={domainName} />
                  <a href={domainPath(locale, q.key, d.key, '/remove')}>{t('safeguardingAdmin.domains.remove', { domain: domainName })}</a>
                </>
              )}
            </div>
            {d.questions.length === 0 ? (
              <p>{t('safeguardingAdmin.questions.empty')}</p>
            ) : (
              <table class="data-table">
                <caption>{t('safeguardingAdmin.questions.caption', { domain: domainName, count: d.questions.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('safeguardingAdmin.field.question')}</th>
                    <th scope="col">{t('safeguardingAdmin.field.scale')}</th>
                    <th scope="col">{t('safeguardingAdmin.field.weight')}</th>
                    <th scope="col">{t('safeguardingAdmin.field.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.questions.map((x, xi) => {
                    const label = textOf(ctx, x.text, x.key);
                    return (
                      <tr>
                        <NameCell ctx={ctx} href={questionPath(locale, q.key, x.key)} name={x.text} itemKey={x.key} />
                        <td>
                          <Text ctx={ctx} text={x.scale.name} fallback={x.scale.key} />
                        </td>
                        <td>{x.weight}</td>
                        <td>
                          {structure && (
                            <div class="safeguarding-admin-actions">
                              <MoveButtons ctx={ctx} csrfToken={csrfToken} action={questionPath(locale, q.key, x.key, '/move')} version={q.version} first={xi === 0} last={xi === d.questions.length - 1} label={label} />
                              <a href={questionPath(locale, q.key, x.key, '/remove')}>{t('safeguardingAdmin.questions.remove', { question: label })}</a>
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {structure && (
              <p>
                <a href={`${questionnairePath(locale, q.key, '/new-question')}?domain=${encodeURIComponent(d.key)}`}>{t('safeguardingAdmin.questions.add', { domain: domainName })}</a>
              </p>
            )}
          </section>
        );
      })}
      {structure && (
        <p>
          <a href={questionnairePath(locale, q.key, '/new-domain')}>{t('safeguardingAdmin.domains.add')}</a>
        </p>
      )}
    </AdminLayout>
  );
}
