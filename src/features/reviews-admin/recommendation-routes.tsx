// Recommendations of a regional review, per edition and region: every back-office role reads
// them, editors write them while the edition is draft or in review.
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';
import { notFound } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { can } from '../auth/roles.ts';
import { listRegions } from '../taxonomy/store.ts';
import { StaleVersionError } from './errors.ts';
import { cleanText, field, perLocale, versionOf, type Body } from './form.ts';
import { actorOf, EDITION, editionOr404, failure, regionPath, type C } from './http.ts';
import type { Problem } from './problems.ts';
import { RECOMMENDATION_MAX, saveRecommendation, storedRecommendation, type StoredRecommendation } from './recommendations.ts';
import { RecommendationPage } from './views/recommendation-page.tsx';
import { isEditable } from './workflow.ts';

const REGION = `${EDITION}/regions/:region{[a-z0-9]+(?:-[a-z0-9]+)*}`;

async function load(c: C) {
  const { edition, framework } = await editionOr404(c);
  const region = (await listRegions(c.var.db)).find((r) => r.code === c.req.param('region'));
  if (!region) throw notFound();
  return { edition, framework, region };
}

async function render(
  c: C,
  extra: { values?: Record<Locale, string>; version?: number; errors?: Partial<Record<Locale, Problem>>; conflict?: StoredRecommendation } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { db, ctx, user, csrfToken } = c.var;
  const { edition, framework, region } = await load(c);
  const stored = await storedRecommendation(db, edition.id, region.code);
  const roleMay = can(user!.role, 'content.edit');
  const stateMay = isEditable(edition.status);
  const values = extra.values ?? (Object.fromEntries(LOCALES.map((l) => [l, stored?.text[l] ?? ''])) as Record<Locale, string>);
  const done = c.req.query('done');
  return c.html(
    <RecommendationPage
      ctx={ctx}
      user={user!}
      csrfToken={csrfToken}
      framework={framework}
      edition={edition}
      region={region}
      editable={roleMay && stateMay}
      readOnlyReason={!stateMay ? 'state' : !roleMay ? 'role' : undefined}
      values={values}
      version={extra.version ?? stored?.version ?? 0}
      stored={stored}
      errors={extra.errors}
      conflict={extra.conflict}
      notice={done === 'saved' ? ctx.t('reviewsAdmin.done.saved') : done === 'unchanged' ? ctx.t('reviewsAdmin.done.unchanged') : undefined}
    />,
    status,
  );
}

export function recommendationRoutes(pages: GuardedRouter): void {
  pages.get(REGION, 'backoffice.read', (c) => render(c));

  pages.post(REGION, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const { edition, region } = await load(c);
    const body = (await c.req.parseBody()) as Body;
    const values = perLocale(body, 'text');
    const version = versionOf(field(body, 'version')) ?? 0;
    const errors: Partial<Record<Locale, Problem>> = {};
    const text: Localized = {};
    for (const l of LOCALES) {
      const v = cleanText(values[l]);
      if (v.length > RECOMMENDATION_MAX) errors[l] = { code: 'tooLong', values: { max: RECOMMENDATION_MAX } };
      if (v) text[l] = v;
    }
    if (Object.keys(errors).length > 0) return render(c, { values, version, errors }, 422);
    try {
      const saved = await saveRecommendation(db, actorOf(c), edition.id, region.code, text, version);
      return c.redirect(`${regionPath(ctx.locale, edition.id, region.code)}?done=${saved.changed ? 'saved' : 'unchanged'}`, 303);
    } catch (error) {
      if (error instanceof StaleVersionError) {
        const current = await storedRecommendation(db, edition.id, region.code);
        // The form keeps the user's text, now set to save over the current version.
        return render(c, { values, version: current?.version ?? 0, conflict: current ?? { text: {}, version: 0, updatedBy: null, updatedAt: null } }, 409);
      }
      failure(c, error);
    }
  });
}
