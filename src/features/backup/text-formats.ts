// Values travel in PostgreSQL's text form; these settings make that form the same on every server,
// whatever its configuration (as pg_dump does): ISO dates, full float precision.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export async function setTextFormats(trx: Db): Promise<void> {
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`.execute(trx);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(trx);
  await sql`SET LOCAL extra_float_digits = 3`.execute(trx);
}
