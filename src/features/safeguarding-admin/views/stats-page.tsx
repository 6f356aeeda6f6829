// Aggregate statistics of self-audits: per questionnaire, audits started and completed, average
// domain scores and the share of each answer, optionally broken down by organisation kind or
// country. Suppressed figures say why; nothing here names, links to or dates a single audit.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { QuestionnaireSummary } from '../../safeguarding/questionnaire.ts';
import { countryName } from '../../taxonomy/country-names.ts';
import { MIN_AUDITS, ORGANISATION_KINDS, type Cell, type Dimension, type Figures } from '../stats.ts';
import type { QuestionnaireStats } from '../stats-query.ts';
import { adminPath, Breadcrumbs, formatPercent, statsPath, Text, textOf } from './common.tsx';

function Value({ ctx, cell, percent }: { ctx: PageContext; cell: Cell; percent?: boolean }) {
  if (cell.value === null) {
    return <span class={`safeguarding-admin-suppressed ${cell.suppressed}`}>{ctx.t(cell.suppressed === 'withheld' ? 'safeguardingAdmin.stats.withheld' : 'safeguardingAdmin.stats.fewer', { min: MIN_AUDITS })}</span>;
  }
  return <>{percent ? formatPercent(ctx.locale, cell.value) : new Intl.NumberFormat(ctx.locale).format(cell.value)}</>;
}

export function groupName(ctx: PageContext, by: Dimension, key: string): string {
  if (key === 'none') return ctx.t('safeguardingAdmin.stats.notGiven');
  if (key === 'rest') return ctx.t('safeguardingAdmin.stats.rest', { min: MIN_AUDITS });
  if (by === 'kind') return (ORGANISATION_KINDS as readonly string[]).includes(key) ? ctx.t(`safeguardingAdmin.audience.${key as (typeof ORGANISATION_KINDS)[number]}`) : key;
  return countryName(key, ctx.locale);
}

type Row = { label: string; figures: Figures };

function Tables({ ctx, stats, rows }: { ctx: PageContext; stats: QuestionnaireStats; rows: Row[] }) {
  const { t } = ctx;
  const q = stats.questionnaire;
  const grouped = rows.length > 1;
  return (
    <>
      <table class="data-table safeguarding-admin-stats">
        <caption>{t('safeguardingAdmin.stats.domainsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{grouped ? t('safeguardingAdmin.stats.group') : t('safeguardingAdmin.stats.all')}</th>
            <th scope="col">{t('safeguardingAdmin.stats.started')}</th>
            <th scope="col">{t('safeguardingAdmin.stats.completed')}</th>
            {q.domains.map((d) => (
              <th scope="col">
                <Text ctx={ctx} text={d.title} fallback={d.key} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td>
                <Value ctx={ctx} cell={r.figures.started} />
              </td>
              <td>
                <Value ctx={ctx} cell={r.figures.completed} />
              </td>
              {r.figures.domains.map((d) => (
                <td>
                  <Value ctx={ctx} cell={d.average} percent />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {q.domains.map((d) => (
        <section aria-labelledby={`stats-${q.key}-${d.key}`}>
          <h3 id={`stats-${q.key}-${d.key}`}>
            <Text ctx={ctx} text={d.title} fallback={d.key} />
          </h3>
          {d.questions.map((question) => {
            const at = (figures: Figures) => figures.questions.find((x) => x.key === question.key)!;
            return (
              <table class="data-table safeguarding-admin-stats">
                <caption>
                  <Text ctx={ctx} text={question.text} fallback={question.key} />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{grouped ? t('safeguardingAdmin.stats.group') : t('safeguardingAdmin.stats.all')}</th>
                    <th scope="col">{t('safeguardingAdmin.stats.answered')}</th>
                    {question.scale.options.map((o) => (
                      <th scope="col">
                        <Text ctx={ctx} text={o.label} fallback={o.value} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const figures = at(r.figures);
                    return (
                      <tr>
                        <th scope="row">{r.label}</th>
                        <td>
                          <Value ctx={ctx} cell={figures.answered} />
                        </td>
                        {figures.options.map((o) => (
                          <td>
                            <Value ctx={ctx} cell={o.share} percent />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            );
          })}
        </section>
      ))}
    </>
  );
}

export function StatsPage(props: {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  questionnaires: QuestionnaireSummary[];
  chosen: string | undefined;
  by: Dimension | undefined;
  stats: QuestionnaireStats | undefined;
}) {
  const { ctx, user, csrfToken, questionnaires, chosen, by, stats } = props;
  const { t, locale } = ctx;
  const rows: Row[] = stats
    ? [{ label: t('safeguardingAdmin.stats.all'), figures: stats.overall }, ...(stats.breakdown?.groups ?? []).map((g) => ({ label: groupName(ctx, stats.breakdown!.by, g.key), figures: g.figures }))]
    : [];
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('safeguardingAdmin.stats.title')} section="safeguarding">
      <Breadcrumbs ctx={ctx} items={[{ href: adminPath(locale), label: t('safeguardingAdmin.title') }]} />
      <h1>{t('safeguardingAdmin.stats.title')}</h1>
      <p>{t('safeguardingAdmin.stats.privacy', { min: MIN_AUDITS })}</p>
      <form method="get" action={statsPath(locale)} class="safeguarding-admin-choose">
        <div class="form-field">
          <label for="questionnaire">{t('safeguardingAdmin.stats.questionnaire')}</label>
          <select id="questionnaire" name="questionnaire">
            {questionnaires.map((q) => (
              <option value={q.key} selected={q.key === chosen}>
                {textOf(ctx, q.title, q.key)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="by">{t('safeguardingAdmin.stats.by')}</label>
          <select id="by" name="by">
            <option value="" selected={!by}>
              {t('safeguardingAdmin.stats.byNone')}
            </option>
            <option value="kind" selected={by === 'kind'}>
              {t('safeguardingAdmin.stats.byKind')}
            </option>
            <option value="country" selected={by === 'country'}>
              {t('safeguardingAdmin.stats.byCountry')}
            </option>
          </select>
        </div>
        <button type="submit">{t('safeguardingAdmin.stats.show')}</button>
      </form>
      {questionnaires.length === 0 && <p>{t('safeguardingAdmin.list.empty')}</p>}
      {stats && (
        <section aria-labelledby="stats-heading">
          <h2 id="stats-heading">
            <Text ctx={ctx} text={stats.questionnaire.title} fallback={stats.questionnaire.key} />
          </h2>
          {by === 'country' && <p class="muted">{t('safeguardingAdmin.stats.countryNote', { min: MIN_AUDITS })}</p>}
          <Tables ctx={ctx} stats={stats} rows={rows} />
        </section>
      )}
    </AdminLayout>
  );
}
