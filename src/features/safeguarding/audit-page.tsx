// The audit itself: one section per domain, each a form of its own with a save button (works
// without JavaScript); safeguarding.js saves each change at once through the JSON endpoint.
import type { PageContext } from '../../web/context.ts';
import { CsrfField } from '../admin/layout.tsx';
import { fieldName, ANSWER_LIMITS, type AnswerError, type AnswerField, type RawAnswer } from './answer-input.ts';
import type { Answer, Audit } from './audits.ts';
import { AuditLinks, auditPath, plain, PrivatePage, Text } from './components.tsx';
import type { Domain, Question, Questionnaire } from './questionnaire.ts';
import { scoreAudit } from './scoring.ts';

export type AuditPageProps = {
  ctx: PageContext;
  csrfToken: string;
  token: string;
  /** The audit's full address, shown so that it can be kept. */
  link: string;
  audit: Audit;
  questionnaire: Questionnaire;
  answers: Map<string, Answer>;
  /** A section just saved (post/redirect/get). */
  saved?: string | undefined;
  /** A section sent back with problems: what was typed, and the messages. */
  rejected?: { domainKey: string; raw: RawAnswer[]; errors: AnswerError[] } | undefined;
};

const inputId = (questionKey: string, field: AnswerField) => `q-${questionKey}-${field}`;

export function AuditPage(props: AuditPageProps) {
  const { ctx, questionnaire, answers, token } = props;
  const { t } = ctx;
  const values = new Map([...answers].map(([k, a]) => [k, a.value]));
  const scores = scoreAudit(questionnaire, values);
  const title = plain(ctx, questionnaire.title);
  let number = 0;
  return (
    <PrivatePage ctx={ctx} title={title} script>
      <div class="safeguarding">
        <h1>
          <Text ctx={ctx} value={questionnaire.title} />
        </h1>
        {props.audit.label ? <p class="safeguarding-label">{props.audit.label}</p> : null}
        <AuditLinks ctx={ctx} token={token} current="audit" />
        <div class="safeguarding-keep">
          <label for="audit-link">{t('safeguarding.audit.keepLink')}</label>
          <input type="text" id="audit-link" value={props.link} readonly aria-describedby="audit-link-hint" />
          <p class="muted" id="audit-link-hint">
            {t('safeguarding.audit.keepLinkHint')}
          </p>
        </div>
        {plain(ctx, questionnaire.intro) ? (
          <p>
            <Text ctx={ctx} value={questionnaire.intro} />
          </p>
        ) : null}
        <nav class="safeguarding-progress" aria-labelledby="progress-title">
          <h2 id="progress-title">{t('safeguarding.audit.progress', { answered: scores.answered, total: scores.questions })}</h2>
          <ol>
            {questionnaire.domains.map((d, i) => {
              const s = scores.domains[i]!;
              return (
                <li>
                  <a href={`#domain-${d.key}`}>
                    <Text ctx={ctx} value={d.title} />
                  </a>{' '}
                  <span class="muted" data-progress={d.key}>
                    {t('safeguarding.audit.domainProgress', { answered: s.answered + s.notApplicable, total: s.questions })}
                  </span>
                </li>
              );
            })}
          </ol>
        </nav>
        <p class="safeguarding-autosave" id="autosave-status" role="status" aria-live="polite"></p>
        {questionnaire.domains.map((domain) => {
          const first = number;
          number += domain.questions.length;
          return <DomainSection {...props} domain={domain} firstNumber={first} />;
        })}
        <p>
          <a href={`${auditPath(ctx.locale, token)}/results`}>{t('safeguarding.audit.seeResults')}</a>
        </p>
      </div>
    </PrivatePage>
  );
}

function DomainSection(props: AuditPageProps & { domain: Domain; firstNumber: number }) {
  const { ctx, domain, token } = props;
  const { t } = ctx;
  const rejected = props.rejected?.domainKey === domain.key ? props.rejected : undefined;
  const base = auditPath(ctx.locale, token);
  return (
    <section class="safeguarding-domain" id={`domain-${domain.key}`} aria-labelledby={`domain-${domain.key}-title`}>
      <h2 id={`domain-${domain.key}-title`}>
        <Text ctx={ctx} value={domain.title} />
      </h2>
      {plain(ctx, domain.description) ? (
        <p class="muted">
          <Text ctx={ctx} value={domain.description} />
        </p>
      ) : null}
      {props.saved === domain.key ? (
        <p class="notice" role="status">
          {t('safeguarding.audit.sectionSaved')}
        </p>
      ) : null}
      {rejected ? (
        <p class="notice error" role="alert">
          {t('safeguarding.audit.sectionRejected')}
        </p>
      ) : null}
      <form
        method="post"
        action={`${base}/d/${domain.key}`}
        data-autosave={`${base}/answers`}
        data-saved={t('safeguarding.audit.autosaved')}
        data-failed={t('safeguarding.audit.autosaveFailed')}
      >
        <CsrfField token={props.csrfToken} />
        {domain.questions.map((q, i) => {
          const raw = rejected?.raw.find((r) => r.questionKey === q.key);
          const errors = rejected?.errors.filter((e) => e.questionKey === q.key) ?? [];
          return <QuestionFields ctx={ctx} question={q} number={props.firstNumber + i + 1} answer={props.answers.get(q.key)} raw={raw} errors={errors} />;
        })}
        <button type="submit">{t('safeguarding.audit.saveSection')}</button>
      </form>
    </section>
  );
}

function QuestionFields(props: { ctx: PageContext; question: Question; number: number; answer: Answer | undefined; raw: RawAnswer | undefined; errors: AnswerError[] }) {
  const { ctx, question: q, answer, raw, errors } = props;
  const { t } = ctx;
  const current = (field: Exclude<AnswerField, 'value'>) => (raw ? raw[field] : (answer?.[field] ?? '')) ?? '';
  const chosen = raw ? raw.value : (answer?.value ?? '');
  const errorOf = (field: AnswerField) => errors.find((e) => e.field === field);
  const messageId = (field: AnswerField) => `${inputId(q.key, field)}-error`;
  const message = (field: AnswerField) => {
    const e = errorOf(field);
    if (!e) return null;
    return (
      <p class="field-error" id={messageId(field)}>
        {t(`safeguarding.error.${e.problem}`, e.max ? { max: e.max } : {})}
      </p>
    );
  };
  const aria = (field: AnswerField, extra?: string) => {
    const ids = [...(extra ? [extra] : []), ...(errorOf(field) ? [messageId(field)] : [])];
    return { 'aria-invalid': errorOf(field) ? ('true' as const) : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
  };
  const guidanceId = `q-${q.key}-guidance`;
  const hasGuidance = Boolean(plain(ctx, q.guidance));
  return (
    <fieldset class="safeguarding-question" id={`question-${q.key}`} data-question={q.key}>
      <legend>
        <span class="safeguarding-number">{t('safeguarding.audit.number', { n: props.number })}</span> <Text ctx={ctx} value={q.text} />
      </legend>
      {hasGuidance ? (
        <p class="safeguarding-guidance" id={guidanceId}>
          <Text ctx={ctx} value={q.guidance} />
        </p>
      ) : null}
      <div class="safeguarding-scale">
        {q.scale.options.map((o) => (
          <span class="safeguarding-option">
            <input
              type="radio"
              name={fieldName(q.key, 'value')}
              id={`${inputId(q.key, 'value')}-${o.value}`}
              value={o.value}
              checked={chosen === o.value}
              {...aria('value', hasGuidance ? guidanceId : undefined)}
            />
            <label for={`${inputId(q.key, 'value')}-${o.value}`}>
              <Text ctx={ctx} value={o.label} />
            </label>
          </span>
        ))}
      </div>
      {message('value')}
      <div class="safeguarding-item">
        <div class="form-field">
          <label for={inputId(q.key, 'evidence')}>{t('safeguarding.item.evidence')}</label>
          <textarea id={inputId(q.key, 'evidence')} name={fieldName(q.key, 'evidence')} rows={2} maxlength={ANSWER_LIMITS.evidence} {...aria('evidence')}>
            {current('evidence')}
          </textarea>
          {message('evidence')}
        </div>
        <div class="form-field">
          <label for={inputId(q.key, 'action')}>{t('safeguarding.item.action')}</label>
          <textarea id={inputId(q.key, 'action')} name={fieldName(q.key, 'action')} rows={2} maxlength={ANSWER_LIMITS.action} {...aria('action')}>
            {current('action')}
          </textarea>
          {message('action')}
        </div>
        <div class="form-field">
          <label for={inputId(q.key, 'owner')}>{t('safeguarding.item.owner')}</label>
          <input type="text" id={inputId(q.key, 'owner')} name={fieldName(q.key, 'owner')} value={current('owner')} maxlength={ANSWER_LIMITS.owner} {...aria('owner')} />
          {message('owner')}
        </div>
        <div class="form-field">
          <label for={inputId(q.key, 'deadline')}>{t('safeguarding.item.deadline')}</label>
          <input type="date" id={inputId(q.key, 'deadline')} name={fieldName(q.key, 'deadline')} value={current('deadline')} {...aria('deadline')} />
          {message('deadline')}
        </div>
      </div>
    </fieldset>
  );
}
