// The parameter pieces every faceted search shares (the library's and the practices directory's):
// pure functions, so no database is involved.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { HttpError } from '../../web/errors.ts';
import { href } from '../../web/html.ts';
import { commonSearchParams, facetedSearchQuery, parseUrlQuery } from './params.ts';
import { LIMITS } from './schema.ts';

describe('shared search parameters', () => {
  it('fills the defaults, trims the words and puts a reversed year range right', () => {
    assert.deepEqual(commonSearchParams({ q: '  child  ', year_from: 2020, year_to: 2001 }), {
      q: 'child', yearFrom: 2001, yearTo: 2020, sort: 'relevance', page: 1, perPage: LIMITS.perPageDefault,
    });
    assert.equal(commonSearchParams({ per_page: 7 }, { perPage: 50 }).perPage, 7);
    assert.equal(commonSearchParams({}, { perPage: 50 }).perPage, 50);
  });

  it('writes the words first, the lists in the order given, and leaves defaults out of the URL', () => {
    const base = commonSearchParams({ q: 'abuse' });
    assert.equal(href('/x', facetedSearchQuery(base, { topic: ['a', 'b'], actor: ['government'] })), '/x?q=abuse&topic=a&topic=b&actor=government');
    const paged = { ...base, q: '', yearFrom: 1999, sort: 'title' as const, page: 3 };
    assert.equal(href('/x', facetedSearchQuery(paged, { country: [] })), '/x?year_from=1999&sort=title&page=3');
  });

  it('returns the checked query, or a 400 naming the first bad parameter', () => {
    const schema = z.object({ page: z.coerce.number().int().min(1) });
    assert.deepEqual(parseUrlQuery(schema, new URL('http://atlas.test/x?page=2')), { page: 2 });
    assert.throws(
      () => parseUrlQuery(schema, new URL('http://atlas.test/x?page=0')),
      (error: unknown) => error instanceof HttpError && error.status === 400 && error.field === 'page',
    );
  });
});
