// The file format of a questionnaire (the shipped ones in src/data/safeguarding/, and any a team
// writes the same way): the whole tree in one JSON document, checked with zod before anything is
// written, then written in the caller's transaction.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { LOCALES } from '../../i18n/locales.ts';
import type { QuestionnaireStatus } from './questionnaire.ts';

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const localized = (max: number) =>
  z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().max(max).optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<z.ZodString>>);

const required = (max: number) => localized(max).refine((t) => Boolean(t.en), { message: 'an English text is required' });

export const ScaleFileSchema = z.object({
  key: z.string().regex(KEY),
  name: required(200),
  options: z
    .array(z.object({ value: z.string().regex(KEY).max(40), score: z.number().min(0).max(1).nullable(), label: required(100) }))
    .min(2)
    .refine((options) => new Set(options.map((o) => o.value)).size === options.length, { message: 'option values must differ' })
    .refine((options) => options.some((o) => o.score !== null), { message: 'at least one option must be scored' }),
});
export type ScaleFile = z.infer<typeof ScaleFileSchema>;

const QuestionFileSchema = z.object({
  key: z.string().regex(KEY).max(80),
  weight: z.number().min(0).max(100).default(1),
  scale: z.string().regex(KEY).optional(),
  topics: z.array(z.string().regex(KEY)).max(10).default([]),
  text: required(1000),
  guidance: localized(3000).default({}),
  action: localized(3000).default({}),
});

const DomainFileSchema = z.object({
  key: z.string().regex(KEY).max(80),
  weight: z.number().min(0).max(100).default(1),
  title: required(300),
  description: localized(2000).default({}),
  questions: z.array(QuestionFileSchema).min(1),
});

export const QuestionnaireFileSchema = z
  .object({
    key: z.string().regex(KEY).max(80),
    version: z.number().int().min(1).default(1),
    audience: z.string().regex(KEY).max(80).default('any'),
    position: z.number().int().default(0),
    /** The scale of every question that does not name its own. */
    scale: z.string().regex(KEY).default('no-developing-embedded'),
    title: required(300),
    intro: localized(5000).default({}),
    domains: z.array(DomainFileSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const domains = new Set<string>();
    const questions = new Set<string>();
    for (const d of q.domains) {
      if (domains.has(d.key)) ctx.addIssue({ code: 'custom', message: `domain ${d.key} appears twice`, path: ['domains'] });
      domains.add(d.key);
      for (const x of d.questions) {
        // Answers are keyed by question within a questionnaire, whatever the domain.
        if (questions.has(x.key)) ctx.addIssue({ code: 'custom', message: `question ${x.key} appears twice`, path: ['domains'] });
        questions.add(x.key);
      }
    }
  });
export type QuestionnaireFile = z.infer<typeof QuestionnaireFileSchema>;

/** Adds or replaces a scale (its key stays: questions of other questionnaires may use it). */
export async function writeScale(db: Db, scale: ScaleFile): Promise<void> {
  await sql`INSERT INTO safeguarding_scales (key, name, options) VALUES (${scale.key}, ${JSON.stringify(scale.name)}, ${JSON.stringify(scale.options)})
    ON CONFLICT (key) DO UPDATE SET name = excluded.name, options = excluded.options`.execute(db);
}

/**
 * Writes a whole questionnaire: its row, and its domains and questions replaced by the file's. Run
 * it inside a transaction. Existing audits keep their answers (keyed by question key).
 */
export async function writeQuestionnaire(db: Db, file: QuestionnaireFile, status: QuestionnaireStatus): Promise<void> {
  await sql`
    INSERT INTO safeguarding_questionnaires (key, title, intro, audience, status, version, position)
    VALUES (${file.key}, ${JSON.stringify(file.title)}, ${JSON.stringify(file.intro)}, ${file.audience}, ${status}, ${file.version}, ${file.position})
    ON CONFLICT (key) DO UPDATE SET title = excluded.title, intro = excluded.intro, audience = excluded.audience,
      status = excluded.status, version = excluded.version, position = excluded.position, updated_at = now()`.execute(db);
  await sql`DELETE FROM safeguarding_domains WHERE questionnaire_key = ${file.key}`.execute(db);
  let questionPosition = 0;
  for (const [i, domain] of file.domains.entries()) {
    await sql`INSERT INTO safeguarding_domains (questionnaire_key, key, title, description, weight, position)
      VALUES (${file.key}, ${domain.key}, ${JSON.stringify(domain.title)}, ${JSON.stringify(domain.description)}, ${domain.weight}, ${i + 1})`.execute(db);
    for (const question of domain.questions) {
      questionPosition++;
      await sql`INSERT INTO safeguarding_questions (questionnaire_key, domain_key, key, text, guidance, action, scale_key, weight, topics, position)
        VALUES (${file.key}, ${domain.key}, ${question.key}, ${JSON.stringify(question.text)}, ${JSON.stringify(question.guidance)},
          ${JSON.stringify(question.action)}, ${question.scale ?? file.scale}, ${question.weight}, ${question.topics}, ${questionPosition})`.execute(db);
    }
  }
}
