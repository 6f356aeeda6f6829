// Page weight of search pages: the HTML and the stylesheet gzipped, and every script the page loads
// (<script src> files and the modules they import, plus inline scripts), raw and gzipped.
import { gzipSync } from 'node:zlib';

export type PageWeight = {
  /** The median page of the sample (by gzipped HTML) and the heaviest. */
  typicalPath: string;
  htmlRaw: number;
  htmlGzip: number;
  htmlGzipMax: number;
  servedEncoding: string;
  cssRaw: number;
  cssGzip: number;
  jsFiles: string[];
  jsRaw: number;
  jsGzip: number;
};

const gz = (text: string) => gzipSync(Buffer.from(text, 'utf8')).length;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

async function get(url: string): Promise<{ text: string; encoding: string }> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return { encoding: res.headers.get('content-encoding') ?? 'identity', text: await res.text() };
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];

/** Script URLs a module imports statically or dynamically (relative or absolute paths). */
function importsOf(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s*["']([^"']+)["']/g)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

async function scriptWeight(base: string, html: string): Promise<{ files: string[]; raw: number; gzip: number }> {
  const queue: string[] = [];
  let raw = 0;
  let gzip = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(m[1]!, 'src');
    const type = attr(m[1]!, 'type') ?? '';
    if (src) queue.push(new URL(src, base).href);
    else if (!/json/i.test(type) && m[2]!.trim()) {
      raw += bytes(m[2]!);
      gzip += gz(m[2]!);
    }
  }
  const seen = new Set<string>();
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const { text } = await get(url);
    raw += bytes(text);
    gzip += gz(text);
    for (const spec of importsOf(text)) queue.push(new URL(spec, url).href);
  }
  return { files: [...seen].map((u) => new URL(u).pathname), raw, gzip };
}

export async function measurePageWeight(origin: string, paths: readonly string[]): Promise<PageWeight> {
  const pages: { path: string; html: string; encoding: string; gzip: number }[] = [];
  for (const path of paths) {
    const { text, encoding } = await get(origin + path);
    pages.push({ path, html: text, encoding, gzip: gz(text) });
  }
  pages.sort((a, b) => a.gzip - b.gzip);
  const typical = pages[Math.floor(pages.length / 2)]!;
  const cssHref = [...typical.html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]).find((tag) => /rel\s*=\s*["']?stylesheet/i.test(tag));
  const cssUrl = cssHref && attr(cssHref, 'href');
  const css = cssUrl ? (await get(new URL(cssUrl, origin).href)).text : '';
  const js = await scriptWeight(origin + typical.path, typical.html);
  return {
    typicalPath: typical.path,
    htmlRaw: bytes(typical.html),
    htmlGzip: typical.gzip,
    htmlGzipMax: pages[pages.length - 1]!.gzip,
    servedEncoding: typical.encoding,
    cssRaw: bytes(css),
    cssGzip: css ? gz(css) : 0,
    jsFiles: js.files,
    jsRaw: js.raw,
    jsGzip: js.gzip,
  };
}
