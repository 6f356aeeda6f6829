// The sources the model law cites: international instruments and national laws, shipped as data
// (src/data) and refreshed at every start like the other vocabularies.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import instrumentsData from '../../data/instruments.json' with { type: 'json' };
import nationalLawsData from '../../data/national-laws.json' with { type: 'json' };
import { InstrumentSchema, NationalLawSchema } from './format.ts';

export const SHIPPED_INSTRUMENTS = z.array(InstrumentSchema).parse(instrumentsData);
export const SHIPPED_NATIONAL_LAWS = z.array(NationalLawSchema).parse(nationalLawsData);

export async function upsertSourceData(db: Db): Promise<void> {
  const instruments = SHIPPED_INSTRUMENTS.map((i, position) => ({ ...i, position }));
  const provisions = SHIPPED_INSTRUMENTS.flatMap((i) => i.provisions.map((p, position) => ({ instrument: i.key, ...p, position })));
  const laws = SHIPPED_NATIONAL_LAWS;
  const lawProvisions = laws.flatMap((l) => l.provisions.map((p, position) => ({ law: l.key, ...p, position })));
  await db.transaction().execute(async (trx) => {
    await sql`INSERT INTO instruments (key, name, short_name, adopted, body, link, position)
      SELECT x->>'key', x->'name', x->'shortName', (x->>'adopted')::date, x->>'body', x->>'link', (x->>'position')::int
      FROM jsonb_array_elements(${JSON.stringify(instruments)}::jsonb) x
      ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, adopted = EXCLUDED.adopted,
        body = EXCLUDED.body, link = EXCLUDED.link, position = EXCLUDED.position`.execute(trx);
    await sql`INSERT INTO instrument_provisions (instrument_key, ref, title, position)
      SELECT x->>'instrument', x->>'ref', x->'title', (x->>'position')::int FROM jsonb_array_elements(${JSON.stringify(provisions)}::jsonb) x
      ON CONFLICT (instrument_key, ref) DO UPDATE SET title = EXCLUDED.title, position = EXCLUDED.position`.execute(trx);
    await sql`INSERT INTO national_laws (key, country, title, year, link)
      SELECT x->>'key', x->>'country', x->>'title', (x->>'year')::int, x->>'link' FROM jsonb_array_elements(${JSON.stringify(laws)}::jsonb) x
      ON CONFLICT (key) DO UPDATE SET country = EXCLUDED.country, title = EXCLUDED.title, year = EXCLUDED.year, link = EXCLUDED.link`.execute(trx);
    await sql`INSERT INTO national_provisions (law_key, ref, summary, link, position)
      SELECT x->>'law', x->>'ref', x->'summary', x->>'link', (x->>'position')::int FROM jsonb_array_elements(${JSON.stringify(lawProvisions)}::jsonb) x
      ON CONFLICT (law_key, ref) DO UPDATE SET summary = EXCLUDED.summary, link = EXCLUDED.link, position = EXCLUDED.position`.execute(trx);
  });
}
