// The language of a text when the user chose "automatic": by its script, then, within a script
// shared by two of the Atlas's languages, by letters and short words only one of them uses.
import type { Locale } from '../../i18n/locales.ts';

const SAMPLE = 20_000;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

function wordScore(text: string, list: string[]): number {
  const set = new Set(list);
  let n = 0;
  for (const m of text.matchAll(/[\p{L}]+/gu)) if (set.has(m[0].toLowerCase())) n++;
  return n;
}

const EN = ['the', 'and', 'of', 'to', 'is', 'are', 'that', 'for', 'with', 'this', 'be', 'by', 'or', 'it', 'was', 'have', 'not'];
const ES = ['el', 'la', 'los', 'las', 'del', 'que', 'y', 'por', 'con', 'para', 'una', 'un', 'es', 'se', 'su', 'sus', 'al', 'como', 'más'];
const FA = ['است', 'این', 'که', 'را', 'می', 'های', 'ها', 'با', 'برای', 'بر', 'شود', 'کودکان', 'یک', 'آن', 'هستند'];
const AR = ['في', 'من', 'على', 'إلى', 'التي', 'الذي', 'هذا', 'هذه', 'أن', 'عن', 'مع', 'كان', 'الأطفال', 'هو', 'هي'];

export function detectLanguage(text: string, fallback: Locale): Locale {
  const sample = text.slice(0, SAMPLE);
  const arabic = count(sample, /\p{Script=Arabic}/gu);
  const cyrillic = count(sample, /\p{Script=Cyrillic}/gu);
  const latin = count(sample, /\p{Script=Latin}/gu);
  const most = Math.max(arabic, cyrillic, latin);
  if (most === 0) return fallback;
  if (most === cyrillic) return 'ru';
  if (most === arabic) {
    // پ چ ژ گ and the Persian forms of yeh and kaf are Persian; ة and the Arabic yeh and kaf Arabic.
    const persian = count(sample, /[پچژگیک]/gu) + 3 * wordScore(sample, FA);
    const arabicOnly = count(sample, /[ةيك]/gu) + 3 * wordScore(sample, AR);
    return persian > arabicOnly ? 'fa' : 'ar';
  }
  const spanish = count(sample, /[ñáéíóú¿¡]/giu) + 2 * wordScore(sample, ES);
  const english = 2 * wordScore(sample, EN);
  if (spanish === english) return fallback === 'es' ? 'es' : 'en';
  return spanish > english ? 'es' : 'en';
}
