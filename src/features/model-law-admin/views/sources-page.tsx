// An article's sources: the list in order (up, down, remove on a draft), and two forms to add a
// provision of an international instrument or of a national law, chosen from the shipped data.
import { dir, pickText, type Localized } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { EditionTree, LawNode } from '../../model-law/store.ts';
import { countryName } from '../../taxonomy/country-names.ts';
import type { FormState } from '../forms.ts';
import type { ListedSource, SourceChoices } from '../sources.ts';
import { Breadcrumbs, described, editionPath, FieldError, lawsPath, nodePath, NodeTitle, Notice, ReadOnlyNotice } from './common.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined };

export type SourcesPageProps = Frame & {
  tree: EditionTree;
  node: LawNode;
  sources: ListedSource[];
  choices: SourceChoices;
  notice?: string | undefined;
  /** After a refused addition: which form, what was chosen, and why. */
  form?: (FormState & { kind: 'instrument' | 'nationalLaw' }) | undefined;
};

function Text({ ctx, text }: { ctx: PageContext; text: Localized | null | undefined }) {
  const picked = pickText(text ?? {}, ctx.locale);
  return picked.text ? (
    <span lang={picked.fallback ? picked.lang : undefined} dir={picked.fallback ? dir(picked.lang) : undefined}>
      {picked.text}
    </span>
  ) : null;
}

function SourceLabel({ ctx, source }: { ctx: PageContext; source: ListedSource }) {
  const { t, locale } = ctx;
  if (source.kind === 'instrument') {
    return (
      <>
        <Text ctx={ctx} text={source.shortName} />, {t('modelLaw.provisionRef', { ref: source.ref })}
        {pickText(source.title ?? {}, locale).text && ': '}
        <Text ctx={ctx} text={source.title} />
      </>
    );
  }
  return (
    <>
      {countryName(source.country, locale)}: {source.lawTitle} ({source.year}), {source.ref}
      {pickText(source.summary ?? {}, locale).text && ': '}
      <Text ctx={ctx} text={source.summary} />
    </>
  );
}

function plain(ctx: PageContext, text: Localized): string {
  return pickText(text, ctx.locale).text;
}

export function SourcesPage({ ctx, user, csrfToken, tree, node, sources, choices, notice, form }: SourcesPageProps) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const editable = edition.status === 'draft' && can(user.role, 'content.edit');
  const base = nodePath(locale, edition.id, node.id, '/sources');
  const state = (kind: 'instrument' | 'nationalLaw') => (form?.kind === kind ? form : undefined);
  const problem = (kind: 'instrument' | 'nationalLaw', name: string) => state(kind)?.errors[name];
  const chosen = (kind: 'instrument' | 'nationalLaw', name: string) => state(kind)?.values[name];
  const move = (s: ListedSource, direction: 'up' | 'down') => (
    <form method="post" action={`${base}/${s.id}/move`} class="model-law-inline">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="version" value={String(node.version)} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" aria-label={t(direction === 'up' ? 'modelLawAdmin.moveUpNamed' : 'modelLawAdmin.moveDownNamed', { name: `${s.key} ${s.ref}` })}>
        {t(direction === 'up' ? 'modelLawAdmin.moveUp' : 'modelLawAdmin.moveDown')}
      </button>
    </form>
  );
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.sources.title', { key: node.key })} section="modelLaw">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: lawsPath(locale), label: t('modelLawAdmin.title') },
          { href: editionPath(locale, edition.id), label: t('modelLaw.edition', { label: edition.label }) },
          { href: nodePath(locale, edition.id, node.id), label: <NodeTitle ctx={ctx} node={node} sourceLocale={edition.law.sourceLocale} /> },
        ]}
      />
      <h1>{t('modelLawAdmin.sources.heading')}</h1>
      <Notice text={notice} />
      {form && (
        <p class="notice error" role="alert">
          {t('modelLawAdmin.fixBelow')}
        </p>
      )}
      <ReadOnlyNotice ctx={ctx} edition={edition} />
      {sources.length === 0 ? (
        <p>{t('modelLaw.noSources')}</p>
      ) : (
        <ol class="source-list">
          {sources.map((s, i) => (
            <li>
              <SourceLabel ctx={ctx} source={s} />
              {editable && (
                <div class="node-actions">
                  {i > 0 && move(s, 'up')}
                  {i < sources.length - 1 && move(s, 'down')}
                  <form method="post" action={`${base}/${s.id}/remove`} class="model-law-inline">
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="version" value={String(node.version)} />
                    <button type="submit" aria-label={t('modelLawAdmin.removeNamed', { name: `${s.key} ${s.ref}` })}>
                      {t('modelLawAdmin.remove')}
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <div class="source-forms">
          <form method="post" action={base} class="model-law-form" id="add-instrument">
            <h2>{t('modelLawAdmin.sources.addInstrument')}</h2>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="version" value={String(node.version)} />
            <input type="hidden" name="kind" value="instrument" />
            <div class="form-field">
              <label for="source-instrument">{t('modelLaw.instruments')}</label>
              <select id="source-instrument" name="key" {...described('source-instrument', problem('instrument', 'key'))}>
                {choices.instruments.map((i) => (
                  <option value={i.key} selected={chosen('instrument', 'key') === i.key}>
                    {plain(ctx, i.shortName)}: {plain(ctx, i.name)}
                  </option>
                ))}
              </select>
              <FieldError ctx={ctx} id="source-instrument" problem={problem('instrument', 'key')} />
            </div>
            <div class="form-field">
              <label for="source-instrument-provision">{t('modelLawAdmin.field.provision')}</label>
              <p class="hint" id="source-instrument-provision-hint">
                {t('modelLawAdmin.sources.provisionHint')}
              </p>
              <select id="source-instrument-provision" name="provision" {...described('source-instrument-provision', problem('instrument', 'provision'), 'source-instrument-provision-hint')}>
                {choices.instruments.map((i) => (
                  <optgroup label={plain(ctx, i.shortName)}>
                    {i.provisions.map((p) => (
                      <option value={p.ref} selected={chosen('instrument', 'provision') === p.ref}>
                        {t('modelLaw.provisionRef', { ref: p.ref })}: {plain(ctx, p.title)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <FieldError ctx={ctx} id="source-instrument-provision" problem={problem('instrument', 'provision')} />
            </div>
            <button type="submit">{t('modelLawAdmin.sources.add')}</button>
          </form>
          <form method="post" action={base} class="model-law-form" id="add-national-law">
            <h2>{t('modelLawAdmin.sources.addNational')}</h2>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="version" value={String(node.version)} />
            <input type="hidden" name="kind" value="nationalLaw" />
            <div class="form-field">
              <label for="source-national">{t('modelLaw.nationalLaws')}</label>
              <select id="source-national" name="key" {...described('source-national', problem('nationalLaw', 'key'))}>
                {choices.nationalLaws.map((l) => (
                  <option value={l.key} selected={chosen('nationalLaw', 'key') === l.key}>
                    {countryName(l.country, locale)}: {l.title} ({l.year})
                  </option>
                ))}
              </select>
              <FieldError ctx={ctx} id="source-national" problem={problem('nationalLaw', 'key')} />
            </div>
            <div class="form-field">
              <label for="source-national-provision">{t('modelLawAdmin.field.provision')}</label>
              <p class="hint" id="source-national-provision-hint">
                {t('modelLawAdmin.sources.provisionHint')}
              </p>
              <select id="source-national-provision" name="provision" {...described('source-national-provision', problem('nationalLaw', 'provision'), 'source-national-provision-hint')}>
                {choices.nationalLaws.map((l) => (
                  <optgroup label={l.title}>
                    {l.provisions.map((p) => (
                      <option value={p.ref} selected={chosen('nationalLaw', 'provision') === p.ref}>
                        {p.ref}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <FieldError ctx={ctx} id="source-national-provision" problem={problem('nationalLaw', 'provision')} />
            </div>
            <button type="submit">{t('modelLawAdmin.sources.add')}</button>
          </form>
        </div>
      )}
    </AdminLayout>
  );
}
