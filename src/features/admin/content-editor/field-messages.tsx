// Messages of the content editors' forms: where each one goes, how a field points at it (aria), the
// message next to its field, and the summary at the top with a link to each field.
import type { MessageKey, MessageValues } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';

/** Where a message goes: a field's id (title-en, slug, …), and the message in the catalog. */
export type FieldErrors = Map<string, { key: MessageKey; values?: MessageValues }>;

/** Keeps the first message of a field: the first problem found is the one to fix first. */
export function setOnce(errors: FieldErrors, field: string, key: MessageKey, values?: MessageValues): void {
  if (!errors.has(field)) errors.set(field, values ? { key, values } : { key });
}

/**
 * aria attributes of a field, pointing at its hint and at its message when there are. `extra`: ids
 * of other messages that concern the field too (e.g. `title-error` for every title input).
 */
export function described(errors: FieldErrors, id: string, hint = false, extra: string[] = []) {
  const ids = [...(hint ? [`${id}-hint`] : []), ...extra, ...(errors.has(id) ? [`${id}-error`] : [])];
  return {
    'aria-invalid': errors.has(id) || extra.some((e) => errors.has(e.replace(/-error$/, ''))) ? ('true' as const) : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  };
}

export function FieldMessage({ ctx, errors, id, class: className = 'field-error' }: { ctx: PageContext; errors: FieldErrors; id: string; class?: string }) {
  const error = errors.get(id);
  if (!error) return null;
  return (
    <p class={className} id={`${id}-error`}>
      {ctx.t(error.key, error.values)}
    </p>
  );
}

/** Every message at the top, in the form's order, each a link to its field (`target` when it is not the id). */
export function ErrorSummary({ ctx, errors, fields }: { ctx: PageContext; errors: FieldErrors; fields: { id: string; label: string; target?: string }[] }) {
  if (errors.size === 0) return null;
  const listed = fields.filter((f) => errors.has(f.id));
  return (
    <div class="notice error" role="alert" id="form-errors">
      <p>{ctx.t('editor.form.errorSummary', { count: errors.size })}</p>
      <ul>
        {listed.map((f) => (
          <li>
            <a href={`#${f.target ?? f.id}`}>{f.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The slug: shown on every form, read-only for those who may change only texts. */
export function SlugField({
  ctx,
  value,
  readonly,
  errors,
  hint,
  messageClass,
}: {
  ctx: PageContext;
  value: string;
  readonly: boolean;
  errors: FieldErrors;
  hint: string;
  /** The class of the message, when the form styles its messages its own way. */
  messageClass?: string;
}) {
  return (
    <div class="form-field">
      <label for="slug">{ctx.t('editor.field.slug')}</label>
      <input id="slug" name="slug" value={value} maxlength={120} dir="ltr" readonly={readonly} {...described(errors, 'slug', true)} />
      <p class="muted" id="slug-hint">
        {hint}
      </p>
      <FieldMessage ctx={ctx} errors={errors} id="slug" class={messageClass} />
    </div>
  );
}
