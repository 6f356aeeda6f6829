// The back-office practice form: the texts of the five languages side by side (each field in its
// own language and direction), then the details. Fields the user may not change are read-only.
import { LOCALES, LOCALE_NAMES, dir, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { CsrfField } from '../../admin/layout.tsx';
import type { EditScope } from '../../editor/form.ts';
import { SlugField } from '../../admin/content-editor/field-messages.tsx';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import { PRACTICE_LIMITS } from '../../practices/schema.ts';
import type { TextKind } from '../fields.ts';
import { PRACTICE_FIELD_ORDER, type PracticeFormValues } from '../practice-form.ts';
import { ActorSelect, CountrySelect, described, ErrorSummary, FieldMessage, PRACTICE_MESSAGE_CLASS, TopicChecks, YearFields, type FieldErrors } from './form-parts.tsx';

export type PracticeFormProps = {
  ctx: PageContext;
  csrfToken: string | undefined;
  action: string;
  values: PracticeFormValues;
  /** The version the form saves over; undefined when creating. */
  version: number | undefined;
  errors: FieldErrors;
  scope: EditScope;
  choices: { topics: Choice[]; countries: Choice[] };
  submitLabel: string;
};

const TEXT_KEYS = {
  title: 'practicesAdmin.field.title',
  summary: 'practicesAdmin.field.summary',
  description: 'practicesAdmin.field.description',
  outcomes: 'practicesAdmin.field.outcomes',
} as const;

const MAX: Record<TextKind, number> = {
  title: PRACTICE_LIMITS.titleMax,
  summary: PRACTICE_LIMITS.summaryMax,
  description: PRACTICE_LIMITS.descriptionMax,
  outcomes: PRACTICE_LIMITS.outcomesMax,
};

function fieldLabel(ctx: PageContext, id: string): string {
  const { t } = ctx;
  const text = /^(title|summary|description|outcomes)-([a-z]{2})$/.exec(id);
  if (text) return `${t(TEXT_KEYS[text[1] as TextKind])} (${LOCALE_NAMES[text[2] as Locale]})`;
  const keys = {
    title: 'practicesAdmin.field.title',
    slug: 'editor.field.slug',
    actor: 'practicesAdmin.field.actor',
    'year-from': 'practicesAdmin.field.yearFrom',
    'year-to': 'practicesAdmin.field.yearTo',
    topics: 'practicesAdmin.field.topics',
    countries: 'practicesAdmin.field.countries',
    links: 'practicesAdmin.field.links',
    related: 'practicesAdmin.field.related',
  } as const;
  return t(keys[id as keyof typeof keys] ?? 'practicesAdmin.field.title');
}

/** One table of two texts per language: a row per language, a column per text. */
function TextTable({ ctx, kinds, values, errors, scope, caption }: { ctx: PageContext; kinds: [TextKind, TextKind]; values: PracticeFormValues; errors: FieldErrors; scope: EditScope; caption: string }) {
  const { t } = ctx;
  const group = kinds.join('-');
  return (
    <table class="data-table practice-texts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('editor.field.language')}</th>
          {kinds.map((k) => (
            <th scope="col" id={`col-${group}-${k}`}>
              {t(TEXT_KEYS[k])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LOCALES.map((l) => {
          const readonly = !scope.locales.includes(l);
          return (
            <tr>
              <th scope="row" id={`row-${group}-${l}`}>
                <span lang={l} dir={dir(l)}>
                  {LOCALE_NAMES[l]}
                </span>
              </th>
              {kinds.map((k) => {
                const id = `${k}-${l}`;
                const common = { id, name: `${k}_${l}`, lang: l, dir: dir(l), maxlength: MAX[k], readonly, 'aria-labelledby': `col-${group}-${k} row-${group}-${l}`, ...described(errors, id) };
                return (
                  <td>
                    {k === 'title' ? <input {...common} value={values[k][l]} /> : <textarea {...common} rows={k === 'description' ? 8 : 4}>{values[k][l]}</textarea>}
                    <FieldMessage ctx={ctx} errors={errors} id={id} />
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PracticeForm({ ctx, csrfToken, action, values, version, errors, scope, choices, submitLabel }: PracticeFormProps) {
  const { t } = ctx;
  const ro = !scope.all;
  const canSave = scope.all || scope.locales.length > 0;
  return (
    <form method="post" action={action} class="editor-form practice-form" novalidate>
      <CsrfField token={csrfToken} />
      {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
      <ErrorSummary ctx={ctx} errors={errors} fields={PRACTICE_FIELD_ORDER.map((id) => ({ id, label: fieldLabel(ctx, id), target: id === 'title' ? 'title-en' : id }))} />
      <fieldset class="editor-texts">
        <legend>{t('practicesAdmin.form.texts')}</legend>
        <FieldMessage ctx={ctx} errors={errors} id="title" />
        <TextTable ctx={ctx} kinds={['title', 'summary']} values={values} errors={errors} scope={scope} caption={t('practicesAdmin.form.titleSummary')} />
        <TextTable ctx={ctx} kinds={['description', 'outcomes']} values={values} errors={errors} scope={scope} caption={t('practicesAdmin.form.descriptionOutcomes')} />
      </fieldset>
      <fieldset class="editor-details">
        <legend>{t('editor.form.details')}</legend>
        <SlugField ctx={ctx} value={values.slug} readonly={ro} errors={errors} hint={t('practicesAdmin.hint.slug')} messageClass={PRACTICE_MESSAGE_CLASS} />
        <ActorSelect ctx={ctx} value={values.actor} errors={errors} disabled={ro} />
        <YearFields ctx={ctx} from={values.yearFrom} to={values.yearTo} errors={errors} readonly={ro} />
        <TopicChecks ctx={ctx} choices={choices.topics} selected={values.topics} errors={errors} disabled={ro} />
        <CountrySelect ctx={ctx} choices={choices.countries} selected={values.countries} errors={errors} disabled={ro} />
        <div class="form-field">
          <label for="links">{t('practicesAdmin.field.links')}</label>
          <textarea id="links" name="links" rows={3} dir="ltr" readonly={ro} {...described(errors, 'links', true)}>
            {values.links}
          </textarea>
          <p class="muted" id="links-hint">
            {t('practicesAdmin.hint.adminLinks')}
          </p>
          <FieldMessage ctx={ctx} errors={errors} id="links" />
        </div>
        <div class="form-field">
          <label for="related">{t('practicesAdmin.field.related')}</label>
          <input id="related" name="related" value={values.related} dir="ltr" readonly={ro} {...described(errors, 'related', true)} />
          <p class="muted" id="related-hint">
            {t('practicesAdmin.hint.related')}
          </p>
          <FieldMessage ctx={ctx} errors={errors} id="related" />
        </div>
      </fieldset>
      {canSave && <button type="submit">{submitLabel}</button>}
    </form>
  );
}
