// The public "submit a practice" form and its thank-you page. The form works without JavaScript;
// messages sit next to their field, and what the sender typed is kept on every re-render.
import { LOCALE_NAMES, dir, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { ASSETS } from '../../../web/assets.ts';
import { Layout } from '../../../web/layout.tsx';
import { CsrfField } from '../../admin/layout.tsx';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import { PRACTICE_LIMITS } from '../../practices/schema.ts';
import { CONTACT_NAME_MAX, HONEYPOT_FIELD, SUBMISSION_LOCALES, SUBMIT_FIELD_ORDER, type SubmitValues } from '../submit-form.ts';
import { ActorSelect, CountrySelect, described, ErrorSummary, FieldMessage, TopicChecks, YearFields, type FieldErrors } from './form-parts.tsx';

export const submitPath = (locale: Locale) => `/${locale}/practices/submit`;

type Props = {
  ctx: PageContext;
  csrfToken: string | undefined;
  values: SubmitValues;
  errors: FieldErrors;
  choices: { topics: Choice[]; countries: Choice[] };
  /** Set when the address has sent too many submissions: minutes to wait. */
  waitMinutes?: number | undefined;
};

const head = (
  <>
    <link rel="stylesheet" href={ASSETS.toolsCss.url} />
  </>
);

export function SubmitPage({ ctx, csrfToken, values, errors, choices, waitMinutes }: Props) {
  const { t, locale } = ctx;
  const label = (id: string) => {
    const link = /^link-(\d)$/.exec(id);
    if (link) return t('practicesAdmin.field.linkN', { n: Number(link[1]) });
    const keys = {
      language: 'practicesAdmin.field.language',
      title: 'practicesAdmin.field.title',
      summary: 'practicesAdmin.field.summary',
      description: 'practicesAdmin.field.description',
      outcomes: 'practicesAdmin.field.outcomes',
      actor: 'practicesAdmin.field.actor',
      countries: 'practicesAdmin.field.countries',
      topics: 'practicesAdmin.field.topics',
      'year-from': 'practicesAdmin.field.yearFrom',
      'year-to': 'practicesAdmin.field.yearTo',
      'contact-name': 'practicesAdmin.field.contactName',
      'contact-email': 'practicesAdmin.field.contactEmail',
    } as const;
    return t(keys[id as keyof typeof keys]);
  };
  return (
    <Layout ctx={ctx} title={t('practicesAdmin.submit.title')} head={head}>
      <h1>{t('practicesAdmin.submit.title')}</h1>
      <p>{t('practicesAdmin.submit.intro')}</p>
      {waitMinutes !== undefined && (
        <div class="notice error" role="alert" id="rate-limited">
          <p>{t('practicesAdmin.submit.tooMany', { minutes: waitMinutes })}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={errors} fields={SUBMIT_FIELD_ORDER.map((id) => ({ id, label: label(id) }))} />
      <form method="post" action={submitPath(locale)} class="practice-submit" novalidate>
        <CsrfField token={csrfToken} />
        <fieldset>
          <legend>{t('practicesAdmin.submit.practice')}</legend>
          <div class="form-field">
            <label for="language">{t('practicesAdmin.field.language')}</label>
            <select id="language" name="language" {...described(errors, 'language', true)}>
              {SUBMISSION_LOCALES.map((l) => (
                <option value={l} selected={values.language === l} lang={l} dir={dir(l)}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
            <p class="muted" id="language-hint">
              {t('practicesAdmin.hint.language')}
            </p>
            <FieldMessage ctx={ctx} errors={errors} id="language" />
          </div>
          <div class="form-field">
            <label for="title">{t('practicesAdmin.field.title')}</label>
            <input id="title" name="title" value={values.title} maxlength={PRACTICE_LIMITS.titleMax} dir="auto" required {...described(errors, 'title')} />
            <FieldMessage ctx={ctx} errors={errors} id="title" />
          </div>
          <div class="form-field">
            <label for="summary">{t('practicesAdmin.field.summary')}</label>
            <textarea id="summary" name="summary" rows={3} maxlength={PRACTICE_LIMITS.summaryMax} dir="auto" required {...described(errors, 'summary', true)}>
              {values.summary}
            </textarea>
            <p class="muted" id="summary-hint">
              {t('practicesAdmin.hint.summary')}
            </p>
            <FieldMessage ctx={ctx} errors={errors} id="summary" />
          </div>
          <div class="form-field">
            <label for="description">{t('practicesAdmin.field.description')}</label>
            <textarea id="description" name="description" rows={8} maxlength={PRACTICE_LIMITS.descriptionMax} dir="auto" {...described(errors, 'description')}>
              {values.description}
            </textarea>
            <FieldMessage ctx={ctx} errors={errors} id="description" />
          </div>
          <div class="form-field">
            <label for="outcomes">{t('practicesAdmin.field.outcomes')}</label>
            <textarea id="outcomes" name="outcomes" rows={4} maxlength={PRACTICE_LIMITS.outcomesMax} dir="auto" {...described(errors, 'outcomes', true)}>
              {values.outcomes}
            </textarea>
            <p class="muted" id="outcomes-hint">
              {t('practicesAdmin.hint.outcomes')}
            </p>
            <FieldMessage ctx={ctx} errors={errors} id="outcomes" />
          </div>
          <ActorSelect ctx={ctx} value={values.actor} errors={errors} />
          <CountrySelect ctx={ctx} choices={choices.countries} selected={values.countries} errors={errors} />
          <TopicChecks ctx={ctx} choices={choices.topics} selected={values.topics} errors={errors} />
          <YearFields ctx={ctx} from={values.yearFrom} to={values.yearTo} errors={errors} />
          <fieldset class="practice-links">
            <legend>{t('practicesAdmin.field.links')}</legend>
            <p class="muted">{t('practicesAdmin.hint.links')}</p>
            {values.links.map((url, i) => (
              <div class="form-field">
                <label for={`link-${i + 1}`}>{t('practicesAdmin.field.linkN', { n: i + 1 })}</label>
                <input id={`link-${i + 1}`} name={`link_${i + 1}`} type="url" value={url} maxlength={PRACTICE_LIMITS.linkMax} dir="ltr" {...described(errors, `link-${i + 1}`)} />
                <FieldMessage ctx={ctx} errors={errors} id={`link-${i + 1}`} />
              </div>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>{t('practicesAdmin.submit.contact')}</legend>
          <p id="contact-why">{t('practicesAdmin.submit.contactWhy')}</p>
          <div class="form-field">
            <label for="contact-name">{t('practicesAdmin.field.contactName')}</label>
            <input id="contact-name" name="contact_name" value={values.contactName} maxlength={CONTACT_NAME_MAX} autocomplete="name" dir="auto" {...described(errors, 'contact-name')} />
            <FieldMessage ctx={ctx} errors={errors} id="contact-name" />
          </div>
          <div class="form-field">
            <label for="contact-email">{t('practicesAdmin.field.contactEmail')}</label>
            <input id="contact-email" name="contact_email" type="email" value={values.contactEmail} maxlength={320} autocomplete="email" dir="ltr" {...described(errors, 'contact-email')} />
            <FieldMessage ctx={ctx} errors={errors} id="contact-email" />
          </div>
        </fieldset>
        <div class="practice-trap">
          <label for={HONEYPOT_FIELD}>{t('practicesAdmin.submit.trap')}</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit">{t('practicesAdmin.submit.send')}</button>
      </form>
    </Layout>
  );
}

export function ThanksPage({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('practicesAdmin.thanks.title')} head={head}>
      <h1>{t('practicesAdmin.thanks.title')}</h1>
      <p>{t('practicesAdmin.thanks.body')}</p>
      <ul>
        <li>
          <a href={`/${locale}/practices`}>{t('practicesAdmin.thanks.directory')}</a>
        </li>
        <li>
          <a href={submitPath(locale)}>{t('practicesAdmin.thanks.another')}</a>
        </li>
      </ul>
    </Layout>
  );
}
