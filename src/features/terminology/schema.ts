// The glossary's shape: the shipped file, the API's answers and what the checker reads.
import { z } from 'zod';
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';

export const STATUSES = ['avoid', 'care', 'preferred'] as const;
export type TermStatus = (typeof STATUSES)[number];

const text = (max: number) => z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1).max(max).optional()]))).strict();
const localized = text(300);
const forms = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.array(z.string().trim().min(1).max(300)).max(30).optional()]))).strict();

export const GlossaryEntryInputSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120),
  status: z.enum(STATUSES),
  term: localized.refine((t) => LOCALES.every((l) => t[l]), 'every language needs the term'),
  variants: forms.default({}),
  alternative: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).nullable(),
  explanation: text(2000),
  source: z.string().min(1).max(200).nullable(),
  link: z.string().regex(/^https?:\/\/\S+$/).nullable(),
  confirmed: z.boolean(),
});
export type GlossaryEntryInput = z.infer<typeof GlossaryEntryInputSchema>;

export type GlossaryEntry = {
  key: string;
  status: TermStatus;
  term: Localized;
  variants: Partial<Record<Locale, string[]>>;
  alternative: string | null;
  explanation: Localized;
  source: string | null;
  link: string | null;
  confirmed: boolean;
  position: number;
  version: number;
  updatedAt: string;
};
