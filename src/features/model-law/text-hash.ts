// A translation is current when it was made from the source-locale text as it is now. We keep
// the hash of the source text a translation was made from, and compare.
import { createHash } from 'node:crypto';

export function textHash(heading: string, paragraphs: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([heading, paragraphs])).digest('hex').slice(0, 32);
}

export type TextStatus = 'current' | 'outdated' | 'missing';
