-- Legislative reviews: which instruments each country has joined, frameworks of criteria assessed
-- in editions, and the assessments themselves (edition x country x criterion).

-- Ratifications of the international instruments, maintained by editors.
CREATE TABLE ratifications (
  country char(2) NOT NULL REFERENCES countries (code),
  instrument_key text NOT NULL REFERENCES instruments (key),
  -- How the country became bound (or only signed).
  action text NOT NULL CHECK (action IN ('signature', 'ratification', 'accession', 'succession', 'acceptance')),
  signed_on date,
  bound_on date,
  reservations jsonb NOT NULL DEFAULT '{}',
  source_link text,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (country, instrument_key)
);

CREATE TABLE frameworks (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  -- True for the model-law coverage framework: its criteria are the model law's articles.
  derived boolean NOT NULL DEFAULT false,
  position int NOT NULL DEFAULT 0
);

CREATE TABLE framework_criteria (
  framework_key text NOT NULL REFERENCES frameworks (key) ON DELETE CASCADE,
  key text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  weight numeric(6, 2) NOT NULL DEFAULT 1 CHECK (weight >= 0),
  position int NOT NULL DEFAULT 0,
  -- The model-law article that would meet this criterion (gap analysis).
  model_law_article text,
  PRIMARY KEY (framework_key, key)
);

-- An edition is one round of assessments (a year). Demonstration editions are flagged, and every
-- page, export and API answer built on one says so.
CREATE TABLE framework_editions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  framework_key text NOT NULL REFERENCES frameworks (key) ON DELETE CASCADE,
  label text NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  demo boolean NOT NULL DEFAULT false,
  note jsonb NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  published_at timestamptz,
  UNIQUE (framework_key, label)
);

CREATE TABLE assessments (
  edition_id bigint NOT NULL REFERENCES framework_editions (id) ON DELETE CASCADE,
  framework_key text NOT NULL,
  country char(2) NOT NULL REFERENCES countries (code),
  criterion_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('met', 'partly', 'not_met', 'not_assessed')),
  -- Citations: [{ "nationalLaw": key, "provision": ref } | { "citation": text, "link": url }]
  evidence jsonb NOT NULL DEFAULT '[]',
  note jsonb NOT NULL DEFAULT '{}',
  reviewer text,
  assessed_on date,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (edition_id, country, criterion_key),
  FOREIGN KEY (framework_key, criterion_key) REFERENCES framework_criteria (framework_key, key) ON DELETE CASCADE
);
CREATE INDEX assessments_country_idx ON assessments (country, edition_id);

-- Editable recommendations of a regional review.
CREATE TABLE regional_recommendations (
  edition_id bigint NOT NULL REFERENCES framework_editions (id) ON DELETE CASCADE,
  region_code text NOT NULL REFERENCES regions (code),
  text jsonb NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (edition_id, region_code)
);
