/** A YYYY-MM-DD date as a Date at noon in the utility's time zone, safe to format in any zone. */
export function billDate(value: string): Date {
  return new Date(`${value}T12:00:00+08:00`);
}

/** The last day of a billed month (periods are the first of a month). */
export function periodEnd(period: string): string {
  const [year, month] = period.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 1970, month ?? 1, 0));
  return last.toISOString().slice(0, 10);
}

/** Only plain positive integers are ids; anything else is simply "not found". */
export function parseId(raw: string): number | null {
  return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
}
