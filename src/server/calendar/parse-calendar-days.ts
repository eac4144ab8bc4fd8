import 'server-only';

/**
 * Reads the days staff type for one year of the working calendar: one day or one range per
 * line, as the State Council's notice lists them — `2027-01-01`, `2027-02-06 ~ 2027-02-14`
 * (also `～`, `至`, `..` or ` to ` between the two ends). Blank lines are skipped. Pure: the
 * page shows each problem beside its field with the line it is on.
 */

export type TCalendarDayError =
  | { key: 'calendar.errors.badLine'; line: number }
  | { key: 'calendar.errors.otherYear'; line: number }
  | { key: 'calendar.errors.backwards'; line: number }
  | { key: 'calendar.errors.tooLong'; line: number }
  | { key: 'calendar.errors.notWeekend'; line: number }
  | { key: 'calendar.errors.tooMany' };

/** The longest holiday block a notice has had is 9 days (Spring Festival); allow some room. */
export const MAX_RANGE_DAYS = 15;
const MAX_LINES = 60;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const RANGE_SEPARATOR = /\s*(?:~|～|至|\.\.|\s+to\s+|—|–)\s*/i;

function isRealDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 864e5)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The days of `text` (sorted, without duplicates), or the first problem of each bad line. */
export function parseCalendarDays(
  text: string,
  year: number,
  { weekendsOnly = false }: { weekendsOnly?: boolean } = {},
): { ok: true; days: string[] } | { ok: false; errors: TCalendarDayError[] } {
  const lines = text.split(/\r?\n/);
  if (lines.filter((l) => l.trim()).length > MAX_LINES)
    return { ok: false, errors: [{ key: 'calendar.errors.tooMany' }] };
  const days = new Set<string>();
  const errors: TCalendarDayError[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim().replaceAll('/', '-');
    if (!trimmed) return;
    const ends = trimmed.split(RANGE_SEPARATOR);
    const from = ends[0] ?? '';
    const to = ends[1] ?? from;
    if (ends.length > 2 || !isRealDay(from) || !isRealDay(to)) {
      errors.push({ key: 'calendar.errors.badLine', line });
      return;
    }
    if (Number(from.slice(0, 4)) !== year || Number(to.slice(0, 4)) !== year) {
      errors.push({ key: 'calendar.errors.otherYear', line });
      return;
    }
    if (to < from) {
      errors.push({ key: 'calendar.errors.backwards', line });
      return;
    }
    const span = daysBetween(from, to);
    if (span.length > MAX_RANGE_DAYS) {
      errors.push({ key: 'calendar.errors.tooLong', line });
      return;
    }
    if (
      weekendsOnly &&
      span.some((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))
    ) {
      errors.push({ key: 'calendar.errors.notWeekend', line });
      return;
    }
    for (const d of span) days.add(d);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, days: [...days].sort() };
}
