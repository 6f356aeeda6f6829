// Back office: the model law. Laws and editions with their workflow, a new draft edition from an
// existing one, the structure and texts of a draft (node-routes.tsx), the translation dashboard,
// imports (import-routes.tsx), and the JSON API under /api/v1/admin/model-law.
import type { GuardedRouter } from '../admin/guarded.ts';
import { loadEditionTree } from '../model-law/store.ts';
import { copyEdition, labelTaken, listAllEditions, transitionEdition } from './editions.ts';
import { LabelTakenError } from './errors.ts';
import { COPY_FIELDS, readFields, validateCopy, type FormState } from './forms.ts';
import { actorOf, doneNotice, EDITION, failure, formVersion, treeOr404 } from './http.ts';
import { renderEdition } from './render-edition.tsx';
import { importRoutes } from './import-routes.tsx';
import { nodeRoutes } from './node-routes.tsx';
import { translationProgress } from './progress.ts';
import { editionPath } from './views/common.tsx';
import { EditionsPage } from './views/editions-page.tsx';
import { TranslationsPage } from './views/translations-page.tsx';
import { EDITION_TRANSITIONS } from './workflow.ts';

export function modelLawAdminRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  pages.get('/model-law', 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const editions = await listAllEditions(db);
    const rows = await Promise.all(
      editions.map(async (edition) => {
        const tree = await loadEditionTree(db, edition);
        return { edition, articles: tree.articles.length, progress: translationProgress(tree) };
      }),
    );
    return c.html(<EditionsPage ctx={ctx} user={user!} csrfToken={csrfToken} rows={rows} notice={doneNotice(c)} />);
  });

  pages.get(EDITION, 'backoffice.read', (c) => renderEdition(c));

  pages.post(`${EDITION}/copy`, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const tree = await treeOr404(c);
    const values = readFields(await c.req.parseBody(), COPY_FIELDS);
    const checked = validateCopy(values);
    const refuse = (errors: FormState['errors']) => renderEdition(c, { copy: { values, errors } }, 422);
    const label = values.label!.trim();
    // Every problem at once: a taken label is worth knowing even when the year is wrong too.
    const taken = label !== '' && (await labelTaken(db, tree.edition.law.id, label));
    if (!checked.ok || taken) {
      return refuse({ ...(checked.ok ? {} : checked.errors), ...(taken ? { label: { key: 'modelLawAdmin.error.labelTaken', values: { label } } } : {}) });
    }
    try {
      const copy = await copyEdition(db, actorOf(c), tree.edition.id, { label: checked.label, year: checked.year });
      return c.redirect(`${editionPath(ctx.locale, copy.id)}?done=copied`, 303);
    } catch (error) {
      if (error instanceof LabelTakenError) return refuse({ label: { key: 'modelLawAdmin.error.labelTaken', values: { label: checked.label } } });
      failure(c, error);
    }
  });

  for (const transition of EDITION_TRANSITIONS) {
    pages.post(`${EDITION}${transition.path}`, transition.permission, async (c) => {
      const { db, ctx, user } = c.var;
      const id = c.req.param('editionId') ?? '';
      const body = await c.req.parseBody();
      const note = typeof body.note === 'string' ? body.note.slice(0, 1000) : undefined;
      try {
        await transitionEdition(db, { ...actorOf(c), role: user!.role }, id, transition.action, { expectedVersion: formVersion(body), note });
      } catch (error) {
        failure(c, error);
      }
      return c.redirect(`${editionPath(ctx.locale, id)}?done=${transition.action}`, 303);
    });
  }

  pages.get(`${EDITION}/translations`, 'backoffice.read', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const tree = await treeOr404(c);
    return c.html(<TranslationsPage ctx={ctx} user={user!} csrfToken={csrfToken} tree={tree} progress={translationProgress(tree)} />);
  });

  nodeRoutes(pages);
  importRoutes(pages);

  api.get('/model-law/editions', 'backoffice.read', async (c) => {
    const { db } = c.var;
    const editions = await listAllEditions(db);
    const items = await Promise.all(
      editions.map(async (edition) => {
        const tree = await loadEditionTree(db, edition);
        const progress = translationProgress(tree);
        return {
          id: edition.id,
          law: { slug: edition.law.slug, title: edition.law.title, sample: edition.law.sample, source_locale: edition.law.sourceLocale },
          label: edition.label,
          year: edition.year,
          status: edition.status,
          version: edition.version,
          published_at: edition.published_at,
          articles: tree.articles.length,
          nodes: progress[0]?.total ?? 0,
          translations: Object.fromEntries(
            progress.map((p) => [p.locale, { current: p.current, outdated: p.outdated, missing: p.missing, percent: Math.round(p.share * 1000) / 10 }]),
          ),
        };
      }),
    );
    return c.json({ editions: items });
  });
}
