// The results: the overall score, the score of each domain (chart and table), and the prioritised
// action plan with the organisation's own actions and links to library resources.
import type { PageContext } from '../../web/context.ts';
import { resourcePath } from '../library/components.tsx';
import type { Answer, Audit } from './audits.ts';
import { AuditLinks, auditPath, plain, PrivatePage, Text } from './components.tsx';
import type { Questionnaire } from './questionnaire.ts';
import type { LinkedResource } from './resource-links.ts';
import { ScoreChart } from './score-chart.tsx';
import { formatPercent, type ActionItem, type AuditScores } from './scoring.ts';

export type ResultsPageProps = {
  ctx: PageContext;
  token: string;
  audit: Audit;
  questionnaire: Questionnaire;
  answers: Map<string, Answer>;
  scores: AuditScores;
  plan: ActionItem[];
  resources: LinkedResource[][];
};

export function ResultsPage(props: ResultsPageProps) {
  const { ctx, questionnaire, scores, plan, token } = props;
  const { t, locale } = ctx;
  return (
    <PrivatePage ctx={ctx} title={t('safeguarding.results.title')}>
      <div class="safeguarding safeguarding-results">
        <h1>
          {t('safeguarding.results.title')}: <Text ctx={ctx} value={questionnaire.title} />
        </h1>
        {props.audit.label ? <p class="safeguarding-label">{props.audit.label}</p> : null}
        <AuditLinks ctx={ctx} token={token} current="results" />
        <p class="safeguarding-overall">
          {scores.overall === null ? t('safeguarding.results.overallNone') : t('safeguarding.results.overall', { score: formatPercent(locale, scores.overall) })}
        </p>
        <p class="muted">{t('safeguarding.results.answered', { answered: scores.answered, total: scores.questions })}</p>
        <p class="muted">{t('safeguarding.results.method')}</p>

        <h2>{t('safeguarding.results.byDomain')}</h2>
        <figure class="safeguarding-figure">
          <ScoreChart ctx={ctx} questionnaire={questionnaire} scores={scores} />
        </figure>
        <table class="safeguarding-scores">
          <caption>{t('safeguarding.results.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('safeguarding.results.domain')}</th>
              <th scope="col">{t('safeguarding.results.score')}</th>
              <th scope="col">{t('safeguarding.results.answeredCol')}</th>
            </tr>
          </thead>
          <tbody>
            {questionnaire.domains.map((d, i) => {
              const s = scores.domains[i]!;
              return (
                <tr>
                  <th scope="row">
                    <Text ctx={ctx} value={d.title} />
                  </th>
                  <td>{s.score === null ? t('safeguarding.results.notAssessed') : formatPercent(locale, s.score)}</td>
                  <td>{t('safeguarding.results.domainAnswered', { answered: s.answered + s.notApplicable, total: s.questions })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h2 id="plan">{t('safeguarding.plan.title')}</h2>
        {plan.length === 0 ? (
          <p>{scores.answered === 0 ? t('safeguarding.plan.nothingAnswered') : t('safeguarding.plan.empty')}</p>
        ) : (
          <>
            <p class="muted">{t('safeguarding.plan.intro')}</p>
            <ol class="safeguarding-plan">
              {plan.map((item, i) => (
                <PlanItem ctx={ctx} item={item} answer={props.answers.get(item.question.key)} resources={props.resources[i] ?? []} />
              ))}
            </ol>
          </>
        )}
        <p class="safeguarding-screen-only">
          <a href={auditPath(locale, token)}>{t('safeguarding.results.backToAnswers')}</a>
        </p>
        <p class="muted safeguarding-print-note">{t('safeguarding.results.printHint')}</p>
      </div>
    </PrivatePage>
  );
}

function PlanItem({ ctx, item, answer, resources }: { ctx: PageContext; item: ActionItem; answer: Answer | undefined; resources: LinkedResource[] }) {
  const { t, locale } = ctx;
  const own = answer && (answer.action || answer.owner || answer.deadline);
  return (
    <li class="safeguarding-plan-item" id={`plan-${item.question.key}`}>
      <h3>
        <Text ctx={ctx} value={item.question.text} />
      </h3>
      <p class="muted">
        <Text ctx={ctx} value={item.domain.title} /> · {t('safeguarding.plan.yourAnswer')} <Text ctx={ctx} value={item.option.label} />
      </p>
      {plain(ctx, item.question.action) ? (
        <p>
          <strong>{t('safeguarding.plan.recommended')}</strong> <Text ctx={ctx} value={item.question.action} />
        </p>
      ) : null}
      {own ? (
        <dl class="details">
          {answer.action ? (
            <>
              <dt>{t('safeguarding.item.action')}</dt>
              <dd>{answer.action}</dd>
            </>
          ) : null}
          {answer.owner ? (
            <>
              <dt>{t('safeguarding.item.owner')}</dt>
              <dd>{answer.owner}</dd>
            </>
          ) : null}
          {answer.deadline ? (
            <>
              <dt>{t('safeguarding.item.deadline')}</dt>
              <dd>
                <time datetime={answer.deadline}>{new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${answer.deadline}T00:00:00Z`))}</time>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {resources.length > 0 ? (
        <div class="safeguarding-resources">
          <p>{t('safeguarding.plan.resources')}</p>
          <ul>
            {resources.map((r) => (
              <li>
                <a href={resourcePath(locale, r)}>
                  <Text ctx={ctx} value={r.title} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
