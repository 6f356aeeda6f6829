// What the two practice forms (public submission, back-office editor) share when turning zod's
// issues into a message next to each field, in the page's language. Reading a posted body is the
// content editors' (src/features/admin/content-editor/http.ts).
import type { z } from 'zod';
import { setOnce, type FieldErrors } from '../admin/content-editor/field-messages.tsx';
import type { Known } from '../admin/content-editor/vocabulary.ts';
import { PRACTICE_LIMITS } from '../practices/schema.ts';

const TEXT_MAX = {
  title: PRACTICE_LIMITS.titleMax,
  summary: PRACTICE_LIMITS.summaryMax,
  description: PRACTICE_LIMITS.descriptionMax,
  outcomes: PRACTICE_LIMITS.outcomesMax,
} as const;

/**
 * Places one issue of PracticeInputSchema. `textField` names the field of a text (per locale in
 * the editor, one field in the public form); `linkField` the field of the n-th link.
 */
export function placeIssue(errors: FieldErrors, issue: z.core.$ZodIssue, where: { textField: (kind: keyof typeof TEXT_MAX, locale: string | undefined) => string; linkField: (index: number) => string }) {
  const [head, second] = issue.path;
  switch (head) {
    case 'title':
      if (second === undefined) return setOnce(errors, where.textField('title', undefined), 'practicesAdmin.error.titleRequired');
      return setOnce(errors, where.textField('title', String(second)), 'editor.error.tooLong', { max: TEXT_MAX.title });
    case 'summary':
    case 'description':
    case 'outcomes':
      return setOnce(errors, where.textField(head, second === undefined ? undefined : String(second)), 'editor.error.tooLong', { max: TEXT_MAX[head] });
    case 'actor':
      return setOnce(errors, 'actor', 'practicesAdmin.error.actor');
    case 'yearFrom':
      return setOnce(errors, 'year-from', 'practicesAdmin.error.year', { min: PRACTICE_LIMITS.yearMin, max: PRACTICE_LIMITS.yearMax });
    case 'yearTo':
      if (issue.code === 'custom') return setOnce(errors, 'year-to', 'practicesAdmin.error.yearOrder');
      return setOnce(errors, 'year-to', 'practicesAdmin.error.year', { min: PRACTICE_LIMITS.yearMin, max: PRACTICE_LIMITS.yearMax });
    case 'links':
      if (typeof second === 'number') return setOnce(errors, where.linkField(second), 'practicesAdmin.error.link', { max: PRACTICE_LIMITS.linkMax });
      return setOnce(errors, where.linkField(-1), 'practicesAdmin.error.linkCount', { max: PRACTICE_LIMITS.linksMax });
    case 'topics':
      return setOnce(errors, 'topics', 'practicesAdmin.error.topics');
    case 'countries':
      return setOnce(errors, 'countries', 'practicesAdmin.error.countries');
    case 'slug':
      return setOnce(errors, 'slug', 'editor.error.slug');
    case 'relatedResources':
      return setOnce(errors, 'related', 'practicesAdmin.error.related', { values: '' });
    default:
      return setOnce(errors, where.textField('title', undefined), 'practicesAdmin.error.titleRequired');
  }
}

/** Tags must exist: a typo would otherwise make a tag no page lists. */
export function checkKnown(errors: FieldErrors, known: Known, topics: string[], countries: string[]): void {
  if (topics.some((t) => !known.topics.has(t))) setOnce(errors, 'topics', 'practicesAdmin.error.topics');
  if (countries.some((c) => !known.countries.has(c))) setOnce(errors, 'countries', 'practicesAdmin.error.countries');
}
