import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '@/lib/dates';
import { CHINA_WORKING_CALENDAR } from '@/lib/working-calendar-cn';
import { deadlinesFor } from './commitments';

const wall = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null;
// Thursday 26 Nov 2026, 10:00 in Shanghai.
const filed = shanghaiInstant('2026-11-26', 10);

describe('committed deadlines per category', () => {
  it('fault in town: crew on site in 45 minutes, supply back in 3 hours', () => {
    const d = deadlinesFor('fault', filed, false, CHINA_WORKING_CALENDAR);
    expect([wall(d.firstResponseDueAt), wall(d.answerDueAt)]).toEqual([
      '2026-11-26 10:45',
      '2026-11-26 13:00',
    ]);
  });

  it('fault in a rural district: 90 minutes and 4 hours', () => {
    const d = deadlinesFor('fault', filed, true, CHINA_WORKING_CALENDAR);
    expect([wall(d.firstResponseDueAt), wall(d.answerDueAt)]).toEqual([
      '2026-11-26 11:30',
      '2026-11-26 14:00',
    ]);
  });

  it('complaint: contact within 24 hours, answer in 4 working days (weekend skipped)', () => {
    const d = deadlinesFor('complaint', filed, false, CHINA_WORKING_CALENDAR);
    expect([wall(d.firstResponseDueAt), wall(d.answerDueAt)]).toEqual([
      '2026-11-27 10:00',
      '2026-12-02 17:00',
    ]);
  });

  it('illegal-use report: no first-contact promise, answer in 9 working days', () => {
    const d = deadlinesFor('illegal_use', filed, false, CHINA_WORKING_CALENDAR);
    expect([wall(d.firstResponseDueAt), wall(d.answerDueAt)]).toEqual([null, '2026-12-09 17:00']);
  });

  it('billing query: answer in 3 working days', () => {
    expect(
      wall(deadlinesFor('billing_query', filed, false, CHINA_WORKING_CALENDAR).answerDueAt),
    ).toBe('2026-12-01 17:00');
  });
});
