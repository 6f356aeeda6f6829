// The questionnaires of the self-audit in every state, and the form that starts a new one.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { EditScope } from '../../editor/form.ts';
import type { QuestionnaireSummary } from '../../safeguarding/questionnaire.ts';
import { AUDIENCES, type Problems, type QuestionnaireValues } from '../forms.ts';
import { adminPath, described, FieldMessage, NameCell, Notice, ProblemSummary, questionnairePath, scalesPath, statsPath, StatusBadge, TEXT_COLUMNS, TextsTable } from './common.tsx';
import { KeyField } from './fields.tsx';

export function AudienceSelect({ ctx, value, problems, disabled }: { ctx: PageContext; value: string; problems: Problems; disabled: boolean }) {
  const options: string[] = (AUDIENCES as readonly string[]).includes(value) || value === '' ? [...AUDIENCES] : [...AUDIENCES, value];
  return (
    <div class="form-field">
      <label for="audience">{ctx.t('safeguardingAdmin.field.audience')}</label>
      <select id="audience" name="audience" disabled={disabled} {...described(problems, 'audience')}>
        {options.map((a) => (
          <option value={a} selected={a === value}>
            {(AUDIENCES as readonly string[]).includes(a) ? ctx.t(`safeguardingAdmin.audience.${a as (typeof AUDIENCES)[number]}`) : a}
          </option>
        ))}
      </select>
      {disabled && <input type="hidden" name="audience" value={value} />}
      <FieldMessage ctx={ctx} problems={problems} id="audience" />
    </div>
  );
}

/** What a questionnaire's creation and texts forms share; the audience is not a text, so a translator sees it read-only. */
export function QuestionnaireFields({ ctx, values, problems, scope }: { ctx: PageContext; values: QuestionnaireValues; problems: Problems; scope: EditScope }) {
  return (
    <>
      <TextsTable ctx={ctx} columns={TEXT_COLUMNS.questionnaire} values={values} scope={scope} problems={problems} />
      <AudienceSelect ctx={ctx} value={values.audience} problems={problems} disabled={!scope.all} />
    </>
  );
}

export function IndexPage(props: {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  questionnaires: QuestionnaireSummary[];
  create: { values: QuestionnaireValues; problems: Problems };
  notice?: string | undefined;
}) {
  const { ctx, user, csrfToken, questionnaires, create, notice } = props;
  const { t, locale } = ctx;
  const all: EditScope = { all: true, locales: [] };
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('safeguardingAdmin.title')} section="safeguarding">
      <h1>{t('safeguardingAdmin.title')}</h1>
      <Notice text={notice} />
      <ul class="safeguarding-admin-links">
        <li>
          <a href={scalesPath(locale)}>{t('safeguardingAdmin.scales.title')}</a>
        </li>
        {can(user.role, 'safeguarding.stats') && (
          <li>
            <a href={statsPath(locale)}>{t('safeguardingAdmin.stats.title')}</a>
          </li>
        )}
      </ul>
      <h2>{t('safeguardingAdmin.list.heading')}</h2>
      {questionnaires.length === 0 ? (
        <p>{t('safeguardingAdmin.list.empty')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('safeguardingAdmin.list.caption', { count: questionnaires.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('safeguardingAdmin.field.title')}</th>
              <th scope="col">{t('safeguardingAdmin.field.state')}</th>
              <th scope="col">{t('safeguardingAdmin.list.domains')}</th>
              <th scope="col">{t('safeguardingAdmin.list.questions')}</th>
              <th scope="col">{t('safeguardingAdmin.field.version')}</th>
            </tr>
          </thead>
          <tbody>
            {questionnaires.map((q) => (
              <tr>
                <NameCell ctx={ctx} href={questionnairePath(locale, q.key)} name={q.title} itemKey={q.key} />
                <td>
                  <StatusBadge ctx={ctx} status={q.status} />
                </td>
                <td>{q.domainCount}</td>
                <td>{q.questionCount}</td>
                <td>{q.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(user.role, 'content.edit') && (
        <form method="post" action={adminPath(locale)} class="safeguarding-admin-form" aria-labelledby="create-heading" novalidate>
          <h2 id="create-heading">{t('safeguardingAdmin.create.heading')}</h2>
          <CsrfField token={csrfToken} />
          <ProblemSummary ctx={ctx} problems={create.problems} first={{ title: 'title-en' }} />
          <KeyField ctx={ctx} value={create.values.key} problems={create.problems} />
          <QuestionnaireFields ctx={ctx} values={create.values} problems={create.problems} scope={all} />
          <button type="submit">{t('safeguardingAdmin.create.submit')}</button>
        </form>
      )}
    </AdminLayout>
  );
}
