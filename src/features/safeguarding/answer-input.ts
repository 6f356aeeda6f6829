// Reading answers from a section's form or from the JSON autosave, and checking them against the
// questionnaire: a value must be one of the question's scale options, texts have limits, a
// deadline is a real date. Errors name the field so the form can show them next to it.
import { z } from 'zod';
import type { Question } from './questionnaire.ts';
import type { Answer } from './audits.ts';

export const ANSWER_LIMITS = { evidence: 4000, action: 2000, owner: 200 } as const;

export type AnswerField = 'value' | 'evidence' | 'action' | 'owner' | 'deadline';
export type AnswerProblem = 'valueInvalid' | 'tooLong' | 'deadlineInvalid';
export type AnswerError = { questionKey: string; field: AnswerField; problem: AnswerProblem; max?: number };

/** What the user sent for one question, as text, before checking. */
export type RawAnswer = { questionKey: string; value: string; evidence: string; action: string; owner: string; deadline: string };

export const fieldName = (questionKey: string, field: AnswerField) => `q.${questionKey}.${field}`;

const ISO_DATE = z.iso.date();

export const JsonAnswerSchema = z.object({
  question: z.string().max(100),
  value: z.string().max(100).nullable().optional(),
  evidence: z.string().optional(),
  action: z.string().optional(),
  owner: z.string().optional(),
  deadline: z.string().max(20).nullable().optional(),
});
export type JsonAnswer = z.infer<typeof JsonAnswerSchema>;

export function rawFromJson(body: JsonAnswer): RawAnswer {
  return {
    questionKey: body.question,
    value: body.value ?? '',
    evidence: body.evidence ?? '',
    action: body.action ?? '',
    owner: body.owner ?? '',
    deadline: body.deadline ?? '',
  };
}

export function rawFromForm(questions: Question[], body: Record<string, unknown>): RawAnswer[] {
  const text = (name: string) => {
    const v = body[name];
    return typeof v === 'string' ? v : '';
  };
  return questions.map((q) => ({
    questionKey: q.key,
    value: text(fieldName(q.key, 'value')),
    evidence: text(fieldName(q.key, 'evidence')),
    action: text(fieldName(q.key, 'action')),
    owner: text(fieldName(q.key, 'owner')),
    deadline: text(fieldName(q.key, 'deadline')),
  }));
}

/** Checks one raw answer; the answer to save, or the problems found. */
export function checkAnswer(question: Question, raw: RawAnswer): { answer: Answer; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const value = raw.value.trim() === '' ? null : raw.value.trim();
  if (value !== null && !question.scale.options.some((o) => o.value === value)) {
    errors.push({ questionKey: question.key, field: 'value', problem: 'valueInvalid' });
  }
  const texts = { evidence: raw.evidence.trim(), action: raw.action.trim(), owner: raw.owner.trim() };
  for (const field of ['evidence', 'action', 'owner'] as const) {
    if (texts[field].length > ANSWER_LIMITS[field]) errors.push({ questionKey: question.key, field, problem: 'tooLong', max: ANSWER_LIMITS[field] });
  }
  const deadline = raw.deadline.trim() === '' ? null : raw.deadline.trim();
  if (deadline !== null && !ISO_DATE.safeParse(deadline).success) {
    errors.push({ questionKey: question.key, field: 'deadline', problem: 'deadlineInvalid' });
  }
  return { answer: { questionKey: question.key, value, ...texts, deadline }, errors };
}
