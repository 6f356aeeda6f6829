// Helpers for browser tests: a real Atlas on a fresh data directory, Chromium through
// playwright-core, a network guard (only the Atlas's own origin may be reached), axe-core checks.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/connect.ts';
import { startServer } from '../../src/server.ts';
import { ensureChromium } from '../../scripts/chromium.ts';

export type Atlas = { url: string; origin: string; dataDir: string; /** The running Atlas's database, for a test's setup (accounts). */ db: Db; close(): Promise<void> };

/** Starts the Atlas as `atlas serve` would, on any free port and a throwaway data directory. */
export async function startAtlas(): Promise<Atlas> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'atlas-e2e-'));
  try {
    const server = await startServer(loadConfig({ ATLAS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
    return {
      url: server.url,
      origin: new URL(server.url).origin,
      dataDir,
      db: server.db,
      async close() {
        try {
          await server.close();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Chromium must be there: a missing browser fails the test (ensureChromium installs or throws). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? ensureChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export type GuardedContext = {
  context: BrowserContext;
  /** Requests to any other origin, aborted. */
  blocked: string[];
  /** Uncaught page errors and console errors (a CSP violation shows up here). */
  errors: string[];
  newPage(): Promise<Page>;
  /** Throws if anything left the origin or a page reported an error. */
  assertClean(): void;
};

/** A browser context that aborts every request not to `origin` and records it. */
export async function guardedContext(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, ...options });
  // Everything is local: a missing element should fail fast rather than wait the default 30 s.
  context.setDefaultTimeout(5_000);
  context.setDefaultNavigationTimeout(10_000);
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const newPage = async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error on ${page.url()}: ${message.text()}`);
    });
    return page;
  };
  return {
    context,
    blocked,
    errors,
    newPage,
    assertClean() {
      // Reported once: the next test starts from a clean slate.
      const left = blocked.splice(0);
      const reported = errors.splice(0);
      if (left.length) throw new Error(`requests left the Atlas's origin ${origin}:\n  ${left.join('\n  ')}`);
      if (reported.length) throw new Error(`the page reported errors:\n  ${reported.join('\n  ')}`);
    },
  };
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] };

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core on the page and returns its violations. The source is evaluated through the
 * DevTools protocol rather than added as an inline <script>: the Atlas's CSP forbids inline
 * scripts, and the test should not switch that policy off.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  const source = await axeSource;
  await page.evaluate(source);
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** A readable report of axe violations: id, impact, help and each failing node. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${where}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} <${v.helpUrl}>`);
    for (const n of v.nodes) {
      lines.push(`    ${JSON.stringify(n.target)}  ${n.html.slice(0, 160)}`);
      if (n.failureSummary) lines.push(`      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
    }
  }
  return lines.join('\n');
}

/** Fails with axe-core's readable report when the page has any violation. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(formatViolations(where, violations));
}

/**
 * Runs `action` (a click, a key press) and waits for the page it leads to, failing unless that
 * page answered 200. Returns the new address.
 */
export async function navigateBy(page: Page, action: () => Promise<unknown>): Promise<URL> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)),
    action(),
  ]);
  await page.waitForURL(response.url());
  if (response.status() !== 200) throw new Error(`${response.url()} answered ${response.status()} ${response.statusText()}`);
  return new URL(response.url());
}

/** Escapes text for use inside a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The Atlas and Chromium, started at once; whichever started is stopped again if the other
 * failed, so a failed start leaves no process behind.
 */
export async function startAtlasAndBrowser(): Promise<{ atlas: Atlas; browser: Browser; close(): Promise<void> }> {
  const [a, b] = await Promise.allSettled([startAtlas(), launchBrowser()]);
  if (a.status === 'rejected' || b.status === 'rejected') {
    if (b.status === 'fulfilled') await b.value.close();
    if (a.status === 'fulfilled') await a.value.close();
    throw a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason;
  }
  return {
    atlas: a.value,
    browser: b.value,
    async close() {
      await b.value.close();
      await a.value.close();
    },
  };
}

export type BrowserSuite = {
  readonly atlas: Atlas;
  readonly browser: Browser;
  /** The suite's guarded context: every page opened from it is checked by `assertClean`. */
  readonly guarded: GuardedContext;
};

/**
 * The setup of a browser test file, called inside its `describe`: before the tests, the Atlas and
 * Chromium start, `setup` prepares data (accounts, seeded reviews) and a guarded context opens
 * with `context` options; after them, everything stops, even when the start failed half-way.
 * Its fields are for the tests: read before the start, they throw.
 */
export function browserSuite(options: { setup?: (atlas: Atlas) => Promise<unknown>; context?: BrowserContextOptions } = {}): BrowserSuite {
  let started: Awaited<ReturnType<typeof startAtlasAndBrowser>> | undefined;
  let guarded: GuardedContext | undefined;
  before(async () => {
    const startedAt = performance.now();
    started = await startAtlasAndBrowser();
    await options.setup?.(started.atlas);
    guarded = await guardedContext(started.browser, started.atlas.origin, options.context);
    console.log(`Atlas at ${started.atlas.url} and ${started.browser.version()} ready in ${Math.round(performance.now() - startedAt)} ms`);
  });
  after(async () => {
    await started?.close();
  });
  const ready = () => {
    if (!started || !guarded) assert.fail('the browser suite is not ready: read its fields in tests, after its start');
    return { ...started, guarded };
  };
  return {
    get atlas() {
      return ready().atlas;
    },
    get browser() {
      return ready().browser;
    },
    get guarded() {
      return ready().guarded;
    },
  };
}

/** The text of a PDF (a printed page), read with pdfjs as a reader's tool would. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}
