// /{locale}/terminology/check: the form (paste or upload, the text's language) and, after a check,
// the text with every finding marked and linked to the list of findings.
import type { Child } from 'hono/jsx';
import { Layout } from '../../web/layout.tsx';
import { ASSETS } from '../../web/assets.ts';
import type { PageContext } from '../../web/context.ts';
import { dir, LOCALES, LOCALE_NAMES, type Locale } from '../../i18n/locales.ts';
import { CsrfField } from '../admin/layout.tsx';
import type { Finding } from './matcher.ts';
import { checkPath, entryPath, SourceLine, StatusBadge } from './components.tsx';

export type CheckForm = { text: string; lang: Locale | 'auto' };
export type CheckErrors = { text?: string; file?: string };
export type CheckOutcome = { text: string; lang: Locale; detected: boolean; findings: Finding[]; truncated: boolean; maxChars: number };

type Props = { ctx: PageContext; csrfToken: string; form: CheckForm; errors: CheckErrors; maxMb: number; outcome?: CheckOutcome };

export function CheckPage({ ctx, csrfToken, form, errors, maxMb, outcome }: Props) {
  const { t, locale } = ctx;
  const textError = errors.text ? 'tm-text-error' : undefined;
  const fileError = errors.file ? 'tm-file-error' : undefined;
  return (
    <Layout ctx={ctx} title={t('terminology.check.title')} head={<link rel="stylesheet" href={ASSETS.toolsCss.url} />}>
      <h1>{t('terminology.check.title')}</h1>
      <p>{t('terminology.check.intro')}</p>
      <form method="post" action={checkPath(locale)} enctype="multipart/form-data" class="tm-form">
        <CsrfField token={csrfToken} />
        <div>
          <label for="tm-text">{t('terminology.check.textLabel')}</label>
          <textarea id="tm-text" name="text" rows={12} aria-invalid={textError ? 'true' : undefined} aria-describedby={textError}
            dir="auto">{`\n${form.text}`}</textarea>
          {errors.text && <p class="tm-error" id="tm-text-error">{errors.text}</p>}
        </div>
        <div>
          <label for="tm-file">{t('terminology.check.fileLabel')}</label>
          <input type="file" id="tm-file" name="file" accept=".txt,.md,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-invalid={fileError ? 'true' : undefined} aria-describedby={fileError ? `tm-file-hint ${fileError}` : 'tm-file-hint'} />
          <p class="tm-hint" id="tm-file-hint">{t('terminology.check.fileHint', { mb: maxMb })}</p>
          {errors.file && <p class="tm-error" id="tm-file-error">{errors.file}</p>}
        </div>
        <div>
          <label for="tm-lang">{t('terminology.check.langLabel')}</label>
          <select id="tm-lang" name="lang">
            <option value="auto" selected={form.lang === 'auto'}>{t('terminology.check.langAuto')}</option>
            {LOCALES.map((l) => (
              <option value={l} lang={l} selected={form.lang === l}>{LOCALE_NAMES[l]}</option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('terminology.check.submit')}</button>
        </div>
      </form>
      {outcome && <Results ctx={ctx} outcome={outcome} />}
      <p class="meta">{t('terminology.check.cli')}</p>
    </Layout>
  );
}

function Results({ ctx, outcome }: { ctx: PageContext; outcome: CheckOutcome }) {
  const { t } = ctx;
  const avoid = outcome.findings.filter((f) => f.status === 'avoid').length;
  const care = outcome.findings.length - avoid;
  const language = LOCALE_NAMES[outcome.lang];
  return (
    <section aria-labelledby="tm-results">
      <h2 id="tm-results" tabindex={-1}>{t('terminology.check.results')}</h2>
      <p>{t(outcome.detected ? 'terminology.check.detected' : 'terminology.check.chosen', { language })}</p>
      {outcome.truncated && <p class="notice">{t('terminology.check.truncated', { count: outcome.maxChars })}</p>}
      {outcome.findings.length === 0 ? (
        <p class="notice tm-summary" role="status">{t('terminology.check.none')}</p>
      ) : (
        <>
          <p class="tm-summary" role="status">
            {t('terminology.check.summaryAvoid', { count: avoid })} · {t('terminology.check.summaryCare', { count: care })}
          </p>
          <h3 id="tm-your-text">{t('terminology.check.yourText')}</h3>
          <div class="tm-text" lang={outcome.lang} dir={dir(outcome.lang)}>
            {marked(ctx, outcome.text, outcome.findings)}
          </div>
          <h3 id="tm-findings">{t('terminology.check.findings')}</h3>
          <ol class="tm-findings">
            {outcome.findings.map((f, i) => (
              <li id={`finding-${i + 1}`}>
                <p>
                  <span class="tm-found" lang={outcome.lang} dir={dir(outcome.lang)}>«{f.found}»</span>
                  <StatusBadge ctx={ctx} status={f.status} />{' '}
                  <span class="muted">{t('terminology.check.foundAt', { line: f.line, column: f.column })}</span>{' '}
                  <a href={`#found-${i + 1}`}>{t('terminology.check.backToText')}</a>
                </p>
                <p>
                  <strong>{t('terminology.useInstead')}:</strong>{' '}
                  {f.suggestion ? (
                    <a href={entryPath(ctx.locale, f.suggestion.key)} lang={outcome.lang} dir={dir(outcome.lang)}>{f.suggestion.term}</a>
                  ) : (
                    t('terminology.noAlternative')
                  )}
                </p>
                <p lang={outcome.lang} dir={dir(outcome.lang)}>{f.explanation}</p>
                <SourceLine ctx={ctx} source={f.source} link={f.link} />
                {!f.confirmed && <p class="tm-unconfirmed">{t('terminology.unconfirmed')}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The text as children: plain runs (escaped by JSX) and a <mark> per finding, linked both ways. */
function marked(ctx: PageContext, text: string, findings: Finding[]): Child[] {
  const out: Child[] = [];
  let at = 0;
  findings.forEach((f, i) => {
    if (f.start > at) out.push(text.slice(at, f.start));
    const label = ctx.t(f.status === 'avoid' ? 'terminology.check.markAvoid' : 'terminology.check.markCare');
    out.push(
      <mark id={`found-${i + 1}`} class={`tm-mark-${f.status}`}>
        <span class="tm-visually-hidden" lang={ctx.locale} dir={ctx.dir}>{label} </span>
        <a href={`#finding-${i + 1}`}>{text.slice(f.start, f.end)}</a>
      </mark>,
    );
    at = f.end;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}
