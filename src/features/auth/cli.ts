// `atlas user create --email E --role R [--name N] [--locales ar,fa]`: makes an account (the first
// admin, typically). The password comes from standard input: typed at a prompt without echo on a
// terminal, or piped (`printf '%s' "$PW" | atlas user create ...`), never from the command line,
// where it would land in the shell history and the process list.
import { createInterface } from 'node:readline';
import type { Db } from '../../db/connect.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/log.ts';
import { passwordProblem, PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';
import { isRole, ROLES } from './roles.ts';
import { createUser, EmailTakenError, normalizeEmail } from './users.ts';

export type UserCreateCommand = { email?: string | undefined; role?: string | undefined; name?: string | undefined; locales?: string | undefined };

const PASSWORD_MESSAGES = {
  tooShort: `the password must have at least ${PASSWORD_MIN} characters`,
  tooLong: `the password must have at most ${PASSWORD_MAX} characters`,
  sameAsEmail: 'the password must not be the e-mail address',
} as const;

export async function runUserCreate(db: Db, command: UserCreateCommand, readPassword: () => Promise<string> = passwordFromStdin): Promise<number> {
  const email = command.email ? normalizeEmail(command.email) : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) return fail('--email: give the e-mail address of the account, e.g. --email ana@example.org');
  if (!isRole(command.role)) return fail(`--role: one of ${ROLES.join(', ')}`);
  const locales = (command.locales ?? '').split(',').map((l) => l.trim()).filter(Boolean);
  const badLocale = locales.find((l) => !isLocale(l));
  if (badLocale) return fail(`--locales: "${badLocale}" is not one of ar, en, es, fa, ru`);
  if (command.role === 'translator' && locales.length === 0) return fail('--locales: a translator needs the locales they translate, e.g. --locales ar,fa');
  const password = await readPassword();
  const problem = passwordProblem(password, email);
  if (problem) return fail(`password: ${PASSWORD_MESSAGES[problem]}`);
  try {
    const user = await db.transaction().execute(async (trx) => {
      const created = await createUser(trx, { email, name: command.name, role: command.role as never, locales: locales as Locale[], password });
      await recordAudit(trx, SYSTEM_ACTOR, { action: 'user.create', entityType: 'user', entityId: created.id, entityLabel: created.email, details: { role: created.role, via: 'cli' } });
      return created;
    });
    console.log(`Created ${user.role} ${user.email}. Sign in at /en/admin/login.`);
    return 0;
  } catch (error) {
    if (error instanceof EmailTakenError) return fail(`--email: ${error.message}`);
    throw error;
  }
}

function fail(message: string): number {
  console.error(`atlas user create: ${message}`);
  return 2;
}

/** One line from stdin; on a terminal, asked for twice without echo. */
async function passwordFromStdin(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  const first = await hiddenPrompt('Password: ');
  const second = await hiddenPrompt('Again: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

function hiddenPrompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    process.stdout.write(question);
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
