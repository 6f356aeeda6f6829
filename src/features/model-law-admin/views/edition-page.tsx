// One edition in the back office: its state and workflow steps, its structure with the numbers
// readers will see, the structure's editing (draft editions only), and a new draft from it.
import { dir, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import { lawPath } from '../../model-law/components.tsx';
import type { EditionTree, LawNode } from '../../model-law/store.ts';
import type { FormState } from '../forms.ts';
import { allNodes } from '../progress.ts';
import { EDITION_TRANSITIONS, mayTransition } from '../workflow.ts';
import {
  Breadcrumbs,
  described,
  EditionStatusBadge,
  editionPath,
  FieldError,
  formatWhen,
  languageName,
  LawName,
  lawsPath,
  nodeNumber,
  nodePath,
  NodeTitle,
  Notice,
  ReadOnlyNotice,
} from './common.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined };

export type EditionForms = { copy?: FormState | undefined; chapter?: FormState | undefined; article?: FormState | undefined };

export type EditionPageProps = Frame & { tree: EditionTree; notice?: string | undefined; forms?: EditionForms };

function Workflow({ ctx, user, csrfToken, tree }: Frame & { tree: EditionTree }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const allowed = EDITION_TRANSITIONS.filter((tr) => mayTransition(user.role, tr, edition.status));
  if (allowed.length === 0) return <p class="muted">{t('modelLawAdmin.workflow.none')}</p>;
  return (
    <div class="model-law-workflow">
      {allowed.map((tr) => (
        <form method="post" action={editionPath(locale, edition.id, tr.path)}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(edition.version)} />
          {tr.action === 'send_back' && (
            <div class="form-field">
              <label for="send-back-note">{t('modelLawAdmin.workflow.note')}</label>
              <textarea id="send-back-note" name="note" rows={2} maxlength={1000}></textarea>
            </div>
          )}
          <button type="submit">{t(`modelLawAdmin.action.${tr.action}`)}</button>
        </form>
      ))}
    </div>
  );
}

/** The buttons beside a node of a draft edition: up, down, to another chapter, delete. */
function NodeActions({ ctx, csrfToken, tree, node, siblings, chapters }: { ctx: PageContext; csrfToken: string | undefined; tree: EditionTree; node: LawNode; siblings: LawNode[]; chapters: LawNode[] }) {
  const { t, locale } = ctx;
  const editionId = tree.edition.id;
  const index = siblings.indexOf(node);
  const name = `${nodeNumber(ctx, node)} (${node.key})`;
  const move = (direction: 'up' | 'down', disabled: boolean) =>
    disabled ? null : (
      <form method="post" action={nodePath(locale, editionId, node.id, '/move')} class="model-law-inline">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(node.version)} />
        <input type="hidden" name="direction" value={direction} />
        <button type="submit" aria-label={t(direction === 'up' ? 'modelLawAdmin.moveUpNamed' : 'modelLawAdmin.moveDownNamed', { name })}>
          {t(direction === 'up' ? 'modelLawAdmin.moveUp' : 'modelLawAdmin.moveDown')}
        </button>
      </form>
    );
  const others = chapters.filter((c) => c.id !== node.parentId);
  return (
    <div class="node-actions">
      {move('up', index <= 0)}
      {move('down', index >= siblings.length - 1)}
      {node.kind === 'article' && others.length > 0 && (
        <form method="post" action={nodePath(locale, editionId, node.id, '/move')} class="model-law-inline">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(node.version)} />
          <label for={`move-${node.id}`}>{t('modelLawAdmin.moveTo')}</label>{' '}
          <select id={`move-${node.id}`} name="chapter">
            {others.map((c) => (
              <option value={c.id}>{chapterOption(ctx, c, tree.edition.law.sourceLocale)}</option>
            ))}
          </select>{' '}
          <button type="submit" aria-label={t('modelLawAdmin.moveToNamed', { name })}>
            {t('modelLawAdmin.move')}
          </button>
        </form>
      )}
      {(node.kind === 'article' || node.children.length === 0) && (
        <a href={nodePath(locale, editionId, node.id, '/delete')} aria-label={t('modelLawAdmin.deleteNamed', { name })}>
          {t('modelLawAdmin.delete')}
        </a>
      )}
    </div>
  );
}

/** A chapter in a select: its number and its heading in the page's language, else the source's. */
function chapterOption(ctx: PageContext, chapter: LawNode, source: Locale): string {
  const heading = chapter.texts[ctx.locale]?.heading ?? chapter.texts[source]?.heading ?? chapter.key;
  return `${nodeNumber(ctx, chapter)}. ${heading}`;
}

function Structure({ ctx, user, csrfToken, tree }: Frame & { tree: EditionTree }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const editable = edition.status === 'draft' && can(user.role, 'content.edit');
  const chapters = allNodes(tree).filter((n) => n.kind === 'chapter');
  const source = edition.law.sourceLocale;
  const render = (node: LawNode, siblings: LawNode[]) => (
    <li class={`structure-${node.kind}`}>
      <div class="structure-row">
        <a href={nodePath(locale, edition.id, node.id)}>
          <NodeTitle ctx={ctx} node={node} sourceLocale={source} />
        </a>{' '}
        <code class="node-key" dir="ltr">{node.key}</code>
        {node.kind === 'article' && (
          <span class="muted">
            {' '}
            · <a href={nodePath(locale, edition.id, node.id, '/sources')}>{t('modelLawAdmin.sourcesCount', { count: node.sources.length })}</a> ·{' '}
            <a href={nodePath(locale, edition.id, node.id, '/history')}>{t('modelLawAdmin.link.history')}</a>
          </span>
        )}
        {editable && <NodeActions ctx={ctx} csrfToken={csrfToken} tree={tree} node={node} siblings={siblings} chapters={chapters} />}
      </div>
      {node.children.length > 0 && <ol class="structure-list">{node.children.map((child) => render(child, node.children))}</ol>}
    </li>
  );
  return (
    <section aria-labelledby="structure-heading">
      <h2 id="structure-heading">{t('modelLawAdmin.structure')}</h2>
      <p class="hint">{t('modelLawAdmin.structureHint')}</p>
      {tree.roots.length === 0 ? <p>{t('modelLawAdmin.emptyEdition')}</p> : <ol class="structure-list">{tree.roots.map((n) => render(n, tree.roots))}</ol>}
    </section>
  );
}

function TextInput({ ctx, form, name, id, label, lang, hint }: { ctx: PageContext; form: FormState | undefined; name: string; id: string; label: string; lang?: Locale; hint?: string }) {
  const problem = form?.errors[name];
  return (
    <div class="form-field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} name={name} type="text" value={form?.values[name] ?? ''} lang={lang} dir={lang ? dir(lang) : undefined} {...described(id, problem, hint && `${id}-hint`)} />
      <FieldError ctx={ctx} id={id} problem={problem} />
    </div>
  );
}

function AddForms({ ctx, csrfToken, tree, forms }: { ctx: PageContext; csrfToken: string | undefined; tree: EditionTree; forms: EditionForms }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const source = edition.law.sourceLocale;
  const nodes = allNodes(tree);
  const parts = nodes.filter((n) => n.kind === 'part');
  const chapters = nodes.filter((n) => n.kind === 'chapter');
  const sourceName = languageName(ctx, source);
  const keyHint = t('modelLawAdmin.field.keyHint');
  const parentSelect = (form: FormState | undefined, id: string, label: string, options: LawNode[]) => {
    const problem = form?.errors.parent;
    return (
      <div class="form-field">
        <label for={id}>{label}</label>
        <select id={id} name="parent" {...described(id, problem)}>
          {options.map((o) => (
            <option value={o.id} selected={form?.values.parent === o.id}>
              {chapterOption(ctx, o, source)}
            </option>
          ))}
        </select>
        <FieldError ctx={ctx} id={id} problem={problem} />
      </div>
    );
  };
  const article = forms.article;
  const textProblem = article?.errors.text;
  return (
    <section aria-labelledby="add-heading" class="model-law-add">
      <h2 id="add-heading">{t('modelLawAdmin.add.heading')}</h2>
      {chapters.length > 0 && (
        <form method="post" action={editionPath(locale, edition.id, '/articles')} class="model-law-form" id="add-article">
          <h3>{t('modelLawAdmin.add.article')}</h3>
          <CsrfField token={csrfToken} />
          {parentSelect(article, 'article-parent', t('modelLawAdmin.field.chapter'), chapters)}
          <TextInput ctx={ctx} form={article} name="key" id="article-key" label={t('modelLawAdmin.field.key')} hint={keyHint} />
          <TextInput ctx={ctx} form={article} name="heading" id="article-heading" label={t('modelLawAdmin.field.headingIn', { language: sourceName })} lang={source} />
          <div class="form-field">
            <label for="article-text">{t('modelLawAdmin.field.textIn', { language: sourceName })}</label>
            <p class="hint" id="article-text-hint">
              {t('modelLawAdmin.field.paragraphsHint')}
            </p>
            <textarea id="article-text" name="text" rows={6} lang={source} dir={dir(source)} {...described('article-text', textProblem, 'article-text-hint')}>
              {article?.values.text ?? ''}
            </textarea>
            <FieldError ctx={ctx} id="article-text" problem={textProblem} />
          </div>
          <p class="hint">{t('modelLawAdmin.add.articleWhere')}</p>
          <button type="submit">{t('modelLawAdmin.add.articleButton')}</button>
        </form>
      )}
      <form method="post" action={editionPath(locale, edition.id, '/chapters')} class="model-law-form" id="add-chapter">
        <h3>{t('modelLawAdmin.add.chapter')}</h3>
        <CsrfField token={csrfToken} />
        {parts.length > 0 && parentSelect(forms.chapter, 'chapter-parent', t('modelLawAdmin.field.part'), parts)}
        <TextInput ctx={ctx} form={forms.chapter} name="key" id="chapter-key" label={t('modelLawAdmin.field.key')} hint={keyHint} />
        <TextInput ctx={ctx} form={forms.chapter} name="heading" id="chapter-heading" label={t('modelLawAdmin.field.headingIn', { language: sourceName })} lang={source} />
        <button type="submit">{t('modelLawAdmin.add.chapterButton')}</button>
      </form>
    </section>
  );
}

function CopyForm({ ctx, csrfToken, tree, form }: { ctx: PageContext; csrfToken: string | undefined; tree: EditionTree; form: FormState | undefined }) {
  const { t, locale } = ctx;
  const values = form ?? { values: { label: '', year: String(new Date().getFullYear()) }, errors: {} };
  return (
    <section aria-labelledby="copy-heading">
      <h2 id="copy-heading">{t('modelLawAdmin.copy.heading')}</h2>
      <p>{t('modelLawAdmin.copy.explain', { label: tree.edition.label })}</p>
      <form method="post" action={editionPath(locale, tree.edition.id, '/copy')} class="model-law-form" id="copy-edition">
        <CsrfField token={csrfToken} />
        <TextInput ctx={ctx} form={values} name="label" id="copy-label" label={t('modelLawAdmin.field.label')} hint={t('modelLawAdmin.field.labelHint')} />
        <TextInput ctx={ctx} form={values} name="year" id="copy-year" label={t('modelLawAdmin.field.year')} />
        <button type="submit">{t('modelLawAdmin.copy.button')}</button>
      </form>
    </section>
  );
}

export function EditionPage({ ctx, user, csrfToken, tree, notice, forms = {} }: EditionPageProps) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const title = t('modelLaw.edition', { label: edition.label });
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={title} section="modelLaw">
      <Breadcrumbs ctx={ctx} items={[{ href: lawsPath(locale), label: t('modelLawAdmin.title') }]} />
      <h1>
        <LawName ctx={ctx} edition={edition} /> · {title}
      </h1>
      <Notice text={notice} />
      <section aria-labelledby="state-heading" class="model-law-state">
        <h2 id="state-heading">{t('modelLawAdmin.state')}</h2>
        <dl class="details">
          <dt>{t('modelLawAdmin.col.state')}</dt>
          <dd>
            <EditionStatusBadge ctx={ctx} status={edition.status} />
          </dd>
          <dt>{t('modelLawAdmin.field.year')}</dt>
          <dd>{edition.year}</dd>
          <dt>{t('modelLawAdmin.articleCount')}</dt>
          <dd>{tree.articles.length}</dd>
          {edition.published_at && (
            <>
              <dt>{t('modelLawAdmin.publishedLabel')}</dt>
              <dd>{formatWhen(locale, edition.published_at)}</dd>
            </>
          )}
        </dl>
        <ul class="model-law-links">
          <li>
            <a href={editionPath(locale, edition.id, '/translations')}>{t('modelLawAdmin.link.translations')}</a>
          </li>
          {edition.status === 'published' && (
            <li>
              <a href={lawPath(locale, edition)}>{t('modelLawAdmin.link.public')}</a>
            </li>
          )}
        </ul>
        <Workflow ctx={ctx} user={user} csrfToken={csrfToken} tree={tree} />
      </section>
      <ReadOnlyNotice ctx={ctx} edition={edition} />
      <Structure ctx={ctx} user={user} csrfToken={csrfToken} tree={tree} />
      {edition.status === 'draft' && can(user.role, 'content.edit') && <AddForms ctx={ctx} csrfToken={csrfToken} tree={tree} forms={forms} />}
      {can(user.role, 'content.edit') && <CopyForm ctx={ctx} csrfToken={csrfToken} tree={tree} form={forms.copy} />}
    </AdminLayout>
  );
}
