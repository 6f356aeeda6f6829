// The public response cache shares a page between visitors, so a page made for one visitor (a
// form with its CSRF token, a cookie being set) must never be stored, while plain public pages are.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../testing/databases.ts';
import { testApp } from '../testing/app.ts';

const FORM_PAGES = ['/en/terminology/check', '/en/practices/submit', '/en/self-audit', '/en/admin/login'];

for (const kind of DATABASE_KINDS) {
  describe(`response cache rules on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());

    it('stores plain public pages', async () => {
      await t.app.request('/en/library');
      const again = await t.app.request('/en/library');
      assert.equal(again.headers.get('x-cache'), 'hit');
      assert.match(again.headers.get('cache-control') ?? '', /public/);
    });

    for (const path of FORM_PAGES) {
      it(`never stores ${path}, which carries a visitor's own form token`, async () => {
        const first = await t.app.request(path);
        const second = await t.app.request(path);
        assert.equal(first.status, 200);
        assert.equal(second.headers.get('x-cache'), null);
        assert.match(second.headers.get('cache-control') ?? '', /no-store/);
        const token = async (res: Response) => /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
        const [a, b] = [await token(first), await token(second)];
        assert.ok(a && b, 'the form has a token');
        assert.notEqual(a, b, 'two visitors get two tokens');
      });
    }
  });
}
