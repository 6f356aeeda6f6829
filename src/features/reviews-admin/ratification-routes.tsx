// Ratifications of a country: every back-office role reads them, editors change them.
import { sql } from 'kysely';
import { notFound } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { can } from '../auth/roles.ts';
import { RowConflictError } from './errors.ts';
import { field, type Body } from './form.ts';
import { actorOf, knownCountry, ratificationsPath, type C } from './http.ts';
import {
  checkRatifications,
  listInstruments,
  readRatifications,
  saveRatifications,
  storedRatifications,
  valuesOf,
  type RatificationData,
  type RatificationProblems,
  type RatificationValues,
  type StoredRatification,
} from './ratifications.ts';
import { RatificationsPage } from './views/ratifications-page.tsx';
import type { RowConflict } from './errors.ts';

async function render(
  c: C,
  code: string | undefined,
  extra: { rows?: RatificationValues[]; problems?: Map<string, RatificationProblems>; conflicts?: { rows: RowConflict<StoredRatification>[]; mine: Map<string, RatificationData | null> } } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { db, ctx, user, csrfToken } = c.var;
  const [countries, instruments, stored] = await Promise.all([
    sql<{ code: string }>`SELECT code FROM countries`.execute(db),
    listInstruments(db),
    code ? storedRatifications(db, code) : Promise.resolve(new Map<string, StoredRatification>()),
  ]);
  const done = c.req.query('done');
  return c.html(
    <RatificationsPage
      ctx={ctx}
      user={user!}
      csrfToken={csrfToken}
      countries={countries.rows.map((r) => r.code.trim())}
      country={code}
      instruments={instruments}
      editable={can(user!.role, 'content.edit')}
      rows={extra.rows ?? instruments.map((i) => valuesOf(i.key, stored.get(i.key)))}
      stored={stored}
      problems={extra.problems}
      conflicts={extra.conflicts}
      notice={done === 'saved' ? ctx.t('reviewsAdmin.done.saved') : done === 'unchanged' ? ctx.t('reviewsAdmin.done.unchanged') : undefined}
    />,
    status,
  );
}

export function ratificationRoutes(pages: GuardedRouter): void {
  pages.get('/reviews/ratifications', 'backoffice.read', async (c) => {
    const asked = c.req.query('country');
    if (!asked) return render(c, undefined);
    const code = await knownCountry(c, asked);
    if (!code) throw notFound();
    return render(c, code);
  });

  pages.post('/reviews/ratifications', 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const body = (await c.req.parseBody()) as Body;
    const code = await knownCountry(c, field(body, 'country'));
    if (!code) throw notFound();
    const instruments = await listInstruments(db);
    const rows = readRatifications(body, instruments);
    const checked = checkRatifications(rows);
    if (checked.some((r) => Object.keys(r.problems).length > 0)) {
      return render(c, code, { rows, problems: new Map(checked.map((r) => [r.values.instrument, r.problems])) }, 422);
    }
    try {
      const changes = await saveRatifications(db, actorOf(c), code, checked);
      return c.redirect(`${ratificationsPath(ctx.locale, code)}&done=${Object.keys(changes).length > 0 ? 'saved' : 'unchanged'}`, 303);
    } catch (error) {
      if (!(error instanceof RowConflictError)) throw error;
      const conflicts = (error as RowConflictError<StoredRatification>).rows;
      const byKey = new Map(conflicts.map((r) => [r.key, r]));
      const kept = rows.map((row) => {
        const conflict = byKey.get(row.instrument);
        if (!conflict) return row;
        const fresh = valuesOf(row.instrument, conflict.current);
        return { ...row, version: fresh.version, loaded: fresh.loaded };
      });
      return render(c, code, { rows: kept, conflicts: { rows: conflicts, mine: new Map(checked.map((r) => [r.values.instrument, r.data])) } }, 409);
    }
  });
}
