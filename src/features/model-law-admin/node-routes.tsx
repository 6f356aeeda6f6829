// Back office: one edition's nodes. Structure (add, move, delete), texts per locale (save, mark as
// still current), an article's sources, and a node's history with restore. Pages read; every write
// is one store call (one transaction) and answers with a redirect, or the page again with the
// user's input and the reason (422 for a field, 409 for a stale version or a non-draft edition).
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { getRevision, listRevisions } from '../history/revisions.ts';
import { DuplicateSourceError, EditionReadOnlyError, InvalidParentError, KeyTakenError, StaleVersionError, UnknownSourceError } from './errors.ts';
import { checkText, NODE_FIELDS, readFields, validateNewNode, type FieldProblem } from './forms.ts';
import { actorOf, doneNotice, EDITION, failure, field, formVersion, nodeOr404, treeOr404, type C } from './http.ts';
import { restoreNode } from './restore.ts';
import { renderEdition } from './render-edition.tsx';
import { NODE_ENTITY, type NodeSnapshot } from './snapshot.ts';
import { addSource, listNodeSources, moveSource, removeSource, sourceChoices, type SourceInput } from './sources.ts';
import { addNode, deleteNode, moveNode, type Move } from './structure.ts';
import { confirmText, mayEditLocale, saveText } from './texts.ts';
import { editionPath, nodePath } from './views/common.tsx';
import { DeletePage } from './views/delete-page.tsx';
import { HistoryPage, RevisionPage } from './views/history-pages.tsx';
import { NodePage, type TypedText } from './views/node-page.tsx';
import { SourcesPage, type SourcesPageProps } from './views/sources-page.tsx';

const NODE = `${EDITION}/nodes/:nodeId{[0-9]+}`;

async function draftTree(c: C) {
  const tree = await treeOr404(c);
  if (tree.edition.status !== 'draft') failure(c, new EditionReadOnlyError(tree.edition.status));
  return tree;
}

async function renderNode(c: C, typed?: TypedText, status: 200 | 409 | 422 = 200) {
  const { ctx, user, csrfToken } = c.var;
  const tree = await treeOr404(c);
  const node = nodeOr404(c, tree);
  return c.html(<NodePage ctx={ctx} user={user!} csrfToken={csrfToken} tree={tree} node={node} notice={doneNotice(c)} typed={typed} />, status);
}

async function renderSources(c: C, form?: SourcesPageProps['form'], status: 200 | 422 = 200) {
  const { db, ctx, user, csrfToken } = c.var;
  const tree = await treeOr404(c);
  const node = nodeOr404(c, tree);
  if (node.kind !== 'article') throw notFound();
  const [sources, choices] = await Promise.all([listNodeSources(db, node.id), sourceChoices(db)]);
  return c.html(
    <SourcesPage ctx={ctx} user={user!} csrfToken={csrfToken} tree={tree} node={node} sources={sources} choices={choices} notice={doneNotice(c)} form={form} />,
    status,
  );
}

function textLocale(c: C): Locale {
  const lang = c.req.param('lang');
  if (!isLocale(lang)) throw notFound();
  return lang;
}

export function nodeRoutes(pages: GuardedRouter): void {
  // ---- Structure -------------------------------------------------------------------------------
  for (const kind of ['chapter', 'article'] as const) {
    pages.post(`${EDITION}/${kind}s`, 'content.edit', async (c) => {
      const { db, ctx } = c.var;
      const tree = await draftTree(c);
      const values = readFields(await c.req.parseBody(), NODE_FIELDS);
      const refuse = (errors: Record<string, FieldProblem>) => renderEdition(c, { [kind]: { values, errors } }, 422);
      const checked = validateNewNode(kind, values);
      if (!checked.ok) return refuse(checked.errors);
      const hasParts = tree.roots.some((n) => n.kind === 'part');
      const parentId = kind === 'chapter' && !hasParts ? null : values.parent || '';
      try {
        await addNode(db, actorOf(c), tree.edition.id, { kind, key: checked.key, parentId, heading: checked.heading, paragraphs: checked.paragraphs });
      } catch (error) {
        if (error instanceof KeyTakenError) return refuse({ key: { key: 'modelLawAdmin.error.keyTaken', values: { key: checked.key } } });
        if (error instanceof InvalidParentError) return refuse({ parent: { key: 'modelLawAdmin.error.parent' } });
        failure(c, error);
      }
      return c.redirect(`${editionPath(ctx.locale, tree.edition.id)}?done=added`, 303);
    });
  }

  pages.post(`${NODE}/move`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const tree = await draftTree(c);
    const node = nodeOr404(c, tree);
    const body = await c.req.parseBody();
    const direction = field(body, 'direction');
    const chapter = field(body, 'chapter');
    let move: Move;
    if (direction === 'up' || direction === 'down') move = { direction };
    else if (/^\d{1,18}$/.test(chapter)) move = { parentId: chapter };
    else throw new HttpError(400, 'error.badRequest');
    try {
      await moveNode(db, actorOf(c), tree.edition.id, node.id, formVersion(body), move);
    } catch (error) {
      if (error instanceof InvalidParentError) throw new HttpError(422, 'modelLawAdmin.error.parent');
      failure(c, error);
    }
    return c.redirect(`${editionPath(ctx.locale, tree.edition.id)}?done=moved`, 303);
  });

  pages.get(`${NODE}/delete`, 'content.edit', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const tree = await treeOr404(c);
    return c.html(<DeletePage ctx={ctx} user={user!} csrfToken={csrfToken} tree={tree} node={nodeOr404(c, tree)} />);
  });

  pages.post(`${NODE}/delete`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const tree = await draftTree(c);
    const node = nodeOr404(c, tree);
    try {
      await deleteNode(db, actorOf(c), tree.edition.id, node.id, formVersion(await c.req.parseBody()));
    } catch (error) {
      failure(c, error);
    }
    return c.redirect(`${editionPath(ctx.locale, tree.edition.id)}?done=deleted`, 303);
  });

  // ---- Texts -----------------------------------------------------------------------------------
  pages.get(NODE, 'backoffice.read', (c) => renderNode(c));

  pages.post(`${NODE}/texts/:lang`, 'content.translate', async (c) => {
    const { db, ctx, user } = c.var;
    const locale = textLocale(c);
    const tree = await treeOr404(c);
    const node = nodeOr404(c, tree);
    // The server decides, whatever the form offered: a translator saves only their own languages.
    if (!mayEditLocale(user!, locale)) throw new HttpError(403, 'error.forbidden');
    if (tree.edition.status !== 'draft') failure(c, new EditionReadOnlyError(tree.edition.status));
    const body = await c.req.parseBody();
    const version = formVersion(body);
    if (version === undefined) throw new HttpError(400, 'error.badRequest');
    const typed = { locale, heading: field(body, 'heading'), text: field(body, 'text') };
    const errors: Record<string, FieldProblem> = {};
    const text = checkText(node.kind, typed.heading, typed.text, locale === tree.edition.law.sourceLocale, errors, { heading: 'heading', text: 'text' });
    if (Object.keys(errors).length > 0) return renderNode(c, { ...typed, errors }, 422);
    try {
      const saved = await saveText(db, actorOf(c), { editionId: tree.edition.id, nodeId: node.id, expectedVersion: version }, locale, text);
      return c.redirect(`${nodePath(ctx.locale, tree.edition.id, node.id)}?done=${saved.changed ? 'saved' : 'unchanged'}#title-${locale}`, 303);
    } catch (error) {
      // Someone saved in between: both versions, the user's text kept, the form now at the current version.
      if (error instanceof StaleVersionError) return renderNode(c, { ...typed, errors: {}, conflict: true }, 409);
      failure(c, error);
    }
  });

  pages.post(`${NODE}/texts/:lang/current`, 'content.translate', async (c) => {
    const { db, ctx, user } = c.var;
    const locale = textLocale(c);
    const tree = await treeOr404(c);
    const node = nodeOr404(c, tree);
    if (!mayEditLocale(user!, locale)) throw new HttpError(403, 'error.forbidden');
    try {
      const done = await confirmText(db, actorOf(c), { editionId: tree.edition.id, nodeId: node.id, expectedVersion: formVersion(await c.req.parseBody()) }, locale);
      return c.redirect(`${nodePath(ctx.locale, tree.edition.id, node.id)}?done=${done.changed ? 'confirmed' : 'unchanged'}#title-${locale}`, 303);
    } catch (error) {
      failure(c, error);
    }
  });

  // ---- Sources ---------------------------------------------------------------------------------
  pages.get(`${NODE}/sources`, 'backoffice.read', (c) => renderSources(c));

  pages.post(`${NODE}/sources`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const tree = await draftTree(c);
    const node = nodeOr404(c, tree);
    const body = await c.req.parseBody();
    const kind = field(body, 'kind');
    if (kind !== 'instrument' && kind !== 'nationalLaw') throw new HttpError(400, 'error.badRequest');
    const values = { key: field(body, 'key').trim(), provision: field(body, 'provision').trim() };
    const refuse = (errors: Record<string, FieldProblem>) => renderSources(c, { kind, values, errors }, 422);
    if (!values.key) return refuse({ key: { key: 'modelLawAdmin.error.chooseSource' } });
    if (!values.provision) return refuse({ provision: { key: 'modelLawAdmin.error.chooseProvision' } });
    const source: SourceInput = { kind, key: values.key, provision: values.provision };
    try {
      await addSource(db, actorOf(c), { editionId: tree.edition.id, nodeId: node.id, expectedVersion: formVersion(body) }, source);
    } catch (error) {
      if (error instanceof UnknownSourceError) {
        if (error.field === 'provision') return refuse({ provision: { key: 'modelLawAdmin.error.unknownProvision', values: { key: values.key, provision: values.provision } } });
        return refuse({ key: { key: kind === 'instrument' ? 'modelLawAdmin.error.unknownInstrument' : 'modelLawAdmin.error.unknownNationalLaw', values: { key: values.key } } });
      }
      if (error instanceof DuplicateSourceError) return refuse({ provision: { key: 'modelLawAdmin.error.sourceDuplicate' } });
      failure(c, error);
    }
    return c.redirect(`${nodePath(ctx.locale, tree.edition.id, node.id, '/sources')}?done=sourceAdded`, 303);
  });

  pages.post(`${NODE}/sources/:sourceId{[0-9]+}/remove`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const tree = await draftTree(c);
    const node = nodeOr404(c, tree);
    const target = { editionId: tree.edition.id, nodeId: node.id, expectedVersion: formVersion(await c.req.parseBody()) };
    try {
      await removeSource(db, actorOf(c), target, c.req.param('sourceId') ?? '');
    } catch (error) {
      failure(c, error);
    }
    return c.redirect(`${nodePath(ctx.locale, tree.edition.id, node.id, '/sources')}?done=sourceRemoved`, 303);
  });

  pages.post(`${NODE}/sources/:sourceId{[0-9]+}/move`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const tree = await draftTree(c);
    const node = nodeOr404(c, tree);
    const body = await c.req.parseBody();
    const direction = field(body, 'direction');
    if (direction !== 'up' && direction !== 'down') throw new HttpError(400, 'error.badRequest');
    try {
      await moveSource(db, actorOf(c), { editionId: tree.edition.id, nodeId: node.id, expectedVersion: formVersion(body) }, c.req.param('sourceId') ?? '', direction);
    } catch (error) {
      failure(c, error);
    }
    return c.redirect(`${nodePath(ctx.locale, tree.edition.id, node.id, '/sources')}?done=sourceMoved`, 303);
  });

  // ---- History ---------------------------------------------------------------------------------
  pages.get(`${NODE}/history`, 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const tree = await treeOr404(c);
    const node = nodeOr404(c, tree);
    const revisions = await listRevisions<NodeSnapshot>(db, NODE_ENTITY, node.id);
    return c.html(<HistoryPage ctx={ctx} user={user!} csrfToken={csrfToken} tree={tree} node={node} revisions={revisions} />);
  });

  pages.get(`${NODE}/history/:version{[0-9]+}`, 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const tree = await treeOr404(c);
    const node = nodeOr404(c, tree);
    const version = Number(c.req.param('version') ?? '');
    const revisions = await listRevisions<NodeSnapshot>(db, NODE_ENTITY, node.id);
    const revision = revisions.find((r) => r.version === version);
    if (!revision) throw notFound();
    const previous = revisions.find((r) => r.version < version);
    return c.html(<RevisionPage ctx={ctx} user={user!} csrfToken={csrfToken} tree={tree} node={node} revision={revision} previous={previous} />);
  });

  pages.post(`${NODE}/history/:version{[0-9]+}/restore`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const tree = await draftTree(c);
    const node = nodeOr404(c, tree);
    const revision = await getRevision<NodeSnapshot>(db, NODE_ENTITY, node.id, Number(c.req.param('version') ?? ''));
    if (!revision || revision.action === 'delete') throw notFound();
    const expected = formVersion(await c.req.parseBody());
    if (expected === undefined) throw new HttpError(400, 'error.badRequest');
    try {
      const done = await restoreNode(db, actorOf(c), { editionId: tree.edition.id, nodeId: node.id, expectedVersion: expected }, revision);
      return c.redirect(`${nodePath(ctx.locale, tree.edition.id, node.id)}?done=${done.changed ? 'restored' : 'unchanged'}`, 303);
    } catch (error) {
      if (error instanceof UnknownSourceError) throw new HttpError(409, 'modelLawAdmin.error.restoreSource', { source: `${error.key} ${error.provision}` });
      failure(c, error);
    }
  });
}
