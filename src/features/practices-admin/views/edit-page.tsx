// The create and edit pages of a practice, in the content editors' shared frame: its state and the
// workflow steps the user's role allows, then the form. On a version conflict the same page opens
// with the saved version and the user's side by side, and the form keeps what the user typed, set to
// save over the current version.
import type { Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { ConflictComparison } from '../../admin/content-editor/conflict.tsx';
import { EditFrame, submitLabel } from '../../admin/content-editor/edit-frame.tsx';
import { languageLabel } from '../../admin/content-editor/format.tsx';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import type { User } from '../../auth/users.ts';
import type { EditScope } from '../../editor/form.ts';
import { changedFields, fieldValue, isTextField, type FieldName, type PracticeFields } from '../fields.ts';
import { practicePath, practicesPath, publicPracticePath } from '../paths.ts';
import type { PracticeFormValues } from '../practice-form.ts';
import type { StoredPractice } from '../practice-store.ts';
import { PracticeForm } from './practice-form.tsx';
import type { FieldErrors } from '../../admin/content-editor/field-messages.tsx';

export type PracticeEditProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  /** Undefined on the create page. */
  practice: StoredPractice | undefined;
  values: PracticeFormValues;
  version: number | undefined;
  errors: FieldErrors;
  scope: EditScope;
  choices: { topics: Choice[]; countries: Choice[] };
  notice?: string | undefined;
  /** On the conflict page: what the user submitted, validated. */
  conflict?: { mine: PracticeFields } | undefined;
};

function fieldLabel(ctx: PageContext, field: FieldName): string {
  const { t } = ctx;
  if (isTextField(field)) {
    const [kind, locale] = field.split('.') as ['title' | 'summary' | 'description' | 'outcomes', Locale];
    return `${t(`practicesAdmin.field.${kind}`)} (${languageLabel(ctx, locale)})`;
  }
  const keys = {
    slug: 'editor.field.slug',
    actor: 'practicesAdmin.field.actor',
    yearFrom: 'practicesAdmin.field.yearFrom',
    yearTo: 'practicesAdmin.field.yearTo',
    topics: 'practicesAdmin.field.topics',
    countries: 'practicesAdmin.field.countries',
    links: 'practicesAdmin.field.links',
    relatedResources: 'practicesAdmin.field.related',
  } as const;
  return t(keys[field]);
}

/** The saved version and the user's, field by field, with the differing words marked. */
function PracticeConflict({ ctx, current, mine }: { ctx: PageContext; current: StoredPractice; mine: PracticeFields }) {
  // An emptied slug keeps the saved one (the save does the same).
  const yours = { ...mine, slug: mine.slug || current.data.slug };
  return (
    <ConflictComparison
      ctx={ctx}
      title={ctx.t('practicesAdmin.conflict.title')}
      current={current}
      fields={{
        differing: changedFields(current.data, yours),
        label: (field) => fieldLabel(ctx, field),
        saved: (field) => fieldValue(current.data, field),
        yours: (field) => fieldValue(yours, field),
        locale: (field) => (isTextField(field) ? (field.split('.')[1] as Locale) : undefined),
      }}
    />
  );
}

export function PracticeEditPage(props: PracticeEditProps) {
  const { ctx, user, csrfToken, practice, values, version, errors, scope, choices, notice, conflict } = props;
  const { t, locale } = ctx;
  return (
    <EditFrame
      ctx={ctx}
      user={user}
      csrfToken={csrfToken}
      section="practices"
      back={{ href: practicesPath(locale), label: t('practicesAdmin.backToList') }}
      item={practice}
      titles={{ edit: 'practicesAdmin.edit.title', create: 'practicesAdmin.new.title' }}
      notice={notice}
      links={
        practice?.data.status === 'published' && (
          <p>
            <a href={publicPracticePath(locale, practice.data.slug)}>{t('editor.link.public')}</a>
          </p>
        )
      }
      stepPath={(tr) => practicePath(locale, practice!.id, tr.path)}
      conflict={conflict && practice ? <PracticeConflict ctx={ctx} current={practice} mine={conflict.mine} /> : undefined}
      scope={scope}
      scopeNotices={{ translator: 'practicesAdmin.form.translatorScope', readOnly: 'practicesAdmin.form.readOnly' }}
    >
      <PracticeForm
        ctx={ctx}
        csrfToken={csrfToken}
        action={practice ? practicePath(locale, practice.id) : `${practicesPath(locale)}/new`}
        values={values}
        version={version}
        errors={errors}
        scope={scope}
        choices={choices}
        submitLabel={submitLabel(ctx, { creating: !practice, conflict: !!conflict })}
      />
    </EditFrame>
  );
}
