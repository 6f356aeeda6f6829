// Row types of the tables, for Kysely. Generated columns are read-only.
import type { ColumnType, Generated } from 'kysely';

export type LocalizedText = Partial<Record<'ar' | 'en' | 'es' | 'fa' | 'ru', string>>;

export interface ResourcesTable {
  id: Generated<string>; // bigint arrives as a string
  slug: string;
  type: string;
  year: number | null;
  link: string | null;
  status: 'draft' | 'in_review' | 'published' | 'archived';
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  topics: string[];
  countries: string[];
  regions: string[];
  publishers: string[];
  languages: string[];
  title: ColumnType<LocalizedText, string, string>;
  summary: ColumnType<LocalizedText, string, string>;
  search_extra: string;
  /** The texts of its attachments, kept by the attachments store (003_attachments.sql). */
  attachment_text: Generated<string>;
  search_vector: ColumnType<string, never, never>;
  created_at: ColumnType<Date, string | undefined, string>;
  updated_at: ColumnType<Date, string | undefined, string>;
  published_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

/** A web import between its preview and its confirmation (004_bulk_import.sql). */
export interface PendingImportsTable {
  id: string;
  user_id: string;
  format: 'listing' | 'csv' | 'json';
  options: ColumnType<{ status?: 'draft' | 'published'; file?: string | null }, string, string>;
  content: string;
  created_at: ColumnType<Date, string | undefined, never>;
}

/** A document attached to a resource; its bytes are on disk under sha256 (003_attachments.sql). */
export interface AttachmentsTable {
  id: Generated<string>;
  resource_id: string;
  sha256: string;
  filename: string;
  media_type: string;
  size: ColumnType<string, number, never>;
  pages: number | null;
  text: string;
  created_at: ColumnType<Date, string | undefined, never>;
  created_by: string | null;
}

export interface Tables {
  resources: ResourcesTable;
  topics: { slug: string; names: ColumnType<LocalizedText, string, string>; aliases: string[]; position: number };
  countries: { code: string; names: ColumnType<LocalizedText, string, string> };
  regions: { code: string; kind: string; names: ColumnType<LocalizedText, string, string>; position: number };
  region_members: { region_code: string; country_code: string };
  publishers: { slug: string; name: string };
  search_words: { word: string };
  attachments: AttachmentsTable;
  schema_migrations: { version: number; name: string; applied_at: Date };
  pending_imports: PendingImportsTable;
}
