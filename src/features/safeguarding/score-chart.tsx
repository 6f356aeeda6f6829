// The per-domain scores as a horizontal bar chart drawn on the server. Its <title> and <desc> say
// what it shows; the table next to it says the same for anyone who cannot see it. In right-to-left
// pages the labels sit on the right and the bars grow leftwards.
import type { PageContext } from '../../web/context.ts';
import { plain } from './components.tsx';
import type { Questionnaire } from './questionnaire.ts';
import { formatPercent, type AuditScores } from './scoring.ts';

const WIDTH = 720;
const LABEL_WIDTH = 320;
const BAR_MAX = 300;
const ROW = 34;
const TOP = 10;

export function ScoreChart({ ctx, questionnaire, scores }: { ctx: PageContext; questionnaire: Questionnaire; scores: AuditScores }) {
  const { t, locale } = ctx;
  const rtl = ctx.dir === 'rtl';
  const height = TOP * 2 + ROW * questionnaire.domains.length;
  const summary = questionnaire.domains
    .map((d, i) => {
      const score = scores.domains[i]!.score;
      return `${plain(ctx, d.title)}: ${score === null ? t('safeguarding.results.notAssessed') : formatPercent(locale, score)}`;
    })
    .join('; ');
  // x measured from the start side of the page, mirrored for right-to-left.
  const x = (fromStart: number, width = 0) => (rtl ? WIDTH - fromStart - width : fromStart);
  return (
    <svg
      class="safeguarding-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-labelledby="chart-title chart-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="chart-title">{t('safeguarding.results.chartTitle')}</title>
      <desc id="chart-desc">{summary}</desc>
      {questionnaire.domains.map((d, i) => {
        const score = scores.domains[i]!.score;
        const y = TOP + i * ROW;
        const barWidth = score === null ? 0 : Math.max(2, Math.round(score * BAR_MAX));
        const valueText = score === null ? t('safeguarding.results.notAssessed') : formatPercent(locale, score);
        return (
          <g class={score === null ? 'not-assessed' : 'assessed'}>
            <text x={x(0)} y={y + 21} direction={ctx.dir} text-anchor="start" class="label">
              {plain(ctx, d.title)}
            </text>
            <rect x={x(LABEL_WIDTH, BAR_MAX)} y={y + 6} width={BAR_MAX} height={20} class="track" />
            {score === null ? null : <rect x={x(LABEL_WIDTH, barWidth)} y={y + 6} width={barWidth} height={20} class="bar" />}
            <text x={x(LABEL_WIDTH + (score === null ? 8 : barWidth + 8))} y={y + 21} direction={ctx.dir} text-anchor="start" class="value">
              {valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
