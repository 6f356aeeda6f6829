// Back office: legislative reviews. Frameworks with their editions (any state) and criteria
// weights, a new edition, the edition workflow, and the JSON API; the grids, the CSV import and
// export, ratifications and regional recommendations live in their own route files.
import { sql } from 'kysely';
import { notFound } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { getFramework, listFrameworks } from '../reviews/store.ts';
import { listRegions } from '../taxonomy/store.ts';
import { assessedPerCountry, createEdition, labelTaken, LABEL_MAX, listAdminEditions, transitionEdition, updateWeights, WEIGHT_MAX, YEAR_MAX, YEAR_MIN } from './editions.ts';
import { LabelTakenError, WeightsChangedError } from './errors.ts';
import { field, versionOf, type Body } from './form.ts';
import { gridRoutes } from './grid-routes.tsx';
import { actorOf, doneNotice, EDITION, editionOr404, editionPath, failure, frameworkPath, type C } from './http.ts';
import { importRoutes } from './import-routes.tsx';
import type { Problem } from './problems.ts';
import { ratificationRoutes } from './ratification-routes.tsx';
import { recommendationLocales } from './recommendations.ts';
import { recommendationRoutes } from './recommendation-routes.tsx';
import { DEMO_NOTICE } from './demo.ts';
import { EditionPage } from './views/edition-page.tsx';
import { FrameworkPage, type FrameworkForms } from './views/framework-page.tsx';
import { IndexPage } from './views/index-page.tsx';
import { EDITION_TRANSITIONS } from './workflow.ts';

const FRAMEWORK = '/reviews/frameworks/:frameworkKey{[a-z0-9]+(?:-[a-z0-9]+)*}';

async function frameworkOr404(c: C) {
  const framework = await getFramework(c.var.db, c.req.param('frameworkKey') ?? '');
  if (!framework) throw notFound();
  return framework;
}

async function renderFramework(c: C, forms: FrameworkForms = {}, status: 200 | 409 | 422 = 200) {
  const { db, ctx, user, csrfToken } = c.var;
  const framework = await frameworkOr404(c);
  const editions = await listAdminEditions(db, framework.key);
  return c.html(<FrameworkPage ctx={ctx} user={user!} csrfToken={csrfToken} framework={framework} editions={editions} forms={forms} notice={doneNotice(c)} />, status);
}

/** A weight as typed: 0 to 9999.99, a decimal comma allowed. */
function parseWeight(value: string): number | undefined {
  const v = value.trim().replace(',', '.');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 0 && n <= WEIGHT_MAX ? n : undefined;
}

function checkEdition(values: { label: string; year: string }): { label: string; year: number | undefined; errors: Partial<Record<'label' | 'year', Problem>> } {
  const errors: Partial<Record<'label' | 'year', Problem>> = {};
  const label = values.label.trim().replace(/\s+/g, ' ');
  if (label === '') errors.label = { code: 'required' };
  else if (label.length > LABEL_MAX || /[\u0000-\u001f\u007f]/.test(label)) errors.label = { code: 'tooLong', values: { max: LABEL_MAX } };
  const y = values.year.trim();
  const year = /^\d{4}$/.test(y) && Number(y) >= YEAR_MIN && Number(y) <= YEAR_MAX ? Number(y) : undefined;
  if (year === undefined) errors.year = { code: 'year', values: { min: YEAR_MIN, max: YEAR_MAX } };
  return { label, year, errors };
}

export function reviewsAdminRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  pages.get('/reviews', 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const [frameworks, editions] = await Promise.all([listFrameworks(db), listAdminEditions(db)]);
    return c.html(<IndexPage ctx={ctx} user={user!} csrfToken={csrfToken} frameworks={frameworks} editions={editions} notice={doneNotice(c)} />);
  });

  pages.get(FRAMEWORK, 'backoffice.read', (c) => renderFramework(c));

  pages.post(`${FRAMEWORK}/editions`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const framework = await frameworkOr404(c);
    const body = (await c.req.parseBody()) as Body;
    const values = { label: field(body, 'label'), year: field(body, 'year') };
    const checked = checkEdition(values);
    if (checked.label && !checked.errors.label && (await labelTaken(db, framework.key, checked.label))) checked.errors.label = { code: 'labelTaken', values: { label: checked.label } };
    if (Object.keys(checked.errors).length > 0 || checked.year === undefined) return renderFramework(c, { create: { values, errors: checked.errors } }, 422);
    try {
      const { id } = await createEdition(db, actorOf(c), framework.key, { label: checked.label, year: checked.year });
      return c.redirect(`${editionPath(ctx.locale, id)}?done=created`, 303);
    } catch (error) {
      if (error instanceof LabelTakenError) return renderFramework(c, { create: { values, errors: { label: { code: 'labelTaken', values: { label: checked.label } } } } }, 422);
      throw error;
    }
  });

  pages.post(`${FRAMEWORK}/weights`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const framework = await frameworkOr404(c);
    const body = (await c.req.parseBody()) as Body;
    const values: Record<string, string> = {};
    const errors: Record<string, Problem> = {};
    const weights = new Map<string, number>();
    const loaded = new Map<string, number>();
    for (const criterion of framework.criteria) {
      const typed = field(body, `weight.${criterion.key}`);
      if (typed === '' && body[`weight.${criterion.key}`] === undefined) continue;
      values[criterion.key] = typed;
      const weight = parseWeight(typed);
      if (weight === undefined) errors[criterion.key] = { code: 'weight', values: { max: WEIGHT_MAX } };
      else weights.set(criterion.key, weight);
      const was = parseWeight(field(body, `was.${criterion.key}`));
      if (was !== undefined) loaded.set(criterion.key, was);
    }
    if (Object.keys(errors).length > 0) return renderFramework(c, { weights: { values, errors } }, 422);
    try {
      const changed = await updateWeights(db, actorOf(c), framework.key, weights, loaded);
      return c.redirect(`${frameworkPath(ctx.locale, framework.key)}?done=${changed.length > 0 ? 'weights' : 'unchanged'}`, 303);
    } catch (error) {
      if (error instanceof WeightsChangedError) {
        const current = new Map(framework.criteria.map((cr) => [cr.key, cr.weight]));
        const stale = Object.fromEntries(error.criteria.map((key) => [key, { code: 'weightChanged' as const, values: { weight: current.get(key) ?? 0 } }]));
        return renderFramework(c, { weights: { values, errors: stale } }, 409);
      }
      throw error;
    }
  });

  pages.get(EDITION, 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const { edition, framework } = await editionOr404(c);
    const [countries, assessed, regions, recommendations] = await Promise.all([
      sql<{ code: string }>`SELECT code FROM countries`.execute(db),
      assessedPerCountry(db, edition.id),
      listRegions(db),
      recommendationLocales(db, edition.id),
    ]);
    return c.html(
      <EditionPage
        ctx={ctx}
        user={user!}
        csrfToken={csrfToken}
        framework={framework}
        edition={edition}
        countries={countries.rows.map((r) => r.code.trim())}
        assessed={assessed}
        regions={regions.map((r) => ({ code: r.code, names: r.names as Record<string, string>, kind: r.kind, locales: recommendations.get(r.code) }))}
        notice={doneNotice(c)}
      />,
    );
  });

  for (const transition of EDITION_TRANSITIONS) {
    pages.post(`${EDITION}${transition.path}`, transition.permission, async (c) => {
      const { db, ctx, user } = c.var;
      const { edition } = await editionOr404(c);
      const body = (await c.req.parseBody()) as Body;
      const note = field(body, 'note').slice(0, 1000) || undefined;
      try {
        await transitionEdition(db, { ...actorOf(c), role: user!.role }, edition.id, transition.action, { expectedVersion: versionOf(field(body, 'version')), note });
      } catch (error) {
        failure(c, error);
      }
      return c.redirect(`${editionPath(ctx.locale, edition.id)}?done=${transition.action}`, 303);
    });
  }

  gridRoutes(pages);
  importRoutes(pages);
  ratificationRoutes(pages);
  recommendationRoutes(pages);

  api.get('/reviews/editions', 'backoffice.read', async (c) => {
    const { db } = c.var;
    const [frameworks, editions] = await Promise.all([listFrameworks(db), listAdminEditions(db)]);
    const criteria = new Map(frameworks.map((f) => [f.key, f.criteria.length]));
    const demo = editions.some((e) => e.demo);
    return c.json({
      demo,
      ...(demo ? { notice: DEMO_NOTICE } : {}),
      editions: editions.map((e) => ({
        id: e.id,
        framework: e.frameworkKey,
        label: e.label,
        year: e.year,
        status: e.status,
        demo: e.demo,
        version: e.version,
        published_at: e.publishedAt,
        progress: {
          criteria: criteria.get(e.frameworkKey) ?? 0,
          countries_assessed: e.progress.countries,
          assessed: e.progress.assessed,
        },
      })),
    });
  });
}
