// Test data builders: a valid resource with overrides (`buildResource({ year: 2016 })`).
import { ResourceInputSchema, type ResourceInput } from '../features/library/schema.ts';

let n = 0;

export function buildResource(overrides: Partial<ResourceInput> = {}): ResourceInput {
  n++;
  return ResourceInputSchema.parse({
    type: 'report',
    year: 2020,
    link: null,
    status: 'published',
    title: { en: `Test resource ${n}` },
    summary: { en: `A summary for test resource ${n}.` },
    publishers: ['Test Publisher'],
    topics: [],
    countries: [],
    languages: ['en'],
    ...overrides,
  });
}
