// One check, as the page, the API and the command line run it: the text's language (chosen, or
// detected with the page's language as the fallback), the findings, and the rate limit that keeps
// anonymous checks of long texts from tying up the database.
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { takeRateLimit } from '../../web/rate-limit.ts';
import { detectLanguage } from './language.ts';
import { checkText, type Finding } from './matcher.ts';

/** Texts up to this length are checked without counting; a typical page or article is far shorter. */
export const LARGE_TEXT_CHARS = 20_000;
export const LARGE_CHECK_LIMIT = { bucket: 'terminology-check', max: 30, windowMinutes: 10 } as const;
/** Reading an uploaded document costs far more than a pasted text: anonymous uploads are limited before. */
export const UPLOAD_CHECK_LIMIT = { bucket: 'terminology-upload', max: 20, windowMinutes: 10 } as const;

export async function uploadWait(db: Db, signedIn: boolean, clientIp: string): Promise<number> {
  return signedIn ? 0 : takeRateLimit(db, UPLOAD_CHECK_LIMIT, clientIp);
}

export type Checked = { lang: Locale; detected: boolean; findings: Finding[] };

export async function runCheck(db: Db, text: string, lang: Locale | 'auto' | undefined, fallback: Locale): Promise<Checked> {
  const detected = !lang || lang === 'auto';
  const textLang = detected ? detectLanguage(text, fallback) : lang;
  const { findings } = await checkText(db, text, textLang);
  return { lang: textLang, detected, findings };
}

/** 0 when this check may run, else the minutes to wait. Signed-in users and short texts are not counted. */
export async function largeCheckWait(db: Db, text: string, signedIn: boolean, clientIp: string): Promise<number> {
  if (signedIn || text.length <= LARGE_TEXT_CHARS) return 0;
  return takeRateLimit(db, LARGE_CHECK_LIMIT, clientIp);
}
