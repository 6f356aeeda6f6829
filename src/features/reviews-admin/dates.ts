// Calendar dates as forms and files give them: YYYY-MM-DD, and a real day (no 31 April).
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && parsed.getUTCFullYear() >= 1900 && parsed.getUTCFullYear() <= 2200;
}

/** Today in UTC, as a form's default date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
