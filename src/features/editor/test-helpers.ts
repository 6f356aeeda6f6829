// Helpers for the editor's HTTP tests: the form's fields, creating through the real form, and
// reading the version an edit page holds.
import assert from 'node:assert/strict';
import type { testApp } from '../../testing/app.ts';
import type { TestSession } from '../../testing/sessions.ts';

export type App = Awaited<ReturnType<typeof testApp>>;

export type FormInput = {
  slug?: string;
  type?: string;
  year?: string;
  link?: string;
  publishers?: string;
  topics?: string[];
  countries?: string;
  languages?: string;
  title?: Partial<Record<'ar' | 'en' | 'es' | 'fa' | 'ru', string>>;
  summary?: Partial<Record<'ar' | 'en' | 'es' | 'fa' | 'ru', string>>;
  version?: number;
};

/** The body the edit form posts. */
export function formFields(input: FormInput): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    slug: input.slug ?? '',
    type: input.type ?? 'report',
    year: input.year ?? '',
    link: input.link ?? '',
    publishers: input.publishers ?? '',
    topics: input.topics ?? [],
    countries: input.countries ?? '',
    languages: input.languages ?? '',
  };
  for (const l of ['ar', 'en', 'es', 'fa', 'ru'] as const) {
    fields[`title_${l}`] = input.title?.[l] ?? '';
    fields[`summary_${l}`] = input.summary?.[l] ?? '';
  }
  if (input.version !== undefined) fields.version = String(input.version);
  return fields;
}

/** Creates a draft through the form; returns its id. */
export async function createThroughForm(t: App, session: TestSession, input: FormInput): Promise<string> {
  const res = await t.app.request('/en/admin/resources/new', session.form(formFields(input)));
  assert.equal(res.status, 303, await res.clone().text());
  const id = /\/admin\/resources\/(\d+)\?created=1$/.exec(res.headers.get('location') ?? '')?.[1];
  assert.ok(id, `redirects to the new resource: ${res.headers.get('location')}`);
  return id!;
}

/** The version in an edit form's hidden field. */
export function formVersion(html: string): number {
  const match = /<form method="post" action="\/[a-z]{2}\/admin\/resources\/\d+" class="editor-form"[^>]*>.*?name="version" value="(\d+)"/s.exec(html);
  assert.ok(match, 'the edit form carries its version');
  return Number(match![1]);
}

export async function page(t: App, session: TestSession, path: string): Promise<{ status: number; html: string }> {
  const res = await t.app.request(path, { headers: session.headers() });
  return { status: res.status, html: await res.text() };
}
