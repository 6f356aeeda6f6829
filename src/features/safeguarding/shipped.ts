// The shipped questionnaires, loaded on the first start (stub).
import type { Db } from '../../db/connect.ts';

export async function loadShippedQuestionnaires(_db: Db): Promise<number> {
  return 0;
}
