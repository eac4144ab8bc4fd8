import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { notices, noticeTargets } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { checkNoticeTiming, UTILITY_OF_KIND } from './notice-rules';
import { sendNoticeNotifyJob } from './notice-notify-job';
import { resolveNoticeTargets, timingFieldErrors } from './resolve-notice-targets';
import type { TNoticeFieldErrors, TNoticeInput } from './types';

export type TSaveNoticeResult =
  | { ok: true; noticeId: number; published: boolean }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'invalid'; fields: TNoticeFieldErrors };

/**
 * Creates a notice (no `noticeId`) or changes a draft, and publishes it when asked. Saving
 * checks that the end comes after the start and that every target exists; publishing also
 * checks the lead time (see notice-rules.ts). A published or withdrawn notice is no longer
 * edited: it answers "not found" here, like a foreign id. Residents are told by the notify job,
 * queued after commit.
 */
export async function saveNotice(input: {
  actor: TActor;
  noticeId?: number;
  notice: TNoticeInput;
  publish: boolean;
  now?: Date;
}): Promise<TSaveNoticeResult> {
  const { actor, notice } = input;
  assertCan(actor, 'publish:notice:any');
  const now = input.now ?? new Date();
  const fields: TNoticeFieldErrors = {};

  timingFieldErrors(
    notice.kind,
    checkNoticeTiming({
      kind: notice.kind,
      startsAt: notice.startsAt,
      endsAt: notice.endsAt,
      emergency: notice.emergency,
      publishing: input.publish,
      now,
    }),
    fields,
  );
  const targets = await resolveNoticeTargets(notice, fields);
  const districtIds = targets.districts.map((d) => d.id);
  const { accounts } = targets;
  if (Object.keys(fields).length > 0) return { ok: false, error: 'invalid', fields };

  const db = await getDb();
  const values = {
    kind: notice.kind,
    utility: UTILITY_OF_KIND[notice.kind] ?? notice.utility,
    titleZh: notice.titleZh,
    titleEn: notice.titleEn,
    bodyZh: notice.bodyZh,
    bodyEn: notice.bodyEn,
    startsAt: notice.startsAt,
    endsAt: notice.endsAt,
    emergency: notice.emergency,
    emergencyReason: notice.emergency ? notice.emergencyReason : null,
    ...(input.publish
      ? { status: 'published' as const, publishedAt: now, publishedByUserId: actor.userId }
      : {}),
  };

  const saved = await db.transaction(async (tx) => {
    let noticeId: number;
    if (input.noticeId === undefined) {
      const [row] = await tx
        .insert(notices)
        .values({ ...values, createdByUserId: actor.userId })
        .returning({ id: notices.id });
      if (!row) throw new Error('notice not inserted');
      noticeId = row.id;
    } else {
      const [row] = await tx
        .update(notices)
        .set(values)
        .where(and(eq(notices.id, input.noticeId), eq(notices.status, 'draft')))
        .returning({ id: notices.id });
      if (!row) return null;
      noticeId = row.id;
      await tx.delete(noticeTargets).where(eq(noticeTargets.noticeId, noticeId));
    }
    await tx
      .insert(noticeTargets)
      .values([
        ...districtIds.map((districtId) => ({ noticeId, districtId })),
        ...accounts.map((a) => ({ noticeId, accountId: a.id })),
      ]);
    const detail = {
      kind: values.kind,
      utility: values.utility,
      startsAt: values.startsAt.toISOString(),
      endsAt: values.endsAt.toISOString(),
      emergency: values.emergency,
      districtIds,
      accounts: accounts.length,
    };
    await writeAudit(
      tx,
      actor,
      {
        action: input.noticeId === undefined ? 'notice.created' : 'notice.updated',
        subjectType: 'notice',
        subjectId: noticeId,
        detail,
      },
      ...(input.publish
        ? [
            {
              action: 'notice.published',
              subjectType: 'notice',
              subjectId: noticeId,
              detail: { emergency: values.emergency, reason: values.emergencyReason },
            },
          ]
        : []),
    );
    return noticeId;
  });
  if (saved === null) return { ok: false, error: 'not_found' };
  if (input.publish) await sendNoticeNotifyJob(saved);
  return { ok: true, noticeId: saved, published: input.publish };
}
