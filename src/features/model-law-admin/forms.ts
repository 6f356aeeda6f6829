// The back office's model-law forms as strings (kept as typed on every re-render) and their
// validation, with one message key per field so that each message sits next to its field.
import type { MessageKey, MessageValues } from '../../i18n/messages.ts';
import { field, type Body } from './http.ts';
import { LABEL_MAX } from './editions.ts';
import { KEY_MAX, KEY_PATTERN } from './structure.ts';
import { splitParagraphs } from './texts.ts';

export type FieldProblem = { key: MessageKey; values?: MessageValues };
export type FormState = { values: Record<string, string>; errors: Record<string, FieldProblem> };

export const TEXT_MAX = 20_000;
export const PARAGRAPHS_MAX = 50;
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

export function readFields(body: Body, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)]));
}

/** A four-digit year in range; an empty optional field is undefined. */
export function readYear(value: string, errors: Record<string, FieldProblem>, name: string, optional = false): number | undefined {
  const v = value.trim();
  if (v === '' && optional) return undefined;
  const n = /^\d{4}$/.test(v) ? Number(v) : NaN;
  if (!(n >= YEAR_MIN && n <= YEAR_MAX)) {
    errors[name] = { key: 'modelLawAdmin.error.year', values: { min: YEAR_MIN, max: YEAR_MAX } };
    return undefined;
  }
  return n;
}

export function checkLabel(value: string, errors: Record<string, FieldProblem>, name = 'label'): string {
  const label = value.trim();
  if (label === '') errors[name] = { key: 'modelLawAdmin.error.labelRequired' };
  else if (label.length > LABEL_MAX) errors[name] = { key: 'modelLawAdmin.error.tooLong', values: { max: LABEL_MAX } };
  return label;
}

export const COPY_FIELDS = ['label', 'year'] as const;

export function validateCopy(values: Record<string, string>): { ok: true; label: string; year: number } | { ok: false; errors: Record<string, FieldProblem> } {
  const errors: Record<string, FieldProblem> = {};
  const label = checkLabel(values.label ?? '', errors);
  const y = readYear(values.year ?? '', errors, 'year');
  return Object.keys(errors).length > 0 || y === undefined ? { ok: false, errors } : { ok: true, label, year: y };
}

/** Heading and paragraphs of one locale; `required`: the source language, which every node needs. */
export function checkText(
  kind: 'part' | 'chapter' | 'article',
  heading: string,
  text: string,
  required: boolean,
  errors: Record<string, FieldProblem>,
  names: { heading: string; text: string },
): { heading: string; paragraphs: string[] } {
  const h = heading.trim().replace(/\s+/g, ' ');
  const paragraphs = kind === 'article' ? splitParagraphs(text) : [];
  const empty = h === '' && paragraphs.length === 0;
  if (h.length > TEXT_MAX) errors[names.heading] = { key: 'modelLawAdmin.error.tooLong', values: { max: TEXT_MAX } };
  else if (h === '' && (required || !empty)) errors[names.heading] = { key: 'modelLawAdmin.error.headingRequired' };
  if (kind === 'article') {
    if (paragraphs.length > PARAGRAPHS_MAX) errors[names.text] = { key: 'modelLawAdmin.error.tooManyParagraphs', values: { max: PARAGRAPHS_MAX } };
    else if (paragraphs.some((p) => p.length > TEXT_MAX)) errors[names.text] = { key: 'modelLawAdmin.error.tooLong', values: { max: TEXT_MAX } };
    else if (paragraphs.length === 0 && (required || !empty)) errors[names.text] = { key: 'modelLawAdmin.error.textRequired' };
  }
  return { heading: h, paragraphs };
}

export const NODE_FIELDS = ['key', 'heading', 'text', 'parent'] as const;

export function validateNewNode(
  kind: 'chapter' | 'article',
  values: Record<string, string>,
): { ok: true; key: string; heading: string; paragraphs: string[] } | { ok: false; errors: Record<string, FieldProblem> } {
  const errors: Record<string, FieldProblem> = {};
  const key = (values.key ?? '').trim();
  if (!KEY_PATTERN.test(key) || key.length > KEY_MAX) errors.key = { key: 'modelLawAdmin.error.keyFormat', values: { max: KEY_MAX } };
  const text = checkText(kind, values.heading ?? '', values.text ?? '', true, errors, { heading: 'heading', text: 'text' });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, key, ...text };
}

