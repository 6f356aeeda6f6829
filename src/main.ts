// The `atlas` command line: serve | migrate | seed | import | user | backup | restore | check-terms.
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import type { Db } from './db/connect.ts';

// Each command loads only the modules it needs (the web server alone takes seconds to load), so
// that a quick command such as check-terms in a team's CI starts quickly.

const USAGE = `Usage: atlas <command>

  serve                         start the web server (PORT, HOST, ATLAS_DATA_DIR or DATABASE_URL)
  migrate                       apply database migrations
  seed                          load the shipped vocabularies and (on an empty library) resources
  seed --demo [--remove]        also load invented, clearly flagged demonstration reviews (or remove them)
  import listing|csv|json FILE  import resources; all or nothing unless --skip-invalid
         [--skip-invalid] [--status draft|published] [--dry-run]
  import assessments FILE --framework KEY --edition LABEL [--skip-invalid]
                                import an edition's assessments (CSV); all or nothing unless --skip-invalid
  user create --email E --role admin|editor|reviewer|translator [--name N] [--locales ar,fa]
                                make an account; the password is read from standard input
  backup FILE                   write the database and the attachments to FILE (.tar.gz)
  check-terms FILE [--lang L]    list the terms to avoid in a .txt, .md, .docx or .pdf draft; exit 1 if any
  restore FILE                  replace the database's data with a backup and add its attachments
`;

async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('./db/connect.ts');
  const { migrate } = await import('./db/migrate.ts');
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { startServer } = await import('./server.ts');
      const server = await startServer(loadConfig());
      console.log(`Child Protection Atlas: ${server.url}/`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return new Promise<number>(() => undefined);
    }
    case 'check-terms': {
      const { runCheckTermsCommand } = await import('./features/terminology/cli.ts');
      return runCheckTermsCommand(rest, withDatabase);
    }
    case 'migrate':
      return withDatabase(async (db) => {
        const { migrate } = await import('./db/migrate.ts');
        const applied = await migrate(db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      });
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, remove: { type: 'boolean' } } });
      if (values.remove && !values.demo) {
        console.error(USAGE);
        return 2;
      }
      if (values.demo) {
        const { runDemoCommand } = await import('./features/demo/cli.ts');
        return withDatabase((db) => runDemoCommand(db, { remove: !!values.remove }));
      }
      const { loadShippedData } = await import('./features/seed/shipped.ts');
      return withDatabase(async (db) => {
        const { resourcesLoaded } = await loadShippedData(db);
        console.log(`Vocabularies refreshed; ${resourcesLoaded} shipped resources loaded.`);
        return 0;
      });
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          'skip-invalid': { type: 'boolean' },
          status: { type: 'string' },
          'dry-run': { type: 'boolean' },
          framework: { type: 'string' },
          edition: { type: 'string' },
        },
      });
      const [format, file] = positionals;
      if (!format || !file) {
        console.error(USAGE);
        return 2;
      }
      if (format === 'assessments') {
        const { runAssessmentImportCommand } = await import('./features/reviews-admin/cli.ts');
        return withDatabase((db) =>
          runAssessmentImportCommand(db, { file, framework: values.framework, edition: values.edition, skipInvalid: !!values['skip-invalid'] }),
        );
      }
      const { runImportCommand } = await import('./features/import/cli.ts');
      return withDatabase((db) =>
        runImportCommand(db, { format, file, skipInvalid: !!values['skip-invalid'], status: values.status, dryRun: !!values['dry-run'] }),
      );
    }
    case 'user': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, locales: { type: 'string' } },
      });
      if (positionals[0] !== 'create') {
        console.error(USAGE);
        return 2;
      }
      const { runUserCreate } = await import('./features/auth/cli.ts');
      return withDatabase((db) => runUserCreate(db, values));
    }
    case 'backup':
    case 'restore': {
      const [file, ...extra] = rest;
      if (!file || extra.length > 0) {
        console.error(USAGE);
        return 2;
      }
      const { filesDir } = loadConfig();
      const { runBackupCommand, runRestoreCommand } = await import('./features/backup/cli.ts');
      return withDatabase((db) => (command === 'backup' ? runBackupCommand(db, filesDir, file) : runRestoreCommand(db, filesDir, file)));
    }
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`atlas: ${error.message}`);
    process.exit(1);
  },
);
