// `npm test`: starts a throwaway PostgreSQL server (unless TEST_DATABASE_URL is given), makes sure
// Chromium is there for the browser tests, then runs every *.test.ts with Node's test runner.
// Every store test runs on PGlite and on that server; a missing server is a failure, not a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startCluster, type Cluster } from './postgres-cluster.ts';
import { ensureChromium } from './chromium.ts';

function findTests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return findTests(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const filters = process.argv.slice(2);
const files = [...findTests('src'), ...findTests('test')].filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

let cluster: Cluster | undefined;
const env = { ...process.env };
if (!env.TEST_DATABASE_URL) {
  cluster = await startCluster();
  env.TEST_DATABASE_URL = cluster.url;
}
if (files.some((f) => f.includes('e2e'))) env.CHROMIUM_PATH = ensureChromium();
env.LOG_LEVEL ??= 'silent';

let status = 1;
try {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
    { stdio: 'inherit', env },
  );
  status = result.status ?? 1;
  if (status !== 0 && cluster) console.error(`\nThe PostgreSQL server's log, last lines:\n${cluster.logTail()}`);
} finally {
  cluster?.stop();
}
process.exit(status);
