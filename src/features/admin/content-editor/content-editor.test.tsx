// The pieces the content editors share, on their own: the list search on both databases (what the
// user types matches itself, accents ignored), and the markup helpers the resource and practice
// pages both rely on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../db/connect.ts';
import { DATABASE_KINDS, testDatabase } from '../../../testing/databases.ts';
import { pageContext } from '../../../web/context.ts';
import { described, ErrorSummary, type FieldErrors } from './field-messages.tsx';
import { savedQuery, versionNumber } from './http.ts';
import { ListPager, pageCount, StateFilter } from './list-parts.tsx';
import { likePattern, slugOrTitleContains } from './list-query.ts';

const ctx = pageContext('en', new URL('http://atlas.test/en/admin/resources'));
const html = (node: unknown) => String(node);

for (const kind of DATABASE_KINDS) {
  describe(`content editor list search on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await testDatabase(kind);
    });
    after(() => database.close());

    async function matches(text: string): Promise<string[]> {
      const rows = await sql<{ slug: string }>`SELECT r.slug FROM (VALUES
          ('child-helplines', '{"en": "Child helplines", "es": "Líneas de ayuda"}'::jsonb),
          ('fifty-percent', '{"en": "Reached 50% of schools"}'::jsonb),
          ('snake_case', '{"en": "Underscores"}'::jsonb)
        ) AS r(slug, title) WHERE ${slugOrTitleContains('r', text)} ORDER BY r.slug`.execute(database.db);
      return rows.rows.map((r) => r.slug);
    }

    it('finds a slug or a title in any language, accents ignored', async () => {
      assert.deepEqual(await matches('lineas'), ['child-helplines']);
      assert.deepEqual(await matches('HELPLINE'), ['child-helplines']);
    });

    it('matches %, _ and \\ literally', async () => {
      assert.deepEqual(await matches('50%'), ['fifty-percent']);
      assert.deepEqual(await matches('_'), ['snake_case']);
      assert.deepEqual(await matches('\\'), []);
    });
  });
}

describe('content editor helpers', () => {
  it('escapes LIKE wildcards in what the user typed', () => {
    assert.equal(likePattern('50%_a\\b'), '%50\\%\\_a\\\\b%');
  });

  it('points a field at its hint and its message, and at messages of its group', () => {
    const errors: FieldErrors = new Map([['slug', { key: 'editor.error.slug' }], ['title', { key: 'editor.error.titleRequired' }]]);
    assert.deepEqual(described(errors, 'slug', true), { 'aria-invalid': 'true', 'aria-describedby': 'slug-hint slug-error' });
    assert.deepEqual(described(errors, 'title-en', false, ['title-error']), { 'aria-invalid': 'true', 'aria-describedby': 'title-error' });
    assert.deepEqual(described(errors, 'year'), { 'aria-invalid': undefined, 'aria-describedby': undefined });
  });

  it('lists messages in the form order, each linking to its field', () => {
    const errors: FieldErrors = new Map([['year', { key: 'editor.error.type' }], ['title', { key: 'editor.error.titleRequired' }]]);
    const out = html(ErrorSummary({ ctx, errors, fields: [{ id: 'title', label: 'Title', target: 'title-en' }, { id: 'slug', label: 'Slug' }, { id: 'year', label: 'Year' }] }));
    assert.match(out, /<a href="#title-en">Title<\/a><\/li><li><a href="#year">Year<\/a>/);
    assert.doesNotMatch(out, /#slug/);
    assert.equal(ErrorSummary({ ctx, errors: new Map(), fields: [] }), null);
  });

  it('reads versions and says what a save did', () => {
    assert.equal(versionNumber('12'), 12);
    assert.equal(versionNumber('1e3'), undefined);
    assert.equal(versionNumber(undefined), undefined);
    assert.equal(savedQuery({ version: 4, changed: ['slug'] }), 'saved=4');
    assert.equal(savedQuery({ version: 4, changed: [] }), 'unchanged=1');
  });

  it('pages keep the filters and stop at the ends', () => {
    assert.equal(pageCount(0, 25), 1);
    assert.equal(pageCount(51, 25), 3);
    assert.equal(ListPager({ ctx, base: '/en/admin/resources', page: 1, pages: 1, query: () => ({}) }), null);
    const first = html(ListPager({ ctx, base: '/en/admin/resources', page: 1, pages: 3, query: (page) => ({ status: 'draft', page }) }));
    assert.doesNotMatch(first, /rel="prev"/);
    assert.match(first, /href="\/en\/admin\/resources\?status=draft&amp;page=2" rel="next"/);
    const last = html(ListPager({ ctx, base: '/en/admin/resources', page: 3, pages: 3, query: (page) => ({ page }) }));
    assert.match(last, /href="\/en\/admin\/resources\?page=2" rel="prev"/);
    assert.doesNotMatch(last, /rel="next"/);
  });

  it('offers every workflow state as a filter, the current one selected', () => {
    const out = html(StateFilter({ ctx, value: 'in_review' }));
    assert.match(out, /<option value="in_review" selected="">/);
    assert.equal((out.match(/selected/g) ?? []).length, 1);
    assert.equal((out.match(/<option value="[a-z_]+"/g) ?? []).length, 4);
  });
});
