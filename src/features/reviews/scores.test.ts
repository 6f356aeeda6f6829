// Scoring rules, and the shipped frameworks on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changeSince, rank, scoreCountry, type AssessmentStatus } from './scores.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { getFramework } from './store.ts';

const weights = new Map([['a', 1], ['b', 1], ['c', 2]]);
const statuses = (entries: [string, AssessmentStatus][]) => new Map(entries);

describe('scores', () => {
  it('weights met 1, partly 0.5, not met 0 over the assessed criteria only', () => {
    assert.equal(scoreCountry('FR', statuses([['a', 'met'], ['b', 'partly'], ['c', 'not_met']]), weights).score, 37.5);
    assert.equal(scoreCountry('FR', statuses([['a', 'met'], ['b', 'not_assessed']]), weights).score, 100);
    assert.equal(scoreCountry('FR', statuses([['c', 'met'], ['a', 'not_met']]), weights).score, 66.7);
  });
  it('has no score, not zero, when nothing is assessed', () => {
    const s = scoreCountry('FR', statuses([['a', 'not_assessed']]), weights);
    assert.equal(s.score, null);
    assert.equal(s.notAssessed, 3);
    assert.equal(scoreCountry('FR', statuses([['a', 'met']]), new Map([['a', 0]])).score, null, 'all weights zero');
  });
  it('ranks equal scores together and leaves unscored countries unranked', () => {
    const ranked = rank([{ score: 50 }, { score: null }, { score: 80 }, { score: 50 }]);
    assert.deepEqual(ranked.map((r) => [r.score, r.rank]), [[80, 1], [50, 2], [50, 2], [null, null]]);
  });
  it('tells improved, regressed, same and new', () => {
    assert.deepEqual([changeSince(60, 50), changeSince(40, 50), changeSince(50, 50), changeSince(50, null), changeSince(null, 50)], ['improved', 'regressed', 'same', 'new', 'none']);
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`shipped frameworks on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => (t = await testApp(kind)));
    after(() => t.close());
    it('ships the five CSAM criteria, the six missing-child criteria, and one coverage criterion per model-law article', async () => {
      assert.equal((await getFramework(t.db, 'csam-legislation'))!.criteria.length, 5);
      assert.equal((await getFramework(t.db, 'missing-child-framework'))!.criteria.length, 6);
      const coverage = (await getFramework(t.db, 'model-law-coverage'))!;
      assert.ok(coverage.derived);
      assert.ok(coverage.criteria.length >= 24);
      assert.ok(coverage.criteria.every((c) => c.name.en && c.name.ar && c.modelLawArticle === c.key));
      for (const f of ['csam-legislation', 'missing-child-framework']) {
        for (const c of (await getFramework(t.db, f))!.criteria) assert.ok(c.modelLawArticle && coverage.criteria.some((x) => x.key === c.modelLawArticle), `${f}/${c.key} points at a model-law article`);
      }
    });
  });
}
