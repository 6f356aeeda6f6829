// Public pages and exports of the model law under /{locale}/model-law. Only published editions
// are public; the back office previews the others.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/messages.ts';
import type { AppEnv } from '../../web/env.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { toAkomaNtoso } from './akoma-ntoso.ts';
import { compareEditions } from './compare.ts';
import { draftToDocx, lawToDocx } from './docx.ts';
import { buildDraft, draftToMarkdown } from './drafting.ts';
import { ArticlePage, SideBySidePage, TocPage } from './reading-pages.tsx';
import { searchEdition } from './search.ts';
import { findPublishedEdition, listEditions, listPublishedLaws, loadEditionTree } from './store.ts';
import { editionToDocument } from './to-document.ts';
import { ComparePage, DraftPage, LawIndexPage, LawSearchPage } from './tool-pages.tsx';

const LocaleParam = z.string().refine(isLocale).transform((l) => l as Locale);

/** The published edition a page asks for (?edition=label), loaded whole; 404 when there is none. */
async function publishedTree(c: Context<AppEnv>) {
  const label = c.req.query('edition');
  if (label !== undefined && label.length > 40) throw new HttpError(400, 'error.invalidParameter', { name: 'edition', problem: 'error.problem.tooLong' }, 'edition');
  const edition = await findPublishedEdition(c.var.db, c.req.param('slug') ?? '', label || undefined);
  if (!edition) throw notFound();
  return loadEditionTree(c.var.db, edition);
}

function fileName(slug: string, label: string, ext: string): string {
  return `${slug}-${label}`.replace(/[^a-z0-9-]+/gi, '-') + ext;
}

function queryLocale(c: Context<AppEnv>, name: string, fallback: Locale): Locale {
  const value = c.req.query(name);
  if (value === undefined || value === '') return fallback;
  const parsed = LocaleParam.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'error.invalidParameter', { name, problem: 'error.problem.enum' }, name);
  return parsed.data;
}

const DraftQuery = z.object({
  article: z.array(z.string().regex(/^[a-z0-9-]{1,80}$/)).max(500),
  country: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/)]).optional(),
});

function draftQuery(c: Context<AppEnv>) {
  const parsed = DraftQuery.safeParse({ article: c.req.queries('article') ?? [], country: c.req.query('country') });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'article');
    throw new HttpError(400, 'error.invalidParameter', { name: field, problem: 'error.problem.format' }, field);
  }
  return { articles: parsed.data.article, country: parsed.data.country || undefined, language: queryLocale(c, 'language', c.var.ctx.locale) };
}

export function modelLawPages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/model-law', async (c) => c.html(<LawIndexPage ctx={c.var.ctx} laws={await listPublishedLaws(c.var.db)} />));

  app.get('/:locale/model-law/:slug', async (c) => {
    const tree = await publishedTree(c);
    const editions = await listEditions(c.var.db, tree.edition.law.slug);
    return c.html(<TocPage ctx={c.var.ctx} tree={tree} editions={editions} />);
  });

  app.get('/:locale/model-law/:slug/articles/:key', async (c) => {
    const tree = await publishedTree(c);
    const article = tree.byKey.get(c.req.param('key'));
    if (!article || article.kind !== 'article') throw notFound();
    return c.html(<ArticlePage ctx={c.var.ctx} tree={tree} article={article} />);
  });

  app.get('/:locale/model-law/:slug/side-by-side', async (c) => {
    const tree = await publishedTree(c);
    const left = queryLocale(c, 'left', c.var.ctx.locale);
    const right = queryLocale(c, 'right', left === 'en' ? 'ar' : 'en');
    return c.html(<SideBySidePage ctx={c.var.ctx} tree={tree} left={left} right={right} />);
  });

  app.get('/:locale/model-law/:slug/search', async (c) => {
    const tree = await publishedTree(c);
    const q = (c.req.query('q') ?? '').trim();
    if (q.length > 200) throw new HttpError(400, 'error.invalidParameter', { name: 'q', problem: 'error.problem.tooLong' }, 'q');
    const hits = await searchEdition(c.var.db, tree.edition.id, q, c.var.ctx.locale);
    return c.html(<LawSearchPage ctx={c.var.ctx} tree={tree} q={q} hits={hits} />);
  });

  app.get('/:locale/model-law/:slug/compare', async (c) => {
    const editions = await listEditions(c.var.db, c.req.param('slug'));
    const newest = editions[0];
    if (!newest) throw notFound();
    const pick = (name: 'from' | 'to', fallback: (typeof editions)[number] | undefined) => {
      const label = c.req.query(name);
      if (!label) return fallback;
      const found = editions.find((e) => e.label === label);
      if (!found) throw new HttpError(400, 'error.invalidParameter', { name, problem: 'error.problem.enum' }, name);
      return found;
    };
    const to = pick('to', newest);
    const from = pick('from', editions[1]);
    const changes = from && to ? compareEditions(await loadEditionTree(c.var.db, from), await loadEditionTree(c.var.db, to), c.var.ctx.locale) : undefined;
    return c.html(<ComparePage ctx={c.var.ctx} edition={newest} editions={editions} from={from} to={to} changes={changes} />);
  });

  app.get('/:locale/model-law/:slug/draft', async (c) => {
    const tree = await publishedTree(c);
    const { articles, country, language } = draftQuery(c);
    return c.html(<DraftPage ctx={c.var.ctx} tree={tree} selected={new Set(articles)} country={country ?? ''} language={language} />);
  });

  app.get('/:locale/model-law/:slug/:file{draft\\.(docx|md)}', async (c) => {
    const tree = await publishedTree(c);
    const { articles, country, language } = draftQuery(c);
    if (articles.length === 0) throw new HttpError(400, 'modelLaw.draft.chooseArticles', {}, 'article');
    const draft = buildDraft(tree, articles, language, country);
    if (draft.articles.length === 0) throw new HttpError(400, 'modelLaw.draft.chooseArticles', {}, 'article');
    const t = translator(language);
    const name = fileName(tree.edition.law.slug, `draft-${language}`, '');
    if (c.req.param('file') === 'draft.md') {
      return c.body(draftToMarkdown(draft, t), 200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.md"` });
    }
    return c.body(new Uint8Array(await draftToDocx(draft, t)), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${name}.docx"`,
    });
  });

  app.get('/:locale/model-law/:slug/:file{export\\.(json|akn\\.xml|docx)}', async (c) => {
    const tree = await publishedTree(c);
    const { slug } = tree.edition.law;
    const locale = queryLocale(c, 'lang', c.var.ctx.locale);
    switch (c.req.param('file')) {
      case 'export.json':
        return c.body(JSON.stringify(editionToDocument(tree), null, 2), 200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="${fileName(slug, tree.edition.label, '.json')}"`,
        });
      case 'export.akn.xml':
        return c.body(toAkomaNtoso(editionToDocument(tree), locale), 200, {
          'Content-Type': 'application/akn+xml; charset=utf-8',
          'Content-Disposition': `attachment; filename="${fileName(slug, `${tree.edition.label}-${locale}`, '.akn.xml')}"`,
        });
      default:
        return c.body(new Uint8Array(await lawToDocx(tree, locale, translator(locale))), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'Content-Disposition': `attachment; filename="${fileName(slug, `${tree.edition.label}-${locale}`, '.docx')}"`,
        });
    }
  });

  return app;
}
