// `atlas check-terms FILE` (stub).
import type { Db } from '../../db/connect.ts';

export async function runCheckTermsCommand(_args: string[], _withDatabase: <T>(work: (db: Db) => Promise<T>) => Promise<T>): Promise<number> {
  console.error('check-terms: not built yet');
  return 2;
}
