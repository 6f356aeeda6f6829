// Scoring of a self-audit, on a small questionnaire computed by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Domain, Question, Questionnaire, Scale } from './questionnaire.ts';
import { actionPlan, bestScore, formatPercent, scoreAudit } from './scoring.ts';

const scale: Scale = {
  key: 'ndem',
  name: { en: 'No / Developing / Embedded' },
  options: [
    { value: 'no', score: 0, label: { en: 'No' } },
    { value: 'developing', score: 0.5, label: { en: 'Developing' } },
    { value: 'embedded', score: 1, label: { en: 'Embedded' } },
    { value: 'not-applicable', score: null, label: { en: 'Not applicable' } },
  ],
};

let position = 0;
const question = (domainKey: string, key: string, weight: number): Question => ({
  key,
  domainKey,
  text: { en: key },
  guidance: {},
  action: { en: `do ${key}` },
  scale,
  weight,
  topics: [],
  position: ++position,
});
const domain = (key: string, weight: number, questions: Question[]): Domain => ({ key, title: { en: key }, description: {}, weight, position: 0, questions });

const questionnaire: Questionnaire = {
  key: 'test',
  title: { en: 'Test' },
  intro: {},
  audience: 'any',
  status: 'published',
  version: 1,
  position: 0,
  updatedAt: new Date(),
  domains: [
    domain('a', 2, [question('a', 'q1', 2), question('a', 'q2', 1)]),
    domain('b', 1, [question('b', 'q3', 1), question('b', 'q4', 3), question('b', 'q6', 1)]),
    domain('c', 1, [question('c', 'q5', 1)]),
  ],
};

const answers = new Map<string, string | null>([
  ['q1', 'embedded'],
  ['q2', 'no'],
  ['q3', 'developing'],
  ['q4', 'not-applicable'],
  ['q6', 'developing'],
]);

describe('self-audit scoring', () => {
  it('weights questions within a domain and domains overall, by hand', () => {
    const s = scoreAudit(questionnaire, answers);
    // a: (2 × 1 + 1 × 0) / 3; b: (1 × 0.5 + 1 × 0.5) / 2 (q4 not applicable); c: nothing answered.
    assert.ok(Math.abs(s.domains[0]!.score! - 2 / 3) < 1e-9);
    assert.equal(s.domains[1]!.score, 0.5);
    assert.equal(s.domains[1]!.notApplicable, 1);
    assert.equal(s.domains[2]!.score, null, 'a domain with nothing answered has no score, not 0');
    // (2 × 2/3 + 1 × 0.5) / (2 + 1): domain c is left out of both sides.
    assert.ok(Math.abs(s.overall! - (4 / 3 + 0.5) / 3) < 1e-9);
    assert.equal(s.answered, 5);
    assert.equal(s.questions, 6);
  });

  it('has no overall score when nothing is answered, and ignores values not on the scale', () => {
    const s = scoreAudit(questionnaire, new Map([['q1', 'maybe']]));
    assert.equal(s.overall, null);
    assert.ok(s.domains.every((d) => d.score === null));
  });

  it('orders the action plan by gap × question weight × domain weight, then position', () => {
    const plan = actionPlan(questionnaire, answers);
    // q2: 1 × 1 × 2 = 2; q3 and q6: 0.5 × 1 × 1 = 0.5 (q3 comes first); q1 is at its best; q4 is not applicable.
    assert.deepEqual(
      plan.map((i) => [i.question.key, i.priority]),
      [
        ['q2', 2],
        ['q3', 0.5],
        ['q6', 0.5],
      ],
    );
    assert.equal(plan[0]!.domain.key, 'a');
    assert.equal(plan[0]!.option.value, 'no');
  });

  it('puts a heavier domain first at the same gap', () => {
    const plan = actionPlan(questionnaire, new Map([['q3', 'no'], ['q2', 'no']]));
    assert.deepEqual(plan.map((i) => i.question.key), ['q2', 'q3']);
  });

  it('knows the best option of a scale and formats percentages per locale', () => {
    assert.equal(bestScore(questionnaire.domains[0]!.questions[0]!), 1);
    assert.equal(formatPercent('en', 0.7), '70%');
    assert.match(formatPercent('fa', 0.7), /۷۰/);
  });
});
