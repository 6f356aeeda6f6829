// The self-audit's front page: what it is, the privacy promise, and the form that starts one.
import type { PageContext } from '../../web/context.ts';
import { CsrfField } from '../admin/layout.tsx';
import { ORGANISATION_KINDS } from './audits.ts';
import { plain, startPath, Text, ToolPage } from './components.tsx';
import type { QuestionnaireSummary } from './questionnaire.ts';

export type StartValues = { questionnaire: string; label: string; organisationKind: string; country: string };
export type StartErrors = Map<'questionnaire' | 'label' | 'organisationKind' | 'country', 'required' | 'invalid' | 'tooLong'>;

export function PrivacyPromise({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <section class="safeguarding-privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('safeguarding.privacy.title')}</h2>
      <ul>
        <li>{t('safeguarding.privacy.link')}</li>
        <li>{t('safeguarding.privacy.totals')}</li>
        <li>{t('safeguarding.privacy.delete')}</li>
        <li>{t('safeguarding.privacy.noAccount')}</li>
      </ul>
    </section>
  );
}

export function StartPage(props: {
  ctx: PageContext;
  csrfToken: string;
  questionnaires: QuestionnaireSummary[];
  countries: { code: string; name: string }[];
  values: StartValues;
  errors: StartErrors;
  waitMinutes?: number;
}) {
  const { ctx, questionnaires, countries, values, errors } = props;
  const { t } = ctx;
  const invalid = (field: 'questionnaire' | 'label' | 'organisationKind' | 'country') =>
    errors.has(field) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${field}-error` } : {};
  const message = (field: 'questionnaire' | 'label' | 'organisationKind' | 'country') => {
    const problem = errors.get(field);
    return problem ? (
      <p class="field-error" id={`${field}-error`}>
        {t(`safeguarding.start.error.${problem}`)}
      </p>
    ) : null;
  };
  return (
    <ToolPage ctx={ctx} title={t('safeguarding.start.title')}>
      <div class="safeguarding">
        <h1>{t('safeguarding.start.title')}</h1>
        <p class="safeguarding-lead">{t('safeguarding.start.lead')}</p>
        <p>{t('safeguarding.start.how')}</p>
        <PrivacyPromise ctx={ctx} />
        {props.waitMinutes ? (
          <p class="notice error" role="alert">
            {t('safeguarding.start.rateLimited', { minutes: props.waitMinutes })}
          </p>
        ) : null}
        {errors.size > 0 ? (
          <p class="notice error" role="alert">
            {t('safeguarding.start.error.summary')}
          </p>
        ) : null}
        {questionnaires.length === 0 ? (
          <p class="notice">{t('safeguarding.start.none')}</p>
        ) : (
          <form method="post" action={startPath(ctx.locale)} class="safeguarding-start">
            <CsrfField token={props.csrfToken} />
            <fieldset {...(errors.has('questionnaire') ? { 'aria-describedby': 'questionnaire-error' } : {})}>
              <legend>{t('safeguarding.start.questionnaire')}</legend>
              {message('questionnaire')}
              {questionnaires.map((q, i) => (
                <div class="safeguarding-choice">
                  <input
                    type="radio"
                    name="questionnaire"
                    id={`questionnaire-${q.key}`}
                    value={q.key}
                    checked={values.questionnaire ? values.questionnaire === q.key : i === 0}
                    aria-describedby={`questionnaire-${q.key}-about`}
                  />
                  <label for={`questionnaire-${q.key}`}>
                    <Text ctx={ctx} value={q.title} />
                  </label>
                  <p id={`questionnaire-${q.key}-about`} class="muted">
                    {plain(ctx, q.intro) ? <Text ctx={ctx} value={q.intro} /> : null}{' '}
                    {t('safeguarding.start.size', { domains: q.domainCount, questions: q.questionCount })}
                  </p>
                </div>
              ))}
            </fieldset>
            <p class="muted">{t('safeguarding.start.optional')}</p>
            <div class="form-field">
              <label for="label">{t('safeguarding.start.label')}</label>
              <input type="text" id="label" name="label" value={values.label} maxlength={200} autocomplete="off" {...invalid('label')} aria-describedby={errors.has('label') ? 'label-error label-hint' : 'label-hint'} />
              <p class="muted" id="label-hint">
                {t('safeguarding.start.labelHint')}
              </p>
              {message('label')}
            </div>
            <div class="form-field">
              <label for="organisationKind">{t('safeguarding.start.kind')}</label>
              <select id="organisationKind" name="organisationKind" {...invalid('organisationKind')}>
                <option value="">{t('safeguarding.start.notSaying')}</option>
                {ORGANISATION_KINDS.map((k) => (
                  <option value={k} selected={values.organisationKind === k}>
                    {t(`safeguarding.kind.${k}`)}
                  </option>
                ))}
              </select>
              {message('organisationKind')}
            </div>
            <div class="form-field">
              <label for="country">{t('safeguarding.start.country')}</label>
              <select id="country" name="country" {...invalid('country')}>
                <option value="">{t('safeguarding.start.notSaying')}</option>
                {countries.map((c) => (
                  <option value={c.code} selected={values.country === c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              {message('country')}
            </div>
            <button type="submit">{t('safeguarding.start.submit')}</button>
          </form>
        )}
      </div>
    </ToolPage>
  );
}

export function DeletedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <ToolPage ctx={ctx} title={t('safeguarding.deleted.title')}>
      <div class="safeguarding">
        <h1>{t('safeguarding.deleted.title')}</h1>
        <p>{t('safeguarding.deleted.body')}</p>
        <p>
          <a href={startPath(ctx.locale)}>{t('safeguarding.deleted.again')}</a>
        </p>
      </div>
    </ToolPage>
  );
}
