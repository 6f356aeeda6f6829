// Starts the Atlas: open the database, migrate, load the shipped data, serve HTTP.
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { loadShippedData } from './features/seed/shipped.ts';
import { warmSearchCopy } from './features/search/memory.ts';
import { RESOURCE_SEARCH } from './features/library/search.ts';

export async function startServer(config: Config): Promise<{ url: string; db: Db; close(): Promise<void> }> {
  const log = pino({ level: config.logLevel });
  const database = await openDatabase({ ...config, onIdleError: (error) => log.warn({ err: error }, 'database connection closed by the server') });
  try {
    const applied = await migrate(database.db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const { resourcesLoaded } = await loadShippedData(database.db);
    if (resourcesLoaded) log.info({ resourcesLoaded }, 'shipped resources loaded');
  } catch (error) {
    await database.close();
    throw error;
  }
  // The app reads publicUrl per request: when it was not configured, it follows the port we get.
  const appConfig = { ...config };
  const app = createApp({ db: database.db, config: appConfig, log });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  if (!config.publicUrlExplicit) appConfig.publicUrl = url;
  log.info({ url, database: database.kind }, 'Child Protection Atlas is serving');
  // The library's facets in memory before the first search needs them (searches go to SQL until then).
  warmSearchCopy(database.db, RESOURCE_SEARCH).catch((error: unknown) => log.warn({ err: error }, 'search copy not built'));
  return {
    url,
    db: database.db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
