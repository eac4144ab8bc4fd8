import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { districts, notices, noticeTargets, type TNoticeChanges } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { checkRevisionTiming } from './notice-rules';
import { sendNoticeNotifyJob } from './notice-notify-job';
import { listNoticeRecipients } from './notify-notice-recipients';
import {
  dropPendingDeliveries,
  lockRevisableNotice,
  recordNoticeRevision,
} from './record-notice-revision';
import { resolveNoticeTargets, timingFieldErrors } from './resolve-notice-targets';
import type { TNoticeFieldErrors, TNoticeInput, TNoticeRevisionRefusal } from './types';

/** What staff may change on a published notice: everything but its kind and utility. */
export type TNoticeRevisionInput = Omit<TNoticeInput, 'kind' | 'utility'>;

export type TReviseNoticeResult =
  | { ok: true; revision: number }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'not_revisable'; reason: TNoticeRevisionRefusal }
  | { ok: false; error: 'unchanged' }
  | { ok: false; error: 'invalid'; fields: TNoticeFieldErrors };

/**
 * Revises a published notice that has not ended: times, texts, targets, emergency flag. The
 * end must come after the start; a start moved earlier needs the kind's lead time from now
 * unless marked an emergency (with a reason). In one transaction, under the notice's row lock:
 * the notice and its targets change, the revision is recorded with what changed and why,
 * every resident already told is listed to hear of the change (once), residents not told yet
 * are listed again from the new targets (they get the ordinary message with the new text),
 * and it is audited. The notify jobs run after commit.
 */
export async function reviseNotice(input: {
  actor: TActor;
  noticeId: number;
  notice: TNoticeRevisionInput;
  reason: string;
  now?: Date;
}): Promise<TReviseNoticeResult> {
  const { actor, notice } = input;
  assertCan(actor, 'publish:notice:any');
  const now = input.now ?? new Date();
  const fields: TNoticeFieldErrors = {};
  const targets = await resolveNoticeTargets(notice, fields);
  if (!input.reason.trim()) fields.reason = { code: 'revisionReason' };

  const db = await getDb();
  const result = await db.transaction(
    async (tx): Promise<TReviseNoticeResult & { revisionId?: number; listNew?: boolean }> => {
      const locked = await lockRevisableNotice(tx, input.noticeId, now);
      if (!locked.ok) return locked;
      const before = locked.notice;
      timingFieldErrors(
        before.kind,
        checkRevisionTiming({
          kind: before.kind,
          previousStartsAt: before.startsAt,
          startsAt: notice.startsAt,
          endsAt: notice.endsAt,
          emergency: notice.emergency,
          now,
        }),
        fields,
      );
      if (Object.keys(fields).length > 0) return { ok: false, error: 'invalid', fields };

      const current = await tx
        .select({
          districtId: noticeTargets.districtId,
          districtZh: districts.nameZh,
          districtEn: districts.nameEn,
          accountId: noticeTargets.accountId,
        })
        .from(noticeTargets)
        .leftJoin(districts, eq(districts.id, noticeTargets.districtId))
        .where(eq(noticeTargets.noticeId, input.noticeId));
      const currentDistricts = current.flatMap((t) =>
        t.districtId === null
          ? []
          : [{ id: t.districtId, zh: t.districtZh ?? '', en: t.districtEn ?? '' }],
      );
      const currentAccounts = new Set(
        current.flatMap((t) => (t.accountId === null ? [] : [t.accountId])),
      );
      const nextDistrictIds = new Set(targets.districts.map((d) => d.id));
      const nextAccounts = new Set(targets.accounts.map((a) => a.id));

      const changes: TNoticeChanges = {
        schedule: { startsAt: notice.startsAt.toISOString(), endsAt: notice.endsAt.toISOString() },
      };
      const moved = (from: Date, to: Date) =>
        from.getTime() === to.getTime()
          ? undefined
          : { from: from.toISOString(), to: to.toISOString() };
      const startsAt = moved(before.startsAt, notice.startsAt);
      const endsAt = moved(before.endsAt, notice.endsAt);
      if (startsAt) changes.startsAt = startsAt;
      if (endsAt) changes.endsAt = endsAt;
      if (
        before.titleZh !== notice.titleZh ||
        before.titleEn !== notice.titleEn ||
        before.bodyZh !== notice.bodyZh ||
        before.bodyEn !== notice.bodyEn ||
        (notice.emergency && before.emergencyReason !== notice.emergencyReason)
      )
        changes.text = true;
      if (before.emergency !== notice.emergency)
        changes.emergency = { from: before.emergency, to: notice.emergency };
      const added = targets.districts.filter((d) => !currentDistricts.some((c) => c.id === d.id));
      const removed = currentDistricts.filter((d) => !nextDistrictIds.has(d.id));
      if (added.length) changes.districtsAdded = added;
      if (removed.length) changes.districtsRemoved = removed;
      const accountsAdded = [...nextAccounts].filter((id) => !currentAccounts.has(id)).length;
      const accountsRemoved = [...currentAccounts].filter((id) => !nextAccounts.has(id)).length;
      if (accountsAdded) changes.accountsAdded = accountsAdded;
      if (accountsRemoved) changes.accountsRemoved = accountsRemoved;
      const targetsChanged = Boolean(
        added.length || removed.length || accountsAdded || accountsRemoved,
      );
      // `schedule` is always there: nothing else means nothing changed.
      if (Object.keys(changes).length === 1) return { ok: false, error: 'unchanged' };

      await tx
        .update(notices)
        .set({
          titleZh: notice.titleZh,
          titleEn: notice.titleEn,
          bodyZh: notice.bodyZh,
          bodyEn: notice.bodyEn,
          startsAt: notice.startsAt,
          endsAt: notice.endsAt,
          emergency: notice.emergency,
          emergencyReason: notice.emergency ? notice.emergencyReason : null,
          revision: sql`${notices.revision} + 1`,
          revisedAt: now,
          // New targets: the sweep lists (and tells) their residents even if the nudge is lost.
          ...(targetsChanged ? { notifiedAt: null } : {}),
        })
        .where(eq(notices.id, input.noticeId));
      if (targetsChanged) {
        await tx.delete(noticeTargets).where(eq(noticeTargets.noticeId, input.noticeId));
        await tx
          .insert(noticeTargets)
          .values([
            ...targets.districts.map((d) => ({ noticeId: input.noticeId, districtId: d.id })),
            ...targets.accounts.map((a) => ({ noticeId: input.noticeId, accountId: a.id })),
          ]);
        // Residents listed but not told yet are listed again from the new targets: someone
        // no longer affected is not told; someone newly affected is told the new text.
        await dropPendingDeliveries(tx, input.noticeId);
        await listNoticeRecipients(tx, input.noticeId);
      }
      const revisionId = await recordNoticeRevision(tx, {
        actor,
        noticeId: input.noticeId,
        revision: before.revision + 1,
        kind: 'revised',
        changes,
        reason: input.reason.trim(),
      });
      return { ok: true, revision: before.revision + 1, revisionId, listNew: targetsChanged };
    },
  );
  if (!result.ok) return result;
  if (result.revisionId) await sendNoticeNotifyJob({ revisionId: result.revisionId });
  if (result.listNew) await sendNoticeNotifyJob({ noticeId: input.noticeId });
  return { ok: true, revision: result.revision };
}
