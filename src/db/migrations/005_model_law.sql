-- The model law: international instruments and national laws (the sources), and model laws in
-- editions, each a tree of parts, chapters and articles with their text per locale.

CREATE TABLE instruments (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb NOT NULL,
  short_name jsonb NOT NULL,
  adopted date NOT NULL,
  body text NOT NULL,
  link text NOT NULL,
  position int NOT NULL DEFAULT 0
);

CREATE TABLE instrument_provisions (
  instrument_key text NOT NULL REFERENCES instruments (key) ON DELETE CASCADE,
  ref text NOT NULL,
  title jsonb NOT NULL,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (instrument_key, ref)
);

CREATE TABLE national_laws (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  country char(2) NOT NULL REFERENCES countries (code),
  title text NOT NULL,
  year int NOT NULL,
  link text
);
CREATE INDEX national_laws_country_idx ON national_laws (country);

CREATE TABLE national_provisions (
  law_key text NOT NULL REFERENCES national_laws (key) ON DELETE CASCADE,
  ref text NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  link text,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (law_key, ref)
);

CREATE TABLE model_laws (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title jsonb NOT NULL,
  sample boolean NOT NULL DEFAULT false,
  source_locale text NOT NULL DEFAULT 'en'
);

-- An edition is what is published and compared; editing happens on a draft edition.
CREATE TABLE model_law_editions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  law_id bigint NOT NULL REFERENCES model_laws (id) ON DELETE CASCADE,
  label text NOT NULL,
  year int NOT NULL,
  note jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (law_id, label)
);

-- Parts, chapters and articles. Numbers are not stored: they follow from the order (position),
-- so adding or moving an article renumbers everything after it by itself.
CREATE TABLE model_law_nodes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  edition_id bigint NOT NULL REFERENCES model_law_editions (id) ON DELETE CASCADE,
  parent_id bigint REFERENCES model_law_nodes (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text NOT NULL CHECK (kind IN ('part', 'chapter', 'article')),
  position int NOT NULL,
  version int NOT NULL DEFAULT 1,
  UNIQUE (edition_id, key)
);
CREATE INDEX model_law_nodes_parent_idx ON model_law_nodes (edition_id, parent_id, position);

-- Each locale's text through its own stemmer (Farsi has none in PostgreSQL: 'simple').
CREATE FUNCTION atlas_model_law_regconfig(locale text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE locale WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'ru' THEN 'russian'
    WHEN 'ar' THEN 'arabic' ELSE 'simple' END)::regconfig $$;

CREATE FUNCTION atlas_model_law_vector(locale text, heading text, paragraphs jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector(atlas_model_law_regconfig(locale), atlas_unaccent(heading)), 'A')
    || to_tsvector(atlas_model_law_regconfig(locale),
         atlas_unaccent(coalesce((SELECT string_agg(p, ' ') FROM jsonb_array_elements_text(paragraphs) p), ''))) $$;

-- The text of a node in one locale: its heading and (articles) its paragraphs. `source_hash` is
-- the hash of the source-locale text this translation was made from: when the source changes,
-- the translation is outdated until a translator confirms or updates it.
CREATE TABLE model_law_texts (
  node_id bigint NOT NULL REFERENCES model_law_nodes (id) ON DELETE CASCADE,
  locale text NOT NULL CHECK (locale IN ('ar', 'en', 'es', 'fa', 'ru')),
  heading text NOT NULL,
  paragraphs jsonb NOT NULL DEFAULT '[]',
  source_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  search_vector tsvector GENERATED ALWAYS AS (atlas_model_law_vector(locale, heading, paragraphs)) STORED,
  PRIMARY KEY (node_id, locale)
);
CREATE INDEX model_law_texts_search_idx ON model_law_texts USING gin (search_vector);

-- Where an article comes from: a provision of an instrument or of a national law.
CREATE TABLE model_law_sources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  node_id bigint NOT NULL REFERENCES model_law_nodes (id) ON DELETE CASCADE,
  position int NOT NULL,
  instrument_key text,
  national_law_key text,
  provision_ref text NOT NULL,
  note jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (instrument_key, provision_ref) REFERENCES instrument_provisions (instrument_key, ref),
  FOREIGN KEY (national_law_key, provision_ref) REFERENCES national_provisions (law_key, ref),
  CHECK ((instrument_key IS NULL) <> (national_law_key IS NULL))
);
CREATE INDEX model_law_sources_node_idx ON model_law_sources (node_id, position);
