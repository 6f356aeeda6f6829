// The pieces every back-office feature renders the same way: their markup is what the features'
// pages and tests rely on (ids that fields point at, the escaping of stored text, languages marked).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageContext } from '../../../web/context.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { described, errorId, FieldMessage } from './field-message.tsx';
import { formatWhen, languageName } from './formats.ts';
import { Text, textOf } from './localized-text.tsx';
import { Notice } from './notice.tsx';
import { StatusBadge } from './status-badge.tsx';

const en = pageContext('en', new URL('http://atlas.test/en/admin'));
const fa = pageContext('fa', new URL('http://atlas.test/fa/admin'));
const html = (node: unknown) => String(node ?? '');

describe('shared back-office views', () => {
  it('breadcrumbs: a named navigation landmark with one link per parent, labels escaped', () => {
    const out = html(<Breadcrumbs label="You are here" class="x-breadcrumbs" items={[{ href: '/en/admin/x', label: 'A & <B>' }]} />);
    assert.equal(out, '<nav aria-label="You are here" class="x-breadcrumbs"><ol><li><a href="/en/admin/x">A &amp; &lt;B&gt;</a></li></ol></nav>');
  });

  it('notice: a status message, or nothing without text', () => {
    assert.equal(html(<Notice text="Saved." />), '<p class="notice" role="status">Saved.</p>');
    assert.equal(html(<Notice text={undefined} />), '');
  });

  it('status badge: the state in the page language', () => {
    assert.equal(html(<StatusBadge ctx={en} status="in_review" />), '<span class="status status-in_review">In review</span>');
  });

  it('text: the page language unmarked, a fallback marked with its language and direction, else the fallback string', () => {
    assert.equal(html(<Text ctx={en} text={{ en: 'Policy', fa: 'سیاست' }} />), '<span>Policy</span>');
    assert.equal(html(<Text ctx={fa} text={{ en: 'Policy' }} />), '<span lang="en" dir="ltr">Policy</span>');
    assert.equal(html(<Text ctx={en} text={{}} fallback="key-1" />), 'key-1');
    assert.equal(textOf(fa, { en: 'Policy', fa: 'سیاست' }, 'k'), 'سیاست');
    assert.equal(textOf(en, { en: '  ' }, 'k'), 'k');
  });

  it('field messages: the field points at its message and hint only when they exist', () => {
    assert.equal(errorId('year'), 'year-error');
    assert.deepEqual(described('year', { code: 'x' }, 'year-hint'), { 'aria-invalid': 'true', 'aria-describedby': 'year-error year-hint' });
    assert.deepEqual(described('year', undefined, 'year-hint'), { 'aria-describedby': 'year-hint' });
    assert.deepEqual(described('year', undefined), {});
    assert.equal(html(<FieldMessage id="year" text="Too early" />), '<p class="field-error" id="year-error">Too early</p>');
    assert.equal(html(<FieldMessage id="year" text={undefined} />), '');
  });

  it('formats: timestamps in UTC and language names in the reader language', () => {
    assert.match(formatWhen('en', '2024-03-05T14:07:00Z'), /^Mar 5, 2024, 2:07\sPM UTC$/);
    assert.match(formatWhen('en', '2024-03-05T23:59:00-05:00'), /^Mar 6, 2024, 4:59\sAM UTC$/);
    assert.equal(formatWhen('en', null), '');
    assert.equal(languageName(en, 'fa'), 'Persian');
    assert.equal(languageName(fa, 'en'), 'انگلیسی');
  });
});
