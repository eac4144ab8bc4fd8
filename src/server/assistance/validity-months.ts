import 'server-only';

/**
 * A grant covers whole months: from the first day of `fromMonth` (YYYY-MM) to the last day of
 * the month `months` later, less one. Null for a malformed month.
 */
export function validityMonths(
  fromMonth: string,
  months: number,
): { validFrom: string; validTo: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(fromMonth);
  if (!match || !Number.isInteger(months) || months < 1 || months > 60) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  if (month < 0 || month > 11) return null;
  const from = new Date(Date.UTC(year, month, 1));
  // Day 0 of the month after the last covered month is that month's last day.
  const to = new Date(Date.UTC(year, month + months, 0));
  return { validFrom: from.toISOString().slice(0, 10), validTo: to.toISOString().slice(0, 10) };
}

/** The month after a grant ends (YYYY-MM): where a renewal continues without a gap. */
export function monthAfter(validTo: string): string {
  const [y, m] = validTo.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 2000, m ?? 1, 1));
  return next.toISOString().slice(0, 7);
}
