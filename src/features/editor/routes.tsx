// Back office: the resource editor. Lists, create and edit forms, workflow transitions, preview,
// history with restore, and the JSON API under /api/v1/admin/resources.
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../web/env.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { getRevision, listRevisions } from '../history/revisions.ts';
import { invalidParameter } from '../library/params.ts';
import { RESOURCE_TYPES, SLUG } from '../library/schema.ts';
import { relatedResources } from '../library/store.ts';
import { listAttachments } from '../attachments/store.ts';
import { fieldsOf } from './fields.ts';
import { actorOf, doneStep, emptyIsUnset, readVersion, refusedStep, savedNotice, savedQuery, stepNote, versionNumber } from '../admin/content-editor/http.ts';
import { editPageBasics } from '../admin/content-editor/edit-request.ts';
import type { FieldErrors } from '../admin/content-editor/field-messages.tsx';
import { knownVocabulary, vocabularyChoices } from '../admin/content-editor/vocabulary.ts';
import { canSave, editScope, emptyValues, readForm, validateForm, valuesOf, withinScope, type FormValues } from './form.ts';
import { editorResource, LIST_PAGE_SIZE, listResources, resourceForPreview, type EditorResource, type ListFilters } from './queries.ts';
import type { ResourceSnapshot } from './snapshot.ts';
import {
  createResource,
  ENTITY,
  ResourceNotFoundError,
  restoreRevision,
  SlugTakenError,
  transitionResource,
  TransitionError,
  updateResource,
  VersionConflictError,
} from './store.ts';
import { RESOURCE_STATES, TRANSITIONS, transitionTo } from './workflow.ts';
import { editorPath } from './views/common.tsx';
import { EditPage, transitionPath } from './views/edit-page.tsx';
import { DiffPage, HistoryPage } from './views/history-pages.tsx';
import { ListPage } from './views/list-page.tsx';
import { PreviewPage } from './views/preview.tsx';

type C = Context<AppEnv>;

const ListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  status: emptyIsUnset(z.enum(RESOURCE_STATES as [string, ...string[]]).optional()),
  type: emptyIsUnset(z.enum(RESOURCE_TYPES).optional()),
  topic: emptyIsUnset(z.string().regex(SLUG).optional()),
  country: emptyIsUnset(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((s) => s.toUpperCase())
      .optional(),
  ),
  sort: emptyIsUnset(z.enum(['updated_desc', 'updated_asc']).optional()),
  page: emptyIsUnset(z.coerce.number().int().min(1).max(10_000).optional()),
});

function listFilters(c: C): ListFilters {
  const url = new URL(c.req.url);
  const raw = Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.get(k) ?? '']));
  const parsed = ListQuerySchema.safeParse(raw);
  if (!parsed.success) throw invalidParameter(parsed.error);
  const q = parsed.data;
  return {
    q: q.q?.trim() ?? '',
    status: q.status as ListFilters['status'],
    type: q.type,
    topic: q.topic,
    country: q.country,
    sort: q.sort ?? 'updated_desc',
    page: q.page ?? 1,
  };
}

/** Routes declare the id as digits; a missing one finds nothing. */
function idParam(c: C): string {
  return c.req.param('id') ?? '';
}

async function loadOr404(c: C, id: string): Promise<EditorResource> {
  const resource = await editorResource(c.var.db, id);
  if (!resource) throw notFound();
  return resource;
}

type EditRender = {
  resource: EditorResource | undefined;
  values: FormValues;
  version: number | undefined;
  errors?: FieldErrors;
  notice?: string | undefined;
  conflict?: { mine: FormValues } | undefined;
};

async function renderEdit(c: C, r: EditRender, status: 200 | 409 | 422 = 200) {
  return c.html(<EditPage {...await editPageBasics(c)} {...r} errors={r.errors ?? new Map()} />, status);
}

/** The confirmation a redirect after a write asks for (?saved=3, ?done=publish, …). */
function noticeFrom(c: C): string | undefined {
  const { t } = c.var.ctx;
  if (c.req.query('created') !== undefined) return t('editor.notice.created');
  const saved = savedNotice(c);
  if (saved) return saved;
  const restored = versionNumber(c.req.query('restored'));
  if (restored !== undefined) return t('editor.notice.restored', { version: restored });
  const done = doneStep(c);
  return done && t(`editor.notice.${done}`);
}

function slugTakenErrors(): FieldErrors {
  return new Map([['slug', { key: 'editor.error.slugTaken' as MessageKey }]]);
}

/** The HTTP answer to a failed transition, in the request's language. */
function transitionFailure(c: C, error: unknown): never {
  if (error instanceof ResourceNotFoundError) throw notFound();
  if (error instanceof VersionConflictError) throw new HttpError(409, 'editor.error.stale', { version: error.current.version });
  if (error instanceof TransitionError) refusedStep(c, error, 'editor.error.transition');
  throw error;
}

function apiResource(r: EditorResource) {
  return { id: r.id, version: r.version, ...r.data, created_at: r.created_at, updated_at: r.updated_at, published_at: r.published_at };
}

const TransitionBody = z.object({
  to: z.enum(RESOURCE_STATES as [string, ...string[]]),
  version: z.coerce.number().int().min(1).optional(),
  note: z.string().max(1000).optional(),
});

export function editorRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  pages.get('/resources', 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const filters = listFilters(c);
    const [{ items, total }, choices] = await Promise.all([listResources(db, filters), vocabularyChoices(db)]);
    return c.html(<ListPage ctx={ctx} user={user!} csrfToken={csrfToken} filters={filters} items={items} total={total} choices={choices} />);
  });

  pages.get('/resources/new', 'content.edit', (c) => renderEdit(c, { resource: undefined, values: emptyValues(), version: undefined }));

  pages.post('/resources/new', 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const values = readForm(await c.req.parseBody({ all: true }));
    const known = await knownVocabulary(db);
    const checked = validateForm(values, known);
    if (!checked.ok) return renderEdit(c, { resource: undefined, values, version: undefined, errors: checked.errors }, 422);
    try {
      const saved = await createResource(db, actorOf(c), checked.fields);
      return c.redirect(`${editorPath(ctx.locale, saved.id)}?created=1`, 303);
    } catch (error) {
      if (error instanceof SlugTakenError) return renderEdit(c, { resource: undefined, values, version: undefined, errors: slugTakenErrors() }, 422);
      throw error;
    }
  });

  pages.get('/resources/:id{[0-9]+}', 'backoffice.read', async (c) => {
    const resource = await loadOr404(c, idParam(c));
    return renderEdit(c, { resource, values: valuesOf(fieldsOf(resource.data)), version: resource.version, notice: noticeFrom(c) });
  });

  pages.post('/resources/:id{[0-9]+}', 'content.translate', async (c) => {
    const { db, ctx, user } = c.var;
    const resource = await loadOr404(c, idParam(c));
    const scope = editScope(user!);
    if (!canSave(scope)) throw new HttpError(403, 'error.forbidden');
    const body = await c.req.parseBody({ all: true });
    const version = readVersion(body);
    if (version === undefined) throw new HttpError(400, 'error.badRequest');
    const submitted = readForm(body);
    // The edit form always shows the slug: an emptied one means "keep it", not "derive a new one".
    const values = withinScope(scope, valuesOf(fieldsOf(resource.data)), { ...submitted, slug: submitted.slug || resource.data.slug });
    const known = await knownVocabulary(db);
    const checked = validateForm(values, known);
    if (!checked.ok) return renderEdit(c, { resource, values, version, errors: checked.errors }, 422);
    try {
      const saved = await updateResource(db, actorOf(c), resource.id, version, checked.fields);
      return c.redirect(`${editorPath(ctx.locale, resource.id)}?${savedQuery(saved)}`, 303);
    } catch (error) {
      if (error instanceof VersionConflictError) {
        const current = (await editorResource(db, resource.id)) ?? resource;
        // The form saves over the version now current: saving again is a deliberate choice.
        return renderEdit(c, { resource: current, values, version: current.version, conflict: { mine: values } }, 409);
      }
      if (error instanceof SlugTakenError) return renderEdit(c, { resource, values, version, errors: slugTakenErrors() }, 422);
      if (error instanceof ResourceNotFoundError) throw notFound();
      throw error;
    }
  });

  for (const transition of TRANSITIONS) {
    pages.post(`/resources/:id{[0-9]+}${transitionPath(transition.action)}`, transition.permission, async (c) => {
      const { db, ctx, user } = c.var;
      const id = idParam(c);
      const body = await c.req.parseBody();
      const version = readVersion(body);
      try {
        await transitionResource(db, { ...actorOf(c), role: user!.role }, id, transition.action, { expectedVersion: version, note: stepNote(body) });
      } catch (error) {
        transitionFailure(c, error);
      }
      return c.redirect(`${editorPath(ctx.locale, id)}?done=${transition.action}`, 303);
    });
  }

  pages.get('/resources/:id{[0-9]+}/preview', 'backoffice.read', async (c) => {
    const { db, ctx } = c.var;
    const resource = await resourceForPreview(db, idParam(c));
    if (!resource) throw notFound();
    const [related, labels, attachments] = await Promise.all([relatedResources(db, resource), c.var.labels(), listAttachments(db, resource.id)]);
    return c.html(<PreviewPage ctx={ctx} resource={resource} related={related} labels={labels} attachments={attachments} />);
  });

  pages.get('/resources/:id{[0-9]+}/history', 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const resource = await loadOr404(c, idParam(c));
    const revisions = await listRevisions<ResourceSnapshot>(db, ENTITY, resource.id);
    return c.html(<HistoryPage ctx={ctx} user={user!} csrfToken={csrfToken} resource={resource} revisions={revisions} />);
  });

  pages.get('/resources/:id{[0-9]+}/history/:version{[0-9]+}', 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const resource = await loadOr404(c, idParam(c));
    const version = Number(c.req.param('version') ?? '');
    const revision = await getRevision<ResourceSnapshot>(db, ENTITY, resource.id, version);
    if (!revision) throw notFound();
    // The version before: usually version - 1; the nearest earlier one when states were saved outside the editor.
    const previous = (await listRevisions<ResourceSnapshot>(db, ENTITY, resource.id)).find((r) => r.version < version);
    return c.html(<DiffPage ctx={ctx} user={user!} csrfToken={csrfToken} resource={resource} revision={revision} previous={previous} />);
  });

  pages.post('/resources/:id{[0-9]+}/history/:version{[0-9]+}/restore', 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const resource = await loadOr404(c, idParam(c));
    const revision = await getRevision<ResourceSnapshot>(db, ENTITY, resource.id, Number(c.req.param('version') ?? ''));
    if (!revision) throw notFound();
    const expected = readVersion(await c.req.parseBody());
    if (expected === undefined) throw new HttpError(400, 'error.badRequest');
    try {
      const saved = await restoreRevision(db, actorOf(c), resource.id, revision, expected);
      const query = saved.changed.length ? `restored=${revision.version}` : 'unchanged=1';
      return c.redirect(`${editorPath(ctx.locale, resource.id)}?${query}`, 303);
    } catch (error) {
      if (error instanceof VersionConflictError) throw new HttpError(409, 'editor.error.stale', { version: error.current.version });
      if (error instanceof SlugTakenError) throw new HttpError(409, 'editor.error.restoreSlug', { slug: error.slug });
      throw error;
    }
  });

  api.get('/resources', 'backoffice.read', async (c) => {
    const filters = listFilters(c);
    const { items, total } = await listResources(c.var.db, filters);
    return c.json({ total, page: filters.page, per_page: LIST_PAGE_SIZE, items });
  });

  api.get('/resources/:id{[0-9]+}', 'backoffice.read', async (c) => c.json(apiResource(await loadOr404(c, idParam(c)))));

  // Open to every role that may take some transition; the step's own permission is checked inside.
  api.post('/resources/:id{[0-9]+}/transition', 'content.publish', async (c) => {
    const { db, user } = c.var;
    const type = c.req.header('content-type') ?? '';
    const raw: unknown = type.startsWith('application/json') ? await c.req.json().catch(() => undefined) : await c.req.parseBody();
    const parsed = TransitionBody.safeParse(raw ?? {});
    if (!parsed.success) throw new HttpError(400, 'error.invalidParameter', { name: 'to', problem: 'error.problem.enum' }, 'to');
    const id = idParam(c);
    const resource = await loadOr404(c, id);
    const to = parsed.data.to as (typeof RESOURCE_STATES)[number];
    const transition = transitionTo(resource.data.status, to);
    if (!transition) {
      throw new HttpError(409, 'editor.error.noTransition', { from: c.var.ctx.t(`admin.state.${resource.data.status}`), to: c.var.ctx.t(`admin.state.${to}`) });
    }
    try {
      await transitionResource(db, { ...actorOf(c), role: user!.role }, id, transition.action, { expectedVersion: parsed.data.version, note: parsed.data.note });
    } catch (error) {
      transitionFailure(c, error);
    }
    return c.json(apiResource(await loadOr404(c, id)));
  });
}
