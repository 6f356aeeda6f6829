// The one place that reads process.env: everything else receives a typed, validated Config.
import { z } from 'zod';
import path from 'node:path';

const EnvSchema = z.object({
  ATLAS_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.string().url().optional(),
  ATLAS_CACHE_ENTRIES: z.coerce.number().int().min(0).default(2000),
  ATLAS_FILES_DIR: z.string().optional(),
  ATLAS_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(25),
  ATLAS_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  ATLAS_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type Config = {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  publicUrl: string;
  /** False when publicUrl was derived from HOST and PORT: the server then sets it from the port it got. */
  publicUrlExplicit: boolean;
  cacheEntries: number;
  /** Attachments, stored by content hash. */
  filesDir: string;
  uploadMaxBytes: number;
  /** A session ends after this long without a request. */
  sessionHours: number;
  /** Cookies get `Secure` when the public URL is https (the Atlas behind a TLS proxy). */
  secureCookies: boolean;
  /**
   * How many reverse proxies stand in front of the Atlas. With N, the client's address is the Nth
   * entry from the right of X-Forwarded-For (each proxy appends the address it was reached from);
   * with 0 the header is ignored, since any client could write it.
   */
  trustProxyHops: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`;
  return {
    dataDir: path.resolve(e.ATLAS_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    publicUrl,
    publicUrlExplicit: e.PUBLIC_URL !== undefined,
    cacheEntries: e.ATLAS_CACHE_ENTRIES,
    filesDir: path.resolve(e.ATLAS_FILES_DIR ?? path.join(e.ATLAS_DATA_DIR, 'files')),
    uploadMaxBytes: Math.round(e.ATLAS_UPLOAD_MAX_MB * 1024 * 1024),
    sessionHours: e.ATLAS_SESSION_HOURS,
    secureCookies: publicUrl.startsWith('https:'),
    trustProxyHops: e.ATLAS_TRUST_PROXY,
  };
}
