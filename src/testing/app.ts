// An Atlas app on a test database, for HTTP tests through app.request (no network).
import pino from 'pino';
import { createApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { testDatabase, type DatabaseKind } from './databases.ts';
import { loadShippedData } from '../features/seed/shipped.ts';

export async function testApp(kind: DatabaseKind, opts: { shipped?: boolean; config?: Partial<Config> } = {}) {
  const database: Database = await testDatabase(kind);
  if (opts.shipped !== false) await loadShippedData(database.db);
  const config = { ...loadConfig({}), publicUrl: 'http://atlas.test', ...opts.config };
  const app = createApp({ db: database.db, config, log: pino({ level: 'silent' }) });
  return { app, db: database.db, close: () => database.close() };
}
