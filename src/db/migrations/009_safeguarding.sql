-- Safeguarding self-audit. Questionnaires are data (domains, questions, answer scales, weights and
-- guidance in five languages), managed by editors. An audit is taken without an account: it is
-- reached only through a secret token, of which only a SHA-256 is kept. Deleting an audit deletes
-- its answers (cascade) and nothing about it is copied to the audit log or the revisions.

CREATE TABLE safeguarding_scales (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb NOT NULL,
  -- [{"value": "no", "score": 0, "label": {"en": "No", …}}, …] in order; score in 0..1.
  options jsonb NOT NULL
);

CREATE TABLE safeguarding_questionnaires (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title jsonb NOT NULL,
  intro jsonb NOT NULL DEFAULT '{}',
  -- Who it is for, e.g. schools or youth organisations.
  audience text NOT NULL DEFAULT 'any',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  version int NOT NULL DEFAULT 1,
  position int NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE safeguarding_domains (
  questionnaire_key text NOT NULL REFERENCES safeguarding_questionnaires (key) ON DELETE CASCADE,
  key text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  weight numeric(6, 2) NOT NULL DEFAULT 1 CHECK (weight >= 0),
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (questionnaire_key, key)
);

CREATE TABLE safeguarding_questions (
  questionnaire_key text NOT NULL,
  domain_key text NOT NULL,
  key text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  text jsonb NOT NULL,
  guidance jsonb NOT NULL DEFAULT '{}',
  -- What to do when the answer is not yet the best one (the action plan).
  action jsonb NOT NULL DEFAULT '{}',
  scale_key text NOT NULL REFERENCES safeguarding_scales (key),
  weight numeric(6, 2) NOT NULL DEFAULT 1 CHECK (weight >= 0),
  -- Library topics whose resources help with this question (links in the action plan).
  topics text[] NOT NULL DEFAULT '{}',
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (questionnaire_key, key),
  FOREIGN KEY (questionnaire_key, domain_key) REFERENCES safeguarding_domains (questionnaire_key, key) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE safeguarding_audits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  questionnaire_key text NOT NULL REFERENCES safeguarding_questionnaires (key),
  -- Optional, coarse facts the taker chooses to give, used only in aggregate statistics.
  organisation_kind text CHECK (organisation_kind IN ('school', 'youth-organisation', 'sports-club', 'faith-group', 'other')),
  country char(2) REFERENCES countries (code),
  -- A label the taker chooses (e.g. the school's name); shown only through the token.
  label text,
  locale text NOT NULL DEFAULT 'en',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX safeguarding_audits_questionnaire_idx ON safeguarding_audits (questionnaire_key);

-- One answer per question, in the format of a typical audit item: status on the question's scale,
-- evidence, the action decided, its owner and deadline.
CREATE TABLE safeguarding_answers (
  audit_id bigint NOT NULL REFERENCES safeguarding_audits (id) ON DELETE CASCADE,
  question_key text NOT NULL,
  value text,
  evidence text NOT NULL DEFAULT '',
  action text NOT NULL DEFAULT '',
  owner text NOT NULL DEFAULT '',
  deadline date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (audit_id, question_key)
);
