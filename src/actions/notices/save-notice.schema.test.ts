import { describe, expect, it } from 'vitest';
import {
  parseShanghaiDateTime,
  splitAccountNumbers,
  toShanghaiDateTimeValue,
  ZSaveNoticeSchema,
} from './save-notice.schema';

const form = (overrides: Record<string, unknown> = {}) => ({
  noticeId: '',
  intent: 'publish',
  kind: 'water_outage',
  utility: 'water',
  titleZh: '停水通知',
  titleEn: '',
  bodyZh: '正文',
  bodyEn: '',
  startsAt: '2026-12-03T09:00',
  endsAt: '2026-12-03T17:00',
  emergency: '',
  emergencyReason: '',
  districtIds: ['1'],
  accountNumbers: '',
  ...overrides,
});

const errors = (input: Record<string, unknown>) => {
  const parsed = ZSaveNoticeSchema.safeParse(input);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('Beijing wall-clock times', () => {
  it('reads a datetime-local value (or a typed space) as UTC+8', () => {
    expect(parseShanghaiDateTime('2026-12-03T09:00')?.toISOString()).toBe(
      '2026-12-03T01:00:00.000Z',
    );
    expect(parseShanghaiDateTime('2026-12-03 09:00')?.toISOString()).toBe(
      '2026-12-03T01:00:00.000Z',
    );
    expect(parseShanghaiDateTime('2027-01-01T07:30:00')?.toISOString()).toBe(
      '2026-12-31T23:30:00.000Z',
    );
  });

  it.each(['2026-02-30T09:00', '2026-13-01T09:00', '2026-12-03T24:00', '12/03/2026 9:00', ''])(
    'refuses %j',
    (value) => expect(parseShanghaiDateTime(value)).toBeNull(),
  );

  it('shows an instant back in Beijing time', () => {
    expect(toShanghaiDateTimeValue(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T07:30');
  });
});

describe('the notice form', () => {
  it('accepts a complete form and keeps empty English texts as null', () => {
    const parsed = ZSaveNoticeSchema.parse(form());
    expect(parsed).toMatchObject({
      titleEn: null,
      bodyEn: null,
      emergency: false,
      districtIds: [1],
    });
  });

  it('refuses an end before the start beside the end field', () => {
    expect(errors(form({ endsAt: '2026-12-03T08:00' }))).toEqual({
      endsAt: 'notices.errors.endBeforeStart',
    });
  });

  it('asks for the reason of an emergency', () => {
    expect(errors(form({ emergency: 'on' }))).toEqual({
      emergencyReason: 'notices.errors.reasonNeeded',
    });
  });

  it('limits the text with a clear message, and refuses an empty Chinese title', () => {
    expect(errors(form({ bodyZh: '水'.repeat(50_000), titleZh: '  ' }))).toEqual({
      titleZh: 'notices.errors.titleZh',
      bodyZh: 'notices.errors.tooLong',
    });
  });

  it('reads account numbers one per line or separated by commas and 、, and checks their shape', () => {
    expect(splitAccountNumbers('1000000001\n2000000002, 1000000001、2000-000-003')).toEqual([
      '1000000001',
      '2000000002',
      '2000000003',
    ]);
    expect(errors(form({ accountNumbers: '12345' }))).toEqual({
      accountNumbers: 'notices.errors.accountNumberFormat',
    });
  });
});
