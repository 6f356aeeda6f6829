-- Documents attached to resources (PDF, DOCX). The bytes live on disk under their SHA-256 (see
-- src/features/attachments/storage.ts); the rows keep what was said about them and their text.
CREATE TABLE attachments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_id bigint NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  media_type text NOT NULL CHECK (media_type IN (
    'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size bigint NOT NULL CHECK (size > 0),
  pages int CHECK (pages >= 0),
  text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  -- The same document twice on one resource would only be listed twice.
  UNIQUE (resource_id, sha256)
);
-- Whether a stored file is still referenced, when an attachment is removed.
CREATE INDEX attachments_sha256_idx ON attachments (sha256);

-- The texts of a resource's attachments, concatenated (and capped) by the attachments store, so
-- that the generated text vector can include them.
ALTER TABLE resources ADD COLUMN attachment_text text NOT NULL DEFAULT '';

-- atlas_resource_vector with the attachments' text at the lowest weight (D). Attachment text is in
-- no known language: `simple` matches any word exactly (a Spanish or Farsi word too), `english`
-- adds English stems. The three-argument version stays as it was, for the history of 001.
CREATE FUNCTION atlas_resource_vector(title jsonb, summary jsonb, extra text, attachments text) RETURNS tsvector
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
   || setweight(to_tsvector('simple', atlas_unaccent(coalesce(extra, ''))), 'C')
   || setweight(to_tsvector('simple', atlas_unaccent(coalesce(attachments, ''))), 'D')
   || setweight(to_tsvector('english', atlas_unaccent(coalesce(attachments, ''))), 'D') $$;

-- A generated column's expression cannot be altered: drop it (and its index) and add it again.
DROP INDEX resources_search_idx;
ALTER TABLE resources DROP COLUMN search_vector;
ALTER TABLE resources ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (atlas_resource_vector(title, summary, search_extra, attachment_text)) STORED;
CREATE INDEX resources_search_idx ON resources USING gin (search_vector);
