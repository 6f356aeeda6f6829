// Answer scales: the list (with the questionnaires that use each), and the form of one scale: its
// name and its options, each with a value, a score from 0 to 1 (empty: "not applicable", never
// scored) and a label in five languages.
import { dir, LOCALE_NAMES, LOCALES } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { EditScope } from '../../editor/form.ts';
import { LIMITS, type Problems, type ScaleValues } from '../forms.ts';
import type { AdminScale } from '../scales.ts';
import { adminPath, Breadcrumbs, described, errorId, FieldMessage, Notice, scalesPath, Text, TEXT_COLUMNS, textOf, TextsTable } from './common.tsx';
import { EditForm } from './edit-form.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined };

export function ScalesPage({ ctx, user, csrfToken, scales, notice }: Frame & { scales: AdminScale[]; notice?: string | undefined }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('safeguardingAdmin.scales.title')} section="safeguarding">
      <Breadcrumbs ctx={ctx} items={[{ href: adminPath(locale), label: t('safeguardingAdmin.title') }]} />
      <h1>{t('safeguardingAdmin.scales.title')}</h1>
      <Notice text={notice} />
      <p>{t('safeguardingAdmin.scales.explain')}</p>
      {scales.length === 0 ? (
        <p>{t('safeguardingAdmin.scales.empty')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('safeguardingAdmin.field.name')}</th>
              <th scope="col">{t('safeguardingAdmin.field.options')}</th>
              <th scope="col">{t('safeguardingAdmin.scales.usedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {scales.map((s) => (
              <tr>
                <th scope="row">
                  <a href={scalesPath(locale, s.key)}>
                    <Text ctx={ctx} text={s.name} fallback={s.key} />
                  </a>
                </th>
                <td>{s.options.map((o) => textOf(ctx, o.label, o.value)).join(' · ')}</td>
                <td>{s.usedBy.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(user.role, 'content.edit') && (
        <p>
          <a href={`${scalesPath(locale)}/new`}>{t('safeguardingAdmin.scales.add')}</a>
        </p>
      )}
    </AdminLayout>
  );
}

export function ScalePage(props: Frame & { scale: AdminScale | undefined; values: ScaleValues; problems: Problems; scope: EditScope; conflict?: number | undefined }) {
  const { ctx, user, csrfToken, scale, values, problems, scope, conflict } = props;
  const { t, locale } = ctx;
  const heading = scale ? t('safeguardingAdmin.scale.editHeading', { scale: textOf(ctx, scale.name, scale.key) }) : t('safeguardingAdmin.scales.add');
  const ro = !scope.all;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section="safeguarding">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: adminPath(locale), label: t('safeguardingAdmin.title') },
          { href: scalesPath(locale), label: t('safeguardingAdmin.scales.title') },
        ]}
      />
      <h1>{heading}</h1>
      <EditForm
        {...{ ctx, csrfToken, problems, scope, conflict }}
        action={scale ? scalesPath(locale, scale.key) : scalesPath(locale)}
        hidden={{ ...(scale ? { version: String(conflict ?? scale.version) } : {}), rows: String(values.options.length) }}
        first={{ name: 'name-en' }}
        itemKey={scale?.key}
        keyValue={values.key}
        submit={scale ? t('safeguardingAdmin.form.save') : t('safeguardingAdmin.scale.create')}
        note={scale && scale.usedBy.length > 0 && <p class="notice">{t('safeguardingAdmin.scale.usedBy', { count: scale.usedBy.length, questionnaires: scale.usedBy.join(', ') })}</p>}
      >
        <TextsTable ctx={ctx} legend={t('safeguardingAdmin.field.name')} columns={TEXT_COLUMNS.scale} values={values} scope={scope} problems={problems} />
        <h2 id="options-heading">{t('safeguardingAdmin.field.options')}</h2>
        <p class="muted" id="options-hint">
          {t('safeguardingAdmin.hint.options')}
        </p>
        <FieldMessage ctx={ctx} problems={problems} id="options" />
        {values.options.map((o, i) => {
          const id = (part: string) => `option-${i}-${part}`;
          return (
            <fieldset class="safeguarding-admin-option" aria-describedby={problems.has('options') ? `options-hint ${errorId('options')}` : 'options-hint'}>
              <legend>{t('safeguardingAdmin.scale.option', { n: i + 1 })}</legend>
              <div class="safeguarding-admin-option-fields">
                <div class="form-field">
                  <label for={id('value')}>{t('safeguardingAdmin.field.value')}</label>
                  <input id={id('value')} name={`option.${i}.value`} type="text" dir="ltr" value={o.value} maxlength={LIMITS.key} readonly={ro} {...described(problems, id('value'))} />
                  <FieldMessage ctx={ctx} problems={problems} id={id('value')} />
                </div>
                <div class="form-field">
                  <label for={id('score')}>{t('safeguardingAdmin.field.score')}</label>
                  <input id={id('score')} name={`option.${i}.score`} type="text" inputmode="decimal" dir="ltr" size={6} value={o.score} readonly={ro} {...described(problems, id('score'))} />
                  <FieldMessage ctx={ctx} problems={problems} id={id('score')} />
                </div>
                {LOCALES.map((l) => (
                  <div class="form-field">
                    <label for={id(`label-${l}`)}>{t('safeguardingAdmin.scale.labelIn', { language: LOCALE_NAMES[l] })}</label>
                    <input
                      id={id(`label-${l}`)}
                      name={`option.${i}.label.${l}`}
                      type="text"
                      lang={l}
                      dir={dir(l)}
                      value={o.label[l]}
                      maxlength={LIMITS.title}
                      readonly={!(scope.all || scope.locales.includes(l))}
                      {...described(problems, id(`label-${l}`), problems.has(id('label')) ? [errorId(id('label'))] : [])}
                    />
                    <FieldMessage ctx={ctx} problems={problems} id={id(`label-${l}`)} />
                  </div>
                ))}
              </div>
              <FieldMessage ctx={ctx} problems={problems} id={id('label')} />
            </fieldset>
          );
        })}
      </EditForm>
    </AdminLayout>
  );
}
