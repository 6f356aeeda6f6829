// The frame of the forms that create or edit one item (domain, question, scale): why the form may
// differ from what was loaded (a conflict) or be partly read-only (a translator), the hidden fields
// that guard against lost updates, the summary of messages, the key, and a submit button only for
// someone who may save something.
import type { Child } from 'hono/jsx';
import type { PageContext } from '../../../web/context.ts';
import { CsrfField } from '../../admin/layout.tsx';
import type { EditScope } from '../../editor/form.ts';
import type { Problems } from '../forms.ts';
import { ConflictNotice, ProblemSummary, ScopeNotice } from './common.tsx';
import { KeyOrField } from './fields.tsx';

export function EditForm(props: {
  ctx: PageContext;
  csrfToken: string | undefined;
  action: string;
  /** Hidden fields in this order, e.g. the version the form was loaded at. */
  hidden: Record<string, string>;
  problems: Problems;
  /** Where the summary's link of a group message leads (its first field). */
  first: Record<string, string>;
  scope: EditScope;
  conflict: number | undefined;
  /** The existing item's key; undefined for a new item, whose key is typed. */
  itemKey: string | undefined;
  keyValue: string;
  submit: string;
  /** Shown between the notices and the form. */
  note?: Child;
  children: Child;
}) {
  const { ctx, csrfToken, action, hidden, problems, first, scope, conflict, itemKey, keyValue, submit, note, children } = props;
  return (
    <>
      <ConflictNotice ctx={ctx} current={conflict} />
      <ScopeNotice ctx={ctx} scope={scope} />
      {note}
      <form method="post" action={action} class="safeguarding-admin-form" novalidate>
        <CsrfField token={csrfToken} />
        {Object.entries(hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <ProblemSummary ctx={ctx} problems={problems} first={first} />
        <KeyOrField ctx={ctx} itemKey={itemKey} value={keyValue} problems={problems} />
        {children}
        {(scope.all || scope.locales.length > 0) && <button type="submit">{submit}</button>}
      </form>
    </>
  );
}
