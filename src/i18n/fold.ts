// Text compared without case or diacritics ("Protección" = "proteccion"), as unaccent does in SQL.
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
