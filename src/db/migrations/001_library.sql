-- The resource library: resources with per-locale title and summary, tagged by topic, country
-- (and so region), publisher and document language.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe
-- to use in generated columns and indexes.
CREATE OR REPLACE FUNCTION atlas_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$;

-- One weighted text-search document over every locale, each with its own stemmer
-- (Farsi has none in PostgreSQL: simple). Title A, summary B, extra text (publishers, body) C.
CREATE OR REPLACE FUNCTION atlas_resource_vector(title jsonb, summary jsonb, extra text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
      setweight(to_tsvector('english', atlas_unaccent(coalesce(title->>'en', ''))), 'A')
   || setweight(to_tsvector('spanish', atlas_unaccent(coalesce(title->>'es', ''))), 'A')
   || setweight(to_tsvector('russian', coalesce(title->>'ru', '')), 'A')
   || setweight(to_tsvector('arabic', coalesce(title->>'ar', '')), 'A')
   || setweight(to_tsvector('simple', coalesce(title->>'fa', '')), 'A')
   || setweight(to_tsvector('english', atlas_unaccent(coalesce(summary->>'en', ''))), 'B')
   || setweight(to_tsvector('spanish', atlas_unaccent(coalesce(summary->>'es', ''))), 'B')
   || setweight(to_tsvector('russian', coalesce(summary->>'ru', '')), 'B')
   || setweight(to_tsvector('arabic', coalesce(summary->>'ar', '')), 'B')
   || setweight(to_tsvector('simple', coalesce(summary->>'fa', '')), 'B')
   || setweight(to_tsvector('simple', atlas_unaccent(coalesce(extra, ''))), 'C') $$;

CREATE TABLE topics (
  slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  names jsonb NOT NULL,            -- {"en": "...", "ar": "...", ...}
  aliases text[] NOT NULL DEFAULT '{}', -- other labels used in imported listings
  position int NOT NULL DEFAULT 0
);

CREATE TABLE countries (
  code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  names jsonb NOT NULL
);

CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text NOT NULL CHECK (kind IN ('continent', 'subregion', 'organisation')),
  names jsonb NOT NULL,
  position int NOT NULL DEFAULT 0
);

CREATE TABLE region_members (
  region_code text NOT NULL REFERENCES regions(code) ON DELETE CASCADE,
  country_code char(2) NOT NULL REFERENCES countries(code),
  PRIMARY KEY (region_code, country_code)
);

CREATE TABLE publishers (
  slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL
);

CREATE TABLE resources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  type text NOT NULL,
  year int CHECK (year BETWEEN 1800 AND 2200),
  link text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  -- Facet values, kept on the row so that a search with facet counts is one scan (GIN-indexed).
  topics text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  regions text[] NOT NULL DEFAULT '{}',
  publishers text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  title jsonb NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  search_extra text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (atlas_resource_vector(title, summary, search_extra)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);

CREATE INDEX resources_search_idx ON resources USING gin (search_vector);
CREATE INDEX resources_topics_idx ON resources USING gin (topics);
CREATE INDEX resources_countries_idx ON resources USING gin (countries);
CREATE INDEX resources_regions_idx ON resources USING gin (regions);
CREATE INDEX resources_publishers_idx ON resources USING gin (publishers);
CREATE INDEX resources_languages_idx ON resources USING gin (languages);
CREATE INDEX resources_year_idx ON resources (year);
CREATE INDEX resources_type_idx ON resources (type);

-- Words seen in the library, for typo tolerance ("did you mean"): a misspelt query term is
-- matched to the most similar known word by trigram similarity.
CREATE TABLE search_words (
  word text PRIMARY KEY
);
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);

-- Small facts about this database's state (e.g. whether the shipped resources were loaded once).
CREATE TABLE atlas_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
