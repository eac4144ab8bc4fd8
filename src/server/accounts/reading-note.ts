import 'server-only';
import type { TMeterReading, TReadingNote } from './types';

function monthIndex(period: string): number {
  const [year, month] = period.split('-').map(Number);
  return (year ?? 0) * 12 + (month ?? 1) - 1;
}

/** The note to show beside the latest readings (newest first). */
export function readingNote(lastReadings: readonly Pick<TMeterReading, 'period' | 'kind'>[]) {
  const [latest, previous] = lastReadings;
  let note: TReadingNote = null;
  if (!latest) note = 'none';
  else if (latest.kind === 'estimated') note = 'estimated';
  else if (previous && monthIndex(latest.period) - monthIndex(previous.period) > 1)
    note = 'missing';
  return note;
}
