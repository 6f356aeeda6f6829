// The benchmark's figures as one markdown document, with the targets checked (figures, not assertions).
import os from 'node:os';
import type { ExplainSummary } from './explain.ts';
import { TIMEOUT_S, type LoadFigures } from './load.ts';
import type { PageWeight } from './weight.ts';

export type DbKind = 'pglite' | 'postgres';
export type ImportFigures = { db: DbKind; size: number; imported: number; seconds: number; perSecond: number; vacuumSeconds: number; note?: string };
export type LoadRow = { db: DbKind; size: number; scenario: string; figures: LoadFigures };
export type WeightRow = { db: DbKind; size: number; weight: PageWeight };
export type ExplainRow = { db: DbKind; size: number; summary: ExplainSummary };
export type ReviewsSetup = {
  db: DbKind;
  countries: number;
  frameworks: { key: string; criteria: number }[];
  editions: number;
  assessments: number;
  seconds: number;
  vacuumSeconds: number;
};
export type Results = {
  settings: string[];
  imports: ImportFigures[];
  reviewSetups: ReviewsSetup[];
  loads: LoadRow[];
  weights: WeightRow[];
  explains: ExplainRow[];
  notes: string[];
};

const KB = 1024;
const kb = (bytes: number) => (bytes / KB).toFixed(1);
const ms = (v: number) => (!Number.isFinite(v) ? '–' : v >= TIMEOUT_S * 1000 ? 'timeout' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const size = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

function table(head: string[], rows: (string | number)[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

type Target = { name: string; measured: number | undefined; unit: string; limit: number; atMost: boolean };

function targets(r: Results): Target[] {
  const api16 = r.loads.find((l) => l.db === 'postgres' && l.size === 100_000 && l.scenario === 'api search' && l.figures.connections === 16)?.figures;
  const warm16 = r.loads.find((l) => l.db === 'postgres' && l.size === 100_000 && l.scenario === 'api search (engine warm)' && l.figures.connections === 16)?.figures;
  const weight = r.weights.find((w) => w.db === 'postgres' && w.size === 100_000)?.weight ?? r.weights.at(-1)?.weight;
  return [
    { name: 'API search (text + 2 facets), 100k, PostgreSQL, 16 conn: p95', measured: api16?.p95, unit: 'ms', limit: 50, atMost: true },
    { name: 'API search (text + 2 facets), 100k, PostgreSQL, 16 conn: throughput', measured: api16?.rps, unit: 'req/s', limit: 500, atMost: false },
    { name: 'the same, engine warm (response cache off): p95', measured: warm16?.p95, unit: 'ms', limit: 50, atMost: true },
    { name: 'the same, engine warm (response cache off): throughput', measured: warm16?.rps, unit: 'req/s', limit: 500, atMost: false },
    { name: 'Search page: HTML + CSS, gzipped', measured: weight && (weight.htmlGzip + weight.cssGzip) / KB, unit: 'KB', limit: 30, atMost: true },
    { name: 'JavaScript referenced by the search page (raw; gzipped in the weight table)', measured: weight && weight.jsRaw / KB, unit: 'KB', limit: 10, atMost: true },
  ];
}

export function renderReport(r: Results): string {
  const cpu = os.cpus();
  // The library's sections only when the library scenario ran (a reviews-only run has none of them).
  const library = r.imports.length > 0 || r.weights.length > 0 || r.loads.some((l) => !l.scenario.startsWith('reviews:'));
  const out: string[] = [
    '# Child Protection Atlas: benchmark',
    '',
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; Node ${process.version}.`,
    '',
    ...r.settings.map((s) => `- ${s}`),
  ];
  if (library) {
    out.push(
      '',
      '## Import (upsertResources, batches of 1000, one transaction each)',
      '',
      ...table(
        ['database', 'size', 'resources/s', 'import (s)', 'VACUUM ANALYZE (s)', 'note'],
        r.imports.map((i) => [i.db, size(i.size), i.perSecond.toFixed(0), i.seconds.toFixed(1), i.vacuumSeconds.toFixed(1), i.note ?? '']),
      ),
    );
  }
  if (r.reviewSetups.length) {
    out.push(
      '',
      '## Reviews data (synthetic assessments, one transaction)',
      '',
      ...table(
        ['database', 'countries', 'frameworks (criteria)', 'published editions', 'assessments', 'insert (s)', 'VACUUM ANALYZE (s)'],
        r.reviewSetups.map((x) => [
          x.db, x.countries, x.frameworks.map((f) => `${f.key} (${f.criteria})`).join(', '), x.editions, x.assessments, x.seconds.toFixed(1), x.vacuumSeconds.toFixed(1),
        ]),
      ),
    );
  }
  out.push(
    '',
    `## HTTP load (autocannon; latency in ms; a request unanswered after ${TIMEOUT_S} s counts as a timeout, at ${TIMEOUT_S} s in the percentiles)`,
    '',
    ...table(
      ['database', 'size', 'scenario', 'connections', 'p50', 'p95', 'p99', 'req/s', 'responses', 'errors: non-2xx / timeouts / other'],
      r.loads.map(({ db, size: n, scenario, figures: f }) => [
        db, size(n), scenario, f.connections, ms(f.p50), ms(f.p95), ms(f.p99), f.rps < 10 ? f.rps.toFixed(1) : f.rps.toFixed(0), f.responses,
        `${f.non2xx} / ${f.timeouts} / ${f.errors - f.timeouts}`,
      ]),
    ),
  );
  if (library) {
    out.push(
      '',
      '## Page weight of a search page (/en/library?q=…&topic=…; KB = 1024 bytes)',
      '',
      ...table(
        ['database', 'size', 'typical page', 'HTML raw', 'HTML gz (heaviest of sample)', 'CSS gz', 'HTML+CSS gz', 'JS files', 'JS raw', 'JS gz'],
        r.weights.map(({ db, size: n, weight: w }) => [
          db, size(n), `\`${decodeURIComponent(w.typicalPath)}\``, kb(w.htmlRaw), `${kb(w.htmlGzip)} (${kb(w.htmlGzipMax)})`, kb(w.cssGzip),
          kb(w.htmlGzip + w.cssGzip), w.jsFiles.map((f) => `\`${f}\``).join(', ') || '–', kb(w.jsRaw), kb(w.jsGzip),
        ]),
      ),
      '',
      '## Targets',
      '',
      ...table(
        ['target', 'measured', 'limit', 'ratio (measured / limit)', 'result'],
        targets(r).map((t) => [
          t.name,
          t.measured === undefined ? 'not measured' : `${t.measured.toFixed(1)} ${t.unit}`,
          `${t.atMost ? '≤' : '≥'} ${t.limit} ${t.unit}`,
          t.measured === undefined ? '–' : (t.measured / t.limit).toFixed(2),
          t.measured === undefined ? '–' : (t.atMost ? t.measured <= t.limit : t.measured >= t.limit) ? 'PASS' : 'MISS',
        ]),
      ),
    );
  }
  if (r.explains.length) {
    out.push('', '## Where a search spends its time (PostgreSQL, one client, each query once, SQL as logged from searchResources)', '');
    out.push(
      ...table(
        ['size', 'searches', 'corrections stmt p50 / p95 (ms)', 'search stmt p50 / p95 (ms)', 'corrections share', 'text-only matches p50', 'slowest searches (ms, text matches)', 'plans'],
        r.explains.map(({ size: n, summary: s }) => [
          size(n), s.searches, `${s.correctionsMs.p50} / ${s.correctionsMs.p95}`, `${s.searchMs.p50} / ${s.searchMs.p95}`, `${s.correctionsMs.share}%`, s.matchedP50,
          s.slowest.map((x) => `${x.q} ${x.topic} ${x.country}: ${x.ms} (${x.matched})`).join('; '), `\`${s.file}\``,
        ]),
      ),
    );
  }
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}
