// A node's history: every saved version (who, when, what kind of change), and one version against
// the one before it: texts word by word in each language, sources added and removed, its place.
// Restoring saves an old version's texts and sources as a new version.
import { dir, LOCALES } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { Revision } from '../../history/revisions.ts';
import type { EditionTree, LawNode } from '../../model-law/store.ts';
import type { NodeSnapshot, SnapshotSource, SnapshotText } from '../snapshot.ts';
import { joinParagraphs } from '../texts.ts';
import { Breadcrumbs, editionPath, formatWhen, languageName, lawsPath, nodePath, NodeTitle, ReadOnlyNotice, WordDiff } from './common.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined; tree: EditionTree; node: LawNode };

const ACTIONS = ['initial', 'create', 'text_save', 'text_confirm', 'move', 'source_add', 'source_remove', 'source_move', 'restore', 'delete'] as const;

export function revisionAction(ctx: PageContext, action: string): string {
  return (ACTIONS as readonly string[]).includes(action) ? ctx.t(`modelLawAdmin.revision.${action}` as MessageKey) : action;
}

function Crumbs({ ctx, tree, node, history }: { ctx: PageContext; tree: EditionTree; node: LawNode; history?: boolean }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  return (
    <Breadcrumbs
      ctx={ctx}
      items={[
        { href: lawsPath(locale), label: t('modelLawAdmin.title') },
        { href: editionPath(locale, edition.id), label: t('modelLaw.edition', { label: edition.label }) },
        { href: nodePath(locale, edition.id, node.id), label: <NodeTitle ctx={ctx} node={node} sourceLocale={edition.law.sourceLocale} /> },
        ...(history ? [{ href: nodePath(locale, edition.id, node.id, '/history'), label: t('modelLawAdmin.link.history') }] : []),
      ]}
    />
  );
}

const who = (ctx: PageContext, r: Revision<unknown>) => (r.actor_id ? r.actor_email : ctx.t('modelLawAdmin.revision.system'));

export function HistoryPage({ ctx, user, csrfToken, tree, node, revisions }: Frame & { revisions: Revision<NodeSnapshot>[] }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.history.title', { key: node.key })} section="modelLaw">
      <Crumbs ctx={ctx} tree={tree} node={node} />
      <h1>{t('modelLawAdmin.history.heading')}</h1>
      {revisions.length === 0 ? (
        <p>{t('modelLawAdmin.history.empty')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('modelLawAdmin.history.caption', { count: revisions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('modelLawAdmin.history.version')}</th>
              <th scope="col">{t('modelLawAdmin.history.action')}</th>
              <th scope="col">{t('modelLawAdmin.history.who')}</th>
              <th scope="col">{t('modelLawAdmin.history.when')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <th scope="row">
                  <a href={nodePath(locale, tree.edition.id, node.id, `/history/${r.version}`)}>{t('modelLawAdmin.history.versionN', { version: r.version })}</a>
                  {r.version === node.version && <span class="muted"> {t('modelLawAdmin.history.current')}</span>}
                </th>
                <td>{revisionAction(ctx, r.action)}</td>
                <td>{who(ctx, r)}</td>
                <td>{formatWhen(locale, r.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

const textOf = (t: SnapshotText | undefined) => (t ? `${t.heading}\n\n${joinParagraphs(t.paragraphs)}`.trim() : '');
const sourceKey = (s: SnapshotSource) => `${s.instrument ?? `nationalLaw ${s.nationalLaw}`} ${s.provision}`;

export function RevisionPage({
  ctx,
  user,
  csrfToken,
  tree,
  node,
  revision,
  previous,
}: Frame & { revision: Revision<NodeSnapshot>; previous: Revision<NodeSnapshot> | undefined }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const after = revision.data;
  const before = previous?.data;
  const locales = LOCALES.filter((l) => textOf(before?.texts[l]) !== textOf(after.texts[l]) || before?.texts[l]?.sourceHash !== after.texts[l]?.sourceHash);
  const beforeSources = (before?.sources ?? []).map(sourceKey);
  const afterSources = after.sources.map(sourceKey);
  const sourcesChanged = beforeSources.join('|') !== afterSources.join('|');
  // Only a move is shown as one: siblings' positions shift when a neighbour moves, without a revision of their own.
  const placeChanged = revision.action === 'move' && before !== undefined && (before.parent !== after.parent || before.position !== after.position);
  const restorable = edition.status === 'draft' && can(user.role, 'content.edit') && revision.version !== node.version && revision.action !== 'delete';
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.history.versionN', { version: revision.version })} section="modelLaw">
      <Crumbs ctx={ctx} tree={tree} node={node} history />
      <h1>{t('modelLawAdmin.history.versionN', { version: revision.version })}</h1>
      <dl class="details">
        <dt>{t('modelLawAdmin.history.action')}</dt>
        <dd>{revisionAction(ctx, revision.action)}</dd>
        <dt>{t('modelLawAdmin.history.who')}</dt>
        <dd>{who(ctx, revision)}</dd>
        <dt>{t('modelLawAdmin.history.when')}</dt>
        <dd>{formatWhen(locale, revision.at)}</dd>
      </dl>
      <h2>{previous ? t('modelLawAdmin.diff.against', { version: previous.version }) : t('modelLawAdmin.diff.first')}</h2>
      {locales.length === 0 && !sourcesChanged && !placeChanged ? (
        <p>{t('modelLawAdmin.diff.none')}</p>
      ) : (
        <table class="data-table model-law-diff">
          <thead>
            <tr>
              <th scope="col">{t('modelLawAdmin.diff.what')}</th>
              <th scope="col">{t('modelLawAdmin.diff.change')}</th>
            </tr>
          </thead>
          <tbody>
            {locales.map((l) => (
              <tr>
                <th scope="row">{t('modelLawAdmin.diff.textIn', { language: languageName(ctx, l) })}</th>
                <td lang={l} dir={dir(l)} class="diff-text">
                  <WordDiff before={textOf(before?.texts[l])} after={textOf(after.texts[l])} locale={l} />
                  {textOf(before?.texts[l]) === textOf(after.texts[l]) && (
                    <p class="muted" lang={locale} dir={ctx.dir}>
                      {t('modelLawAdmin.diff.stateOnly')}
                    </p>
                  )}
                </td>
              </tr>
            ))}
            {sourcesChanged && (
              <tr>
                <th scope="row">{t('modelLawAdmin.diff.sources')}</th>
                <td>
                  <ul class="model-law-list" dir="ltr">
                    {beforeSources.filter((s) => !afterSources.includes(s)).map((s) => (
                      <li>
                        <del>{s}</del>
                      </li>
                    ))}
                    {afterSources.map((s) => (
                      <li>{beforeSources.includes(s) ? s : <ins>{s}</ins>}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            )}
            {placeChanged && (
              <tr>
                <th scope="row">{t('modelLawAdmin.diff.place')}</th>
                <td>
                  {t('modelLawAdmin.diff.placeValue', { parent: before!.parent ?? '—', position: before!.position + 1 })} →{' '}
                  {t('modelLawAdmin.diff.placeValue', { parent: after.parent ?? '—', position: after.position + 1 })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <p class="muted">{t('modelLawAdmin.diff.legend')}</p>
      <ReadOnlyNotice ctx={ctx} edition={edition} />
      {restorable && (
        <form method="post" action={nodePath(locale, edition.id, node.id, `/history/${revision.version}/restore`)} class="model-law-form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(node.version)} />
          <p>{t('modelLawAdmin.restore.explain', { version: revision.version, current: node.version })}</p>
          <button type="submit">{t('modelLawAdmin.restore.button', { version: revision.version })}</button>
        </form>
      )}
    </AdminLayout>
  );
}
