import 'server-only';

/** The days back as lines, consecutive days joined into ranges (how the form shows a year). */
export function formatCalendarDays(days: Iterable<string>): string {
  const sorted = [...new Set(days)].sort();
  const lines: string[] = [];
  let start: string | undefined;
  let previous: string | undefined;
  const flush = () => {
    if (start && previous) lines.push(start === previous ? start : `${start} ~ ${previous}`);
  };
  for (const day of sorted) {
    const expected = previous
      ? new Date(Date.parse(`${previous}T00:00:00Z`) + 864e5).toISOString().slice(0, 10)
      : undefined;
    if (day !== expected) {
      flush();
      start = day;
    }
    previous = day;
  }
  flush();
  return lines.join('\n');
}
