// The shipped glossary, refreshed at every start (stub).
import type { Db } from '../../db/connect.ts';

export async function loadShippedGlossary(_db: Db): Promise<number> {
  return 0;
}
