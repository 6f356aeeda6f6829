// Password hashing with argon2id (@node-rs/argon2: a maintained native binding with prebuilt
// binaries). Parameters are the library's defaults, which follow OWASP's minimum for argon2id
// (19 MiB, 2 passes); they are stored in each hash, so raising them later keeps old hashes valid.
import { hash, verify, Algorithm } from '@node-rs/argon2';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Unknown users and users without a password still cost one verification, so that timing does
  // not tell which e-mail addresses have accounts.
  const target = passwordHash ?? DUMMY_HASH;
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== null;
}

// A hash of a random string nobody knows, made once at start-up.
const DUMMY_HASH = await hashPassword(crypto.randomUUID());

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string): 'tooShort' | 'tooLong' | 'sameAsEmail' | undefined {
  if (password.length < PASSWORD_MIN) return 'tooShort';
  if (password.length > PASSWORD_MAX) return 'tooLong';
  if (email && password.toLowerCase() === email.toLowerCase()) return 'sameAsEmail';
  return undefined;
}
