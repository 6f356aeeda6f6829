// /{locale}/terminology: the glossary in the page's language, grouped by status, with a filter.
import { Layout } from '../../web/layout.tsx';
import { ASSETS } from '../../web/assets.ts';
import type { PageContext } from '../../web/context.ts';
import { STATUSES, type GlossaryEntry, type TermStatus } from './schema.ts';
import { checkPath, entryPath, LocalText, SourceLine, StatusBadge, STATUS_LABEL } from './components.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

const HEADING: Record<TermStatus, MessageKey> = {
  avoid: 'terminology.heading.avoid',
  care: 'terminology.heading.care',
  preferred: 'terminology.heading.preferred',
};

type Props = { ctx: PageContext; entries: GlossaryEntry[]; byKey: Map<string, GlossaryEntry>; status: TermStatus | undefined };

export function GlossaryPage({ ctx, entries, byKey, status }: Props) {
  const { t, locale } = ctx;
  const shown = status ? [status] : STATUSES;
  return (
    <Layout ctx={ctx} title={t('terminology.title')} head={<link rel="stylesheet" href={ASSETS.toolsCss.url} />}>
      <h1>{t('terminology.title')}</h1>
      <p>{t('terminology.intro')}</p>
      <p>
        <a href={checkPath(locale)}>{t('terminology.checkInvite')}</a>
      </p>
      <form method="get" class="tm-filter" action={`/${locale}/terminology`}>
        <label for="tm-status">
          {t('terminology.filterLabel')}
          <select id="tm-status" name="status">
            <option value="">{t('terminology.filterAll')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={s === status}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('terminology.filterApply')}</button>
      </form>
      {shown.map((s) => {
        const group = entries.filter((e) => e.status === s);
        return (
          <section aria-labelledby={`tm-group-${s}`}>
            <h2 id={`tm-group-${s}`}>
              {t(HEADING[s])} <span class="muted">({t('terminology.count', { count: group.length })})</span>
            </h2>
            {group.length === 0 ? <p>{t('terminology.empty')}</p> : (
              <ul class="tm-terms">
                {group.map((e) => <EntryItem ctx={ctx} entry={e} byKey={byKey} />)}
              </ul>
            )}
          </section>
        );
      })}
      <p class="meta">{t('terminology.unconfirmedHint')}</p>
      <p>
        <a href={`/api/v1/terminology?lang=${locale}`} type="application/json">{t('terminology.apiLink')}</a>
      </p>
    </Layout>
  );
}

function EntryItem({ ctx, entry, byKey }: { ctx: PageContext; entry: GlossaryEntry; byKey: Map<string, GlossaryEntry> }) {
  const { t, locale } = ctx;
  const alternative = entry.alternative ? byKey.get(entry.alternative) : undefined;
  return (
    <li id={`term-${entry.key}`}>
      <h3>
        <a href={entryPath(locale, entry.key)}><LocalText ctx={ctx} text={entry.term} /></a>
        <StatusBadge ctx={ctx} status={entry.status} />
      </h3>
      {entry.status !== 'preferred' && (
        <p>
          <strong>{t('terminology.useInstead')}:</strong>{' '}
          {alternative ? <a href={entryPath(locale, alternative.key)}><LocalText ctx={ctx} text={alternative.term} /></a> : t('terminology.noAlternative')}
        </p>
      )}
      <LocalText ctx={ctx} text={entry.explanation} as="p" />
      <SourceLine ctx={ctx} source={entry.source} link={entry.link} />
      {!entry.confirmed && <p class="tm-unconfirmed">{t('terminology.unconfirmed')}</p>}
    </li>
  );
}
