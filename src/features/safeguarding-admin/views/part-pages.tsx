// The forms of a domain and of a question (new or existing), and the page that confirms a removal.
import { pickText } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { EditScope } from '../../editor/form.ts';
import type { Choice } from '../../editor/queries.ts';
import type { Questionnaire } from '../../safeguarding/questionnaire.ts';
import { LIMITS, type DomainValues, type Problems, type QuestionValues } from '../forms.ts';
import type { AdminScale } from '../scales.ts';
import { adminPath, Breadcrumbs, ConflictNotice, described, FieldMessage, ProblemSummary, questionnairePath, ScopeNotice, Text, textOf, TextsTable } from './common.tsx';

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

function KeyField({ ctx, value, problems }: { ctx: PageContext; value: string; problems: Problems }) {
  return (
    <div class="form-field">
      <label for="key">{ctx.t('safeguardingAdmin.field.key')}</label>
      <input id="key" name="key" type="text" dir="ltr" value={value} maxlength={LIMITS.key} required {...described(problems, 'key', ['key-hint'])} />
      <p class="muted" id="key-hint">
        {ctx.t('safeguardingAdmin.hint.key')}
      </p>
      <FieldMessage ctx={ctx} problems={problems} id="key" />
    </div>
  );
}

function WeightField({ ctx, value, problems, readonly }: { ctx: PageContext; value: string; problems: Problems; readonly: boolean }) {
  return (
    <div class="form-field">
      <label for="weight">{ctx.t('safeguardingAdmin.field.weight')}</label>
      <input id="weight" name="weight" type="text" inputmode="decimal" dir="ltr" size={8} value={value} readonly={readonly} {...described(problems, 'weight', ['weight-hint'])} />
      <p class="muted" id="weight-hint">
        {ctx.t('safeguardingAdmin.hint.weight')}
      </p>
      <FieldMessage ctx={ctx} problems={problems} id="weight" />
    </div>
  );
}

export function DomainPage(props: Frame & { domainKey: string | undefined; values: DomainValues; version: number; problems: Problems; scope: EditScope; conflict?: number | undefined }) {
  const { ctx, user, csrfToken, questionnaire, domainKey, values, version, problems, scope, conflict } = props;
  const { t, locale } = ctx;
  const heading = domainKey ? t('safeguardingAdmin.domain.editHeading', { domain: pickText(questionnaire.domains.find((d) => d.key === domainKey)?.title, locale).text || domainKey }) : t('safeguardingAdmin.domains.add');
  const action = domainKey ? questionnairePath(locale, questionnaire.key, `/domains/${domainKey}`) : questionnairePath(locale, questionnaire.key, '/domains');
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section="safeguarding">
      <Crumbs {...props} />
      <h1>{heading}</h1>
      <ConflictNotice ctx={ctx} current={conflict} />
      <ScopeNotice ctx={ctx} scope={scope} />
      <form method="post" action={action} class="safeguarding-admin-form" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <ProblemSummary ctx={ctx} problems={problems} first={{ title: 'title-en' }} />
        {domainKey ? (
          <p>
            {t('safeguardingAdmin.field.key')}: <code>{domainKey}</code>
          </p>
        ) : (
          <KeyField ctx={ctx} value={values.key} problems={problems} />
        )}
        <TextsTable
          ctx={ctx}
          legend={t('safeguardingAdmin.form.texts')}
          columns={[
            { name: 'title', label: 'safeguardingAdmin.field.title', max: LIMITS.title },
            { name: 'description', label: 'safeguardingAdmin.field.description', long: true, max: LIMITS.text },
          ]}
          values={{ title: values.title, description: values.description }}
          scope={scope}
          problems={problems}
        />
        <WeightField ctx={ctx} value={values.weight} problems={problems} readonly={!scope.all} />
        {(scope.all || scope.locales.length > 0) && <button type="submit">{domainKey ? t('safeguardingAdmin.form.save') : t('safeguardingAdmin.domain.create')}</button>}
      </form>
    </AdminLayout>
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
  const { ctx, user, csrfToken, questionnaire, questionKey, values, version, problems, scope, scales, topics, conflict } = props;
  const { t, locale } = ctx;
  const current = questionnaire.domains.flatMap((d) => d.questions).find((q) => q.key === questionKey);
  const heading = questionKey ? t('safeguardingAdmin.question.editHeading', { question: current ? textOf(ctx, current.text, questionKey) : questionKey }) : t('safeguardingAdmin.question.newHeading');
  const action = questionKey ? questionnairePath(locale, questionnaire.key, `/questions/${questionKey}`) : questionnairePath(locale, questionnaire.key, '/questions');
  const ro = !scope.all;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section="safeguarding">
      <Crumbs {...props} />
      <h1>{heading}</h1>
      <ConflictNotice ctx={ctx} current={conflict} />
      <ScopeNotice ctx={ctx} scope={scope} />
      <form method="post" action={action} class="safeguarding-admin-form" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <ProblemSummary ctx={ctx} problems={problems} first={{ text: 'text-en' }} />
        {questionKey ? (
          <p>
            {t('safeguardingAdmin.field.key')}: <code>{questionKey}</code>
          </p>
        ) : (
          <KeyField ctx={ctx} value={values.key} problems={problems} />
        )}
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
        <TextsTable
          ctx={ctx}
          legend={t('safeguardingAdmin.form.texts')}
          columns={[
            { name: 'text', label: 'safeguardingAdmin.field.question', long: true, max: LIMITS.title },
            { name: 'guidance', label: 'safeguardingAdmin.field.guidance', long: true, max: LIMITS.text },
            { name: 'action', label: 'safeguardingAdmin.field.action', long: true, max: LIMITS.text },
          ]}
          values={{ text: values.text, guidance: values.guidance, action: values.action }}
          scope={scope}
          problems={problems}
        />
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
        {(scope.all || scope.locales.length > 0) && <button type="submit">{questionKey ? t('safeguardingAdmin.form.save') : t('safeguardingAdmin.question.create')}</button>}
      </form>
    </AdminLayout>
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
