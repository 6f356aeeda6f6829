// Back office: the list of practices, the create and edit forms, the workflow steps, and a small
// JSON API under /api/v1/admin/practices.
import { z } from 'zod';
import { HttpError, notFound } from '../../web/errors.ts';
import { actorOf, doneStep, emptyIsUnset, readVersion, refusedStep, savedNotice, savedQuery, stepNote } from '../admin/content-editor/http.ts';
import { editPageBasics } from '../admin/content-editor/edit-request.ts';
import type { FieldErrors } from '../admin/content-editor/field-messages.tsx';
import { knownVocabulary } from '../admin/content-editor/vocabulary.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { TRANSITIONS, TransitionRefusedError, WORKFLOW_STATES } from '../admin/workflow.ts';
import { can } from '../auth/roles.ts';
import { canSave, editScope } from '../editor/form.ts';
import { invalidParameter } from '../library/params.ts';
import { fieldsOf } from './fields.ts';
import { practicePath, type C } from './paths.ts';
import { emptyPracticeValues, practiceValuesOf, readPracticeForm, relatedSlugs, validatePracticeForm, withinScope, type PracticeFormValues } from './practice-form.ts';
import {
  createPractice,
  getStoredPractice,
  PracticeNotFoundError,
  PracticeSlugTakenError,
  PracticeVersionConflictError,
  transitionPractice,
  updatePractice,
  type StoredPractice,
} from './practice-store.ts';
import { existingResourceSlugs, listPractices, PRACTICE_PAGE_SIZE, type PracticeListFilters } from './queries.ts';
import { countPendingSubmissions } from './submission-store.ts';
import type { PracticeFields } from './fields.ts';
import { PracticeEditPage } from './views/edit-page.tsx';
import { PracticeListPage } from './views/list-page.tsx';

const ListQuery = z.object({
  q: z.string().max(200).optional(),
  status: emptyIsUnset(z.enum(WORKFLOW_STATES as ['draft', 'in_review', 'published', 'archived']).optional()),
  page: emptyIsUnset(z.coerce.number().int().min(1).max(10_000).optional()),
});

function listFilters(c: C): PracticeListFilters {
  const parsed = ListQuery.safeParse({ q: c.req.query('q'), status: c.req.query('status'), page: c.req.query('page') });
  if (!parsed.success) throw invalidParameter(parsed.error);
  return { q: parsed.data.q?.trim() ?? '', status: parsed.data.status, page: parsed.data.page ?? 1 };
}

async function loadOr404(c: C): Promise<StoredPractice> {
  const practice = await getStoredPractice(c.var.db, c.req.param('id') ?? '');
  if (!practice) throw notFound();
  return practice;
}

/** The tags that exist, and which of the resources the form names exist. */
async function knownFor(c: C, values: PracticeFormValues) {
  return { ...(await knownVocabulary(c.var.db)), resources: await existingResourceSlugs(c.var.db, relatedSlugs(values)) };
}

type EditRender = {
  practice: StoredPractice | undefined;
  values: PracticeFormValues;
  version: number | undefined;
  errors?: FieldErrors;
  notice?: string | undefined;
  conflict?: { mine: PracticeFields } | undefined;
};

async function renderEdit(c: C, r: EditRender, status: 200 | 409 | 422 = 200) {
  return c.html(<PracticeEditPage {...await editPageBasics(c)} {...r} errors={r.errors ?? new Map()} />, status);
}

/** The confirmation a redirect after a write asks for (?saved=3, ?done=publish, …). */
function noticeFrom(c: C): string | undefined {
  const { t } = c.var.ctx;
  if (c.req.query('created') !== undefined) return t('practicesAdmin.notice.created');
  if (c.req.query('accepted') !== undefined) return t('practicesAdmin.notice.accepted');
  const saved = savedNotice(c);
  if (saved) return saved;
  const done = doneStep(c);
  return done && t(`practicesAdmin.notice.${done}`);
}

const slugTaken = (): FieldErrors => new Map([['slug', { key: 'practicesAdmin.error.slugTaken' as const }]]);

function apiPractice(p: StoredPractice) {
  return { id: p.id, version: p.version, ...p.data, created_at: p.created_at, updated_at: p.updated_at, published_at: p.published_at };
}

export function editorRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  pages.get('/practices', 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const filters = listFilters(c);
    const [{ items, total }, pending] = await Promise.all([
      listPractices(db, filters),
      can(user!.role, 'submissions.moderate') ? countPendingSubmissions(db) : Promise.resolve(undefined),
    ]);
    return c.html(<PracticeListPage ctx={ctx} user={user!} csrfToken={csrfToken} filters={filters} items={items} total={total} pending={pending} />);
  });

  pages.get('/practices/new', 'content.edit', (c) => renderEdit(c, { practice: undefined, values: emptyPracticeValues(), version: undefined }));

  pages.post('/practices/new', 'content.edit', async (c) => {
    const values = readPracticeForm(await c.req.parseBody({ all: true }));
    const known = await knownFor(c, values);
    const checked = validatePracticeForm(values, known);
    if (!checked.ok) return renderEdit(c, { practice: undefined, values, version: undefined, errors: checked.errors }, 422);
    try {
      const saved = await createPractice(c.var.db, actorOf(c), checked.fields);
      return c.redirect(`${practicePath(c.var.ctx.locale, saved.id)}?created=1`, 303);
    } catch (error) {
      if (error instanceof PracticeSlugTakenError) return renderEdit(c, { practice: undefined, values, version: undefined, errors: slugTaken() }, 422);
      throw error;
    }
  });

  pages.get('/practices/:id{[0-9]+}', 'backoffice.read', async (c) => {
    const practice = await loadOr404(c);
    return renderEdit(c, { practice, values: practiceValuesOf(fieldsOf(practice.data)), version: practice.version, notice: noticeFrom(c) });
  });

  pages.post('/practices/:id{[0-9]+}', 'content.translate', async (c) => {
    const { db, ctx, user } = c.var;
    const practice = await loadOr404(c);
    const scope = editScope(user!);
    if (!canSave(scope)) throw new HttpError(403, 'error.forbidden');
    const body = await c.req.parseBody({ all: true });
    const version = readVersion(body);
    if (version === undefined) throw new HttpError(400, 'error.badRequest');
    const submitted = readPracticeForm(body);
    // The edit form always shows the slug: an emptied one means "keep it".
    const values = withinScope(scope, practiceValuesOf(fieldsOf(practice.data)), { ...submitted, slug: submitted.slug || practice.data.slug });
    const known = await knownFor(c, values);
    const checked = validatePracticeForm(values, known);
    if (!checked.ok) return renderEdit(c, { practice, values, version, errors: checked.errors }, 422);
    try {
      const saved = await updatePractice(db, actorOf(c), practice.id, version, checked.fields);
      return c.redirect(`${practicePath(ctx.locale, practice.id)}?${savedQuery(saved)}`, 303);
    } catch (error) {
      if (error instanceof PracticeVersionConflictError) {
        // The form now saves over the current version: saving again is a deliberate choice.
        return renderEdit(c, { practice: error.current, values, version: error.current.version, conflict: { mine: checked.fields } }, 409);
      }
      if (error instanceof PracticeSlugTakenError) return renderEdit(c, { practice, values, version, errors: slugTaken() }, 422);
      if (error instanceof PracticeNotFoundError) throw notFound();
      throw error;
    }
  });

  for (const transition of TRANSITIONS) {
    pages.post(`/practices/:id{[0-9]+}${transition.path}`, transition.permission, async (c) => {
      const { db, ctx, user } = c.var;
      const id = c.req.param('id') ?? '';
      const body = await c.req.parseBody();
      try {
        await transitionPractice(db, { ...actorOf(c), role: user!.role }, id, transition.action, { expectedVersion: readVersion(body), note: stepNote(body) });
      } catch (error) {
        if (error instanceof PracticeNotFoundError) throw notFound();
        if (error instanceof PracticeVersionConflictError) throw new HttpError(409, 'practicesAdmin.error.stale', { version: error.current.version });
        if (error instanceof TransitionRefusedError) refusedStep(c, error, 'practicesAdmin.error.transition');
        throw error;
      }
      return c.redirect(`${practicePath(ctx.locale, id)}?done=${transition.action}`, 303);
    });
  }

  api.get('/practices', 'backoffice.read', async (c) => {
    const filters = listFilters(c);
    const { items, total } = await listPractices(c.var.db, filters);
    return c.json({ total, page: filters.page, per_page: PRACTICE_PAGE_SIZE, items });
  });

  api.get('/practices/:id{[0-9]+}', 'backoffice.read', async (c) => c.json(apiPractice(await loadOr404(c))));
}
