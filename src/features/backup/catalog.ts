// What a backup holds is read from the database's own catalog rather than listed by hand, so that a
// table added by a later migration is backed up without anyone remembering to add it here.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export type TableColumn = {
  name: string;
  /** The type as PostgreSQL spells it (format_type), used to cast each text value back on restore. */
  type: string;
  /** GENERATED ALWAYS AS IDENTITY: a restore must insert with OVERRIDING SYSTEM VALUE. */
  identity: boolean;
  /** Fed by a sequence (identity or serial), which a restore moves past the restored values. */
  sequence: boolean;
  nullable: boolean;
  /** Part of a foreign key to its own table (a tree's parent): such a value may name a later row. */
  selfReference: boolean;
};

export type TableInfo = {
  name: string;
  /** Stored columns only: generated ones (resources.search_vector) are recomputed on insert. */
  columns: TableColumn[];
  primaryKey: string[];
  /** Tables this one references (other than itself). */
  references: string[];
};

/**
 * Tables whose rows are not worth keeping, and must not be: sessions (a restored session would
 * sign someone in as whoever has that user id in the restored data), sign-in failures (a short-lived
 * throttle), and imports waiting for confirmation (they describe a state of the library that the
 * restore replaces). Restore empties them all the same. Any table named with "pending" counts as
 * such a waiting area.
 */
export function isTransientTable(name: string): boolean {
  return name === 'sessions' || name === 'login_failures' || name.includes('pending');
}

/** The migration bookkeeping belongs to the schema, not to the data: never backed up or emptied. */
const SCHEMA_TABLES = new Set(['schema_migrations']);

/** Every application table of the public schema, parents before the tables that reference them. */
export async function applicationTables(db: Db): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  // pg_attribute rather than information_schema.columns: it gives the full type (text[], char(2))
  // that the restore casts to.
  const columns = await sql<TableColumn & { table: string; generated: boolean }>`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
      a.attidentity = 'a' AS identity, a.attgenerated <> '' AS generated, NOT a.attnotnull AS nullable,
      EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conrelid = c.oid AND f.confrelid = c.oid
        AND a.attnum = ANY (f.conkey)) AS "selfReference",
      pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) IS NOT NULL AS sequence
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; name: string }>`
    SELECT c.relname AS table, a.attname AS name
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND i.indisprimary
    ORDER BY c.relname, k.position`.execute(db);
  const references = await sql<{ table: string; parent: string }>`
    SELECT DISTINCT c.relname AS table, p.relname AS parent
    FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class p ON p.oid = f.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE f.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`.execute(db);

  const infos = tables.rows
    .filter((t) => !SCHEMA_TABLES.has(t.name))
    .map(
      (t): TableInfo => ({
        name: t.name,
        columns: columns.rows.filter((c) => c.table === t.name && !c.generated).map(({ table: _table, generated: _generated, ...column }) => column),
        primaryKey: keys.rows.filter((k) => k.table === t.name).map((k) => k.name),
        references: references.rows.filter((r) => r.table === t.name).map((r) => r.parent),
      }),
    );
  return orderByReferences(infos);
}

/** Parents first; a cycle (none today) keeps its tables in name order, and the restore's FK checks say so. */
export function orderByReferences(tables: TableInfo[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  let remaining = tables;
  while (remaining.length > 0) {
    const ready = remaining.filter((t) => t.references.every((r) => placed.has(r) || !names.has(r)));
    const next = ready.length > 0 ? ready : [remaining[0]!];
    for (const t of next) {
      ordered.push(t);
      placed.add(t.name);
    }
    remaining = remaining.filter((t) => !placed.has(t.name));
  }
  return ordered;
}
