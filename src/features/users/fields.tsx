// Form fields of the users pages, each with its label, hint and error message tied to the input
// (aria-describedby), so that a screen reader announces why a field was refused.
import { LOCALES, LOCALE_NAMES, dir, type Locale } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { ROLES } from '../auth/roles.ts';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={id}>
      {error}
    </p>
  ) : null;
}

export function TextField(props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  ltr?: boolean;
}) {
  const { id, error, hint } = props;
  return (
    <div class="form-field">
      <label for={id}>{props.label}</label>
      {hint && (
        <p class="users-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        dir={props.ltr ? 'ltr' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function RoleField({ ctx, value, error }: { ctx: PageContext; value: string; error?: string | undefined }) {
  const { t } = ctx;
  return (
    <div class="form-field">
      <label for="role">{t('users.field.role')}</label>
      <select id="role" name="role" required aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy('role-hint', error && 'role-error')}>
        {ROLES.map((role) => (
          <option value={role} selected={role === value}>
            {t(`admin.role.${role}`)}
          </option>
        ))}
      </select>
      <p class="users-hint" id="role-hint">
        {t('users.field.roleHint')}
      </p>
      <FieldError id="role-error" error={error} />
    </div>
  );
}

/** The five locales as checkboxes; the page's own words for the legend, each name in its own language. */
export function LocalesField({ ctx, value, error }: { ctx: PageContext; value: string[]; error?: string | undefined }) {
  const { t } = ctx;
  return (
    <fieldset class="form-field users-locales" aria-describedby={describedBy('locales-hint', error && 'locales-error')}>
      <legend>{t('users.field.locales')}</legend>
      <p class="users-hint" id="locales-hint">
        {t('users.field.localesHint')}
      </p>
      <ul>
        {LOCALES.map((l) => (
          <li>
            <input type="checkbox" id={`locale-${l}`} name="locales" value={l} checked={value.includes(l)} aria-invalid={error ? 'true' : undefined} />{' '}
            <label for={`locale-${l}`} lang={l} dir={dir(l)}>
              {LOCALE_NAMES[l]}
            </label>
          </li>
        ))}
      </ul>
      <FieldError id="locales-error" error={error} />
    </fieldset>
  );
}

/** Locale names in their own languages, for tables. */
export function LocaleList({ locales }: { locales: Locale[] }) {
  return (
    <>
      {locales.map((l, i) => (
        <>
          {i > 0 && ', '}
          <span lang={l} dir={dir(l)}>
            {LOCALE_NAMES[l]}
          </span>
        </>
      ))}
    </>
  );
}

export function DateTime({ locale, iso, time = false }: { locale: Locale; iso: string; time?: boolean }) {
  const format = new Intl.DateTimeFormat(locale, time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
  return <time datetime={iso}>{format.format(new Date(iso))}</time>;
}

/** A one-time link, shown once in a read-only field that is easy to select and copy. */
export function OneTimeLink({ ctx, link, label }: { ctx: PageContext; link: string; label: string }) {
  return (
    <div class="form-field users-link">
      <label for="one-time-link">{label}</label>
      <input id="one-time-link" type="text" readonly value={link} dir="ltr" aria-describedby="one-time-link-hint" />
      <p class="users-hint" id="one-time-link-hint">
        {ctx.t('users.link.onceHint')}
      </p>
    </div>
  );
}
