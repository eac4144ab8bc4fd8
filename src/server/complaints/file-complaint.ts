import 'server-only';
import { and, eq, exists, sql } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '../db';
import {
  complaintEvents,
  complaints,
  districts,
  premises,
  serviceAccounts,
  servicePoints,
  type TComplaintCategory,
  type TUtility,
} from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { linkOf } from '../accounts/link-of';
import { checkUploads, type TUploadError } from '../files/check-upload';
import { queueMail } from '../mail/queue-mail';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { notifyUsers } from '../notifications/notify-users';
import { getTranslator } from '../i18n/get-translator';
import { checkThrottle, recordThrottleFailure, type TThrottleRule } from '../throttle';
import { allocateReference } from './allocate-reference';
import { COMMITMENTS, deadlinesFor, isSubTypeOf } from './commitments';
import { getWorkingCalendar } from '../calendar';
import { discardWrittenFiles, storeAttachments } from './store-attachments';
import { MAX_ATTACHMENTS, MAX_DESCRIPTION_LENGTH } from './limits';
import type { TLocale } from '@/lib/locale';

export type TFileComplaintInput = {
  /** Null: an illegal-use report from someone not signed in (the only anonymous filing). */
  actor: TActor | null;
  /** Client IP for the anonymous-report throttle. */
  ip: string | null;
  /** Language of the acknowledgement mail for an anonymous reporter. */
  locale: TLocale;
  category: TComplaintCategory;
  subType: string;
  accountId: number | null;
  /**
   * Where an illegal-use report says it happens, when the reporter picked a district (optional;
   * a case with an account takes its premises' district instead).
   */
  reportedDistrictId?: number | null;
  location: string | null;
  contactEmail: string | null;
  description: string;
  /** The raw file parts of the form; checked here before anything is stored. */
  files: readonly FormDataEntryValue[];
  now?: Date;
};

export type TFileComplaintResult =
  | {
      ok: true;
      complaintId: number;
      reference: string;
      firstResponseDueAt: Date | null;
      answerDueAt: Date;
    }
  | {
      ok: false;
      error: 'account' | 'sub_type' | 'description' | 'location' | 'district' | 'sign_in';
    }
  | { ok: false; error: 'attachments'; upload: TUploadError; fileName?: string; limit: number }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

export function anonymousReportThrottleRule(ip: string | null): TThrottleRule {
  return {
    bucket: 'report',
    key: `ip:${ip ?? 'unknown'}`,
    max: env.REPORT_MAX_PER_IP,
    windowMinutes: env.REPORT_WINDOW_MINUTES,
  };
}

/**
 * Files a case: checks the attachments (count, size, type by content) before anything is
 * stored, takes the next reference, sets both committed deadlines from the premises' district
 * (urban/rural), records the "filed" event, stores the files, audits, and acknowledges by inbox
 * and mail — all in one transaction. If a file write or the commit fails, the files already
 * written are removed again.
 */
export async function fileComplaint(input: TFileComplaintInput): Promise<TFileComplaintResult> {
  const { actor } = input;
  const now = input.now ?? new Date();
  const commitment = COMMITMENTS[input.category];
  if (actor) assertCan(actor, 'file:complaint:own');
  else if (input.category !== 'illegal_use') return { ok: false, error: 'sign_in' };

  if (!isSubTypeOf(input.category, input.subType)) return { ok: false, error: 'sub_type' };
  const description = input.description.trim();
  if (description.length === 0 || description.length > MAX_DESCRIPTION_LENGTH)
    return { ok: false, error: 'description' };
  const location = input.location?.trim() || null;
  if (input.category === 'illegal_use' && !location) return { ok: false, error: 'location' };

  const db = await getDb();
  let place: {
    accountId: number;
    premisesId: number;
    districtId: number;
    rural: boolean;
    utility: TUtility;
  } | null = null;
  if (actor && input.accountId !== null) {
    const [row] = await db
      .select({
        accountId: serviceAccounts.id,
        premisesId: premises.id,
        districtId: districts.id,
        rural: districts.rural,
        utility: serviceAccounts.utility,
      })
      .from(serviceAccounts)
      .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
      .innerJoin(districts, eq(districts.id, premises.districtId))
      .where(
        and(
          eq(serviceAccounts.id, input.accountId),
          exists(linkOf(actor.userId, serviceAccounts.id)),
        ),
      )
      .limit(1);
    if (!row) return { ok: false, error: 'account' };
    place = row;
  }
  if (commitment.accountRequired && !place) return { ok: false, error: 'account' };
  let reportedDistrictId: number | null = null;
  if (!place && input.category === 'illegal_use' && input.reportedDistrictId) {
    const [district] = await db
      .select({ id: districts.id })
      .from(districts)
      .where(eq(districts.id, input.reportedDistrictId));
    if (!district) return { ok: false, error: 'district' };
    reportedDistrictId = district.id;
  }
  const districtId = place?.districtId ?? reportedDistrictId;
  // An illegal-use report names the utility it is about; other cases are the account's.
  const utility: TUtility | null =
    input.category === 'illegal_use' ? (input.subType as TUtility) : (place?.utility ?? null);

  const uploads = await checkUploads(input.files, { maxFiles: MAX_ATTACHMENTS });
  if (!uploads.ok)
    return {
      ok: false,
      error: 'attachments',
      upload: uploads.error,
      fileName: uploads.fileName,
      limit: uploads.limit,
    };

  let throttle: TThrottleRule | null = null;
  if (!actor) {
    throttle = anonymousReportThrottleRule(input.ip);
    const decision = await checkThrottle(throttle, now);
    if (!decision.allowed)
      return { ok: false, error: 'throttled', retryAfterMinutes: decision.retryAfterMinutes };
  }

  const rural = place?.rural ?? false;
  const { firstResponseDueAt, answerDueAt } = deadlinesFor(
    input.category,
    now,
    rural,
    await getWorkingCalendar(),
  );
  const written: string[] = [];
  try {
    const result = await db.transaction(async (tx) => {
      const reference = await allocateReference(tx, now);
      const [row] = await tx
        .insert(complaints)
        .values({
          reference,
          category: input.category,
          subType: input.subType,
          filedByUserId: actor?.userId ?? null,
          accountId: place?.accountId ?? null,
          premisesId: place?.premisesId ?? null,
          districtId,
          servicePointId:
            districtId !== null && utility !== null
              ? sql`(select ${servicePoints.id} from ${servicePoints}
                      where ${servicePoints.districtId} = ${districtId}
                        and ${servicePoints.utility} = ${utility})`
              : null,
          rural,
          location,
          contactEmail: actor ? null : input.contactEmail?.trim() || null,
          contactLocale: actor ? null : input.locale,
          description,
          department: commitment.department,
          firstResponseDueAt,
          answerDueAt,
          nextDueAt: firstResponseDueAt ?? answerDueAt,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: complaints.id });
      if (!row) throw new Error('complaint not inserted');
      const [event] = await tx
        .insert(complaintEvents)
        .values({
          complaintId: row.id,
          kind: 'filed',
          residentVisible: true,
          actorUserId: actor?.userId ?? null,
          detail: { attachments: uploads.files.length },
          createdAt: now,
        })
        .returning({ id: complaintEvents.id });
      if (!event) throw new Error('complaint event not inserted');
      await writeAudit(tx, actor, {
        action: 'complaint.filed',
        subjectType: 'complaint',
        subjectId: row.id,
        detail: { reference, category: input.category, attachments: uploads.files.length },
      });
      const mailIds = actor
        ? await notifyUsers(tx, [
            {
              userId: actor.userId,
              kind: 'complaint.filed',
              title: { key: 'complaints.notify.filed.title', values: { reference } },
              body: {
                key: 'complaints.notify.filed.body',
                values: { due: { date: answerDueAt.toISOString() } },
              },
              link: `/complaints/${row.id}`,
            },
          ])
        : await queueAnonymousAcknowledgement(tx, input, reference, answerDueAt);
      await storeAttachments(tx, {
        complaintId: row.id,
        eventId: event.id,
        uploadedByUserId: actor?.userId ?? null,
        files: uploads.files,
        written,
      });
      return { complaintId: row.id, reference, mailIds };
    });
    if (throttle) await recordThrottleFailure([throttle], now);
    await notifyMailQueued(result.mailIds);
    return {
      ok: true,
      complaintId: result.complaintId,
      reference: result.reference,
      firstResponseDueAt,
      answerDueAt,
    };
  } catch (error) {
    await discardWrittenFiles(written);
    throw error;
  }
}

async function queueAnonymousAcknowledgement(
  tx: Parameters<typeof queueMail>[0],
  input: TFileComplaintInput,
  reference: string,
  answerDueAt: Date,
): Promise<number[]> {
  const to = input.contactEmail?.trim();
  if (!to) return [];
  const t = getTranslator(input.locale);
  return queueMail(tx, {
    to,
    template: 'complaints.report_received',
    subject: t('complaints.notify.filed.title', { reference }),
    text: `${t('complaints.notify.reportReceived', { reference, due: answerDueAt })}\n\n${t('common.brand')}\n`,
  });
}
