-- The back office: accounts, sessions, login throttling, the editorial workflow, revisions and an
-- append-only audit log.

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+$'),
  name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'translator')),
  -- The locales a translator may edit; ignored for the other roles.
  locales text[] NOT NULL DEFAULT '{}',
  -- argon2id (PHC string). NULL until an invited user chooses a password.
  password_hash text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One-time links: an invitation to choose a first password, or a reset made by an admin.
-- Only a SHA-256 of the token is kept, so a copy of the database cannot be used to sign in.
CREATE TABLE user_tokens (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,             -- SHA-256 of the cookie value
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins, counted per account and per address over a sliding window.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email_idx ON login_failures (email, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

-- Who did what to which item, and when. The actor is copied (id and email) rather than referenced,
-- so deleting a user cannot rewrite history.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint,
  actor_email text,
  action text NOT NULL,                 -- e.g. resource.create, resource.publish, user.login
  entity_type text,                     -- resource, user, import, ...
  entity_id text,
  entity_label text,
  details jsonb NOT NULL DEFAULT '{}',
  ip text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);

CREATE FUNCTION atlas_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION atlas_audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_audit_log_append_only();

-- Every saved state of an editable item, numbered by its version.
CREATE TABLE revisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  version int NOT NULL,
  data jsonb NOT NULL,
  action text NOT NULL,
  actor_id bigint,
  actor_email text,
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entity_type, entity_id, version)
);

-- The editorial workflow: draft -> in_review -> published -> archived. `version` is the optimistic
-- lock: a save names the version it started from and fails when someone saved in between.
ALTER TABLE resources DROP CONSTRAINT resources_status_check;
ALTER TABLE resources ADD CONSTRAINT resources_status_check CHECK (status IN ('draft', 'in_review', 'published', 'archived'));
ALTER TABLE resources ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE resources ADD COLUMN created_by bigint REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE resources ADD COLUMN updated_by bigint REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX resources_status_idx ON resources (status, updated_at DESC);
