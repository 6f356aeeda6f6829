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
  search_vector: ColumnType<string, never, never>;
  created_at: ColumnType<Date, string | undefined, string>;
  updated_at: ColumnType<Date, string | undefined, string>;
  published_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

export interface Tables {
  resources: ResourcesTable;
  topics: { slug: string; names: ColumnType<LocalizedText, string, string>; aliases: string[]; position: number };
  countries: { code: string; names: ColumnType<LocalizedText, string, string> };
  regions: { code: string; kind: string; names: ColumnType<LocalizedText, string, string>; position: number };
  region_members: { region_code: string; country_code: string };
  publishers: { slug: string; name: string };
  search_words: { word: string };
  schema_migrations: { version: number; name: string; applied_at: Date };
}
