// The model law's back-office store on both databases: copying an edition, the workflow, structure
// changes (dense positions, computed numbers, revisions and audit entries), texts and their
// translation states, sources, restore, and translation progress.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import type { Actor } from '../audit/log.ts';
import { createUser } from '../auth/users.ts';
import { getRevision, listRevisions } from '../history/revisions.ts';
import { getEdition, textStatus } from '../model-law/store.ts';
import { textHash } from '../model-law/text-hash.ts';
import { copyEdition, EditionTransitionError, transitionEdition } from './editions.ts';
import { EditionReadOnlyError, InvalidMoveError, KeyTakenError, LabelTakenError, NodeNotEmptyError, StaleVersionError, UnknownSourceError } from './errors.ts';
import { allNodes, translationProgress } from './progress.ts';
import { restoreNode } from './restore.ts';
import { NODE_ENTITY, nodeSnapshot, type NodeSnapshot } from './snapshot.ts';
import { addSource, moveSource, removeSource, listNodeSources } from './sources.ts';
import { addNode, deleteNode, moveNode } from './structure.ts';
import { confirmText, saveText } from './texts.ts';
import { auditActions, draftCopy, positions, rowCounts, sampleEdition, tree } from './test-helpers.ts';

for (const kind of DATABASE_KINDS) {
  describe(`model-law back-office store on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let actor: Actor;
    before(async () => {
      t = await testApp(kind);
      const user = await createUser(t.db, { email: `store-${kind}@atlas.test`, role: 'editor' });
      actor = { id: user.id, email: user.email };
    });
    after(() => t.close());

    it('copies an edition whole into a new draft: nodes, texts with their hashes, sources; the label is unique', async () => {
      const original = await tree(t.db, (await sampleEdition(t.db)).id);
      const copy = await draftCopy(t.db, actor, 'copy-1');
      assert.equal(copy.edition.status, 'draft');
      assert.equal(copy.edition.year, 2027);
      assert.notEqual(copy.edition.id, original.edition.id);
      const shape = (tr: typeof copy) =>
        allNodes(tr).map((n) => ({ key: n.key, kind: n.kind, number: n.number, parent: allNodes(tr).find((p) => p.id === n.parentId)?.key, texts: n.texts, sources: n.sources }));
      const strip = (s: ReturnType<typeof shape>) => s.map((n) => ({ ...n, texts: Object.fromEntries(Object.entries(n.texts).map(([l, x]) => [l, { ...x, updatedAt: '' }])) }));
      assert.deepEqual(strip(shape(copy)), strip(shape(original)));
      assert.deepEqual(await auditActions(t.db, copy.edition.id), ['model_law.edition_create']);
      const before = await rowCounts(t.db);
      await assert.rejects(copyEdition(t.db, actor, original.edition.id, { label: 'copy-1', year: 2027 }), LabelTakenError);
      assert.deepEqual(await rowCounts(t.db), before);
    });

    it('moves editions through the workflow, refusing steps the state or the role does not allow', async () => {
      const copy = await draftCopy(t.db, actor, 'workflow-1');
      const id = copy.edition.id;
      const as = (role: 'editor' | 'reviewer' | 'translator') => ({ ...actor, role });
      await assert.rejects(transitionEdition(t.db, as('editor'), id, 'archive'), (e: unknown) => e instanceof EditionTransitionError && e.reason === 'state');
      await assert.rejects(transitionEdition(t.db, as('reviewer'), id, 'publish'), (e: unknown) => e instanceof EditionTransitionError && e.reason === 'role');
      await assert.rejects(transitionEdition(t.db, as('editor'), id, 'submit', { expectedVersion: 99 }), StaleVersionError);
      assert.deepEqual(await transitionEdition(t.db, as('editor'), id, 'submit', { expectedVersion: 1 }), { version: 2, from: 'draft', to: 'in_review' });
      await transitionEdition(t.db, as('reviewer'), id, 'send_back', { note: 'fix article 3' });
      await transitionEdition(t.db, as('editor'), id, 'submit');
      assert.equal((await getEdition(t.db, id))!.published_at, null);
      await transitionEdition(t.db, as('reviewer'), id, 'publish');
      const published = (await getEdition(t.db, id))!;
      assert.equal(published.status, 'published');
      assert.ok(published.published_at, 'publishing sets published_at');
      await transitionEdition(t.db, as('editor'), id, 'archive');
      assert.equal((await getEdition(t.db, id))!.status, 'archived');
      assert.deepEqual(await auditActions(t.db, id), [
        'model_law.edition_create',
        'model_law.edition_submit',
        'model_law.edition_send_back',
        'model_law.edition_submit',
        'model_law.edition_publish',
        'model_law.edition_archive',
      ]);
      // An editor may publish a draft directly.
      const direct = await draftCopy(t.db, actor, 'workflow-2');
      await transitionEdition(t.db, as('editor'), direct.edition.id, 'publish');
      assert.equal((await getEdition(t.db, direct.edition.id))!.status, 'published');
    });

    it('adds, moves and deletes articles with dense positions and computed numbers, each with its revision and audit entry', async () => {
      let draft = await draftCopy(t.db, actor, 'structure-1');
      const [chapter1, chapter2] = draft.roots;
      const first = chapter1!.children[0]!;
      const second = chapter1!.children[1]!;
      const count = draft.articles.length;

      const added = await addNode(t.db, actor, draft.edition.id, { kind: 'article', key: 'new-article', parentId: chapter1!.id, heading: 'A new article', paragraphs: ['Its text.'] });
      draft = await tree(t.db, draft.edition.id);
      const node = draft.byKey.get('new-article')!;
      assert.equal(node.number, String(chapter1!.children.length + 1), 'at the end of its chapter');
      assert.equal(draft.byKey.get(chapter2!.children[0]!.key)!.number, String(chapter1!.children.length + 2), 'the next chapter renumbered');
      assert.equal(textStatus(node, 'en', 'en'), 'current');
      assert.equal(textStatus(node, 'ar', 'en'), 'missing');
      assert.deepEqual((await listRevisions(t.db, NODE_ENTITY, added.id)).map((r) => [r.version, r.action]), [[1, 'create']]);
      await assert.rejects(addNode(t.db, actor, draft.edition.id, { kind: 'chapter', key: 'new-article', parentId: null, heading: 'Again', paragraphs: [] }), KeyTakenError);

      // Up: swaps with the one before; the version goes up; the revision keeps the state before as well.
      const moved = await moveNode(t.db, actor, draft.edition.id, second.id, 1, { direction: 'up' });
      assert.equal(moved.version, 2);
      draft = await tree(t.db, draft.edition.id);
      assert.equal(draft.byKey.get(second.key)!.number, '1');
      assert.equal(draft.byKey.get(first.key)!.number, '2');
      assert.deepEqual((await listRevisions(t.db, NODE_ENTITY, second.id)).map((r) => [r.version, r.action]), [[2, 'move'], [1, 'initial']]);
      await assert.rejects(moveNode(t.db, actor, draft.edition.id, second.id, 2, { direction: 'up' }), InvalidMoveError);
      await assert.rejects(moveNode(t.db, actor, draft.edition.id, second.id, 1, { direction: 'down' }), StaleVersionError);

      // To another chapter: at its end; both chapters stay dense.
      await moveNode(t.db, actor, draft.edition.id, second.id, 2, { parentId: chapter2!.id });
      draft = await tree(t.db, draft.edition.id);
      assert.equal(draft.byKey.get(second.key)!.parentId, chapter2!.id);
      assert.deepEqual(await positions(t.db, chapter1!.id), [...Array(chapter1!.children.length).keys()]);
      assert.deepEqual(await positions(t.db, chapter2!.id), [...Array(chapter2!.children.length + 1).keys()]);
      const snapshot = (await nodeSnapshot(t.db, second.id))!;
      assert.equal(snapshot.data.parent, chapter2!.key);
      assert.equal(snapshot.data.position, chapter2!.children.length);

      // Delete: gone, the rest renumbered, the last revision says so; a chapter with articles stays.
      await assert.rejects(deleteNode(t.db, actor, draft.edition.id, chapter1!.id, undefined), NodeNotEmptyError);
      await deleteNode(t.db, actor, draft.edition.id, first.id, undefined);
      draft = await tree(t.db, draft.edition.id);
      assert.equal(draft.byKey.get(first.key), undefined);
      assert.equal(draft.articles.length, count);
      assert.deepEqual(draft.articles.map((a) => a.number), draft.articles.map((_, i) => String(i + 1)));
      assert.deepEqual(await positions(t.db, chapter1!.id), [...Array(chapter1!.children.length - 1).keys()]);
      assert.equal((await listRevisions(t.db, NODE_ENTITY, first.id))[0]!.action, 'delete');
      assert.deepEqual(await auditActions(t.db, first.id), ['model_law.article_delete']);
      assert.deepEqual(await auditActions(t.db, second.id), ['model_law.article_move', 'model_law.article_move']);
    });

    it('marks translations outdated when the source text is saved, current when they are saved or confirmed', async () => {
      const draft = await draftCopy(t.db, actor, 'texts-1');
      const article = draft.articles[0]!;
      const target = { editionId: draft.edition.id, nodeId: article.id, expectedVersion: 1 };
      const source = { heading: 'A new heading', paragraphs: ['First.', 'Second.'] };
      const saved = await saveText(t.db, actor, target, 'en', source);
      assert.deepEqual([saved.version, saved.changed], [2, true]);
      let node = (await tree(t.db, draft.edition.id)).byKey.get(article.key)!;
      assert.equal(node.texts.en!.sourceHash, textHash(source.heading, source.paragraphs));
      for (const l of ['ar', 'es', 'fa', 'ru'] as const) assert.equal(textStatus(node, l, 'en'), 'outdated', l);

      await saveText(t.db, actor, { ...target, expectedVersion: 2 }, 'es', { heading: 'Nuevo', paragraphs: ['Primero.', 'Segundo.'] });
      await confirmText(t.db, actor, { ...target, expectedVersion: 3 }, 'ar');
      node = (await tree(t.db, draft.edition.id)).byKey.get(article.key)!;
      assert.equal(textStatus(node, 'es', 'en'), 'current');
      assert.equal(textStatus(node, 'ar', 'en'), 'current');
      assert.equal(node.texts.ar!.heading, article.texts.ar!.heading, 'confirming keeps the text');
      assert.equal(textStatus(node, 'ru', 'en'), 'outdated');
      assert.equal(node.version, 4);

      // Nothing changed: no version, no revision; a stale version: refused with the current state.
      const again = await saveText(t.db, actor, { ...target, expectedVersion: 4 }, 'es', { heading: 'Nuevo', paragraphs: ['Primero.', 'Segundo.'] });
      assert.deepEqual([again.version, again.changed], [4, false]);
      await assert.rejects(saveText(t.db, actor, target, 'fa', { heading: 'x', paragraphs: ['y'] }), (e: unknown) => e instanceof StaleVersionError && e.current === 4 && e.snapshot?.texts.es?.heading === 'Nuevo');
      // An empty translation is removed: the text is then missing.
      await saveText(t.db, actor, { ...target, expectedVersion: 4 }, 'ru', { heading: '', paragraphs: [] });
      node = (await tree(t.db, draft.edition.id)).byKey.get(article.key)!;
      assert.equal(textStatus(node, 'ru', 'en'), 'missing');
      assert.deepEqual(await auditActions(t.db, article.id), ['model_law.text_save', 'model_law.text_save', 'model_law.text_confirm', 'model_law.text_save']);
    });

    it('adds, reorders and removes sources, refusing unknown instruments, laws and provisions', async () => {
      const draft = await draftCopy(t.db, actor, 'sources-1');
      const article = draft.articles[0]!;
      const target = { editionId: draft.edition.id, nodeId: article.id, expectedVersion: undefined };
      const before = (await listNodeSources(t.db, article.id)).map((s) => `${s.key} ${s.ref}`);
      await addSource(t.db, actor, target, { kind: 'nationalLaw', key: 'gb-sexual-offences-act-2003', provision: 's. 15' });
      await assert.rejects(addSource(t.db, actor, target, { kind: 'instrument', key: 'nope', provision: '1' }), (e: unknown) => e instanceof UnknownSourceError && e.field === 'instrument');
      await assert.rejects(addSource(t.db, actor, target, { kind: 'instrument', key: 'crc', provision: '999' }), (e: unknown) => e instanceof UnknownSourceError && e.field === 'provision');
      await assert.rejects(addSource(t.db, actor, target, { kind: 'nationalLaw', key: 'nope', provision: 's. 15' }), (e: unknown) => e instanceof UnknownSourceError && e.field === 'nationalLaw');
      let sources = await listNodeSources(t.db, article.id);
      assert.deepEqual(sources.map((s) => `${s.key} ${s.ref}`), [...before, 'gb-sexual-offences-act-2003 s. 15']);
      await moveSource(t.db, actor, target, sources.at(-1)!.id, 'up');
      sources = await listNodeSources(t.db, article.id);
      assert.equal(sources.at(-2)!.key, 'gb-sexual-offences-act-2003');
      await removeSource(t.db, actor, target, sources[0]!.id);
      sources = await listNodeSources(t.db, article.id);
      assert.equal(sources.length, before.length);
      const stored = await sql<{ position: number }>`SELECT position FROM model_law_sources WHERE node_id = ${article.id}::bigint ORDER BY position`.execute(t.db);
      assert.deepEqual(stored.rows.map((r) => r.position), [...Array(sources.length).keys()]);
    });

    it('restores an earlier version as a new one, with its texts, states and sources', async () => {
      const draft = await draftCopy(t.db, actor, 'restore-1');
      const article = draft.articles[1]!;
      const target = { editionId: draft.edition.id, nodeId: article.id };
      await saveText(t.db, actor, { ...target, expectedVersion: 1 }, 'en', { heading: 'Changed', paragraphs: ['Changed text.'] });
      const sources = await listNodeSources(t.db, article.id);
      await removeSource(t.db, actor, { ...target, expectedVersion: 2 }, sources[0]!.id);
      const first = (await getRevision<NodeSnapshot>(t.db, NODE_ENTITY, article.id, 1))!;
      const restored = await restoreNode(t.db, actor, { ...target, expectedVersion: 3 }, first);
      assert.equal(restored.version, 4);
      const node = (await tree(t.db, draft.edition.id)).byKey.get(article.key)!;
      assert.deepEqual(node.texts.en!.paragraphs, article.texts.en!.paragraphs);
      assert.equal(textStatus(node, 'ar', 'en'), 'current', 'the translations are current again');
      assert.equal(node.sources.length, article.sources.length);
      assert.deepEqual((await nodeSnapshot(t.db, article.id))!.data, first.data);
      assert.equal((await listRevisions(t.db, NODE_ENTITY, article.id))[0]!.action, 'restore');
    });

    it('refuses every change to a published edition', async () => {
      const published = await tree(t.db, (await sampleEdition(t.db)).id);
      const article = published.articles[0]!;
      const target = { editionId: published.edition.id, nodeId: article.id, expectedVersion: undefined };
      const before = await rowCounts(t.db);
      await assert.rejects(saveText(t.db, actor, target, 'ar', { heading: 'x', paragraphs: ['y'] }), EditionReadOnlyError);
      await assert.rejects(moveNode(t.db, actor, published.edition.id, article.id, undefined, { direction: 'down' }), EditionReadOnlyError);
      await assert.rejects(deleteNode(t.db, actor, published.edition.id, article.id, undefined), EditionReadOnlyError);
      await assert.rejects(addNode(t.db, actor, published.edition.id, { kind: 'chapter', key: 'x', parentId: null, heading: 'x', paragraphs: [] }), EditionReadOnlyError);
      await assert.rejects(addSource(t.db, actor, target, { kind: 'instrument', key: 'crc', provision: '1' }), EditionReadOnlyError);
      assert.deepEqual(await rowCounts(t.db), before);
    });

    it('counts current, outdated and missing texts per locale over every part, chapter and article', async () => {
      const draft = await draftCopy(t.db, actor, 'progress-1');
      const total = allNodes(draft).length;
      assert.ok(translationProgress(draft).every((p) => p.total === total && p.current === total && p.share === 1));
      const article = draft.articles[2]!;
      await saveText(t.db, actor, { editionId: draft.edition.id, nodeId: article.id, expectedVersion: 1 }, 'en', { heading: 'Source changed', paragraphs: ['New.'] });
      await saveText(t.db, actor, { editionId: draft.edition.id, nodeId: draft.roots[0]!.id, expectedVersion: 1 }, 'fa', { heading: '', paragraphs: [] });
      const progress = Object.fromEntries(translationProgress(await tree(t.db, draft.edition.id)).map((p) => [p.locale, p]));
      assert.equal(progress.en!.current, total);
      assert.deepEqual([progress.ar!.current, progress.ar!.outdated, progress.ar!.missing], [total - 1, 1, 0]);
      assert.deepEqual(progress.ar!.outdatedNodes.map((n) => n.key), [article.key]);
      assert.deepEqual([progress.fa!.outdated, progress.fa!.missing], [1, 1]);
      assert.deepEqual(progress.fa!.missingNodes.map((n) => n.key), [draft.roots[0]!.key]);
    });
  });
}
