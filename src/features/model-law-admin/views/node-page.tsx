// A node's texts in the five languages side by side, each with its state (current, outdated,
// missing) and, where the user may edit it, its form. After a stale save the same page opens with
// the saved text and the user's side by side for that language, the form holding the user's text.
import { dir, LOCALE_NAMES, LOCALES, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import { textStatus, type EditionTree, type LawNode } from '../../model-law/store.ts';
import type { FieldProblem } from '../forms.ts';
import { joinParagraphs, mayEditLocale } from '../texts.ts';
import {
  Breadcrumbs,
  described,
  editionPath,
  FieldError,
  formatList,
  formatWhen,
  languageName,
  lawsPath,
  nodePath,
  NodeTitle,
  Notice,
  ReadOnlyNotice,
  TextStatusBadge,
  WordDiff,
} from './common.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined };

export type TypedText = { locale: Locale; heading: string; text: string; errors: Record<string, FieldProblem>; conflict?: boolean };

export type NodePageProps = Frame & { tree: EditionTree; node: LawNode; notice?: string | undefined; typed?: TypedText | undefined };

/** Source language first, then the user's own languages, then the others. */
function localeOrder(user: User, source: Locale): Locale[] {
  const own = LOCALES.filter((l) => l !== source && user.locales.includes(l));
  return [source, ...own, ...LOCALES.filter((l) => l !== source && !own.includes(l))];
}

function Conflict({ ctx, node, typed }: { ctx: PageContext; node: LawNode; typed: TypedText }) {
  const { t } = ctx;
  const saved = node.texts[typed.locale];
  const savedText = saved ? `${saved.heading}\n\n${joinParagraphs(saved.paragraphs)}` : '';
  const mine = `${typed.heading}\n\n${typed.text}`;
  const l = typed.locale;
  return (
    <div class="model-law-conflict" role="alert">
      <h3>{t('modelLawAdmin.conflict.title')}</h3>
      <p>{t('modelLawAdmin.conflict.explain', { version: node.version })}</p>
      <div class="conflict-columns">
        <div>
          <h4>{t('modelLawAdmin.conflict.saved', { version: node.version })}</h4>
          <div class="conflict-text" lang={l} dir={dir(l)}>
            <WordDiff before={savedText} after={mine} locale={l} side="old" />
          </div>
        </div>
        <div>
          <h4>{t('modelLawAdmin.conflict.yours')}</h4>
          <div class="conflict-text" lang={l} dir={dir(l)}>
            <WordDiff before={savedText} after={mine} locale={l} side="new" />
          </div>
        </div>
      </div>
    </div>
  );
}

function LocaleText({ ctx, user, csrfToken, tree, node, locale, typed }: Frame & { tree: EditionTree; node: LawNode; locale: Locale; typed: TypedText | undefined }) {
  const { t } = ctx;
  const { edition } = tree;
  const source = edition.law.sourceLocale;
  const text = node.texts[locale];
  const status = textStatus(node, locale, source);
  const editable = edition.status === 'draft' && mayEditLocale(user, locale);
  const mine = typed?.locale === locale ? typed : undefined;
  const heading = mine ? mine.heading : (text?.heading ?? '');
  const body = mine ? mine.text : joinParagraphs(text?.paragraphs ?? []);
  const id = (name: string) => `${name}-${locale}`;
  const base = nodePath(ctx.locale, edition.id, node.id, `/texts/${locale}`);
  const sourceCount = node.texts[source]?.paragraphs.length ?? 0;
  return (
    <section class={`locale-text locale-text-${status}`} aria-labelledby={id('title')}>
      <h2 id={id('title')}>
        {languageName(ctx, locale)}{' '}
        <span lang={locale} dir={dir(locale)} class="muted">
          ({LOCALE_NAMES[locale]})
        </span>{' '}
        <TextStatusBadge ctx={ctx} status={status} />
        {locale === source && <span class="source-badge"> {t('modelLawAdmin.sourceBadge')}</span>}
      </h2>
      {text && <p class="muted">{t('modelLawAdmin.textUpdated', { when: formatWhen(ctx.locale, text.updatedAt) })}</p>}
      {mine?.conflict && <Conflict ctx={ctx} node={node} typed={mine} />}
      {editable ? (
        <form method="post" action={base} class="model-law-form text-form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(node.version)} />
          <div class="form-field">
            <label for={id('heading')}>{t('modelLawAdmin.field.heading')}</label>
            <input type="text" id={id('heading')} name="heading" value={heading} lang={locale} dir={dir(locale)} {...described(id('heading'), mine?.errors.heading)} />
            <FieldError ctx={ctx} id={id('heading')} problem={mine?.errors.heading} />
          </div>
          {node.kind === 'article' && (
            <div class="form-field">
              <label for={id('text')}>{t('modelLawAdmin.field.text')}</label>
              {locale !== source && sourceCount > 0 && (
                <p class="hint" id={id('count')}>
                  {t('modelLawAdmin.sourceParagraphs', { count: sourceCount })}
                </p>
              )}
              <textarea id={id('text')} name="text" rows={10} lang={locale} dir={dir(locale)} {...described(id('text'), mine?.errors.text, locale !== source && sourceCount > 0 ? id('count') : undefined)}>
                {body}
              </textarea>
              <FieldError ctx={ctx} id={id('text')} problem={mine?.errors.text} />
            </div>
          )}
          <button type="submit">{t('modelLawAdmin.saveIn', { language: languageName(ctx, locale) })}</button>
        </form>
      ) : text ? (
        <div lang={locale} dir={dir(locale)} class="text-readonly">
          <p>
            <strong>{text.heading}</strong>
          </p>
          {text.paragraphs.length > 0 && (
            <ol class="paragraphs">
              {text.paragraphs.map((p) => (
                <li>{p}</li>
              ))}
            </ol>
          )}
        </div>
      ) : (
        <p class="muted">{t('modelLawAdmin.noText')}</p>
      )}
      {editable && status === 'outdated' && (
        <form method="post" action={`${base}/current`} class="model-law-inline">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(node.version)} />
          <p class="hint">{t('modelLawAdmin.confirmExplain')}</p>
          <button type="submit">{t('modelLawAdmin.confirm')}</button>
        </form>
      )}
    </section>
  );
}

export function NodePage({ ctx, user, csrfToken, tree, node, notice, typed }: NodePageProps) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const source = edition.law.sourceLocale;
  const own = user.role === 'translator' ? user.locales : undefined;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.texts.title', { key: node.key })} section="modelLaw">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: lawsPath(locale), label: t('modelLawAdmin.title') },
          { href: editionPath(locale, edition.id), label: t('modelLaw.edition', { label: edition.label }) },
        ]}
      />
      <h1>
        <NodeTitle ctx={ctx} node={node} sourceLocale={source} />
      </h1>
      <Notice text={notice} />
      {typed && !typed.conflict && Object.keys(typed.errors).length > 0 && (
        <p class="notice error" role="alert">
          {t('modelLawAdmin.fixBelow')}
        </p>
      )}
      <p class="muted">
        <code dir="ltr">{node.key}</code>
        {node.kind === 'article' && (
          <>
            {' '}
            · <a href={nodePath(locale, edition.id, node.id, '/sources')}>{t('modelLawAdmin.sourcesCount', { count: node.sources.length })}</a>
          </>
        )}{' '}
        · <a href={nodePath(locale, edition.id, node.id, '/history')}>{t('modelLawAdmin.link.history')}</a>
      </p>
      <ReadOnlyNotice ctx={ctx} edition={edition} />
      {own && <p class="notice">{own.length ? t('modelLawAdmin.translatorScope', { languages: formatList(ctx.locale, own.map((l) => languageName(ctx, l))) }) : t('modelLawAdmin.translatorNone')}</p>}
      <p class="hint">{t('modelLawAdmin.texts.explain', { language: languageName(ctx, source) })}</p>
      {node.kind === 'article' && <p class="hint">{t('modelLawAdmin.field.paragraphsHint')}</p>}
      <div class="locale-grid">
        {localeOrder(user, source).map((l) => (
          <LocaleText ctx={ctx} user={user} csrfToken={csrfToken} tree={tree} node={node} locale={l} typed={typed} />
        ))}
      </div>
    </AdminLayout>
  );
}
