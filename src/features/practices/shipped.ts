// The shipped practices, loaded on the first start (stub).
import type { Db } from '../../db/connect.ts';

export async function loadShippedPractices(_db: Db): Promise<number> {
  return 0;
}
