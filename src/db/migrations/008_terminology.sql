-- The terminology glossary: which words to prefer, use with care or avoid when writing about the
-- sexual exploitation and abuse of children, in five languages. The checker finds a term's forms
-- (the term and its variants, per locale) in a text through the search stemmers.
CREATE TABLE glossary_terms (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  status text NOT NULL CHECK (status IN ('preferred', 'care', 'avoid')),
  -- {"en": "child pornography", "es": "pornografía infantil", …}
  term jsonb NOT NULL,
  -- Other forms the checker detects, per locale: {"en": ["child porn", "kiddie porn"], …}
  variants jsonb NOT NULL DEFAULT '{}',
  -- The term to use instead (a preferred entry). Nullable: some wording has no single replacement.
  alternative text REFERENCES glossary_terms (key) ON DELETE SET NULL,
  explanation jsonb NOT NULL DEFAULT '{}',
  source text,
  link text CHECK (link ~ '^https?://'),
  -- False while an entry taken from memory of a public text waits for an editor's confirmation.
  confirmed boolean NOT NULL DEFAULT true,
  position int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- NULL for the shipped text: a person's edit (non-NULL) is never overwritten by a later start.
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX glossary_terms_position_idx ON glossary_terms (position, key);
