// One bounded autocannon run against 127.0.0.1, rotating over a list of paths so that consecutive
// requests ask different things. Latency percentiles are computed from every response (autocannon's
// own summary has no p95); a request that times out counts at the timeout, so the percentiles do
// not improve when the server stops answering.
import autocannon from 'autocannon';

export const TIMEOUT_S = 10;

export type LoadFigures = {
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  /** Completed responses per second. */
  rps: number;
  responses: number;
  non2xx: number;
  /** Socket errors and timeouts (the timeouts are also in the percentiles, at TIMEOUT_S). */
  errors: number;
  timeouts: number;
};

export type LoadOptions = {
  url: string;
  paths: readonly string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function loopback(url: string): URL {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}: the benchmark only targets 127.0.0.1`);
  return u;
}

/**
 * Requests paths in turn, `concurrency` at a time, and waits for every answer (so no work is left
 * queued in the server afterwards). Stops starting new requests after `seconds`, if given.
 * Throws on a non-2xx answer: the benchmark must not measure error pages.
 */
export async function prime(url: string, paths: readonly string[], o: { concurrency: number; seconds?: number; headers?: Record<string, string> }): Promise<number> {
  const origin = loopback(url).origin;
  const deadline = o.seconds === undefined ? Infinity : performance.now() + o.seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (next < paths.length && performance.now() < deadline) {
      const path = paths[next++]!;
      const res = await fetch(origin + path, { headers: o.headers ?? {} });
      const body = await res.arrayBuffer();
      if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${Buffer.from(body).toString('utf8', 0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return next;
}

let cursor = 0;

export function runLoad(o: LoadOptions): Promise<LoadFigures> {
  const origin = loopback(o.url).origin;
  const times: number[] = [];
  let timedOut = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: o.connections,
        duration: o.seconds,
        timeout: TIMEOUT_S,
        headers: o.headers ?? {},
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: o.paths[cursor++ % o.paths.length]! }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const completed = times.length;
        for (let i = 0; i < timedOut; i++) times.push(TIMEOUT_S * 1000);
        times.sort((a, b) => a - b);
        resolve({
          connections: o.connections,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          rps: completed / result.duration,
          responses: completed,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
    instance.on('reqError', (error: Error) => {
      if (/timed out/.test(error.message)) timedOut++;
    });
  });
}
