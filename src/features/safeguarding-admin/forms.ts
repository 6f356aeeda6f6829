// The back-office forms of questionnaires as strings (what the user typed, kept on every
// re-render), their validation with zod, and the translator's scope: a translator's post changes
// only the texts of their languages, whatever else it carries.
import { z } from 'zod';
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';
import type { MessageKey, MessageValues } from '../../i18n/messages.ts';
import type { EditScope } from '../editor/form.ts';
import type { Domain, Question, Questionnaire, ScaleOption } from '../safeguarding/questionnaire.ts';
import type { AdminScale } from './scales.ts';
import { ORGANISATION_KINDS } from './stats.ts';

export type Body = Record<string, string | File | (string | File)[]>;
export type Texts = Record<Locale, string>;
/** Field id → message, shown beside the field. */
export type Problems = Map<string, { key: MessageKey; values?: MessageValues }>;

export const LIMITS = { key: 60, title: 300, text: 4000, weightMax: 9999.99, optionsMax: 12 } as const;
export const AUDIENCES = ['any', ...ORGANISATION_KINDS] as const;

export function field(body: Body, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

function many(body: Body, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

const perLocale = (pick: (l: Locale) => string): Texts => Object.fromEntries(LOCALES.map((l) => [l, pick(l)])) as Texts;
export const textsOf = (text: Localized): Texts => perLocale((l) => text[l] ?? '');
const readTexts = (body: Body, prefix: string): Texts => perLocale((l) => field(body, `${prefix}.${l}`));

/** Texts as stored: trimmed, Unix line ends, empty languages left out. */
export function cleanTexts(texts: Texts): Localized {
  const out: Localized = {};
  for (const l of LOCALES) {
    const v = texts[l].replace(/\r\n?/g, '\n').trim();
    if (v) out[l] = v;
  }
  return out;
}

/** The version the form was loaded at; undefined when missing or not a number. */
export function versionOf(body: Body): number | undefined {
  const v = field(body, 'version');
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

export const KeySchema = z.string().max(LIMITS.key).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const WeightSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(',', '.'))
  .pipe(z.string().regex(/^\d{1,4}(\.\d{1,2})?$/))
  .transform(Number)
  .pipe(z.number().min(0).max(LIMITS.weightMax));
const ScoreSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(',', '.'))
  .pipe(z.union([z.literal(''), z.string().regex(/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/)]))
  .transform((s) => (s === '' ? null : Number(s)));

function checkKey(problems: Problems, id: string, value: string) {
  if (!KeySchema.safeParse(value).success) problems.set(id, { key: 'safeguardingAdmin.error.key', values: { max: LIMITS.key } });
}

function checkWeight(problems: Problems, id: string, value: string): number {
  const parsed = WeightSchema.safeParse(value);
  if (!parsed.success) {
    problems.set(id, { key: 'safeguardingAdmin.error.weight', values: { max: LIMITS.weightMax } });
    return 0;
  }
  return parsed.data;
}

function checkTexts(problems: Problems, prefix: string, texts: Texts, max: number, required: boolean) {
  for (const l of LOCALES) if (texts[l].trim().length > max) problems.set(`${prefix}-${l}`, { key: 'safeguardingAdmin.error.tooLong', values: { max } });
  if (required && LOCALES.every((l) => texts[l].trim() === '')) problems.set(prefix, { key: 'safeguardingAdmin.error.textRequired' });
}

/** Texts where the user may change them, the current ones elsewhere. */
export function scoped(scope: EditScope, current: Texts, submitted: Texts): Texts {
  return perLocale((l) => (scope.all || scope.locales.includes(l) ? submitted[l] : current[l]));
}

// --- Questionnaire ---------------------------------------------------------------------------

export type QuestionnaireValues = { key: string; title: Texts; intro: Texts; audience: string };

export const questionnaireValues = (q: Questionnaire): QuestionnaireValues => ({ key: q.key, title: textsOf(q.title), intro: textsOf(q.intro), audience: q.audience });
export const emptyQuestionnaire = (): QuestionnaireValues => ({ key: '', title: textsOf({}), intro: textsOf({}), audience: 'any' });

export function readQuestionnaire(body: Body, scope: EditScope, current: QuestionnaireValues | undefined): QuestionnaireValues {
  const submitted = { key: field(body, 'key').trim(), title: readTexts(body, 'title'), intro: readTexts(body, 'intro'), audience: field(body, 'audience') };
  if (!current || scope.all) return submitted;
  return { ...current, title: scoped(scope, current.title, submitted.title), intro: scoped(scope, current.intro, submitted.intro) };
}

export function checkQuestionnaire(v: QuestionnaireValues, creating: boolean): Problems {
  const problems: Problems = new Map();
  if (creating) checkKey(problems, 'key', v.key);
  checkTexts(problems, 'title', v.title, LIMITS.title, true);
  checkTexts(problems, 'intro', v.intro, LIMITS.text, false);
  if (!(AUDIENCES as readonly string[]).includes(v.audience)) problems.set('audience', { key: 'safeguardingAdmin.error.audience' });
  return problems;
}

// --- Domain ----------------------------------------------------------------------------------

export type DomainValues = { key: string; title: Texts; description: Texts; weight: string };

export const domainValues = (d: Domain): DomainValues => ({ key: d.key, title: textsOf(d.title), description: textsOf(d.description), weight: String(d.weight) });
export const emptyDomain = (): DomainValues => ({ key: '', title: textsOf({}), description: textsOf({}), weight: '1' });

export function readDomain(body: Body, scope: EditScope, current: DomainValues | undefined): DomainValues {
  const submitted = { key: field(body, 'key').trim(), title: readTexts(body, 'title'), description: readTexts(body, 'description'), weight: field(body, 'weight') };
  if (!current || scope.all) return submitted;
  return { ...current, title: scoped(scope, current.title, submitted.title), description: scoped(scope, current.description, submitted.description) };
}

export function checkDomain(v: DomainValues, creating: boolean, taken: (key: string) => boolean): { problems: Problems; weight: number } {
  const problems: Problems = new Map();
  if (creating) {
    checkKey(problems, 'key', v.key);
    if (!problems.has('key') && taken(v.key)) problems.set('key', { key: 'safeguardingAdmin.error.keyTaken', values: { key: v.key } });
  }
  checkTexts(problems, 'title', v.title, LIMITS.title, true);
  checkTexts(problems, 'description', v.description, LIMITS.text, false);
  const weight = checkWeight(problems, 'weight', v.weight);
  return { problems, weight };
}

// --- Question --------------------------------------------------------------------------------

export type QuestionValues = { key: string; domain: string; text: Texts; guidance: Texts; action: Texts; scale: string; weight: string; topics: string[] };

export const questionValues = (q: Question): QuestionValues => ({
  key: q.key,
  domain: q.domainKey,
  text: textsOf(q.text),
  guidance: textsOf(q.guidance),
  action: textsOf(q.action),
  scale: q.scale.key,
  weight: String(q.weight),
  topics: [...q.topics],
});
export const emptyQuestion = (domain: string, scale: string): QuestionValues => ({
  key: '',
  domain,
  text: textsOf({}),
  guidance: textsOf({}),
  action: textsOf({}),
  scale,
  weight: '1',
  topics: [],
});

export function readQuestion(body: Body, scope: EditScope, current: QuestionValues | undefined): QuestionValues {
  const submitted: QuestionValues = {
    key: field(body, 'key').trim(),
    domain: field(body, 'domain'),
    text: readTexts(body, 'text'),
    guidance: readTexts(body, 'guidance'),
    action: readTexts(body, 'action'),
    scale: field(body, 'scale'),
    weight: field(body, 'weight'),
    topics: many(body, 'topics'),
  };
  if (!current || scope.all) return submitted;
  return {
    ...current,
    text: scoped(scope, current.text, submitted.text),
    guidance: scoped(scope, current.guidance, submitted.guidance),
    action: scoped(scope, current.action, submitted.action),
  };
}

export function checkQuestion(
  v: QuestionValues,
  creating: boolean,
  known: { domains: ReadonlySet<string>; scales: ReadonlySet<string>; topics: ReadonlySet<string>; takenKeys: ReadonlySet<string> },
): { problems: Problems; weight: number } {
  const problems: Problems = new Map();
  if (creating) {
    checkKey(problems, 'key', v.key);
    if (!problems.has('key') && known.takenKeys.has(v.key)) problems.set('key', { key: 'safeguardingAdmin.error.keyTaken', values: { key: v.key } });
  }
  if (!known.domains.has(v.domain)) problems.set('domain', { key: 'safeguardingAdmin.error.domain' });
  checkTexts(problems, 'text', v.text, LIMITS.title, true);
  checkTexts(problems, 'guidance', v.guidance, LIMITS.text, false);
  checkTexts(problems, 'action', v.action, LIMITS.text, false);
  if (!known.scales.has(v.scale)) problems.set('scale', { key: 'safeguardingAdmin.error.scale' });
  const unknown = v.topics.filter((t) => !known.topics.has(t));
  if (unknown.length) problems.set('topics', { key: 'safeguardingAdmin.error.topics', values: { values: unknown.join(', ') } });
  const weight = checkWeight(problems, 'weight', v.weight);
  return { problems, weight };
}

// --- Scale -----------------------------------------------------------------------------------

export type OptionValues = { value: string; score: string; label: Texts };
export type ScaleValues = { key: string; name: Texts; options: OptionValues[] };

/** Blank rows offered for new options. */
export const BLANK_OPTIONS = 2;

const blankOption = (): OptionValues => ({ value: '', score: '', label: textsOf({}) });
export const scaleValues = (s: AdminScale): ScaleValues => ({
  key: s.key,
  name: textsOf(s.name),
  options: s.options.map((o) => ({ value: o.value, score: o.score === null ? '' : String(o.score), label: textsOf(o.label) })),
});
export const emptyScale = (): ScaleValues => ({ key: '', name: textsOf({}), options: [blankOption(), blankOption(), blankOption()] });
export const withBlankRows = (v: ScaleValues): ScaleValues => ({ ...v, options: [...v.options, ...Array.from({ length: BLANK_OPTIONS }, blankOption)] });

export function readScale(body: Body, scope: EditScope, current: ScaleValues | undefined): ScaleValues {
  const count = Math.min(Number(field(body, 'rows')) || 0, LIMITS.optionsMax + BLANK_OPTIONS);
  const options: OptionValues[] = [];
  for (let i = 0; i < count; i++) {
    const option = { value: field(body, `option.${i}.value`).trim(), score: field(body, `option.${i}.score`), label: readTexts(body, `option.${i}.label`) };
    // A row left empty is no option: how new rows are left unused and old ones removed.
    if (option.value === '' && option.score.trim() === '' && LOCALES.every((l) => option.label[l].trim() === '')) continue;
    options.push(option);
  }
  const submitted = { key: field(body, 'key').trim(), name: readTexts(body, 'name'), options };
  if (!current || scope.all) return submitted;
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return {
    ...current,
    name: scoped(scope, current.name, submitted.name),
    options: current.options.map((o) => ({ ...o, label: scoped(scope, o.label, labels.get(o.value) ?? o.label) })),
  };
}

export function checkScale(v: ScaleValues, creating: boolean, taken: (key: string) => boolean): { problems: Problems; options: ScaleOption[] } {
  const problems: Problems = new Map();
  if (creating) {
    checkKey(problems, 'key', v.key);
    if (!problems.has('key') && taken(v.key)) problems.set('key', { key: 'safeguardingAdmin.error.keyTaken', values: { key: v.key } });
  }
  checkTexts(problems, 'name', v.name, LIMITS.title, true);
  const options: ScaleOption[] = [];
  const seen = new Set<string>();
  v.options.forEach((o, i) => {
    if (!KeySchema.safeParse(o.value).success) problems.set(`option-${i}-value`, { key: 'safeguardingAdmin.error.key', values: { max: LIMITS.key } });
    else if (seen.has(o.value)) problems.set(`option-${i}-value`, { key: 'safeguardingAdmin.error.keyTaken', values: { key: o.value } });
    seen.add(o.value);
    const score = ScoreSchema.safeParse(o.score);
    if (!score.success) problems.set(`option-${i}-score`, { key: 'safeguardingAdmin.error.score' });
    checkTexts(problems, `option-${i}-label`, o.label, LIMITS.title, true);
    options.push({ value: o.value, score: score.success ? score.data : null, label: cleanTexts(o.label) });
  });
  if (options.length < 2 || options.length > LIMITS.optionsMax) problems.set('options', { key: 'safeguardingAdmin.error.options', values: { max: LIMITS.optionsMax } });
  else if (options.every((o) => o.score === null)) problems.set('options', { key: 'safeguardingAdmin.error.noScore' });
  return { problems, options };
}
