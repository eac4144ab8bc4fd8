import { z } from 'zod';

const E = 'notices.errors';

/** Kinds offered by the form, in the order staff see them (same values as the database). */
export const NOTICE_FORM_KINDS = [
  'planned_outage',
  'water_outage',
  'low_pressure',
  'works',
  'water_quality',
] as const;

/**
 * The notice form's fields in page order (the first one in error takes focus); `targets` is the
 * error slot of the districts-or-accounts rule.
 */
export const NOTICE_FORM_FIELDS = [
  'kind',
  'utility',
  'titleZh',
  'titleEn',
  'bodyZh',
  'bodyEn',
  'startsAt',
  'endsAt',
  'emergency',
  'emergencyReason',
  'targets',
  'districtIds',
  'accountNumbers',
  'reason',
] as const;

export const NOTICE_TITLE_MAX = 120;
export const NOTICE_BODY_MAX = 5_000;
export const NOTICE_REASON_MAX = 500;
export const NOTICE_ACCOUNTS_MAX = 500;

/** `2026-12-03T09:00` from a datetime-local control; a typed space instead of `T` is fine. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;

/**
 * A wall-clock time in Asia/Shanghai (UTC+8 all year, no daylight saving) as an instant, or
 * null when the text is not a real date and time.
 */
export function parseShanghaiDateTime(value: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h - 8, mi);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc);
}

/** The value a datetime-local control shows for an instant, in Shanghai time. */
export function toShanghaiDateTimeValue(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

const dateTime = z
  .string()
  .trim()
  .min(1, `${E}.dateTimeRequired`)
  .transform((value, ctx) => {
    const parsed = parseShanghaiDateTime(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `${E}.dateTime` });
      return z.NEVER;
    }
    return parsed;
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${E}.tooLong`)
    .transform((v) => (v === '' ? null : v));

/** Account numbers typed one per line or separated by commas, spaces or 、. */
export function splitAccountNumbers(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[\s,，、;；]+/)
        .map((s) => s.replace(/-/g, ''))
        .filter(Boolean),
    ),
  ];
}

/** The fields a notice's form shares when written and when revised after publishing. */
const NOTICE_FIELDS = {
  titleZh: z.string().trim().min(1, `${E}.titleZh`).max(NOTICE_TITLE_MAX, `${E}.tooLong`),
  titleEn: optionalText(NOTICE_TITLE_MAX),
  bodyZh: z.string().trim().min(1, `${E}.bodyZh`).max(NOTICE_BODY_MAX, `${E}.tooLong`),
  bodyEn: optionalText(NOTICE_BODY_MAX),
  startsAt: dateTime,
  endsAt: dateTime,
  emergency: z.string().transform((v) => v === 'on' || v === 'true'),
  emergencyReason: optionalText(NOTICE_REASON_MAX),
  districtIds: z.array(z.coerce.number(`${E}.district`).int().positive(`${E}.district`)),
  accountNumbers: z
    .string()
    .max(NOTICE_ACCOUNTS_MAX * 12, `${E}.tooManyAccounts`)
    .transform(splitAccountNumbers)
    .superRefine((numbers, ctx) => {
      const bad = numbers.filter((n) => !/^\d{10}$/.test(n));
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `${E}.accountNumberFormat` });
      if (numbers.length > NOTICE_ACCOUNTS_MAX)
        ctx.addIssue({ code: 'custom', message: `${E}.tooManyAccounts` });
    }),
};

function refineNotice(
  v: { emergency: boolean; emergencyReason: string | null; startsAt: Date; endsAt: Date },
  ctx: z.RefinementCtx,
) {
  if (v.emergency && !v.emergencyReason)
    ctx.addIssue({ code: 'custom', path: ['emergencyReason'], message: `${E}.reasonNeeded` });
  if (v.endsAt.getTime() <= v.startsAt.getTime())
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `${E}.endBeforeStart` });
}

/**
 * The notice form as posted (field name = control id, so errors land beside their field).
 * `districtIds` arrives as the list of ticked boxes. Timing and lead-time rules live in the
 * domain (src/server/notices/notice-rules.ts), which knows the moment of publishing.
 */
export const ZSaveNoticeSchema = z
  .object({
    noticeId: z
      .string()
      .trim()
      .regex(/^\d{0,9}$/, `${E}.generic`)
      .transform((v) => (v === '' ? undefined : Number(v))),
    intent: z.enum(['draft', 'publish'], `${E}.generic`),
    kind: z.enum(NOTICE_FORM_KINDS, `${E}.kind`),
    utility: z.enum(['electricity', 'water'], `${E}.utility`),
    ...NOTICE_FIELDS,
  })
  .superRefine(refineNotice);
export type TSaveNoticeInput = z.infer<typeof ZSaveNoticeSchema>;

export const ZWithdrawNoticeSchema = z.object({
  noticeId: z.coerce.number().int().positive(),
  reason: z.string().trim().min(1, `${E}.withdrawReason`).max(NOTICE_REASON_MAX, `${E}.tooLong`),
});

/** A published notice revised: the same fields but kind and utility, and why it changed. */
export const ZReviseNoticeSchema = z
  .object({
    noticeId: z.coerce.number(`${E}.generic`).int().positive(`${E}.generic`),
    ...NOTICE_FIELDS,
    reason: z
      .string()
      .trim()
      .min(1, `${E}.revisionReason`)
      .max(NOTICE_REASON_MAX, `${E}.reasonTooLong`),
  })
  .superRefine(refineNotice);

export const ZCancelNoticeSchema = z.object({
  noticeId: z.coerce.number().int().positive(),
  reason: z.string().trim().min(1, `${E}.cancelReason`).max(NOTICE_REASON_MAX, `${E}.tooLong`),
});

export const ZNoticeIdSchema = z.object({ noticeId: z.coerce.number().int().positive() });
