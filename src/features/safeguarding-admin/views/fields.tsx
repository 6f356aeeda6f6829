// Form fields that several self-audit forms have, with their hints and messages.
import type { PageContext } from '../../../web/context.ts';
import { LIMITS, type Problems } from '../forms.ts';
import { described, FieldMessage } from './common.tsx';

/** A new item's key; an existing item's key is fixed, since links and audits refer to it. */
export function KeyField({ ctx, value, problems }: { ctx: PageContext; value: string; problems: Problems }) {
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

/** The key field of a new item, or the fixed key of an existing one. */
export function KeyOrField({ ctx, itemKey, value, problems }: { ctx: PageContext; itemKey: string | undefined; value: string; problems: Problems }) {
  return itemKey ? (
    <p>
      {ctx.t('safeguardingAdmin.field.key')}: <code>{itemKey}</code>
    </p>
  ) : (
    <KeyField ctx={ctx} value={value} problems={problems} />
  );
}

export function WeightField({ ctx, value, problems, readonly }: { ctx: PageContext; value: string; problems: Problems; readonly: boolean }) {
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
