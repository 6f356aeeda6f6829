-- The best-practices directory: practices (per-locale texts, tagged like resources so that the
-- library's faceted search runs over them too), the public submissions waiting for moderation,
-- and a small table of rate-limited events shared by the public forms.

-- A per-locale text document at one weight, each locale with its own stemmer (as for resources).
CREATE OR REPLACE FUNCTION atlas_localized_vector(doc jsonb, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(
         to_tsvector('english', atlas_unaccent(coalesce(doc->>'en', '')))
      || to_tsvector('spanish', atlas_unaccent(coalesce(doc->>'es', '')))
      || to_tsvector('russian', coalesce(doc->>'ru', ''))
      || to_tsvector('arabic', coalesce(doc->>'ar', ''))
      || to_tsvector('simple', coalesce(doc->>'fa', '')), weight) $$;

CREATE TABLE practices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- Who carries the practice out.
  actor text NOT NULL CHECK (actor IN ('civil-society', 'government', 'individual', 'business', 'intergovernmental')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  version int NOT NULL DEFAULT 1,
  -- Facet values on the row, as for resources (GIN-indexed).
  topics text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  regions text[] NOT NULL DEFAULT '{}',
  -- Years active: year_to NULL while the practice is ongoing.
  year_from int CHECK (year_from BETWEEN 1800 AND 2200),
  year_to int CHECK (year_to BETWEEN 1800 AND 2200 AND (year_from IS NULL OR year_to >= year_from)),
  title jsonb NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  description jsonb NOT NULL DEFAULT '{}',
  outcomes jsonb NOT NULL DEFAULT '{}',
  -- [{"url": "https://…", "label": "…"}]; only http(s) URLs are accepted by the schemas.
  links jsonb NOT NULL DEFAULT '[]',
  -- Library resources about this practice (by slug, so that a backup/restore keeps them).
  related_resources text[] NOT NULL DEFAULT '{}',
  search_extra text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (
    atlas_resource_vector(title, summary, search_extra) || atlas_localized_vector(description, 'C') || atlas_localized_vector(outcomes, 'D')
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX practices_search_idx ON practices USING gin (search_vector);
CREATE INDEX practices_topics_idx ON practices USING gin (topics);
CREATE INDEX practices_countries_idx ON practices USING gin (countries);
CREATE INDEX practices_regions_idx ON practices USING gin (regions);
CREATE INDEX practices_status_idx ON practices (status, updated_at DESC);

-- What the public sent through "submit a practice", as typed (validated), until a moderator
-- accepts it (it becomes a draft practice) or rejects it. Contact details are optional and are
-- deleted with the submission.
CREATE TABLE practice_submissions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  locale text NOT NULL,
  payload jsonb NOT NULL,
  contact_name text,
  contact_email text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by bigint REFERENCES users (id) ON DELETE SET NULL,
  practice_id bigint REFERENCES practices (id) ON DELETE SET NULL
);
CREATE INDEX practice_submissions_status_idx ON practice_submissions (status, created_at);

-- Rate limits for public writes (submissions, audits, text checks): one row per event, counted
-- over a sliding window per bucket and key (a hash of the address), so limits hold across processes.
CREATE TABLE rate_limit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bucket text NOT NULL,
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_limit_events_idx ON rate_limit_events (bucket, key, at);
