// The resource form: every field of the library, the texts of the five languages side by side, each
// in its own language and direction. Fields the user may not change are shown read-only; messages
// sit next to their field and are listed at the top with links to it.
import { LOCALES, LOCALE_NAMES, dir, pickText, type Locale } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import { described, ErrorSummary, FieldMessage, SlugField, type FieldErrors } from '../../admin/content-editor/field-messages.tsx';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import { CsrfField } from '../../admin/layout.tsx';
import { languageName } from '../../library/labels.ts';
import { LIMITS, RESOURCE_TYPES } from '../../library/schema.ts';
import type { EditScope, FormValues } from '../form.ts';

export type FormProps = {
  ctx: PageContext;
  csrfToken: string | undefined;
  action: string;
  values: FormValues;
  /** The version the form saves over; undefined when creating. */
  version: number | undefined;
  errors: FieldErrors;
  scope: EditScope;
  choices: { topics: Choice[]; countries: Choice[] };
  submitLabel: string;
};

/** Field ids in the order of the form, for the summary of messages. */
const FIELD_ORDER = ['title', ...LOCALES.flatMap((l) => [`title-${l}`, `summary-${l}`]), 'slug', 'type', 'year', 'link', 'publishers', 'topics', 'countries', 'languages'];

const FIELD_NAMES: Record<string, MessageKey> = {
  slug: 'editor.field.slug',
  type: 'resource.type',
  year: 'resource.year',
  link: 'editor.field.link',
  publishers: 'resource.publishers',
  topics: 'resource.topics',
  countries: 'resource.countries',
  languages: 'resource.languages',
  title: 'editor.field.title',
};

function fieldName(ctx: PageContext, id: string): string {
  const m = /^(title|summary)-([a-z]{2})$/.exec(id);
  if (m) return `${ctx.t(m[1] === 'title' ? 'editor.field.title' : 'editor.field.summary')} (${LOCALE_NAMES[m[2] as Locale]})`;
  return ctx.t(FIELD_NAMES[id] ?? 'editor.field.title');
}

export function ResourceForm({ ctx, csrfToken, action, values, version, errors, scope, choices, submitLabel }: FormProps) {
  const { t, locale } = ctx;
  const all = scope.all;
  const ro = !all;
  const countryName = new Map(choices.countries.map((c) => [c.value, pickText(c.names, locale).text]));
  const shownCountries = values.countries
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => countryName.has(c));
  const shownLanguages = values.languages
    .split(/[\s,;]+/)
    .map((c) => c.trim().toLowerCase())
    .filter((c) => /^[a-z]{2,3}$/.test(c));
  const canSave = scope.all || scope.locales.length > 0;
  return (
    <form method="post" action={action} class="editor-form" novalidate>
      <CsrfField token={csrfToken} />
      {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
      <ErrorSummary ctx={ctx} errors={errors} fields={FIELD_ORDER.map((id) => ({ id, label: fieldName(ctx, id), target: id === 'title' ? 'title-en' : id }))} />

      <fieldset class="editor-texts">
        <legend>{t('editor.form.texts')}</legend>
        <FieldMessage ctx={ctx} errors={errors} id="title" />
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col" id="col-language">
                {t('editor.field.language')}
              </th>
              <th scope="col" id="col-title">
                {t('editor.field.title')}
              </th>
              <th scope="col" id="col-summary">
                {t('editor.field.summary')}
              </th>
            </tr>
          </thead>
          <tbody>
            {LOCALES.map((l) => {
              const editable = scope.locales.includes(l);
              return (
                <tr>
                  <th scope="row" id={`row-${l}`}>
                    <span lang={l} dir={dir(l)}>
                      {LOCALE_NAMES[l]}
                    </span>
                  </th>
                  <td>
                    <input
                      id={`title-${l}`}
                      name={`title_${l}`}
                      lang={l}
                      dir={dir(l)}
                      value={values.title[l]}
                      maxlength={LIMITS.titleMax}
                      readonly={!editable}
                      aria-labelledby={`col-title row-${l}`}
                      {...described(errors, `title-${l}`, false, errors.has('title') ? ['title-error'] : [])}
                    />
                    <FieldMessage ctx={ctx} errors={errors} id={`title-${l}`} />
                  </td>
                  <td>
                    <textarea
                      id={`summary-${l}`}
                      name={`summary_${l}`}
                      lang={l}
                      dir={dir(l)}
                      rows={4}
                      maxlength={LIMITS.summaryMax}
                      readonly={!editable}
                      aria-labelledby={`col-summary row-${l}`}
                      {...described(errors, `summary-${l}`)}
                    >
                      {values.summary[l]}
                    </textarea>
                    <FieldMessage ctx={ctx} errors={errors} id={`summary-${l}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset class="editor-details">
        <legend>{t('editor.form.details')}</legend>
        <SlugField ctx={ctx} value={values.slug} readonly={ro} errors={errors} hint={t('editor.hint.slug')} />
        <div class="form-field">
          <label for="type">{t('resource.type')}</label>
          <select id="type" name="type" disabled={ro} {...described(errors, 'type')}>
            {RESOURCE_TYPES.map((type) => (
              <option value={type} selected={values.type === type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
          <FieldMessage ctx={ctx} errors={errors} id="type" />
        </div>
        <div class="form-field">
          <label for="year">{t('resource.year')}</label>
          <input id="year" name="year" value={values.year} inputmode="numeric" dir="ltr" readonly={ro} class="editor-year" {...described(errors, 'year')} />
          <FieldMessage ctx={ctx} errors={errors} id="year" />
        </div>
        <div class="form-field">
          <label for="link">{t('editor.field.link')}</label>
          <input id="link" name="link" type="url" value={values.link} maxlength={LIMITS.linkMax} dir="ltr" readonly={ro} {...described(errors, 'link')} />
          <FieldMessage ctx={ctx} errors={errors} id="link" />
        </div>
        <div class="form-field">
          <label for="publishers">{t('resource.publishers')}</label>
          <textarea id="publishers" name="publishers" rows={3} readonly={ro} {...described(errors, 'publishers', true)}>
            {values.publishers}
          </textarea>
          <p class="muted" id="publishers-hint">
            {t('editor.hint.publishers')}
          </p>
          <FieldMessage ctx={ctx} errors={errors} id="publishers" />
        </div>
        <fieldset class="editor-topics" id="topics" {...described(errors, 'topics')}>
          <legend>{t('resource.topics')}</legend>
          <FieldMessage ctx={ctx} errors={errors} id="topics" />
          <ul>
            {choices.topics.map((topic) => (
              <li>
                <label>
                  <input type="checkbox" name="topics" value={topic.value} checked={values.topics.includes(topic.value)} disabled={ro} />
                  {pickText(topic.names, locale).text || topic.value}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="form-field">
          <label for="countries">{t('resource.countries')}</label>
          <input id="countries" name="countries" value={values.countries} dir="ltr" readonly={ro} {...described(errors, 'countries', true)} />
          <p class="muted" id="countries-hint">
            {t('editor.hint.countries')}
          </p>
          {shownCountries.length > 0 && <p class="editor-names">{shownCountries.map((c) => `${countryName.get(c)} (${c})`).join(', ')}</p>}
          <FieldMessage ctx={ctx} errors={errors} id="countries" />
        </div>
        <div class="form-field">
          <label for="languages">{t('resource.languages')}</label>
          <input id="languages" name="languages" value={values.languages} dir="ltr" readonly={ro} {...described(errors, 'languages', true)} />
          <p class="muted" id="languages-hint">
            {t('editor.hint.languages')}
          </p>
          {shownLanguages.length > 0 && <p class="editor-names">{shownLanguages.map((c) => `${languageName(locale, c)} (${c})`).join(', ')}</p>}
          <FieldMessage ctx={ctx} errors={errors} id="languages" />
        </div>
      </fieldset>
      {canSave && <button type="submit">{submitLabel}</button>}
    </form>
  );
}
