-- Web imports: the uploaded text waits here between its preview and its confirmation, so that the
-- confirmation carries only an id (never the content again) and runs exactly what was previewed.
-- Rows are short-lived: a confirmed import deletes its row, and old ones are purged.
CREATE TABLE pending_imports (
  id text PRIMARY KEY,                  -- random (UUID): the confirm form's only reference
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  format text NOT NULL CHECK (format IN ('listing', 'csv', 'json')),
  options jsonb NOT NULL DEFAULT '{}',  -- {"status": "draft", "file": "name.csv"}
  content text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_imports_user_idx ON pending_imports (user_id);
CREATE INDEX pending_imports_created_idx ON pending_imports (created_at);

-- The audit page offers the actions present as a filter, and filters by them.
CREATE INDEX audit_log_action_idx ON audit_log (action);
