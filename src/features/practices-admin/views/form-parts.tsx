// Form pieces the public submission form and the back-office editor share: messages next to their
// field (the content editors' own, under the practice forms' class), and the choosers of actor,
// countries and topics with names in the page's language.
import { pickText } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { described, FieldMessage as SharedFieldMessage, type FieldErrors } from '../../admin/content-editor/field-messages.tsx';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import { ACTORS } from '../../practices/schema.ts';

export { described, ErrorSummary, type FieldErrors } from '../../admin/content-editor/field-messages.tsx';

/** The public form's stylesheet finds a message by its own class (practices-submit.css). */
export const PRACTICE_MESSAGE_CLASS = 'field-error practice-field-error';

export function FieldMessage(props: { ctx: PageContext; errors: FieldErrors; id: string }) {
  return <SharedFieldMessage {...props} class={PRACTICE_MESSAGE_CLASS} />;
}

export function ActorSelect({ ctx, value, errors, disabled = false }: { ctx: PageContext; value: string; errors: FieldErrors; disabled?: boolean }) {
  const { t } = ctx;
  return (
    <div class="form-field">
      <label for="actor">{t('practicesAdmin.field.actor')}</label>
      <select id="actor" name="actor" disabled={disabled} {...described(errors, 'actor')}>
        <option value="" selected={value === ''}>
          {t('practicesAdmin.form.choose')}
        </option>
        {ACTORS.map((a) => (
          <option value={a} selected={value === a}>
            {t(`practicesAdmin.actor.${a}`)}
          </option>
        ))}
      </select>
      <FieldMessage ctx={ctx} errors={errors} id="actor" />
    </div>
  );
}

/** A multiple select of every country, sorted by its name in the page's language. */
export function CountrySelect({ ctx, choices, selected, errors, disabled = false }: { ctx: PageContext; choices: Choice[]; selected: string[]; errors: FieldErrors; disabled?: boolean }) {
  const { t, locale } = ctx;
  const collator = new Intl.Collator(locale);
  const countries = choices.map((c) => ({ value: c.value, name: pickText(c.names, locale).text || c.value })).sort((a, b) => collator.compare(a.name, b.name));
  return (
    <div class="form-field">
      <label for="countries">{t('practicesAdmin.field.countries')}</label>
      <select id="countries" name="countries" multiple size={8} disabled={disabled} {...described(errors, 'countries', true)}>
        {countries.map((c) => (
          <option value={c.value} selected={selected.includes(c.value)}>
            {c.name}
          </option>
        ))}
      </select>
      <p class="muted" id="countries-hint">
        {t('practicesAdmin.hint.countries')}
      </p>
      <FieldMessage ctx={ctx} errors={errors} id="countries" />
    </div>
  );
}

export function TopicChecks({ ctx, choices, selected, errors, disabled = false }: { ctx: PageContext; choices: Choice[]; selected: string[]; errors: FieldErrors; disabled?: boolean }) {
  const { t, locale } = ctx;
  return (
    <fieldset class="practice-topics" id="topics" {...described(errors, 'topics')}>
      <legend>{t('practicesAdmin.field.topics')}</legend>
      <FieldMessage ctx={ctx} errors={errors} id="topics" />
      <ul>
        {choices.map((topic) => (
          <li>
            <label>
              <input type="checkbox" name="topics" value={topic.value} checked={selected.includes(topic.value)} disabled={disabled} />
              {pickText(topic.names, locale).text || topic.value}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function YearFields({ ctx, from, to, errors, readonly = false }: { ctx: PageContext; from: string; to: string; errors: FieldErrors; readonly?: boolean }) {
  const { t } = ctx;
  return (
    <fieldset class="practice-years">
      <legend>{t('practicesAdmin.field.years')}</legend>
      <div class="form-field">
        <label for="year-from">{t('practicesAdmin.field.yearFrom')}</label>
        <input id="year-from" name="year_from" value={from} inputmode="numeric" dir="ltr" maxlength={4} readonly={readonly} {...described(errors, 'year-from')} />
        <FieldMessage ctx={ctx} errors={errors} id="year-from" />
      </div>
      <div class="form-field">
        <label for="year-to">{t('practicesAdmin.field.yearTo')}</label>
        <input id="year-to" name="year_to" value={to} inputmode="numeric" dir="ltr" maxlength={4} readonly={readonly} {...described(errors, 'year-to', true)} />
        <p class="muted" id="year-to-hint">
          {t('practicesAdmin.hint.yearTo')}
        </p>
        <FieldMessage ctx={ctx} errors={errors} id="year-to" />
      </div>
    </fieldset>
  );
}
