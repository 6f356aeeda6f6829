// /{locale}/terminology/{key}: one entry in all five languages, each marked with its lang and dir.
import { Layout } from '../../web/layout.tsx';
import { ASSETS } from '../../web/assets.ts';
import type { PageContext } from '../../web/context.ts';
import { dir, LOCALES, LOCALE_NAMES, pickText } from '../../i18n/locales.ts';
import type { GlossaryEntry } from './schema.ts';
import { entryPath, glossaryPath, LocalText, SourceLine, StatusBadge } from './components.tsx';

type Props = { ctx: PageContext; entry: GlossaryEntry; byKey: Map<string, GlossaryEntry>; preferredOver: GlossaryEntry[] };

export function EntryPage({ ctx, entry, byKey, preferredOver }: Props) {
  const { t, locale } = ctx;
  const title = pickText(entry.term, locale).text;
  const alternative = entry.alternative ? byKey.get(entry.alternative) : undefined;
  return (
    <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={ASSETS.toolsCss.url} />}>
      <p><a href={glossaryPath(locale)}>{t('terminology.entry.back')}</a></p>
      <h1>
        <LocalText ctx={ctx} text={entry.term} />
      </h1>
      <dl class="details">
        <dt>{t('terminology.entry.status')}</dt>
        <dd><StatusBadge ctx={ctx} status={entry.status} /></dd>
        {entry.status !== 'preferred' && (
          <>
            <dt>{t('terminology.useInstead')}</dt>
            <dd>{alternative ? <a href={entryPath(locale, alternative.key)}><LocalText ctx={ctx} text={alternative.term} /></a> : t('terminology.noAlternative')}</dd>
          </>
        )}
        {preferredOver.length > 0 && (
          <>
            <dt>{t('terminology.entry.preferredOver')}</dt>
            <dd>
              {preferredOver.map((e, i) => (
                <>{i > 0 && ', '}<a href={entryPath(locale, e.key)}><LocalText ctx={ctx} text={e.term} /></a></>
              ))}
            </dd>
          </>
        )}
      </dl>
      <LocalText ctx={ctx} text={entry.explanation} as="p" />
      <SourceLine ctx={ctx} source={entry.source} link={entry.link} />
      {!entry.confirmed && <p class="tm-unconfirmed">{t('terminology.unconfirmed')}</p>}

      <h2 id="tm-languages">{t('terminology.entry.languages')}</h2>
      <div class="tm-languages">
        {LOCALES.map((l) => {
          const variants = entry.variants[l] ?? [];
          return (
            <section lang={l} dir={dir(l)} aria-labelledby={`tm-lang-${l}`}>
              <h3 id={`tm-lang-${l}`}>{LOCALE_NAMES[l]}</h3>
              <p><strong>{entry.term[l] ?? '—'}</strong></p>
              {variants.length > 0 && (
                <p>
                  <span lang={locale} dir={ctx.dir}>{t('terminology.entry.variants')}:</span> {variants.join(' · ')}
                </p>
              )}
              {entry.explanation[l] && <p>{entry.explanation[l]}</p>}
            </section>
          );
        })}
      </div>
    </Layout>
  );
}
