-- A stamp per searchable table that changes with every write to it, in the writing transaction:
-- a process that keeps a table's facets in memory (src/features/search/memory.ts) reads the stamp
-- to know, in one primary-key lookup, whether its copy still matches what it would read. A random
-- value rather than a counter: a restored backup brings back its own stamp with its own rows.
CREATE TABLE search_stamps (
  table_name text PRIMARY KEY,
  stamp text NOT NULL
);
INSERT INTO search_stamps (table_name, stamp) VALUES ('resources', md5(random()::text)), ('practices', md5(random()::text));

-- BEFORE STATEMENT: the stamp's row lock is taken before any row of the table, so two writers
-- queue on the stamp and never hold each other's rows (no deadlock between them).
CREATE FUNCTION atlas_touch_search_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_stamps SET stamp = md5(random()::text || clock_timestamp()::text) WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END $$;
CREATE TRIGGER resources_search_stamp BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON resources
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_touch_search_stamp();
CREATE TRIGGER practices_search_stamp BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON practices
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_touch_search_stamp();
