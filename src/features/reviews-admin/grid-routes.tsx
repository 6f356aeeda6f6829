// The assessment grid of a country: shown to every back-office role, saved by editors (one
// transaction for the whole grid). A bad field re-renders the grid (422) with its message beside
// it; a row saved by someone else meanwhile re-renders it (409) with both versions compared.
import { can } from '../auth/roles.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { notFound } from '../../web/errors.ts';
import type { Framework, ReviewEdition } from '../reviews/store.ts';
import type { AssessmentData, StoredAssessment } from './assessments.ts';
import { today } from './dates.ts';
import { RowConflictError, type RowConflict } from './errors.ts';
import { countryProvisions, loadLawIndex } from './evidence.ts';
import type { Body } from './form.ts';
import { checkGrid, gridState, hasProblems, readGrid, rowValuesOf, saveGrid, type GridRowValues, type RowProblems } from './grid.ts';
import { actorOf, doneNotice, EDITION, editionOr404, failure, gridPath, knownCountry, type C } from './http.ts';
import { GridPage } from './views/grid-page.tsx';
import { isEditable } from './workflow.ts';

const GRID = `${EDITION}/countries/:country`;

type Loaded = { edition: ReviewEdition; framework: Framework; country: string };

async function load(c: C): Promise<Loaded> {
  const { edition, framework } = await editionOr404(c);
  const country = await knownCountry(c, c.req.param('country'));
  if (!country) throw notFound();
  return { edition, framework, country };
}

function defaults(c: C) {
  const user = c.var.user!;
  return { reviewer: user.name.trim() || user.email, date: today() };
}

async function render(
  c: C,
  loaded: Loaded,
  extra: { rows?: GridRowValues[]; problems?: Map<string, RowProblems>; conflicts?: { rows: RowConflict<StoredAssessment>[]; mine: Map<string, AssessmentData> } } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { db, ctx, user, csrfToken } = c.var;
  const { edition, framework, country } = loaded;
  const [stored, index] = await Promise.all([gridState(db, edition.id, country), loadLawIndex(db)]);
  const rows = extra.rows ?? framework.criteria.map((cr) => rowValuesOf(cr.key, stored.get(cr.key), stored.get(cr.key)?.version ?? 0, defaults(c)));
  const roleMay = can(user!.role, 'content.edit');
  const stateMay = isEditable(edition.status);
  return c.html(
    <GridPage
      ctx={ctx}
      user={user!}
      csrfToken={csrfToken}
      framework={framework}
      edition={edition}
      country={country}
      editable={roleMay && stateMay}
      readOnlyReason={!stateMay ? 'state' : !roleMay ? 'role' : undefined}
      rows={rows}
      stored={stored}
      problems={extra.problems}
      provisions={countryProvisions(index, country)}
      notice={doneNotice(c)}
      conflicts={extra.conflicts}
    />,
    status,
  );
}

export function gridRoutes(pages: GuardedRouter): void {
  pages.get(GRID, 'backoffice.read', async (c) => {
    const loaded = await load(c);
    // One address per grid: /countries/fr leads to /countries/FR.
    if (c.req.param('country') !== loaded.country) return c.redirect(gridPath(c.var.ctx.locale, loaded.edition.id, loaded.country), 301);
    return render(c, loaded);
  });

  pages.post(GRID, 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const loaded = await load(c);
    const { edition, framework, country } = loaded;
    if (!isEditable(edition.status)) return render(c, loaded, {}, 409);
    const rows = readGrid((await c.req.parseBody()) as Body, framework.criteria);
    const checked = checkGrid(rows, await loadLawIndex(db), country);
    if (hasProblems(checked)) {
      return render(c, loaded, { rows, problems: new Map(checked.map((r) => [r.values.criterion, r.problems])) }, 422);
    }
    try {
      const changed = await saveGrid(db, actorOf(c), edition.id, country, checked);
      return c.redirect(`${gridPath(ctx.locale, edition.id, country)}?done=${changed.length > 0 ? 'saved' : 'unchanged'}`, 303);
    } catch (error) {
      if (error instanceof RowConflictError) {
        const conflicts = (error as RowConflictError<StoredAssessment>).rows;
        const byKey = new Map(conflicts.map((r) => [r.key, r]));
        // The form keeps the user's input, now set to save over what is saved: a deliberate second save.
        const kept = rows.map((row) => {
          const conflict = byKey.get(row.criterion);
          if (!conflict) return row;
          const fresh = rowValuesOf(row.criterion, conflict.current, conflict.version, defaults(c));
          return { ...row, version: fresh.version, loaded: fresh.loaded };
        });
        const mine = new Map(checked.map((r) => [r.values.criterion, r.data]));
        return render(c, loaded, { rows: kept, conflicts: { rows: conflicts, mine } }, 409);
      }
      failure(c, error);
    }
  });
}
