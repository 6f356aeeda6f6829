// The editor's writes on both databases: optimistic locking, derived columns, slugs, revisions,
// audit entries and workflow transitions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { buildResource } from '../../testing/builders.ts';
import type { Database } from '../../db/connect.ts';
import { createUser } from '../auth/users.ts';
import type { Actor } from '../audit/log.ts';
import { getRevision, listRevisions } from '../history/revisions.ts';
import { getPublishedResource, upsertResources } from '../library/store.ts';
import type { ResourceFields } from './fields.ts';
import { resourceSnapshot, type ResourceSnapshot } from './snapshot.ts';
import {
  createResource,
  restoreRevision,
  SlugTakenError,
  transitionResource,
  TransitionError,
  updateResource,
  VersionConflictError,
} from './store.ts';

function fields(overrides: Partial<ResourceFields> = {}): ResourceFields {
  const { status: _status, ...input } = buildResource({ publishers: ['Editor Test Publisher'], ...overrides });
  return input;
}

for (const kind of DATABASE_KINDS) {
  describe(`editor store on ${kind}`, () => {
    let database: Database;
    let editor: Actor & { role: 'editor' };
    let reviewer: Actor & { role: 'reviewer' };
    before(async () => {
      database = await testDatabase(kind);
      const e = await createUser(database.db, { email: 'store-editor@atlas.test', role: 'editor' });
      const r = await createUser(database.db, { email: 'store-reviewer@atlas.test', role: 'reviewer' });
      editor = { id: e.id, email: e.email, ip: '127.0.0.1', role: 'editor' };
      reviewer = { id: r.id, email: r.email, role: 'reviewer' };
    });
    after(() => database.close());

    const audit = async (id: string) =>
      (
        await sql<{ action: string; details: Record<string, unknown>; actor_email: string }>`SELECT action, details, actor_email FROM audit_log
          WHERE entity_type = 'resource' AND entity_id = ${id} ORDER BY id`.execute(database.db)
      ).rows;

    it('creates a draft with derived regions, search text, version 1, a revision and an audit entry', async () => {
      const saved = await createResource(database.db, editor, fields({ title: { en: 'Border crossings of minors' }, countries: ['TH', 'LA'] }));
      assert.equal(saved.version, 1);
      const row = (await sql<{ slug: string; status: string; regions: string[]; search_extra: string; created_by: string; published_at: null }>`
        SELECT slug, status, regions, search_extra, created_by::text AS created_by, published_at FROM resources WHERE id = ${saved.id}::bigint`.execute(database.db)).rows[0]!;
      assert.equal(row.slug, 'border-crossings-of-minors');
      assert.equal(row.status, 'draft');
      assert.ok(row.regions.includes('asean'));
      assert.equal(row.search_extra, 'Editor Test Publisher');
      assert.equal(row.created_by, editor.id);
      assert.equal(row.published_at, null);
      const revisions = await listRevisions<ResourceSnapshot>(database.db, 'resource', saved.id);
      assert.deepEqual(revisions.map((r) => [r.version, r.action, r.actor_email]), [[1, 'create', editor.email]]);
      assert.deepEqual(revisions[0]!.data.countries, ['LA', 'TH']);
      const entries = await audit(saved.id);
      assert.equal(entries[0]!.action, 'resource.create');
      assert.ok((entries[0]!.details.changed as string[]).includes('title.en'));
    });

    it('numbers a derived slug that is taken, and refuses an explicit slug that is taken', async () => {
      const a = await createResource(database.db, editor, fields({ title: { en: 'Same title' } }));
      const b = await createResource(database.db, editor, fields({ title: { en: 'Same title' } }));
      const slugs = await sql<{ slug: string }>`SELECT slug FROM resources WHERE id IN (${a.id}::bigint, ${b.id}::bigint) ORDER BY id`.execute(database.db);
      assert.deepEqual(slugs.rows.map((r) => r.slug), ['same-title', 'same-title-2']);
      await assert.rejects(createResource(database.db, editor, fields({ slug: 'same-title' })), SlugTakenError);
      await assert.rejects(updateResource(database.db, editor, b.id, 1, fields({ slug: 'same-title', title: { en: 'Same title' } })), SlugTakenError);
    });

    it('saves over the expected version only, and records what changed', async () => {
      const { id } = await createResource(database.db, editor, fields({ title: { en: 'Locking', ar: 'قفل' }, summary: { en: 'First.' } }));
      const first = await updateResource(database.db, editor, id, 1, fields({ title: { en: 'Locking' }, summary: { en: 'Second.' }, countries: ['EG'] }));
      assert.equal(first.version, 2);
      assert.deepEqual(first.changed, ['title.ar', 'summary.en', 'countries']);
      const stale = updateResource(database.db, editor, id, 1, fields({ title: { en: 'Locking' }, summary: { en: 'Late.' } }));
      await assert.rejects(stale, (error: unknown) => error instanceof VersionConflictError && error.current.version === 2 && error.current.data.summary.en === 'Second.');
      const now = (await resourceSnapshot(database.db, id))!;
      assert.equal(now.data.summary.en, 'Second.');
      assert.deepEqual(now.data.title, { en: 'Locking' }, 'an emptied translation is removed, not merged back');
      const regions = await sql<{ regions: string[] }>`SELECT regions FROM resources WHERE id = ${id}::bigint`.execute(database.db);
      assert.ok(regions.rows[0]!.regions.includes('arab-league'));
      const entry = (await audit(id)).at(-1)!;
      assert.equal(entry.action, 'resource.update');
      assert.deepEqual(entry.details.changed, ['title.ar', 'summary.en', 'countries']);
    });

    it('writes nothing when nothing changed', async () => {
      const { id } = await createResource(database.db, editor, fields({ title: { en: 'Unchanged' }, summary: { en: 'Same.' } }));
      const again = await updateResource(database.db, editor, id, 1, fields({ title: { en: 'Unchanged' }, summary: { en: 'Same.' } }));
      assert.deepEqual(again, { id, version: 1, changed: [] });
      assert.equal((await listRevisions(database.db, 'resource', id)).length, 1);
    });

    it('moves along the workflow, sets published_at once, and refuses steps the state or role does not allow', async () => {
      const { id } = await createResource(database.db, editor, fields({ title: { en: 'Workflow' } }));
      await assert.rejects(transitionResource(database.db, editor, id, 'archive'), (e: unknown) => e instanceof TransitionError && e.reason === 'state');
      await assert.rejects(transitionResource(database.db, reviewer, id, 'publish'), (e: unknown) => e instanceof TransitionError && e.reason === 'role');
      assert.deepEqual(await transitionResource(database.db, editor, id, 'submit', { expectedVersion: 1 }), { version: 2, from: 'draft', to: 'in_review' });
      await assert.rejects(transitionResource(database.db, reviewer, id, 'publish', { expectedVersion: 1 }), VersionConflictError);
      await transitionResource(database.db, reviewer, id, 'publish');
      const published = await getPublishedResource(database.db, id);
      assert.ok(published?.published_at);
      await transitionResource(database.db, editor, id, 'archive');
      assert.equal(await getPublishedResource(database.db, id), undefined);
      await transitionResource(database.db, editor, id, 'unarchive');
      await transitionResource(database.db, editor, id, 'publish');
      const again = await getPublishedResource(database.db, id);
      assert.equal(again?.published_at, published!.published_at, 'the first publication date stays');
      const actions = (await listRevisions(database.db, 'resource', id)).map((r) => r.action).reverse();
      assert.deepEqual(actions, ['create', 'submit', 'publish', 'archive', 'unarchive', 'publish']);
      await transitionResource(database.db, editor, id, 'archive');
      const sent = await createResource(database.db, editor, fields({ title: { en: 'Sent back' } }));
      await transitionResource(database.db, editor, sent.id, 'submit');
      await transitionResource(database.db, reviewer, sent.id, 'send_back', { note: 'Add the Arabic title.' });
      const last = (await audit(sent.id)).at(-1)!;
      assert.equal(last.action, 'resource.send_back');
      assert.equal(last.details.note, 'Add the Arabic title.');
      assert.equal(last.actor_email, reviewer.email);
    });

    it('restores an earlier version as a new one, keeping the state and the whole history', async () => {
      const { id } = await createResource(database.db, editor, fields({ title: { en: 'Original title' }, year: 2001 }));
      await updateResource(database.db, editor, id, 1, fields({ title: { en: 'Changed title' }, year: 2002 }));
      await transitionResource(database.db, editor, id, 'publish');
      const v1 = (await getRevision<ResourceSnapshot>(database.db, 'resource', id, 1))!;
      const restored = await restoreRevision(database.db, editor, id, v1, 3);
      assert.equal(restored.version, 4);
      const now = (await resourceSnapshot(database.db, id))!;
      assert.equal(now.data.title.en, 'Original title');
      assert.equal(now.data.year, 2001);
      assert.equal(now.data.status, 'published');
      assert.deepEqual((await listRevisions(database.db, 'resource', id)).map((r) => r.version), [4, 3, 2, 1]);
      assert.equal((await audit(id)).at(-1)!.action, 'resource.restore');
    });

    it('keeps the state an import left as the baseline of the first edit', async () => {
      const [imported] = await upsertResources(database.db, [buildResource({ slug: 'imported-one', title: { en: 'Imported' }, status: 'published' })]);
      const id = imported!.id;
      await updateResource(database.db, editor, id, 1, fields({ slug: 'imported-one', title: { en: 'Imported, then edited' } }));
      const history = await listRevisions<ResourceSnapshot>(database.db, 'resource', id);
      assert.deepEqual(history.map((r) => [r.version, r.action, r.actor_id]), [[2, 'update', editor.id], [1, 'external', null]]);
      assert.equal(history[1]!.data.title.en, 'Imported');
      assert.equal(history[0]!.data.status, 'published', 'an edit keeps the state');
    });
  });
}
