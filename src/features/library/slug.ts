// Readable, stable identifiers from titles and names ("Missing Children in Southeast Asia" ->
// "missing-children-in-southeast-asia"); non-Latin titles keep their letters' transliteration-free form.
import { foldText } from '../../i18n/fold.ts';

export function slugify(text: string, max = 80): string {
  const base = foldText(text)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base) {
    const cut = base.slice(0, max).replace(/-+$/g, '');
    // Cut at a word boundary where possible.
    return base.length > max && cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
  }
  // A title with no Latin letters: a short stable hash of it.
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return `r-${h.toString(36)}`;
}
