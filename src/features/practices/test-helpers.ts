// Test data: a valid practice with overrides (`buildPractice({ yearFrom: 2010 })`).
import { PracticeInputSchema, type PracticeInput } from './schema.ts';

let n = 0;

export function buildPractice(overrides: Partial<PracticeInput> = {}): PracticeInput {
  n++;
  return PracticeInputSchema.parse({
    actor: 'civil-society',
    status: 'published',
    title: { en: `Test practice ${n}` },
    summary: { en: `A summary for test practice ${n}.` },
    ...overrides,
  });
}
