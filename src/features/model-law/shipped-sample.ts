// The sample model law shipped with the Atlas: src/data/model-law/sample/law.json plus one file
// per chapter (NN-key.json, in file-name order), assembled into one document and checked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelLawDocumentSchema, type ModelLawDocument } from './format.ts';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../data/model-law/sample');

export function shippedSampleLaw(): ModelLawDocument {
  const law = JSON.parse(readFileSync(path.join(folder, 'law.json'), 'utf8')) as Record<string, unknown>;
  const chapters = readdirSync(folder)
    .filter((f) => /^\d{2}-[a-z0-9-]+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as unknown);
  const parsed = ModelLawDocumentSchema.safeParse({ ...law, chapters });
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The shipped sample model law is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}
