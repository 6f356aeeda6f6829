// The invented assessments of `atlas seed --demo`: a pure function of a seed, the frameworks'
// criteria and a fixed list of countries, so that every database gets the very same data and a test
// can compare two runs. Nothing here describes any real country's law.
import type { Localized } from '../../i18n/locales.ts';
import type { AssessmentStatus } from '../reviews/scores.ts';

export const DEMO_SEED = 20260501;
export const DEMO_FRAMEWORKS = ['csam-legislation', 'missing-child-framework'] as const;
/** Oldest first: the second edition's changes are measured against the first. */
export const DEMO_EDITIONS = [
  { label: 'demo-2024', year: 2024 },
  { label: 'demo-2026', year: 2026 },
] as const;
/** Who "assessed": a name that says where the rows came from if a page shows it. */
export const DEMO_REVIEWER = 'atlas seed --demo';

export const DEMO_NOTE: Localized = {
  en: 'Demonstration data: invented for trying the Atlas out; not findings about any country.',
  ar: 'بيانات للعرض التوضيحي: اختُلقت لتجربة الأطلس، وليست استنتاجات بشأن أي بلد.',
  es: 'Datos de demostración: inventados para probar el Atlas; no son conclusiones sobre ningún país.',
  fa: 'داده‌های نمایشی: برای آزمودن اطلس ساخته شده‌اند و یافته‌ای دربارهٔ هیچ کشوری نیستند.',
  ru: 'Демонстрационные данные: придуманы для знакомства с Атласом; это не выводы о какой-либо стране.',
};

/**
 * Sixty states, a dozen or so per continent and at least one in every subregion the continent has
 * among sovereign states (regions.json), so that regional reviews and the map have something in
 * each part of the world. Chosen by hand rather than at random so that no uninhabited territory
 * shows up with a "score".
 */
export const DEMO_COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  africa: ['MA', 'EG', 'TN', 'KE', 'ET', 'UG', 'TZ', 'CM', 'CD', 'ZA', 'BW', 'NG', 'GH', 'SN'],
  americas: ['JM', 'DO', 'MX', 'GT', 'CR', 'BR', 'AR', 'CL', 'CO', 'PE', 'US', 'CA'],
  asia: ['KZ', 'JP', 'KR', 'MN', 'TH', 'PH', 'ID', 'VN', 'IN', 'BD', 'PK', 'LK', 'JO', 'AE'],
  europe: ['PL', 'UA', 'RO', 'SE', 'GB', 'LT', 'ES', 'IT', 'AL', 'FR', 'DE', 'NL'],
  oceania: ['AU', 'NZ', 'PG', 'FJ', 'SB', 'VU', 'WS', 'TO'],
};
export const DEMO_COUNTRY_CODES: readonly string[] = Object.values(DEMO_COUNTRIES).flat();

export type DemoFramework = { key: string; criteria: readonly string[] };
export type DemoAssessment = {
  framework: string;
  edition: string;
  country: string;
  criterion: string;
  status: AssessmentStatus;
  assessedOn: string;
};

type Random = { next(): number; int(min: number, max: number): number };

/** xorshift32 with a string-hashed start: small, and the same sequence on every platform. */
function random(seed: number, stream: string): Random {
  let state = seed >>> 0 || 1;
  for (const ch of stream) state = (Math.imul(state ^ ch.charCodeAt(0), 0x01000193) >>> 0) || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  // A few draws first: neighbouring seeds otherwise start with similar numbers.
  for (let i = 0; i < 8; i++) next();
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

const LADDER: readonly Exclude<AssessmentStatus, 'not_assessed'>[] = ['not_met', 'partly', 'met'];

/** A first-edition status: stronger legal systems meet more, later criteria are harder. */
function firstStatus(r: Random, strength: number, difficulty: number): AssessmentStatus {
  if (r.next() < 0.06) return 'not_assessed';
  const x = strength - difficulty + (r.next() - 0.5) * 0.5;
  return x > 0.12 ? 'met' : x > -0.12 ? 'partly' : 'not_met';
}

function step(status: AssessmentStatus, by: 1 | -1): AssessmentStatus {
  const at = LADDER.indexOf(status as (typeof LADDER)[number]);
  return LADDER[Math.min(LADDER.length - 1, Math.max(0, at + by))]!;
}

function date(r: Random, year: number): string {
  return `${year}-${String(r.int(2, 9)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

/**
 * Both demo editions of one framework. About one country in fifteen is missing from the first
 * edition (it shows as new in the second); of the others, about a third improve, one in eight
 * regresses, the rest mostly stay; a few criteria are not assessed, and now and then a whole
 * country is not assessed in the first edition (no score, never zero).
 */
export function demoAssessmentsFor(framework: DemoFramework, seed = DEMO_SEED): DemoAssessment[] {
  const [first, second] = DEMO_EDITIONS;
  const n = framework.criteria.length;
  const rows: DemoAssessment[] = [];
  for (const country of DEMO_COUNTRY_CODES) {
    // One stream per (framework, country): adding a country or criterion elsewhere changes nothing here.
    const r = random(seed, `${framework.key}/${country}`);
    const strength = 0.1 + 0.8 * ((r.next() + r.next() + r.next()) / 3);
    const absentFirst = r.next() < 0.07;
    const blankFirst = !absentFirst && r.next() < 0.04;
    const before = framework.criteria.map((_, i): AssessmentStatus => {
      const status = firstStatus(r, strength, 0.3 + (0.4 * i) / Math.max(1, n - 1));
      return blankFirst ? 'not_assessed' : status;
    });
    const trend = r.next();
    const after = before.map((status, i) => {
      if (status === 'not_assessed') return r.next() < 0.6 ? firstStatus(r, strength + 0.15, 0.3 + (0.4 * i) / Math.max(1, n - 1)) : status;
      return status;
    });
    const assessed = after.map((s, i) => (s === 'not_assessed' ? -1 : i)).filter((i) => i >= 0);
    const pick = (can: (s: AssessmentStatus) => boolean) => {
      const options = assessed.filter((i) => can(after[i]!));
      return options.length ? options[r.int(0, options.length - 1)] : undefined;
    };
    if (trend < 0.34) {
      for (let k = r.int(1, 2); k > 0; k--) {
        const i = pick((s) => s !== 'met');
        if (i !== undefined) after[i] = step(after[i]!, 1);
      }
    } else if (trend < 0.46) {
      const i = pick((s) => s !== 'not_met');
      if (i !== undefined) after[i] = step(after[i]!, -1);
    }
    framework.criteria.forEach((criterion, i) => {
      if (!absentFirst) rows.push({ framework: framework.key, edition: first.label, country, criterion, status: before[i]!, assessedOn: date(r, first.year) });
      rows.push({ framework: framework.key, edition: second.label, country, criterion, status: after[i]!, assessedOn: date(r, second.year) });
    });
  }
  return rows;
}
