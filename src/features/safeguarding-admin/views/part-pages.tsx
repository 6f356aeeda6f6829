// The forms of a domain and of a question (new or existing), and the page that confirms a removal.
import { pickText } from '../../../i18n/locales.ts';
import type { Child } from 'hono/jsx';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { EditScope } from '../../editor/form.ts';
import type { Choice } from '../../editor/queries.ts';
import type { Questionnaire } from '../../safeguarding/questionnaire.ts';
import type { DomainValues, Problems, QuestionValues } from '../forms.ts';
import type { AdminScale } from '../scales.ts';
import { adminPath, Breadcrumbs, described, FieldMessage, questionnairePath, Text, TEXT_COLUMNS, textOf, TextsTable } from './common.tsx';
import { EditForm } from './edit-form.tsx';
import { WeightField } from './fields.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined; questionnaire: Questionnaire };

function Crumbs({ ctx, questionnaire }: Frame) {
  return (
    <Breadcrumbs
      ctx={ctx}
      items={[
        { href: adminPath(ctx.locale), label: ctx.t('safeguardingAdmin.title') },
        { href: questionnairePath(ctx.locale, questionnaire.key), label: <Text ctx={ctx} text={questionnaire.title} fallback={questionnaire.key} /> },
      ]}
    />
  );
}

/** A domain's or a question's form page: both carry the version of the questionnaire they belong to. */
function PartFormPage(
  props: Frame & {
    heading: string;
    action: string;
    version: number;
    problems: Problems;
    scope: EditScope;
    conflict?: number | undefined;
    first: Record<string, string>;
    itemKey: string | undefined;
    keyValue: string;
    submit: string;
    children: Child;
  },
) {
  const { ctx, user, csrfToken, heading, action, version, problems, scope, conflict, first, itemKey, keyValue, submit, children } = props;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section="safeguarding">
      <Crumbs {...props} />
      <h1>{heading}</h1>
      <EditForm {...{ ctx, csrfToken, action, problems, scope, conflict, first, itemKey, keyValue, submit }} hidden={{ version: String(version) }}>
        {children}
      </EditForm>
    </AdminLayout>
  );
}

export function DomainPage(props: Frame & { domainKey: string | undefined; values: DomainValues; version: number; problems: Problems; scope: EditScope; conflict?: number | undefined }) {
  const { ctx, questionnaire, domainKey, values, problems, scope } = props;
  const { t, locale } = ctx;
  const heading = domainKey ? t('safeguardingAdmin.domain.editHeading', { domain: pickText(questionnaire.domains.find((d) => d.key === domainKey)?.title, locale).text || domainKey }) : t('safeguardingAdmin.domains.add');
  const action = domainKey ? questionnairePath(locale, questionnaire.key, `/domains/${domainKey}`) : questionnairePath(locale, questionnaire.key, '/domains');
  const submit = domainKey ? t('safeguardingAdmin.form.save') : t('safeguardingAdmin.domain.create');
  return (
    <PartFormPage {...props} heading={heading} action={action} first={{ title: 'title-en' }} itemKey={domainKey} keyValue={values.key} submit={submit}>
      <TextsTable ctx={ctx} columns={TEXT_COLUMNS.domain} values={values} scope={scope} problems={problems} />
      <WeightField ctx={ctx} value={values.weight} problems={problems} readonly={!scope.all} />
    </PartFormPage>
  );
}

export function QuestionPage(
  props: Frame & {
    questionKey: string | undefined;
    values: QuestionValues;
    version: number;
    problems: Problems;
    scope: EditScope;
    scales: AdminScale[];
    topics: Choice[];
    conflict?: number | undefined;
  },
) {
  const { ctx, questionnaire, questionKey, values, problems, scope, scales, topics } = props;
  const { t, locale } = ctx;
  const current = questionnaire.domains.flatMap((d) => d.questions).find((q) => q.key === questionKey);
  const heading = questionKey ? t('safeguardingAdmin.question.editHeading', { question: current ? textOf(ctx, current.text, questionKey) : questionKey }) : t('safeguardingAdmin.question.newHeading');
  const action = questionKey ? questionnairePath(locale, questionnaire.key, `/questions/${questionKey}`) : questionnairePath(locale, questionnaire.key, '/questions');
  const ro = !scope.all;
  const submit = questionKey ? t('safeguardingAdmin.form.save') : t('safeguardingAdmin.question.create');
  return (
    <PartFormPage {...props} heading={heading} action={action} first={{ text: 'text-en' }} itemKey={questionKey} keyValue={values.key} submit={submit}>
      <div class="form-field">
        <label for="domain">{t('safeguardingAdmin.field.domain')}</label>
        <select id="domain" name="domain" disabled={ro} {...described(problems, 'domain', questionKey ? ['domain-hint'] : [])}>
          {questionnaire.domains.map((d) => (
            <option value={d.key} selected={d.key === values.domain}>
              {textOf(ctx, d.title, d.key)}
            </option>
          ))}
        </select>
        {questionKey && (
          <p class="muted" id="domain-hint">
            {t('safeguardingAdmin.hint.moveDomain')}
          </p>
        )}
        <FieldMessage ctx={ctx} problems={problems} id="domain" />
      </div>
      <TextsTable ctx={ctx} columns={TEXT_COLUMNS.question} values={values} scope={scope} problems={problems} />
      <div class="form-field">
        <label for="scale">{t('safeguardingAdmin.field.scale')}</label>
        <select id="scale" name="scale" disabled={ro} {...described(problems, 'scale')}>
          {scales.map((s) => (
            <option value={s.key} selected={s.key === values.scale}>
              {textOf(ctx, s.name, s.key)}
            </option>
          ))}
        </select>
        <FieldMessage ctx={ctx} problems={problems} id="scale" />
      </div>
      <WeightField ctx={ctx} value={values.weight} problems={problems} readonly={ro} />
      <fieldset class="safeguarding-admin-topics" id="topics" {...described(problems, 'topics')}>
        <legend>{t('safeguardingAdmin.field.topics')}</legend>
        <FieldMessage ctx={ctx} problems={problems} id="topics" />
        <ul>
          {topics.map((topic) => (
            <li>
              <label>
                <input type="checkbox" name="topics" value={topic.value} checked={values.topics.includes(topic.value)} disabled={ro} />
                {pickText(topic.names, locale).text || topic.value}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </PartFormPage>
  );
}

/**
 * Confirms removing a domain or a question. Answers already given stay with their audits but no
 * longer count; how many audits that concerns is said only from five up, since a smaller number
 * (even zero, against "some") would be a figure drawn from fewer than five audits.
 */
export function RemovePage(props: Frame & { kind: 'domain' | 'question'; label: string; action: string; questions: number; affected: number }) {
  const { ctx, user, csrfToken, questionnaire, kind, label, action, questions, affected } = props;
  const { t, locale } = ctx;
  const heading = kind === 'domain' ? t('safeguardingAdmin.remove.domainHeading', { domain: label }) : t('safeguardingAdmin.remove.questionHeading', { question: label });
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section="safeguarding">
      <Crumbs {...props} />
      <h1>{heading}</h1>
      {kind === 'domain' && <p>{t('safeguardingAdmin.remove.domainQuestions', { count: questions })}</p>}
      <p class="notice">{affected >= 5 ? t('safeguardingAdmin.remove.affected', { count: affected }) : t('safeguardingAdmin.remove.affectedSome')}</p>
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(questionnaire.version)} />
        <button type="submit">{t('safeguardingAdmin.remove.confirm')}</button>{' '}
        <a href={questionnairePath(locale, questionnaire.key)}>{t('safeguardingAdmin.remove.cancel')}</a>
      </form>
    </AdminLayout>
  );
}
